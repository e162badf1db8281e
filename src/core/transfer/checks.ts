// Plausibility checks that only an import needs: a stored row is valid whenever it was written, but
// a row arriving from a file must also make sense now. A stamp far in the future would win every
// "newer wins" merge, so the row could never be edited, deleted or undone here; a date far ahead
// would sit at the end of every chart and summary; a broken character would be saved as U+FFFD.
import { plural } from '../plural';
import { EARLIEST_YEAR, FUTURE_TOLERANCE_MS, IMPORT_PLAN_YEARS } from '../limits';
import { addDays, type LocalDate } from '../time';
import { say, type Words } from './errors';

const STAMP_FIELDS = ['createdAt', 'updatedAt', 'deletedAt', 'at'] as const;
const DATE_FIELDS = ['localDate', 'startDate', 'endDate', 'date'] as const;
/** Tables whose dates are plans or upcoming events: they may lie up to IMPORT_PLAN_YEARS ahead. */
const PLANNED = new Set(['appointments', 'life_events', 'taper_steps']);
/** The zone furthest ahead of UTC (UTC+14): "tomorrow" anywhere is no later than tomorrow there. */
const FURTHEST_AHEAD_MS = 14 * 60 * 60 * 1000;

// `what` names the value ("updatedAt 2099-01-01T00:00:00Z"); each sentence says how to fix it.
const beforeEarliest =
  (what: Words): Words =>
  (t, l) =>
    t('{0} is before {1}. Correct the year in the file, then import it again.', what(t, l), EARLIEST_YEAR);
const tooFarAhead =
  (what: Words, now: number): Words =>
  (t, l) =>
    t('{0} is more than a day after now ({1}). Check the clock of the device that made the file, correct it, then import it again.', what(t, l), new Date(now).toISOString());
const afterTomorrow =
  (what: Words, tomorrow: LocalDate): Words =>
  (t, l) =>
    t('{0} is after tomorrow ({1}): an entry records what happened, so it cannot lie ahead. Correct the date in the file, then import it again.', what(t, l), tomorrow);
const beyondPlan =
  (what: Words, limit: LocalDate): Words =>
  (t, l) =>
    plural(
      IMPORT_PLAN_YEARS,
      {
        one: t('{0} is more than {1} year ahead (the latest date an import takes is {2}). Correct the date in the file, then import it again.', what(t, l), IMPORT_PLAN_YEARS, limit),
        other: t('{0} is more than {1} years ahead (the latest date an import takes is {2}). Correct the date in the file, then import it again.', what(t, l), IMPORT_PLAN_YEARS, limit)
      },
      l
    );

/** The latest days an import accepts, from the clock at import. */
export interface DateBounds {
  /** The last day an entry (check-in, dose, symptom, note…) may be dated: tomorrow, in any zone. */
  tomorrow: LocalDate;
  /** The last day an appointment, life event or plan step may be dated. */
  planned: LocalDate;
}

export function dateBounds(now: number): DateBounds {
  const today = new Date(now + FURTHEST_AHEAD_MS).toISOString().slice(0, 10);
  // Five years on, to the day (29 February compares as a string, so no real date is needed).
  return { tomorrow: addDays(today, 1), planned: `${Number(today.slice(0, 4)) + IMPORT_PLAN_YEARS}${today.slice(4)}` };
}

/** Why an ISO instant or YYYY-MM-DD date cannot be imported, or undefined. `what` names it. */
export function implausibleValue(what: Words, value: string, now: number, instant: boolean): Words | undefined {
  if (beforeEarliestYear(value)) return beforeEarliest(what);
  if (instant && Date.parse(value) > now + FUTURE_TOLERANCE_MS) return tooFarAhead(what, now);
  return undefined;
}

/**
 * Why a date (YYYY-MM-DD, a YYYY-MM month, or the day of an instant) lies too far ahead, or
 * undefined: an entry no later than tomorrow, a plan or upcoming event no more than five years ahead.
 */
export function dateTooLate(what: Words, value: string, bounds: DateBounds, planned: boolean): Words | undefined {
  const day = value.length === 7 ? `${value}-01` : value.slice(0, 10);
  if (planned) return day > bounds.planned ? beyondPlan(what, bounds.planned) : undefined;
  return day > bounds.tomorrow ? afterTomorrow(what, bounds.tomorrow) : undefined;
}

/** Whether a YYYY-MM-DD date (or ISO instant) falls before EARLIEST_YEAR; every entry point refuses it too. */
export function beforeEarliestYear(value: string): boolean {
  return Number(value.slice(0, 4)) < EARLIEST_YEAR;
}

/**
 * The first stamp or date in `row` that an import must refuse, as a sentence that says what to
 * do; undefined when all are plausible. Stamps may be at most a day ahead of `now` (a clock that
 * runs a little fast, or a time zone ahead); no stamp or date may fall before 1900. Dates of what
 * happened may be at most tomorrow; an appointment, a plan step or a life event's day (`at`, an
 * upcoming court date) may be ahead, up to five years.
 */
export function stampProblem(row: object, now: number, table?: string): Words | undefined {
  const r = row as Record<string, unknown>;
  const planned = table !== undefined && PLANNED.has(table);
  const bounds = dateBounds(now);
  for (const field of [...STAMP_FIELDS, ...DATE_FIELDS]) {
    const value = r[field];
    if (typeof value !== 'string') continue;
    const what: Words = () => `${field} ${value}`;
    const day = planned && (field === 'at' || (DATE_FIELDS as readonly string[]).includes(field));
    const instant = (STAMP_FIELDS as readonly string[]).includes(field) && !day;
    const problem = implausibleValue(what, value, now, instant) ?? (instant ? undefined : dateTooLate(what, value, bounds, day));
    if (problem) return problem;
  }
  return undefined;
}

/** stampProblem in English. */
export function implausibleStamp(row: object, now: number, table?: string): string | undefined {
  const problem = stampProblem(row, now, table);
  return problem && say(problem);
}

// ---- Text -------------------------------------------------------------------------------------

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** String.prototype.isWellFormed (Node 20), or the same test where it is missing. */
export function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !LONE_SURROGATE.test(text);
}

/**
 * The first text in the row that is not well-formed Unicode (a lone UTF-16 surrogate, which a JSON
 * escape such as "\ud800" can bring), as a sentence with the fix; undefined when all text is whole.
 * Such a character cannot be stored: it would come back as U+FFFD, so it is refused, never replaced.
 */
export function illFormedText(row: object): Words | undefined {
  for (const [field, value] of Object.entries(row)) {
    const texts: unknown[] = Array.isArray(value) ? value : [value];
    for (const text of texts) {
      if (typeof text !== 'string' || isWellFormed(text)) continue;
      const at = LONE_SURROGATE.exec(text)?.index ?? 0;
      const unit = text.charCodeAt(at).toString(16).toUpperCase();
      return (t) =>
        t('{0} holds a broken character at position {1} (a lone UTF-16 surrogate, {2}, which is not text). Delete it or type the character again in the file, then import it again.', field, at + 1, `\\u${unit}`);
    }
  }
  return undefined;
}
