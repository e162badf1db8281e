// Each dose step side by side: a step is a run of days in the range at one level of the dose-day
// model (doseDays.ts). For each: where it began (day 0, from the log; "by" the first dose logged
// when the log does not show it), its days, mood as median with IQR and as mean ± SD with n, the
// lowest 7-day median (so a brief dip stays visible), days 0–14 and day 15 on, symptom-days, days
// skipped and days with no dose logged, and life events. Facts with their n; nothing is judged.
import { doseRecord, type DoseChange, type StepStart } from './doseDays';
import { rollingMedian, windowStat, type WindowStat } from './quantiles';
import type { CheckIn, Dose, LifeEvent, Symptom } from '../schemas';
import { dailyMood, mean, sampleSd } from './mood';
import { daysBetween, type LocalDate } from '../time';

/** Days 0 to EARLY_LAST_DAY after a change form its first window; the rest of the step, its second. */
export const EARLY_LAST_DAY = 14;

/** Mood over part of a step, and which of the step's days it covers (day 0 = the step's first day). */
export interface StepWindow {
  stat: WindowStat;
  firstDay: number;
  lastDay: number;
}

export interface DoseStep {
  /** The step's level; null before any dose was logged. */
  mg: number | null;
  /** First and last day of the step within the range. */
  from: LocalDate;
  to: LocalDate;
  days: number;
  /** Where the step began: a known day 0, or "on or before" the first dose ever logged. */
  start: StepStart | null;
  /** Day 0 when known (possibly before the range); null when the log does not show it. */
  startedOn: LocalDate | null;
  /** When day 0 is not known: the first dose ever logged, on or before which the step began. */
  startBy: LocalDate | null;
  /** The change that began it; null for the first level ever logged. */
  change: DoseChange | null;
  daysWithCheckIn: number;
  /** Daily mean moods: median with IQR (type 7), or "too few days". */
  mood: WindowStat;
  /** Mean and sample SD of the daily means; n = daysWithCheckIn. SD null below 2 days. */
  mean: number | null;
  sd: number | null;
  /** The lowest trailing 7-day median within the step (from 3 days with a check-in), and the day it ends. */
  lowestWeek: { median: number; date: LocalDate } | null;
  /**
   * Days 0–14 and day 15 on of the step, within the range. null when no day of that window is in
   * the range, or when day 0 is not known.
   */
  early: StepWindow | null;
  late: StepWindow | null;
  /** Days with any symptom logged above 0. */
  symptomDays: number;
  /** Days with only a skipped dose, and days with no dose logged (the dose-day model's kinds). */
  skippedDays: number;
  notLoggedDays: number;
  lifeEvents: number;
}

export interface StepInput {
  checkins: readonly CheckIn[];
  doses: readonly Dose[];
  symptoms: readonly Symptom[];
  lifeEvents: readonly LifeEvent[];
}

export function doseSteps(input: StepInput, from: LocalDate, to: LocalDate): DoseStep[] {
  const record = doseRecord(input.doses);
  const days = record.days(from, to);
  const runs: { mg: number | null; first: number; last: number }[] = [];
  days.forEach((d, i) => {
    const run = runs[runs.length - 1];
    if (run && run.mg === d.level) run.last = i;
    else runs.push({ mg: d.level, first: i, last: i });
  });
  const moods = dailyMood(input.checkins, from, to);
  const symptomDates = new Set(input.symptoms.filter((s) => !s.deletedAt && s.severity > 0).map((s) => s.localDate));
  const eventDates = input.lifeEvents.filter((e) => !e.deletedAt).map((e) => e.localDate);
  return runs.map((run) => {
    const stepFrom = days[run.first].date;
    const stepTo = days[run.last].date;
    const start = run.mg === null ? null : (record.stepStart(stepFrom) ?? null);
    const startedOn = start?.known ? start.date : null;
    const change = startedOn ? (record.changes.find((c) => c.date === startedOn) ?? null) : null;
    const all: number[] = [];
    const early: number[] = [];
    const late: number[] = [];
    let lowestWeek: DoseStep['lowestWeek'] = null;
    // Weeks within the step only, so a dip before the change is never counted in the new step.
    const rolling = rollingMedian(moods.slice(run.first, run.last + 1));
    let symptomDays = 0;
    let skippedDays = 0;
    let notLoggedDays = 0;
    // Day i of the run is day `offset + i` of the step.
    const offset = startedOn ? daysBetween(startedOn, stepFrom) : null;
    for (let i = run.first; i <= run.last; i++) {
      const d = days[i];
      const m = moods[i].mean;
      if (m !== null) {
        all.push(m);
        if (offset !== null) (offset + i - run.first <= EARLY_LAST_DAY ? early : late).push(m);
      }
      const r = rolling[i - run.first];
      if (r.median !== null && (!lowestWeek || r.median < lowestWeek.median)) lowestWeek = { median: r.median, date: d.date };
      if (symptomDates.has(d.date)) symptomDays++;
      if (d.kind === 'skipped') skippedDays++;
      else if (d.kind === 'not-logged') notLoggedDays++;
    }
    const length = run.last - run.first + 1;
    const window = (lo: number, hi: number, values: number[]): StepWindow | null => {
      if (offset === null) return null;
      const firstDay = Math.max(lo, offset);
      const lastDay = Math.min(hi, offset + length - 1);
      return firstDay > lastDay ? null : { stat: windowStat(values), firstDay, lastDay };
    };
    return {
      mg: run.mg,
      from: stepFrom,
      to: stepTo,
      days: length,
      start,
      startedOn,
      startBy: start && !start.known ? start.onOrBefore : null,
      change,
      daysWithCheckIn: all.length,
      mood: windowStat(all),
      mean: mean(all),
      sd: sampleSd(all),
      lowestWeek,
      early: window(0, EARLY_LAST_DAY, early),
      late: window(EARLY_LAST_DAY + 1, Number.MAX_SAFE_INTEGER, late),
      symptomDays,
      skippedDays,
      notLoggedDays,
      lifeEvents: eventDates.filter((e) => e >= stepFrom && e <= stepTo).length
    };
  });
}
