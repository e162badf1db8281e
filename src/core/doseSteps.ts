// Each dose step side by side: a step is a run of days in the range at one logged dose level
// (levelsByDay's carry-forward rule). For each: its dates, days with a check-in, mood as median with
// IQR and as mean ± SD with n, days 0–14 and day 15 on of the step counted separately, symptom-days,
// skipped doses and life events. Facts with their n; nothing is compared or judged here.
import type { CheckIn, Dose, LifeEvent, Symptom } from './schemas';
import { windowStat, type WindowStat } from './quantiles';
import { dailyMood, doseChanges, lastChangeOnOrBefore, levelsByDay, live, loggedByDate, mean, sampleSd, type DoseChange } from './stats';
import { datesIn, daysBetween, type LocalDate } from './time';

/** Days 0 to EARLY_LAST_DAY after a change form its first window; the rest of the step, its second. */
export const EARLY_LAST_DAY = 14;

export interface DoseStep {
  /** The logged level; null before any dose was logged. */
  mg: number | null;
  /** First and last day of the step within the range. */
  from: LocalDate;
  to: LocalDate;
  days: number;
  /** The day the level began (the change, or the first dose ever logged), possibly before the range. */
  startedOn: LocalDate | null;
  /** The change that began it; null for the first level ever logged. */
  change: DoseChange | null;
  daysWithCheckIn: number;
  /** Daily mean moods: median with IQR (type 7), or "too few days". */
  mood: WindowStat;
  /** Mean and sample SD of the daily means; n = daysWithCheckIn. SD null below 2 days. */
  mean: number | null;
  sd: number | null;
  /** Days 0–14 and day 15 onward, counted from startedOn, within the step and the range. */
  early: WindowStat;
  late: WindowStat;
  /** Days with any symptom logged above 0. */
  symptomDays: number;
  /** Days with a dose recorded as skipped. */
  skippedDoses: number;
  lifeEvents: number;
}

export interface StepInput {
  checkins: readonly CheckIn[];
  doses: readonly Dose[];
  symptoms: readonly Symptom[];
  lifeEvents: readonly LifeEvent[];
}

function startOf(level: number | null, from: LocalDate, changes: readonly DoseChange[], firstLogged: LocalDate | undefined): { startedOn: LocalDate | null; change: DoseChange | null } {
  if (level === null) return { startedOn: null, change: null };
  const change = lastChangeOnOrBefore(changes, from);
  if (change && Math.abs(change.toMg - level) < 1e-9) return { startedOn: change.date, change };
  return { startedOn: firstLogged && firstLogged <= from ? firstLogged : null, change: null };
}

export function doseSteps(input: StepInput, from: LocalDate, to: LocalDate): DoseStep[] {
  const levels = levelsByDay(input.doses, from, to);
  const runs: { mg: number | null; from: LocalDate; to: LocalDate }[] = [];
  for (const [date, mg] of levels) {
    const last = runs[runs.length - 1];
    if (last && last.mg === mg) last.to = date;
    else runs.push({ mg, from: date, to: date });
  }
  const changes = doseChanges(input.doses);
  const firstLogged = [...loggedByDate(input.doses).keys()][0];
  const days = new Map(dailyMood(input.checkins, from, to).map((d) => [d.date, d.mean]));
  const symptomDates = new Set(live(input.symptoms).filter((s) => s.severity > 0).map((s) => s.localDate));
  const skippedDates = new Set(live(input.doses).filter((d) => d.status === 'skipped').map((d) => d.localDate));
  const eventDates = live(input.lifeEvents).map((e) => e.localDate);
  return runs.map((run) => {
    const { startedOn, change } = startOf(run.mg, run.from, changes, firstLogged);
    const moods: number[] = [];
    const early: number[] = [];
    const late: number[] = [];
    let symptomDays = 0;
    let skippedDoses = 0;
    // Day i of the run is day first + i of the step.
    const first = startedOn ? daysBetween(startedOn, run.from) : 0;
    datesIn(run.from, run.to).forEach((d, i) => {
      const m = days.get(d);
      if (m !== undefined && m !== null) {
        moods.push(m);
        (first + i <= EARLY_LAST_DAY ? early : late).push(m);
      }
      if (symptomDates.has(d)) symptomDays++;
      if (skippedDates.has(d)) skippedDoses++;
    });
    return {
      mg: run.mg,
      from: run.from,
      to: run.to,
      days: daysBetween(run.from, run.to) + 1,
      startedOn,
      change,
      daysWithCheckIn: moods.length,
      mood: windowStat(moods),
      mean: mean(moods),
      sd: sampleSd(moods),
      early: windowStat(early),
      late: windowStat(late),
      symptomDays,
      skippedDoses,
      lifeEvents: eventDates.filter((e) => e >= run.from && e <= run.to).length
    };
  });
}

