// Plausibility checks that only an import needs: a stored row is valid whenever it was written, but
// a row arriving from a file must also make sense now. A stamp far in the future would win every
// "newer wins" merge, so the row could never be edited, deleted or undone here.
import { EARLIEST_YEAR, FUTURE_TOLERANCE_MS } from './limits';

const STAMP_FIELDS = ['createdAt', 'updatedAt', 'deletedAt', 'at'] as const;
const DATE_FIELDS = ['localDate', 'startDate', 'endDate', 'date'] as const;

const beforeEarliest = (what: string) => `${what} is before ${EARLIEST_YEAR}. Correct the year in the file, then import it again.`;
const tooFarAhead = (what: string, now: number) =>
  `${what} is more than a day after now (${new Date(now).toISOString()}). Check the clock of the device that made the file, correct it, then import it again.`;

/** Why an ISO instant or YYYY-MM-DD date cannot be imported, or undefined. `what` names it. */
export function implausibleValue(what: string, value: string, now: number, instant: boolean): string | undefined {
  if (beforeEarliestYear(value)) return beforeEarliest(what);
  if (instant && Date.parse(value) > now + FUTURE_TOLERANCE_MS) return tooFarAhead(what, now);
  return undefined;
}

/** Whether a YYYY-MM-DD date (or ISO instant) falls before EARLIEST_YEAR; every entry point refuses it too. */
export function beforeEarliestYear(value: string): boolean {
  return Number(value.slice(0, 4)) < EARLIEST_YEAR;
}

/**
 * The first stamp or date in `row` that an import must refuse, as a sentence that says what to
 * do; undefined when all are plausible. Stamps may be at most a day ahead of `now` (a clock that
 * runs a little fast, or a time zone ahead); no stamp or date may fall before 1900. A life event's
 * `at` is the day it happens, which may be ahead (an upcoming court date), so only its edit stamps
 * are held to now.
 */
export function implausibleStamp(row: object, now: number, table?: string): string | undefined {
  const r = row as Record<string, unknown>;
  for (const field of [...STAMP_FIELDS, ...DATE_FIELDS]) {
    const value = r[field];
    const instant = (STAMP_FIELDS as readonly string[]).includes(field) && !(table === 'life_events' && field === 'at');
    const problem = typeof value === 'string' ? implausibleValue(`${field} ${value}`, value, now, instant) : undefined;
    if (problem) return problem;
  }
  return undefined;
}
