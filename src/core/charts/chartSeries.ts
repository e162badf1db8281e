// The Charts tab's figures for a date range: one row per day (mood mean, lowest and highest; the
// step in force, the dose taken and whether only a skipped dose was logged), dose-change and
// life-event markers, mood by dose level, and a severity grid per symptom. Every rule comes from the
// dose-day model (doseDays.ts) and stats.ts, so the panel and the summary always agree.
import { doseRecord } from '../stats/doseDays';
import { changeLabel, moodByDose, type MoodDaysLeftOut } from '../stats/doses';
import { VIEW } from '../limits';
import type { CheckIn, Dose, LifeEvent } from '../schemas';
import { dailyMood } from '../stats/mood';
import type { LocalDate } from '../time';

/** The worst severity logged for one symptom on one day. */
export interface SymptomDay {
  key: string;
  label: string;
  date: LocalDate;
  severity: number;
}

export interface ChartInput {
  checkins: readonly CheckIn[];
  /** Every live dose: the step in force on a day depends on what was logged before the range. */
  doses: readonly Dose[];
  events: readonly LifeEvent[];
  symptoms: readonly SymptomDay[];
}

export interface ChartSeries {
  from: LocalDate;
  to: LocalDate;
  days: {
    date: LocalDate;
    mean: number | null;
    min: number | null;
    max: number | null;
    n: number;
    /** The step in force (null before the first dose logged): what the step line draws. */
    dose: number | null;
    /** The sum of the day's intakes taken; null on a day skipped only or not logged. */
    taken: number | null;
    /** Only a skipped dose was logged that day. */
    skipped: boolean;
  }[];
  markers: { date: LocalDate; kind: 'dose-change' | 'life-event'; label: string }[];
  moodByDose: { mg: number; mean: number; days: number; sd: number | null; min: number; max: number }[];
  /** Days with a check-in that mood by dose leaves out: no dose taken, another dose that day, before the first dose. */
  moodByDoseLeftOut: MoodDaysLeftOut;
  symptoms: { key: string; label: string; cells: { date: LocalDate; severity: number }[] }[];
  unit: string;
  /** How many of each list were left out to stay within the panel's limits (the panel says so). */
  omitted?: Partial<Record<'days' | 'markers' | 'doseLevels' | 'symptoms', number>>;
}

export function chartSeries(input: ChartInput, from: LocalDate, to: LocalDate, unit: string): ChartSeries {
  const record = doseRecord(input.doses);
  const doseDays = record.days(from, to);
  const days = dailyMood(input.checkins, from, to).map((d, i) => ({
    date: d.date,
    mean: d.mean === null ? null : round(d.mean),
    min: d.min,
    max: d.max,
    n: d.n,
    dose: doseDays[i].level,
    taken: doseDays[i].total,
    skipped: doseDays[i].kind === 'skipped'
  }));
  const markers: ChartSeries['markers'] = [
    ...record.changes
      .filter((c) => c.date >= from && c.date <= to)
      .map((c) => ({ date: c.date, kind: 'dose-change' as const, label: changeLabel(c, unit) })),
    ...input.events.map((e) => ({ date: e.localDate, kind: 'life-event' as const, label: e.title }))
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const mood = moodByDose(input.checkins, input.doses, from, to);
  const byDose = mood.levels.map((m) => ({
    mg: m.mg,
    mean: round(m.mean),
    days: m.days,
    sd: m.sd === null ? null : round(m.sd),
    min: m.min,
    max: m.max
  }));
  const symptoms = new Map<string, ChartSeries['symptoms'][number]>();
  for (const s of input.symptoms) {
    const row = symptoms.get(s.key) ?? { key: s.key, label: s.label, cells: [] };
    row.cells.push({ date: s.date, severity: s.severity });
    symptoms.set(s.key, row);
  }
  return { from, to, days, markers, moodByDose: byDose, moodByDoseLeftOut: mood.leftOut, symptoms: [...symptoms.values()], unit };
}

/**
 * The series within the panel's limits (core/limits VIEW): a liquid taper can pass through
 * thousands of dose levels, so the levels with the most days, the most recent markers and the
 * symptoms logged on the most days are kept, and what was left out is counted.
 */
export function withinViewLimits(series: ChartSeries): ChartSeries {
  const omitted: NonNullable<ChartSeries['omitted']> = { ...series.omitted };
  const moodByDose = keepLargest(series.moodByDose, VIEW.doseLevels, (l) => l.days, 'doseLevels', omitted);
  const markers = series.markers.length > VIEW.chartMarkers ? series.markers.slice(-VIEW.chartMarkers) : series.markers;
  if (markers.length < series.markers.length) omitted.markers = series.markers.length - markers.length;
  const symptoms = keepLargest(series.symptoms, VIEW.chartSymptoms, (r) => r.cells.length, 'symptoms', omitted);
  const fitted = { ...series, moodByDose, markers, symptoms };
  if (Object.keys(omitted).length === 0) delete fitted.omitted;
  else fitted.omitted = omitted;
  return fitted;
}

/** The `max` items with the largest weight, in their original order; counts the rest in `omitted[key]`. */
function keepLargest<T, K extends string>(items: readonly T[], max: number, weight: (item: T) => number, key: K, omitted: Partial<Record<K, number>>): T[] {
  if (items.length <= max) return [...items];
  const keep = new Set([...items].sort((a, b) => weight(b) - weight(a)).slice(0, max));
  omitted[key] = items.length - max;
  return items.filter((i) => keep.has(i));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
