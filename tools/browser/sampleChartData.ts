// Realistic ChartData for the charts tests and benchmark: a taper with dips after each cut and after
// life events, gaps, markers and symptoms. Deterministic for a given seed. Days carry the dose-day
// model's fields (src/core/doseDays.ts): the step in force, what was taken, and "skipped only";
// withDoseDays() turns chosen days into skipped, not-logged or one-day-deviation days.
import type { ChartData } from '../../src/webviews/shared/views';

const DAY_MS = 86_400_000;
const EVENTS = ['Court date', 'Moved flat', 'Sister visited', 'Job interview', 'Flu, two days in bed', 'Anniversary'];
const SYMPTOMS = [
  ['dizziness', 'Dizziness'],
  ['brain-zaps', 'Brain zaps'],
  ['irritability', 'Irritability'],
  ['insomnia', 'Trouble sleeping']
] as const;

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same data. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `days` days from `from`, tapering through `steps` (mg) in equal stretches. Mood dips for a week or
 * two after each cut and after life events; about 8% of days have no check-in.
 */
export function makeChartData(opts: { from: string; days: number; steps: number[]; seed?: number; eventEvery?: number }): ChartData {
  const rnd = random(opts.seed ?? 1);
  const start = Date.parse(`${opts.from}T00:00:00Z`);
  const date = (i: number) => new Date(start + i * DAY_MS).toISOString().slice(0, 10);
  const stretch = Math.ceil(opts.days / opts.steps.length);
  const eventEvery = opts.eventEvery ?? 40;
  const data: ChartData = { from: date(0), to: date(opts.days - 1), days: [], markers: [], moodByDose: [], moodByDoseLeftOut: { noDose: 0, otherDose: 0, beforeFirstDose: 0 }, symptoms: [], unit: 'mg' };
  const cells = SYMPTOMS.map(() => [] as { date: string; severity: number }[]);
  let lastCut = -100;
  let lastEvent = -100;
  for (let i = 0; i < opts.days; i++) {
    const dose = opts.steps[Math.floor(i / stretch)];
    if (i > 0 && dose !== data.days[i - 1].dose) {
      data.markers.push({ date: date(i), kind: 'dose-change', label: `${data.days[i - 1].dose} → ${dose} mg` });
      lastCut = i;
    }
    if (i % eventEvery === 17) {
      data.markers.push({ date: date(i), kind: 'life-event', label: EVENTS[(i / eventEvery) % EVENTS.length | 0] });
      lastEvent = i;
    }
    const dip = 2.4 * Math.exp(-(i - lastCut) / 6) + 1.5 * Math.exp(-(i - lastEvent) / 3);
    const base = 6.6 + 0.6 * Math.sin(i / 23) - dip;
    if (rnd() < 0.08) {
      data.days.push({ date: date(i), mean: null, min: null, max: null, n: 0, dose, taken: dose, skipped: false });
      continue;
    }
    const n = 1 + Math.floor(rnd() * 3);
    const moods = Array.from({ length: n }, () => Math.min(10, Math.max(1, Math.round(base + (rnd() - 0.5) * 3))));
    data.days.push({ date: date(i), mean: moods.reduce((a, b) => a + b, 0) / n, min: Math.min(...moods), max: Math.max(...moods), n, dose, taken: dose, skipped: false });
    SYMPTOMS.forEach((_, k) => {
      const severity = Math.min(3, Math.max(0, Math.round((3.2 - k * 0.5) * Math.exp(-(i - lastCut) / 7) + (rnd() - 0.6))));
      cells[k].push({ date: date(i), severity });
    });
  }
  data.symptoms = SYMPTOMS.map(([key, label], k) => ({ key, label, cells: cells[k] }));
  data.moodByDose = moodByDose(data.days);
  data.moodByDoseLeftOut = moodDaysLeftOut(data.days);
  return data;
}

/**
 * The same data with some days changed as the dose-day model reads them: only a skipped dose, nothing
 * logged, or a one-day deviation (taken at another total; the step stays). Mood by dose follows.
 */
export function withDoseDays(data: ChartData, change: { skipped?: string[]; notLogged?: string[]; other?: Record<string, number> }): ChartData {
  const days = data.days.map((d) => {
    if (change.skipped?.includes(d.date)) return { ...d, taken: null, skipped: true };
    if (change.notLogged?.includes(d.date)) return { ...d, taken: null, skipped: false };
    const other = change.other?.[d.date];
    return other === undefined ? d : { ...d, taken: other, skipped: false };
  });
  return { ...data, days, moodByDose: moodByDose(days), moodByDoseLeftOut: moodDaysLeftOut(days) };
}

/** Days with a check-in that mood by dose leaves out, as the host counts them. */
export function moodDaysLeftOut(days: ChartData['days']): ChartData['moodByDoseLeftOut'] {
  const out = { noDose: 0, otherDose: 0, beforeFirstDose: 0 };
  for (const d of days) {
    if (d.mean === null) continue;
    if (d.dose === null) out.beforeFirstDose++;
    else if (d.taken === null) out.noDose++;
    else if (d.taken !== d.dose) out.otherDose++;
  }
  return out;
}

/** Mean of daily means per dose level, highest dose first, as the host computes it: days a dose was taken at the step. */
export function moodByDose(days: ChartData['days']): ChartData['moodByDose'] {
  const byDose = new Map<number, ChartData['days']>();
  for (const d of days) {
    if (d.mean === null || d.dose === null || d.taken !== d.dose) continue;
    const list = byDose.get(d.dose);
    if (list) list.push(d);
    else byDose.set(d.dose, [d]);
  }
  return [...byDose.entries()]
    .sort(([a], [b]) => b - a)
    .map(([mg, list]) => {
      const means = list.map((d) => d.mean!);
      const mean = means.reduce((a, b) => a + b, 0) / means.length;
      const sd = means.length > 1 ? Math.sqrt(means.reduce((a, m) => a + (m - mean) ** 2, 0) / (means.length - 1)) : null;
      return { mg, mean, days: list.length, sd, min: Math.min(...list.map((d) => d.min!)), max: Math.max(...list.map((d) => d.max!)) };
    });
}
