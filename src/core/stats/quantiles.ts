// Order statistics for the summary: median, quartiles, a rolling median and a window summary that
// refuses to give a number for fewer than MIN_WINDOW_DAYS days. Pure; numbers in, numbers out.
import type { DailyMood } from './mood';

/** Below this many days with a check-in, a window says "too few days" instead of a number. */
export const MIN_WINDOW_DAYS = 3;

/** Days in the trailing window of the rolling median (the day itself and the 6 before it). */
export const ROLLING_DAYS = 7;

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/**
 * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics (Hyndman & Fan type 7,
 * the default of R and NumPy): with the n values sorted x[0..n−1], h = (n − 1)·p and the quantile is
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). null for no values.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const x = ascending(values);
  const h = (x.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  return lo + 1 < x.length ? x[lo] + (h - lo) * (x[lo + 1] - x[lo]) : x[lo];
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

/** First quartile, median and third quartile (type 7); null for no values. */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (!values.length) return null;
  return { q1: quantile(values, 0.25)!, median: quantile(values, 0.5)!, q3: quantile(values, 0.75)! };
}

export interface RollingPoint {
  date: string;
  /** Median of the daily means of this day and the 6 before it that have a check-in; null below 3 such days. */
  median: number | null;
  /** Days with a check-in in the window. */
  n: number;
}

/** A trailing 7-day rolling median of the daily mean mood, one point per day of `days` (in date order). */
export function rollingMedian(days: readonly DailyMood[], window = ROLLING_DAYS): RollingPoint[] {
  return days.map((d, i) => {
    const values = days
      .slice(Math.max(0, i - window + 1), i + 1)
      .filter((x) => x.mean !== null)
      .map((x) => x.mean!);
    return { date: d.date, median: values.length >= MIN_WINDOW_DAYS ? median(values) : null, n: values.length };
  });
}

/** Mood over a window of days: its n, and median with IQR only from MIN_WINDOW_DAYS days on. */
export type WindowStat = { n: number; tooFew: true } | ({ n: number; tooFew: false } & Quartiles);

export function windowStat(dailyMeans: readonly number[]): WindowStat {
  const n = dailyMeans.length;
  return n < MIN_WINDOW_DAYS ? { n, tooFew: true } : { n, tooFew: false, ...quartiles(dailyMeans)! };
}
