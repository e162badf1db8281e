// The year in pixels: one cell per day of a calendar year, months as rows and days of the month as
// columns, each cell holding that day's mean mood and its place on a five-step scale. Also the
// grid's keyboard moves, worked out on dates so they can be tested without a page. Pure.
import { formatLocalDate, parseLocalDate, type LocalDate } from '../time';

/** The five steps of the colour scale, by daily mean mood (1–10): each `from` up to the next. */
export const MOOD_BINS = [
  { from: 1, to: 3 },
  { from: 3, to: 5 },
  { from: 5, to: 7 },
  { from: 7, to: 9 },
  { from: 9, to: 10 }
] as const;

/** 0–4 for a daily mean mood, null for a day without a check-in. The top step includes 10. */
export function moodBin(mean: number | null): number | null {
  if (mean === null) return null;
  const i = MOOD_BINS.findIndex((b) => mean < b.to);
  return i < 0 ? MOOD_BINS.length - 1 : i;
}

export interface YearCell {
  date: LocalDate;
  /** 1–31. */
  day: number;
  mean: number | null;
  /** Check-ins that day. */
  n: number;
  bin: number | null;
}

export interface YearGrid {
  year: number;
  /** Twelve rows, January first, each with one cell per day of that month. */
  months: YearCell[][];
  /** Days of the year with a check-in. */
  daysWithCheckIn: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The grid of one year from daily moods (any dates; those outside the year are ignored). */
export function yearGrid(days: readonly { date: LocalDate; mean: number | null; n: number }[], year: number): YearGrid {
  const byDate = new Map<LocalDate, { mean: number | null; n: number }>();
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const d of days) if (d.date.startsWith(prefix)) byDate.set(d.date, d);
  let daysWithCheckIn = 0;
  const months: YearCell[][] = [];
  for (let m = 1; m <= 12; m++) {
    const row: YearCell[] = [];
    for (let day = 1; day <= daysInMonth(year, m); day++) {
      const date = formatLocalDate(year, m, day);
      const found = byDate.get(date);
      const mean = found && found.n > 0 ? found.mean : null;
      if (mean !== null) daysWithCheckIn++;
      row.push({ date, day, mean, n: found?.n ?? 0, bin: moodBin(mean) });
    }
    months.push(row);
  }
  return { year, months, daysWithCheckIn };
}

/** The calendar years from one date to another, oldest first. */
export function yearsBetween(from: LocalDate, to: LocalDate): number[] {
  const [a] = parseLocalDate(from);
  const [b] = parseLocalDate(to);
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/**
 * Where a key moves the focus from `date`: Left and Right a day (across months), Up and Down the
 * same day a month earlier or later (the last day of a shorter month), Home and End the first and
 * last day of the month, or of the year with `ctrl`, PageUp and PageDown the same day a year
 * earlier or later. Moves stop at `min` and `max` (the years shown), and the result may fall in
 * another year only through PageUp, PageDown, or Left and Right at the year's edge.
 */
export function moveInYear(date: LocalDate, key: GridKey, opts: { ctrl?: boolean; min: LocalDate; max: LocalDate }): LocalDate {
  const [y, m, d] = parseLocalDate(date);
  const clampDay = (yy: number, mm: number, dd: number) => formatLocalDate(yy, mm, Math.min(dd, daysInMonth(yy, mm)));
  let next: LocalDate;
  switch (key) {
    case 'ArrowLeft':
      next = d > 1 ? formatLocalDate(y, m, d - 1) : m > 1 ? formatLocalDate(y, m - 1, daysInMonth(y, m - 1)) : formatLocalDate(y - 1, 12, 31);
      break;
    case 'ArrowRight':
      next = d < daysInMonth(y, m) ? formatLocalDate(y, m, d + 1) : m < 12 ? formatLocalDate(y, m + 1, 1) : formatLocalDate(y + 1, 1, 1);
      break;
    case 'ArrowUp':
      next = m > 1 ? clampDay(y, m - 1, d) : date;
      break;
    case 'ArrowDown':
      next = m < 12 ? clampDay(y, m + 1, d) : date;
      break;
    case 'Home':
      next = opts.ctrl ? formatLocalDate(y, 1, 1) : formatLocalDate(y, m, 1);
      break;
    case 'End':
      next = opts.ctrl ? formatLocalDate(y, 12, 31) : formatLocalDate(y, m, daysInMonth(y, m));
      break;
    case 'PageUp':
      next = clampDay(y - 1, m, d);
      break;
    case 'PageDown':
      next = clampDay(y + 1, m, d);
      break;
  }
  return next < opts.min ? (key === 'PageUp' ? date : opts.min) : next > opts.max ? (key === 'PageDown' ? date : opts.max) : next;
}
