// The dashboard's figures over the whole journal, from the same functions as the Charts tab and the
// prescriber summary: the timeline (chartSeries) with the planned dose and the 7-day rolling median
// added to each day, every dose change, each dose step side by side (doseSteps) and what goes with
// better days (associations). Pure: rows in, figures out.
import { associations, type Association } from '../stats/associations';
import type { ChartSeries } from './chartSeries';
import { doseSteps, type DoseStep } from '../stats/steps';
import { rollingMedian } from '../stats/quantiles';
import type { CheckIn, Dose, LifeEvent, Symptom, TaperStep } from '../schemas';
import { doseRecord, type DoseChange } from '../stats/doseDays';
import { dailyMood } from '../stats/mood';
import type { LocalDate } from '../time';

export interface DashboardInput {
  /** The Charts tab's series over the whole journal (its first day to today). */
  timeline: ChartSeries;
  /**
   * The first day the figures count, when the timeline starts earlier (to show medication history
   * as recalled before the first entry). Recalled periods never enter a figure.
   */
  loggedFrom?: LocalDate;
  checkins: readonly CheckIn[];
  /** Every live dose, skipped ones included (they are counted per step). */
  doses: readonly Dose[];
  symptoms: readonly Symptom[];
  lifeEvents: readonly LifeEvent[];
  steps: readonly TaperStep[];
}

export type TimelineDay = ChartSeries['days'][number] & {
  /** The taper step's target that day; null without a plan. */
  planned: number | null;
  /** Median of the daily means of that day and the 6 before it, from 3 days with a check-in. */
  median: number | null;
};

export interface Dashboard {
  timeline: Omit<ChartSeries, 'days'> & { days: TimelineDay[] };
  /** Every logged change of dose level in the timeline's range, oldest first. */
  changes: DoseChange[];
  /** Each dose step of the timeline's range, oldest first. */
  steps: DoseStep[];
  /** What goes with better days, largest differences first. */
  associations: Association[];
}

export function dashboard(input: DashboardInput): Dashboard {
  const { from: timelineFrom, to } = input.timeline;
  const from = input.loggedFrom && input.loggedFrom > timelineFrom ? input.loggedFrom : timelineFrom;
  const rolling = rollingMedian(dailyMood(input.checkins, timelineFrom, to));
  const planned = plannedOn(input.steps);
  const days = input.timeline.days.map((d, i) => {
    const median = rolling[i]?.median ?? null;
    return { ...d, planned: planned(d.date), median: median === null ? null : round(median) };
  });
  return {
    timeline: { ...input.timeline, days },
    changes: doseRecord(input.doses).changes.filter((c) => c.date >= from && c.date <= to),
    steps: doseSteps({ checkins: input.checkins, doses: input.doses, symptoms: input.symptoms, lifeEvents: input.lifeEvents }, from, to),
    associations: associations(input, from, to)
  };
}

/**
 * The planned dose of each day, asked in date order: the same step as currentStep() (the latest
 * started, a later edit winning a tie), found in one sweep rather than a search per day.
 */
function plannedOn(steps: readonly TaperStep[]): (date: LocalDate) => number | null {
  const sorted = steps.filter((s) => !s.deletedAt).sort((a, b) => (a.startDate === b.startDate ? (a.updatedAt < b.updatedAt ? -1 : 1) : a.startDate < b.startDate ? -1 : 1));
  let i = 0;
  let found: TaperStep | undefined;
  return (date) => {
    while (i < sorted.length && sorted[i].startDate <= date) found = sorted[i++];
    return found?.targetMg ?? null;
  };
}

/** The first day of the dashboard: the journal's first day, or today for an empty journal. */
export function dashboardFrom(first: LocalDate | undefined, today: LocalDate): LocalDate {
  return first && first < today ? first : today;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
