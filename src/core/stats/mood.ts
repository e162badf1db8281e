// Plain statistics over journal rows, for the summary, the dashboard, the Charts and Plan tabs:
// live rows, mean and SD, mood per day and per week. Dose figures are in doseStats.ts (through the
// dose-day model), symptom onsets in onsets.ts. Every figure carries the number of days or entries
// behind it. Facts only. Deleted rows (deletedAt set) are ignored everywhere; days are local dates.
import type { CheckIn } from '../schemas';
import { datesIn, isoWeek, weekStart, type LocalDate } from '../time';

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
