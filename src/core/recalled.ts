// Medication history as the user recalls it: periods before the journal (a medication, a start and an
// end to the month or the day, a dose, an optional context line and recalled mood). They are kept in
// a table of their own and marked as recalled wherever they appear; no statistic ever reads them.
// Periods that overlap each other or the logged doses are kept, and said to overlap, naming both.
import { baseRow } from './entries';
import { formatMg } from './entries';
import { EARLIEST_YEAR } from './limits';
import { plural } from './plural';
import type { Translate } from './safety';
import type { Dose, RecallCertainty, RecalledPeriod } from './schemas';
import { firstDayOf, isMonthOrDay, lastDayOf, type LocalDate, type MonthOrDay } from './time';

/** English as written, {0}… filled in: the default where no translator is passed. */
const asWritten: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i])));

export interface RecalledInput {
  medication: string;
  startDate: MonthOrDay;
  endDate: MonthOrDay;
  mg: number;
  context: string;
  mood: number | null;
  certainty: RecallCertainty | null;
}

/** Why a period cannot be saved as typed, in words that say what to change; undefined when it can. */
export function recalledProblem(input: RecalledInput, today: LocalDate, t: Translate): string | undefined {
  if (!input.medication.trim()) return t('Type the name of the medication.');
  for (const [value, which] of [
    [input.startDate, t('start')],
    [input.endDate, t('end')]
  ] as const) {
    if (!isMonthOrDay(value.trim())) return t('Type the {0} as a month (2025-03) or a day (2025-03-14).', which);
    if (Number(value.slice(0, 4)) < EARLIEST_YEAR) return t('The date {0} is before {1}. Choose a later day.', value, EARLIEST_YEAR);
  }
  const start = input.startDate.trim();
  const end = input.endDate.trim();
  if (firstDayOf(start) > lastDayOf(end)) return t('The period ends ({0}) before it starts ({1}). Check the two dates.', end, start);
  if (firstDayOf(end) > today) return t('The period ends after today ({0}). Recalled history is about the past; log what you take now with a check-in.', today);
  if (input.mood !== null && input.certainty === null) return t('Say how sure you are of the recalled mood: roughly or clearly.');
  return undefined;
}

/** A new recalled period, or `existing` with the new fields. */
export function buildRecalledPeriod(input: RecalledInput, existing: RecalledPeriod | undefined, now: number): RecalledPeriod {
  const fields = {
    medication: input.medication.trim(),
    startDate: input.startDate.trim(),
    endDate: input.endDate.trim(),
    mg: input.mg,
    context: input.context.trim(),
    mood: input.mood,
    certainty: input.mood === null ? null : input.certainty
  };
  return existing ? { ...existing, ...fields, updatedAt: new Date(now).toISOString() } : { ...baseRow(now), ...fields };
}

/** How a date is written for the reader (core/dates.ts); as stored by default. */
export type DateWords = (date: string) => string;
const asStored: DateWords = (date) => date;

/** "2025-03 to 2025-06", or "2025-03" for a period within one month or day. */
/** `t`: the reader's translator (English as written by default). */
export function periodDates(p: Pick<RecalledPeriod, 'startDate' | 'endDate'>, t: Translate = asWritten, date: DateWords = asStored): string {
  return p.startDate === p.endDate ? date(p.startDate) : t('{0} to {1}', date(p.startDate), date(p.endDate));
}

/** "Escitalopram 30 mg, 2025-03 to 2025-06": a period named the way every message names it. */
export function periodName(p: Pick<RecalledPeriod, 'medication' | 'mg' | 'startDate' | 'endDate'>, unit: string, t: Translate = asWritten, date: DateWords = asStored): string {
  return `${p.medication} ${formatMg(p.mg)} ${unit}, ${periodDates(p, t, date)}`;
}

export type Overlap = { kind: 'period'; other: RecalledPeriod; from: LocalDate; to: LocalDate } | { kind: 'logged'; from: LocalDate; to: LocalDate; days: number };

/** Two medication names for the same medication (compared without case or spaces around). */
export const sameMedication = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Where `period` overlaps another recalled period of the same medication, or days with a dose of it
 * logged as taken or changed. Two medications taken at the same time are no overlap.
 */
export function overlapsOf(period: RecalledPeriod, periods: readonly RecalledPeriod[], doses: readonly Dose[]): Overlap[] {
  const first = firstDayOf(period.startDate);
  const last = lastDayOf(period.endDate);
  const out: Overlap[] = [];
  for (const other of periods) {
    if (other.id === period.id || other.deletedAt || !sameMedication(other.medication, period.medication)) continue;
    const from = firstDayOf(other.startDate) > first ? firstDayOf(other.startDate) : first;
    const to = lastDayOf(other.endDate) < last ? lastDayOf(other.endDate) : last;
    if (from <= to) out.push({ kind: 'period', other, from, to });
  }
  const days = [
    ...new Set(doses.filter((d) => !d.deletedAt && d.status !== 'skipped' && sameMedication(d.medication, period.medication) && d.localDate >= first && d.localDate <= last).map((d) => d.localDate))
  ].sort();
  if (days.length) out.push({ kind: 'logged', from: days[0], to: days[days.length - 1], days: days.length });
  return out;
}

/** One overlap in words, naming both sides. Nothing is rejected: both are kept as they are. */
export function overlapMessage(period: RecalledPeriod, o: Overlap, unit: string, t: Translate, locale = 'en', date: DateWords = asStored): string {
  const name = periodName(period, unit, t, date);
  if (o.kind === 'period') {
    return t('The recalled period {0} overlaps the recalled period {1} from {2} to {3}. Both are kept; edit either one if that is not what you meant.', name, periodName(o.other, unit, t, date), date(o.from), date(o.to));
  }
  return plural(
    o.days,
    {
      one: t('The recalled period {0} overlaps the doses logged from {1} to {2} ({3} day with a dose). Both are kept: figures count only the logged doses, and the period is shown as recalled.', name, date(o.from), date(o.to), o.days),
      other: t('The recalled period {0} overlaps the doses logged from {1} to {2} ({3} days with a dose). Both are kept: figures count only the logged doses, and the period is shown as recalled.', name, date(o.from), date(o.to), o.days)
    },
    locale
  );
}

/** Every overlap of every live period, each pair of periods said once. */
export function allOverlapMessages(periods: readonly RecalledPeriod[], doses: readonly Dose[], unit: string, t: Translate, locale = 'en', date: DateWords = asStored): { id: string; message: string }[] {
  const live = periods.filter((p) => !p.deletedAt);
  const out: { id: string; message: string }[] = [];
  live.forEach((p, i) => {
    for (const o of overlapsOf(p, live, doses)) {
      if (o.kind === 'period' && live.indexOf(o.other) < i) continue;
      out.push({ id: p.id, message: overlapMessage(p, o, unit, t, locale, date) });
    }
  });
  return out;
}

/** Live periods, oldest first. */
export function byStart(periods: readonly RecalledPeriod[]): RecalledPeriod[] {
  return periods.filter((p) => !p.deletedAt).sort((a, b) => (firstDayOf(a.startDate) < firstDayOf(b.startDate) ? -1 : firstDayOf(a.startDate) > firstDayOf(b.startDate) ? 1 : a.id < b.id ? -1 : 1));
}
