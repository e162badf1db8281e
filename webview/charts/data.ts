// Pure shaping of ChartData for the views: uPlot columns, marker groups, table rows, summaries.
import { fixed } from '../../src/core/entries';
import type { ChartData } from '../../src/webviews/shared/views';
import { dayDoseWords, doseColumns, untakenDays, weekDoseWords } from './dayDoses';
import type { ChartStrings } from './strings';

export type Marker = ChartData['markers'][number];

const DAY_MS = 86_400_000;

/** A date's local midnight in seconds: uPlot labels its time axis in local time. */
export function localSeconds(date: string): number {
  return new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)).getTime() / 1000;
}

/** The local date nearest an instant in seconds (a zoomed view rarely starts on a midnight). */
export function nearestDate(seconds: number): string {
  const d = new Date(seconds * 1000 + DAY_MS / 2);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for 'YYYY-MM-DD'. Integer maths (Hinnant's days_from_civil), no Date
 *  and no substrings: it runs for every symptom cell of every redraw. */
export function dayNumber(date: string): number {
  const digits = (at: number, n: number) => {
    let v = 0;
    for (let i = at; i < at + n; i++) v = v * 10 + date.charCodeAt(i) - 48;
    return v;
  };
  const m = digits(5, 2);
  const y = digits(0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + digits(8, 2) - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before a day number (1970-01-01 was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

export function isEmpty(data: ChartData): boolean {
  return !data.days.some((d) => d.mean !== null || d.dose !== null || d.taken !== null || d.skipped) && !data.symptoms.some((s) => s.cells.length > 0) && !data.recalled?.length;
}

/** Lines drawn only when the data carries them (the dashboard's): the rolling median and the planned dose. */
export interface ExtraLines {
  median: boolean;
  planned: boolean;
}

export function extraLines(data: ChartData): ExtraLines {
  return { median: data.days.some((d) => d.median !== undefined), planned: data.days.some((d) => d.planned !== undefined && d.planned !== null) };
}

/**
 * uPlot's aligned columns: x (seconds), mean, min, max, the extra lines in that order, then the three
 * dose series (doseLine.ts: taken, not taken, another dose that day), drawn last so that a planned
 * dose at the same level never hides whether a dose was taken. Nulls leave gaps.
 */
export function columns(data: ChartData, extra: ExtraLines = { median: false, planned: false }): [number[], ...(number | null)[][]] {
  const n = data.days.length;
  const xs = new Array<number>(n);
  const mean = new Array<number | null>(n);
  const min = new Array<number | null>(n);
  const max = new Array<number | null>(n);
  const median = extra.median ? new Array<number | null>(n) : undefined;
  const planned = extra.planned ? new Array<number | null>(n) : undefined;
  for (let i = 0; i < n; i++) {
    const d = data.days[i];
    xs[i] = localSeconds(d.date);
    mean[i] = d.mean;
    min[i] = d.min;
    max[i] = d.max;
    if (median) median[i] = d.median ?? null;
    if (planned) planned[i] = d.planned ?? null;
  }
  return [xs, mean, min, max, ...(median ? [median] : []), ...(planned ? [planned] : []), ...doseColumns(data.days)];
}

export interface MarkerGroup {
  x: number;
  date: string;
  items: Marker[];
}

/** Markers grouped by date and sorted, for drawing and for the nearest-marker lookup on hover. */
export function markerGroups(markers: readonly Marker[]): MarkerGroup[] {
  const byDate = new Map<string, Marker[]>();
  for (const m of markers) {
    const list = byDate.get(m.date);
    if (list) list.push(m);
    else byDate.set(m.date, [m]);
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, items]) => ({ x: localSeconds(date), date, items }));
}

export function markerText(m: Marker, s: ChartStrings): string {
  return s.t('{0}: {1}', m.kind === 'dose-change' ? s.t('Dose change') : s.t('Life event'), m.label);
}

export interface TableRow {
  when: string;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** The day's dose in words ("10 mg", "skipped", "not logged"…), or the week's. */
  dose: string;
  events: string[];
  /** Where the data has them: the rolling median on the row's last day with one (for a week, the median of its last 7 days), and the planned doses. */
  median: number | null;
  planned: number[];
}

/** Up to this many days the table has a row per day; beyond, a row per week keeps it readable. */
export const DAILY_ROWS_MAX = 92;

export function tableRows(data: ChartData, s: ChartStrings): { weekly: boolean; rows: TableRow[] } {
  const weekly = data.days.length > DAILY_ROWS_MAX;
  const keyOf = weekly ? (date: string) => mondayOf(dayNumber(date)) : (date: string) => date;
  const rows: TableRow[] = [];
  const byKey = new Map<string | number, TableRow>();
  const days = new Map<TableRow, ChartData['days']>();
  for (const d of data.days) {
    const key = keyOf(d.date);
    let row = byKey.get(key);
    if (!row) {
      row = { when: weekly ? s.t('Week of {0}', s.date(dateOf(key as number))) : s.date(d.date), mean: null, min: null, max: null, dose: '', events: [], median: null, planned: [] };
      byKey.set(key, row);
      rows.push(row);
      days.set(row, []);
    }
    days.get(row)!.push(d);
    if (d.min !== null) row.min = row.min === null ? d.min : Math.min(row.min, d.min);
    if (d.max !== null) row.max = row.max === null ? d.max : Math.max(row.max, d.max);
    if (d.median !== undefined && d.median !== null) row.median = d.median;
    if (d.planned !== undefined && d.planned !== null && row.planned[row.planned.length - 1] !== d.planned) row.planned.push(d.planned);
  }
  for (const [row, list] of days) {
    // A week's mean is the mean of its daily means: each day counts once, as in "mood by dose".
    const means = list.flatMap((d) => (d.mean === null ? [] : [d.mean]));
    if (means.length) row.mean = means.reduce((a, b) => a + b, 0) / means.length;
    row.dose = weekly ? weekDoseWords(list, data.unit, s) : dayDoseWords(list[0], data.unit, s);
  }
  for (const m of data.markers) byKey.get(keyOf(m.date))?.events.push(markerText(m, s));
  return { weekly, rows };
}

export function fixed1(v: number): string {
  return fixed(v, 1);
}

/** The canvas's text alternative: range, mean mood per dose level, days recorded, days without a dose taken, markers. */
export function summary(data: ChartData, s: ChartStrings): string {
  const recorded = data.days.reduce((n, d) => n + (d.mean !== null ? 1 : 0), 0);
  const perDose = data.moodByDose.map((r) => s.t('mean mood {0} at {1}', fixed1(r.mean), s.t('{0} {1}', r.mg, data.unit))).join(', ');
  const changes = data.markers.filter((m) => m.kind === 'dose-change').length;
  const events = data.markers.length - changes;
  const parts = [
    s.t('Mood and dose from {0} to {1}', s.date(data.from), s.date(data.to)) + (perDose ? `: ${perDose}` : ''),
    s.plural(recorded, { one: s.t('{0} day with check-ins', recorded), other: s.t('{0} days with check-ins', recorded) }),
    s.t(
      '{0} and {1} marked',
      s.plural(changes, { one: s.t('{0} dose change', changes), other: s.t('{0} dose changes', changes) }),
      s.plural(events, { one: s.t('{0} life event', events), other: s.t('{0} life events', events) })
    )
  ];
  const { skipped, notLogged, other } = untakenDays(data.days);
  const dotted = [
    skipped ? s.plural(skipped, { one: s.t('{0} day with only a skipped dose', skipped), other: s.t('{0} days with only a skipped dose', skipped) }) : '',
    notLogged ? s.plural(notLogged, { one: s.t('{0} day with no dose logged', notLogged), other: s.t('{0} days with no dose logged', notLogged) }) : ''
  ].filter(Boolean);
  if (dotted.length) parts.push(s.t('The dose line is dotted across {0}', dotted.join(s.t(' and '))));
  if (other) parts.push(s.plural(other, { one: s.t('{0} day at another dose than the step, marked at the dose taken', other), other: s.t('{0} days at another dose than the step, marked at the dose taken', other) }));
  const recalled = data.recalled?.length ?? 0;
  if (recalled) parts.push(s.plural(recalled, { one: s.t('{0} period of medication history as recalled, drawn hatched and not counted in any figure', recalled), other: s.t('{0} periods of medication history as recalled, drawn hatched and not counted in any figure', recalled) }));
  return parts.join('. ') + '.';
}
