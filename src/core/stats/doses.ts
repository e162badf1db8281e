// Dose figures over a range, all read through the dose-day model (doseDays.ts): the changes, the
// day-by-day timeline against the plan, mood by dose level, and adherence. Every count of skipped
// and unlogged days comes from the same days, so the step table, the plan comparison and the
// daily table agree. Facts with their n; nothing here interprets a figure.
import { formatMg } from '../entries';
import { dayCounts, doseRecord, sameMg, type DayKind, type DoseChange, type DoseDay } from './doseDays';
import type { CheckIn, Dose, TaperStep } from '../schemas';
import { mean, sampleSd } from './mood';
import { currentStep } from '../taper';
import { daysBetween, type LocalDate } from '../time';

export type { DoseChange, DoseDay } from './doseDays';

const lowest = (list: readonly number[]) => (list.length ? list.reduce((a, b) => (b < a ? b : a)) : null);
const highest = (list: readonly number[]) => (list.length ? list.reduce((a, b) => (b > a ? b : a)) : null);

/** Every change of level over the whole history, oldest first; the first level ever logged is not a change. */
export function doseChanges(doses: readonly Dose[]): readonly DoseChange[] {
  return doseRecord(doses).changes;
}

export function changeLabel(c: Pick<DoseChange, 'fromMg' | 'toMg'>, unit = 'mg'): string {
  return `${formatMg(c.fromMg)} → ${formatMg(c.toMg)} ${unit}`;
}

/** The latest change on or before `date`. */
export function lastChangeOnOrBefore(changes: readonly DoseChange[], date: LocalDate): DoseChange | undefined {
  for (let i = changes.length - 1; i >= 0; i--) if (changes[i].date <= date) return changes[i];
  return undefined;
}

/** Whole days from the latest change (on or before `today`) to `today`; null when none. */
export function daysSinceLastChange(doses: readonly Dose[], today: LocalDate): number | null {
  const last = doseRecord(doses).lastChangeOnOrBefore(today);
  return last ? daysBetween(last.date, today) : null;
}

export interface DoseMood {
  mg: number;
  /** Mean of the daily mean moods on days taken at this level. */
  mean: number;
  days: number;
  checkIns: number;
  /** Sample SD of the daily means; null when days < 2. */
  sd: number | null;
  /** Lowest and highest single check-in on those days. */
  min: number;
  max: number;
}

/** The days with a check-in that mood by dose leaves out, and why. */
export interface MoodDaysLeftOut {
  /** Skipped only, or nothing logged, within a step: no dose was taken that we know of. */
  noDose: number;
  /** A dose taken that differs from the step (a one-day deviation). */
  otherDose: number;
  /** Before the first dose ever logged. */
  beforeFirstDose: number;
}

/**
 * Mood per dose level, highest level first: only days with a check-in and a dose taken at the
 * step's level count. Days without a dose taken, or with a different one, are counted apart.
 */
export function moodByDose(checkins: readonly CheckIn[], doses: readonly Dose[], from: LocalDate, to: LocalDate): { levels: DoseMood[]; leftOut: MoodDaysLeftOut } {
  const record = doseRecord(doses);
  const groups = new Map<number, { means: number[]; all: number[] }>();
  const leftOut: MoodDaysLeftOut = { noDose: 0, otherDose: 0, beforeFirstDose: 0 };
  for (const [date, list] of moodsByDate(checkins)) {
    if (date < from || date > to) continue;
    const day = record.day(date);
    if (day.level === null) leftOut.beforeFirstDose++;
    else if (day.kind !== 'taken') leftOut.noDose++;
    else if (day.deviation) leftOut.otherDose++;
    else {
      const g = groups.get(day.level) ?? { means: [], all: [] };
      g.means.push(mean(list)!);
      g.all.push(...list);
      groups.set(day.level, g);
    }
  }
  const levels = [...groups]
    .map(([mg, g]) => ({ mg, mean: mean(g.means)!, days: g.means.length, checkIns: g.all.length, sd: sampleSd(g.means), min: lowest(g.all)!, max: highest(g.all)! }))
    .sort((a, b) => b.mg - a.mg);
  return { levels, leftOut };
}

// Each local date's single check-ins (the range of single values needs them, not only the mean).
const moodIndex = new WeakMap<readonly CheckIn[], Map<LocalDate, number[]>>();
function moodsByDate(checkins: readonly CheckIn[]): Map<LocalDate, number[]> {
  let index = moodIndex.get(checkins);
  if (!index) {
    index = new Map();
    for (const c of checkins) {
      if (c.deletedAt) continue;
      const list = index.get(c.localDate);
      if (list) list.push(c.mood);
      else index.set(c.localDate, [c.mood]);
    }
    moodIndex.set(checkins, index);
  }
  return index;
}

// ---- The timeline against the plan ------------------------------------------------------------

export interface TimelineDay extends DoseDay {
  /** Target of the taper step in force, or null without a plan. */
  planned: number | null;
}

/** What a run of days shows in the appendix's dose table. */
export type SegmentState = { kind: 'taken'; mg: number } | { kind: 'other'; day: DoseDay } | { kind: Exclude<DayKind, 'taken'> } | { kind: 'before-first' };

export interface TimelineSegment {
  from: LocalDate;
  to: LocalDate;
  days: number;
  state: SegmentState;
  /** The step in force (null before the first dose). */
  level: number | null;
  planned: number | null;
}

export interface DoseTimeline {
  days: TimelineDay[];
  /** Runs of consecutive days that read the same: taken at the step, one deviation, skipped, not logged. */
  segments: TimelineSegment[];
  /** Changes of level within the range. */
  changes: DoseChange[];
}

function stateOf(d: DoseDay): SegmentState {
  if (d.level === null && d.kind === 'not-logged') return { kind: 'before-first' };
  if (d.kind !== 'taken') return { kind: d.kind };
  return d.deviation ? { kind: 'other', day: d } : { kind: 'taken', mg: d.total! };
}

const sameState = (a: SegmentState, b: SegmentState) =>
  a.kind === b.kind && (a.kind !== 'taken' || sameMg(a.mg, (b as { mg: number }).mg)) && a.kind !== 'other';

export function doseTimeline(doses: readonly Dose[], steps: readonly TaperStep[], from: LocalDate, to: LocalDate): DoseTimeline {
  const record = doseRecord(doses);
  const days = record.days(from, to).map((d) => ({ ...d, planned: currentStep(steps, d.date)?.targetMg ?? null }));
  const segments: TimelineSegment[] = [];
  for (const d of days) {
    const state = stateOf(d);
    const last = segments[segments.length - 1];
    if (last && sameState(last.state, state) && last.level === d.level && last.planned === d.planned) {
      last.to = d.date;
      last.days++;
    } else segments.push({ from: d.date, to: d.date, days: 1, state, level: d.level, planned: d.planned });
  }
  const changes = record.changes.filter((c) => c.date >= from && c.date <= to);
  return { days, segments, changes };
}

export interface PlanDifference {
  date: LocalDate;
  loggedMg: number;
  plannedMg: number;
}

/**
 * Each day in range falls in exactly one group: a dose taken with a plan in force (at, above or
 * below the plan), a dose taken without a plan, only a skipped dose, or nothing logged. A day
 * with both a skipped and a taken dose is taken (the dose-day rule). `aboveStep`/`belowStep`:
 * taken days whose total differs from the step in force, the one-day deviations.
 */
export interface Adherence {
  days: number;
  planDays: number;
  atPlan: number;
  abovePlan: number;
  belowPlan: number;
  loggedNoPlan: number;
  skipped: number;
  notLogged: number;
  aboveStep: number;
  belowStep: number;
  differences: PlanDifference[];
  skippedDates: LocalDate[];
  notLoggedDates: LocalDate[];
}

export function adherence(doses: readonly Dose[], steps: readonly TaperStep[], from: LocalDate, to: LocalDate): Adherence {
  const days = doseTimeline(doses, steps, from, to).days;
  const counts = dayCounts(days);
  const out: Adherence = {
    days: counts.days,
    planDays: 0,
    atPlan: 0,
    abovePlan: 0,
    belowPlan: 0,
    loggedNoPlan: 0,
    skipped: counts.skipped,
    notLogged: counts.notLogged,
    aboveStep: counts.aboveStep,
    belowStep: counts.belowStep,
    differences: [],
    skippedDates: [],
    notLoggedDates: []
  };
  for (const d of days) {
    if (d.planned !== null) out.planDays++;
    if (d.kind === 'skipped') out.skippedDates.push(d.date);
    else if (d.kind === 'not-logged') out.notLoggedDates.push(d.date);
    else if (d.planned === null) out.loggedNoPlan++;
    else if (sameMg(d.total!, d.planned)) out.atPlan++;
    else {
      if (d.total! > d.planned) out.abovePlan++;
      else out.belowPlan++;
      out.differences.push({ date: d.date, loggedMg: d.total!, plannedMg: d.planned });
    }
  }
  return out;
}
