// Builds the panel's chart input for a date range with a few aggregate queries: one row per local
// day (mood mean, min, max, dose level), dose-change and life-event markers, mood by dose level and
// a severity grid per symptom.
import { addDays, daysBetween } from '../core/time';
import { formatMg } from '../core/entries';
import { PANEL } from '../core/limits';
import type { ChartData, RangeKey } from '../protocol';
import type { JournalStore } from '../storage/journalStore';

const RANGE_DAYS: Record<RangeKey, number | null> = { '7': 7, '30': 30, '90': 90, '365': 365, all: null };

function firstDate(store: JournalStore, today: string): string {
  const row = store.query(
    `SELECT min(d) FROM (SELECT min(local_date) AS d FROM checkins WHERE deleted_at IS NULL
       UNION ALL SELECT min(local_date) FROM doses WHERE deleted_at IS NULL
       UNION ALL SELECT min(local_date) FROM symptoms WHERE deleted_at IS NULL)`
  )[0];
  return row && row[0] ? String(row[0]) : today;
}

export function chartData(store: JournalStore, range: RangeKey, today: string, unit: string): ChartData {
  const span = RANGE_DAYS[range];
  const earliest = addDays(today, -(PANEL.chartDays - 1));
  const first = span === null ? firstDate(store, today) : addDays(today, -(span - 1));
  // "All" goes back at most PANEL.chartDays days (about 110 years): an entry dated in 1800 must
  // not make the chart too long for the panel.
  const from = first < earliest ? earliest : first;
  const to = today;
  const omitted: NonNullable<ChartData['omitted']> = {};
  if (first < earliest) omitted.days = daysBetween(first, earliest);

  const moods = new Map<string, { mean: number; min: number; max: number; n: number }>();
  for (const [date, mean, min, max, n] of store.query(
    'SELECT local_date, avg(mood), min(mood), max(mood), count(*) FROM checkins WHERE deleted_at IS NULL AND local_date BETWEEN ? AND ? GROUP BY local_date',
    [from, to]
  )) {
    moods.set(String(date), { mean: Number(mean), min: Number(min), max: Number(max), n: Number(n) });
  }

  // The dose level of a day is the last dose taken (or changed to) that day, carried forward.
  const doseByDay = new Map<string, number>();
  let level: number | null = null;
  for (const [date, mg] of store.query("SELECT local_date, mg FROM doses WHERE deleted_at IS NULL AND status != 'skipped' AND local_date <= ? ORDER BY at", [to])) {
    if (String(date) < from) level = Number(mg);
    else doseByDay.set(String(date), Number(mg));
  }

  const days: ChartData['days'] = [];
  const markers: ChartData['markers'] = [];
  const byLevel = new Map<number, { means: number[]; min: number; max: number }>();
  const total = daysBetween(from, to);
  for (let i = 0; i <= total; i++) {
    const date = addDays(from, i);
    const logged = doseByDay.get(date);
    if (logged !== undefined && level !== null && logged !== level) markers.push({ date, kind: 'dose-change', label: `${formatMg(level)} → ${formatMg(logged)} ${unit}` });
    if (logged !== undefined) level = logged;
    const mood = moods.get(date);
    days.push({ date, mean: mood ? round(mood.mean) : null, min: mood?.min ?? null, max: mood?.max ?? null, n: mood?.n ?? 0, dose: level });
    if (mood && level !== null) {
      const bucket = byLevel.get(level) ?? { means: [], min: 10, max: 1 };
      bucket.means.push(mood.mean);
      bucket.min = Math.min(bucket.min, mood.min);
      bucket.max = Math.max(bucket.max, mood.max);
      byLevel.set(level, bucket);
    }
  }

  for (const [date, title] of store.query('SELECT local_date, title FROM life_events WHERE deleted_at IS NULL AND local_date BETWEEN ? AND ? ORDER BY at', [from, to])) {
    markers.push({ date: String(date), kind: 'life-event', label: String(title) });
  }
  markers.sort((a, b) => a.date.localeCompare(b.date));

  // A liquid taper can pass through thousands of levels: keep those with the most days.
  const levels = keepLargest([...byLevel.entries()], PANEL.doseLevels, ([, b]) => b.means.length, 'doseLevels', omitted);
  const moodByDose = levels
    .sort((a, b) => b[0] - a[0])
    .map(([mg, b]) => ({ mg, mean: round(avg(b.means)), days: b.means.length, sd: b.means.length > 1 ? round(sampleSd(b.means)) : null, min: b.min, max: b.max }));

  const symptoms = new Map<string, { key: string; label: string; cells: { date: string; severity: number }[] }>();
  for (const [key, label, date, severity] of store.query(
    'SELECT key, max(label), local_date, max(severity) FROM symptoms WHERE deleted_at IS NULL AND local_date BETWEEN ? AND ? GROUP BY key, local_date ORDER BY key, local_date',
    [from, to]
  )) {
    const k = String(key);
    const row = symptoms.get(k) ?? { key: k, label: String(label), cells: [] };
    row.cells.push({ date: String(date), severity: Number(severity) });
    symptoms.set(k, row);
  }

  // The most recent markers, and the symptoms logged on the most days, when there are too many.
  const shownMarkers = markers.length > PANEL.chartMarkers ? markers.slice(-PANEL.chartMarkers) : markers;
  if (markers.length > shownMarkers.length) omitted.markers = markers.length - shownMarkers.length;
  const shownSymptoms = keepLargest([...symptoms.values()], PANEL.chartSymptoms, (r) => r.cells.length, 'symptoms', omitted);
  const data: ChartData = { from, to, days, markers: shownMarkers, moodByDose, symptoms: shownSymptoms, unit };
  return Object.keys(omitted).length ? { ...data, omitted } : data;
}

/** The `max` items with the largest weight, in their original order; counts the rest in `omitted[key]`. */
function keepLargest<T, K extends string>(items: T[], max: number, weight: (item: T) => number, key: K, omitted: Partial<Record<K, number>>): T[] {
  if (items.length <= max) return items;
  const keep = new Set([...items].sort((a, b) => weight(b) - weight(a)).slice(0, max));
  omitted[key] = items.length - max;
  return items.filter((i) => keep.has(i));
}

function avg(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function sampleSd(values: number[]): number {
  const m = avg(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
