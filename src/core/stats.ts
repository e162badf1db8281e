// Plain statistics over journal rows for the prescriber summary. Every figure carries the number of
// days or entries behind it, so a reader can judge how much it rests on. Facts only: nothing here
// interprets a figure. Deleted rows (deletedAt set) are ignored everywhere; days are local dates.
import { formatMg } from './entries';
import type { CheckIn, Dose, Symptom, TaperStep } from './schemas';
import { symptomLabel } from './symptoms';
import { currentStep } from './taper';
import { addDays, datesIn, daysBetween, isoWeek, weekStart, type LocalDate } from './time';

// The stats below are computed over the same row lists many times per summary; filtering and
// grouping once per list (rows are never mutated in place) keeps a year of data fast.
const liveCache = new WeakMap<readonly object[], unknown[]>();

export function live<T extends { deletedAt: string | null }>(rows: readonly T[]): readonly T[] {
  let out = liveCache.get(rows) as T[] | undefined;
  if (!out) {
    out = rows.filter((r) => !r.deletedAt);
    liveCache.set(rows, out);
  }
  return out;
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Sample standard deviation (n − 1); null below two values, where it is undefined. */
export function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values)!;
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

const sameMg = (a: number, b: number) => Math.abs(a - b) < 1e-9;
// reduce, not Math.min(...list): spreading a very long list can overflow the call stack.
const lowest = (list: readonly number[]) => (list.length ? list.reduce((a, b) => (b < a ? b : a)) : null);
const highest = (list: readonly number[]) => (list.length ? list.reduce((a, b) => (b > a ? b : a)) : null);

// ---- Mood ------------------------------------------------------------------------------------

export interface DailyMood {
  date: LocalDate;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Check-ins that day. */
  n: number;
}

const moodCache = new WeakMap<readonly CheckIn[], Map<LocalDate, number[]>>();

function moodsByDate(checkins: readonly CheckIn[], from?: LocalDate, to?: LocalDate): Map<LocalDate, number[]> {
  let all = moodCache.get(checkins);
  if (!all) {
    all = new Map<LocalDate, number[]>();
    for (const c of live(checkins)) {
      const list = all.get(c.localDate);
      if (list) list.push(c.mood);
      else all.set(c.localDate, [c.mood]);
    }
    moodCache.set(checkins, all);
  }
  const out = new Map<LocalDate, number[]>();
  for (const [date, moods] of all) if (!((from && date < from) || (to && date > to))) out.set(date, moods);
  return out;
}

// The dashboard asks for the same list's days four times (timeline, rolling median, steps, associations).
const dailyCache = new WeakMap<readonly CheckIn[], Map<string, readonly Readonly<DailyMood>[]>>();

export function dailyMood(checkins: readonly CheckIn[], from: LocalDate, to: LocalDate): DailyMood[] {
  let byRange = dailyCache.get(checkins);
  if (!byRange) dailyCache.set(checkins, (byRange = new Map()));
  let days = byRange.get(`${from}/${to}`);
  if (!days) {
    const byDate = moodsByDate(checkins, from, to);
    days = datesIn(from, to).map((date) => {
      const moods = byDate.get(date) ?? [];
      return Object.freeze({ date, mean: mean(moods), min: lowest(moods), max: highest(moods), n: moods.length });
    });
    byRange.set(`${from}/${to}`, days);
  }
  return [...days];
}

export interface WeeklyMood {
  /** ISO week label, e.g. 2026-W10. */
  week: string;
  /** Monday of the week. */
  start: LocalDate;
  /** Mean of the daily means, over the days in range that have check-ins. */
  mean: number | null;
  days: number;
}

export function weeklyMood(checkins: readonly CheckIn[], from: LocalDate, to: LocalDate): WeeklyMood[] {
  const weeks = new Map<LocalDate, number[]>();
  for (const day of dailyMood(checkins, from, to)) {
    const key = weekStart(day.date);
    const list = weeks.get(key) ?? [];
    if (day.mean !== null) list.push(day.mean);
    weeks.set(key, list);
  }
  return [...weeks].map(([start, means]) => ({ week: isoWeek(start), start, mean: mean(means), days: means.length }));
}

// ---- Dose levels -----------------------------------------------------------------------------

const byTime = (a: Dose, b: Dose) => (a.at === b.at ? (a.createdAt < b.createdAt ? -1 : 1) : a.at < b.at ? -1 : 1);

// A summary asks for the logged levels of the same dose list many times; sorting a year of doses
// each time dominated its cost. Results are kept per list (rows are never mutated in place).
const loggedCache = new WeakMap<readonly Dose[], Map<LocalDate, number>>();

/** The mg of the last non-skipped dose logged on each local date (ordered by `at`, then by date). */
export function loggedByDate(doses: readonly Dose[]): Map<LocalDate, number> {
  return new Map(loggedLevels(doses));
}

/** loggedByDate's map itself, in date order, for the readers below that never change it. */
function loggedLevels(doses: readonly Dose[]): ReadonlyMap<LocalDate, number> {
  let out = loggedCache.get(doses);
  if (!out) {
    const byDate = new Map<LocalDate, number>();
    for (const d of live(doses).filter((x) => x.status !== 'skipped').sort(byTime)) byDate.set(d.localDate, d.mg);
    out = new Map([...byDate.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    loggedCache.set(doses, out);
  }
  return out;
}

/**
 * The dose level of each day in [from, to]. Rule: the mg of the last non-skipped dose logged that
 * local date; on a day without one (nothing logged, or only a skipped dose) the last level logged
 * on an earlier date carries forward, however long ago. null before the first dose ever logged.
 */
export function levelsByDay(doses: readonly Dose[], from: LocalDate, to: LocalDate): Map<LocalDate, number | null> {
  const logged = loggedLevels(doses);
  const dates = [...logged.keys()];
  const out = new Map<LocalDate, number | null>();
  let level: number | null = null;
  let i = 0;
  for (const day of datesIn(from, to)) {
    while (i < dates.length && dates[i] <= day) level = logged.get(dates[i++])!;
    out.set(day, level);
  }
  return out;
}

export interface DoseChange {
  /** First local date logged at the new level. */
  date: LocalDate;
  fromMg: number;
  toMg: number;
}

/** Every change of logged level, over the whole history; the first level ever logged is not a change. */
export function doseChanges(doses: readonly Dose[]): DoseChange[] {
  const logged = loggedLevels(doses);
  const out: DoseChange[] = [];
  let prev: number | null = null;
  for (const [date, mg] of logged) {
    if (prev !== null && !sameMg(prev, mg)) out.push({ date, fromMg: prev, toMg: mg });
    prev = mg;
  }
  return out;
}

export function changeLabel(c: Pick<DoseChange, 'fromMg' | 'toMg'>, unit = 'mg'): string {
  return `${formatMg(c.fromMg)} → ${formatMg(c.toMg)} ${unit}`;
}

/** The latest change on or before `date`. */
export function lastChangeOnOrBefore(changes: readonly DoseChange[], date: LocalDate): DoseChange | undefined {
  return [...changes].reverse().find((c) => c.date <= date);
}

/** Whole days from the latest logged change (on or before `today`) to `today`; null when none. */
export function daysSinceLastChange(doses: readonly Dose[], today: LocalDate): number | null {
  const last = lastChangeOnOrBefore(doseChanges(doses), today);
  return last ? daysBetween(last.date, today) : null;
}

export interface DoseMood {
  mg: number;
  /** Mean of the daily mean moods on days at this level. */
  mean: number;
  days: number;
  checkIns: number;
  /** Sample SD of the daily means; null when days < 2. */
  sd: number | null;
  /** Lowest and highest single check-in on those days. */
  min: number;
  max: number;
}

/**
 * Mood per dose level, highest level first. Only days with a check-in count; each day's level
 * follows levelsByDay (logged that day, else carried forward). Days before any dose is logged have
 * no level and are left out (see daysWithoutLevel).
 */
export function moodByDose(checkins: readonly CheckIn[], doses: readonly Dose[], from?: LocalDate, to?: LocalDate): DoseMood[] {
  const groups = new Map<number, number[][]>();
  for (const [moods, mg] of moodDaysWithLevel(checkins, doses, from, to)) {
    if (mg === null) continue;
    const list = groups.get(mg) ?? [];
    list.push(moods);
    groups.set(mg, list);
  }
  return [...groups]
    .map(([mg, days]) => {
      const means = days.map((m) => mean(m)!);
      const all = days.flat();
      return { mg, mean: mean(means)!, days: days.length, checkIns: all.length, sd: sampleSd(means), min: lowest(all)!, max: highest(all)! };
    })
    .sort((a, b) => b.mg - a.mg);
}

/** Days with a check-in but no dose level yet (before the first dose logged). */
export function daysWithoutLevel(checkins: readonly CheckIn[], doses: readonly Dose[], from?: LocalDate, to?: LocalDate): number {
  return moodDaysWithLevel(checkins, doses, from, to).filter(([, mg]) => mg === null).length;
}

function moodDaysWithLevel(checkins: readonly CheckIn[], doses: readonly Dose[], from?: LocalDate, to?: LocalDate): [number[], number | null][] {
  const byDate = moodsByDate(checkins, from, to);
  const dates = [...byDate.keys()].sort();
  if (!dates.length) return [];
  const levels = levelsByDay(doses, dates[0], dates[dates.length - 1]);
  return dates.map((d) => [byDate.get(d)!, levels.get(d) ?? null]);
}

// ---- Plan and logged doses -------------------------------------------------------------------

export interface TimelineDay {
  date: LocalDate;
  /** Last non-skipped dose logged that day, or null. */
  logged: number | null;
  /** The carried-forward level (see levelsByDay). */
  level: number | null;
  /** Target of the taper step in force, or null without a plan. */
  planned: number | null;
  skipped: boolean;
}

export interface TimelineSegment {
  from: LocalDate;
  to: LocalDate;
  days: number;
  level: number | null;
  planned: number | null;
}

export interface DoseTimeline {
  days: TimelineDay[];
  /** Runs of consecutive days with the same level and the same plan. */
  segments: TimelineSegment[];
  /** Changes of logged level within the range. */
  changes: DoseChange[];
}

export function doseTimeline(doses: readonly Dose[], steps: readonly TaperStep[], from: LocalDate, to: LocalDate): DoseTimeline {
  const logged = loggedByDate(doses);
  const levels = levelsByDay(doses, from, to);
  const skippedDays = new Set(live(doses).filter((d) => d.status === 'skipped').map((d) => d.localDate));
  const days = datesIn(from, to).map((date) => ({
    date,
    logged: logged.get(date) ?? null,
    level: levels.get(date) ?? null,
    planned: currentStep(steps, date)?.targetMg ?? null,
    skipped: skippedDays.has(date)
  }));
  const segments: TimelineSegment[] = [];
  for (const d of days) {
    const last = segments[segments.length - 1];
    if (last && last.level === d.level && last.planned === d.planned) {
      last.to = d.date;
      last.days++;
    } else segments.push({ from: d.date, to: d.date, days: 1, level: d.level, planned: d.planned });
  }
  const changes = doseChanges(doses).filter((c) => c.date >= from && c.date <= to);
  return { days, segments, changes };
}

export interface PlanDifference {
  date: LocalDate;
  loggedMg: number;
  plannedMg: number;
}

/**
 * Each day in range falls in exactly one group: a dose logged with a plan in force (at, above or
 * below the plan), a dose logged without a plan, only a skipped dose, or nothing logged. A day
 * with both a skipped and a taken dose counts by the taken one.
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
  differences: PlanDifference[];
  skippedDates: LocalDate[];
  notLoggedDates: LocalDate[];
}

export function adherence(doses: readonly Dose[], steps: readonly TaperStep[], from: LocalDate, to: LocalDate): Adherence {
  const out: Adherence = { days: 0, planDays: 0, atPlan: 0, abovePlan: 0, belowPlan: 0, loggedNoPlan: 0, skipped: 0, notLogged: 0, differences: [], skippedDates: [], notLoggedDates: [] };
  for (const d of doseTimeline(doses, steps, from, to).days) {
    out.days++;
    if (d.planned !== null) out.planDays++;
    if (d.logged === null) {
      if (d.skipped) out.skippedDates.push(d.date);
      else out.notLoggedDates.push(d.date);
    } else if (d.planned === null) out.loggedNoPlan++;
    else if (sameMg(d.logged, d.planned)) out.atPlan++;
    else {
      if (d.logged > d.planned) out.abovePlan++;
      else out.belowPlan++;
      out.differences.push({ date: d.date, loggedMg: d.logged, plannedMg: d.planned });
    }
  }
  out.skipped = out.skippedDates.length;
  out.notLogged = out.notLoggedDates.length;
  return out;
}

// ---- Symptoms --------------------------------------------------------------------------------

export interface SymptomOnset {
  key: string;
  label: string;
  /** First and last local dates logged (severity > 0) within the range. */
  firstDate: LocalDate;
  lastDate: LocalDate;
  /** The latest logged dose change on or before firstDate (any time before the range too). */
  change: DoseChange | null;
  daysAfterChange: number | null;
  peak: number;
  daysLogged: number;
  /** lastDate − firstDate + 1. */
  spanDays: number;
  /** Also logged (severity > 0) before the range, so firstDate may not be the first ever. */
  loggedBefore: boolean;
  /** For each later change in range: the first day logged from it until the next change. */
  afterLaterChanges: { change: DoseChange; firstDate: LocalDate; daysAfterChange: number }[];
}

function afterLaterChanges(dates: readonly LocalDate[], changes: readonly DoseChange[], to: LocalDate): SymptomOnset['afterLaterChanges'] {
  const out: SymptomOnset['afterLaterChanges'] = [];
  changes.forEach((change, i) => {
    const until = changes[i + 1]?.date ?? '9999-12-31';
    const first = dates.find((d) => d >= change.date && d < until);
    if (change.date > dates[0] && change.date <= to && first) out.push({ change, firstDate: first, daysAfterChange: daysBetween(change.date, first) });
  });
  return out;
}

/** Symptom rows dated from `from` to `to` (both included), by key, each list in time order. */
export function symptomsByKey(rows: readonly Symptom[], from: LocalDate, to: LocalDate): Map<string, Symptom[]> {
  const byKey = new Map<string, Symptom[]>();
  for (const s of rows) {
    if (s.localDate < from || s.localDate > to) continue;
    const list = byKey.get(s.key) ?? [];
    list.push(s);
    byKey.set(s.key, list);
  }
  for (const list of byKey.values()) list.sort((a, b) => (a.at < b.at ? -1 : 1));
  return byKey;
}

export function symptomOnsets(symptoms: readonly Symptom[], doses: readonly Dose[], from: LocalDate, to: LocalDate): SymptomOnset[] {
  const present = live(symptoms).filter((s) => s.severity > 0);
  const changes = doseChanges(doses);
  const out: SymptomOnset[] = [];
  for (const [key, rows] of symptomsByKey(present, from, to)) {
    const dates = [...new Set(rows.map((r) => r.localDate))].sort();
    const firstDate = dates[0];
    const lastDate = dates[dates.length - 1];
    const change = lastChangeOnOrBefore(changes, firstDate) ?? null;
    out.push({
      key,
      label: rows[rows.length - 1].label.trim() || symptomLabel(key) || key,
      firstDate,
      lastDate,
      change,
      daysAfterChange: change ? daysBetween(change.date, firstDate) : null,
      peak: highest(rows.map((r) => r.severity))!,
      daysLogged: dates.length,
      spanDays: daysBetween(firstDate, lastDate) + 1,
      loggedBefore: present.some((s) => s.key === key && s.localDate < from),
      afterLaterChanges: afterLaterChanges(dates, changes, to)
    });
  }
  return out.sort((a, b) => (a.firstDate === b.firstDate ? a.label.localeCompare(b.label) : a.firstDate < b.firstDate ? -1 : 1));
}
