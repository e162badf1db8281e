// A calendar date written for a reader ("Nov 8, 2026", "8 nov 2026") in the language of the words
// around it. Values a user types or reads back (inputs, prompts, files, exports) stay ISO.
import type { LocalDate } from './time';

/** medium: "Nov 8, 2026" for sentences; short: "Nov 8" where the year is obvious. */
export type DateStyle = 'medium' | 'short';

const OPTIONS: Record<DateStyle | 'month', Intl.DateTimeFormatOptions> = {
  medium: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  short: { month: 'short', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'short', timeZone: 'UTC' }
};

// Creating a formatter is costly; one per language and style is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: DateStyle | 'month'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale || 'en', OPTIONS[style]);
    } catch {
      f = new Intl.DateTimeFormat('en', OPTIONS[style]); // a malformed language tag: English, never a throw
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * `date` ("2026-11-08", or a recalled month "2026-11") written in `locale`. Formatted at noon UTC in
 * UTC, so no time zone can move it a day. Anything else comes back as it was.
 */
export function formatDate(date: LocalDate, locale: string, style: DateStyle = 'medium'): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const at = new Date(Date.UTC(year, month - 1, day, 12));
  // A date that does not exist (2026-02-30) is shown as typed, never as another day.
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return date;
  return formatter(locale, m[3] === undefined ? 'month' : style).format(at);
}
