// Calendar arithmetic in an explicit IANA time zone. Everything here is pure: callers pass the
// instant and the zone, so reminders and "today" can be tested across DST changes and travel.

export type LocalDate = string; // YYYY-MM-DD

export interface Stamp {
  /** The instant, as UTC ISO-8601. */
  at: string;
  /** The calendar date where the user was at that instant. */
  localDate: LocalDate;
  /** Minutes east of UTC at that instant (e.g. -300 for New York in winter). */
  utcOffset: number;
}

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
    formatters.set(zone, f);
  }
  return f;
}

export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(instant: number, zone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second
  };
}

/** Minutes east of UTC in `zone` at `instant`. */
export function offsetAt(instant: number, zone: string): number {
  const p = zonedParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall clock in `zone` shows the given local time. In a spring-forward gap
 * the time does not exist, so the result is the first instant after the gap (02:30 → 03:00 on the
 * clock, as phones do). In a fall-back overlap the earlier of the two instants is returned.
 */
export function instantOf(date: LocalDate, hour: number, minute: number, zone: string): number {
  const [y, m, d] = parseLocalDate(date);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  // Try the offsets in force a day either side; at most two differ around a transition.
  const candidates = new Set([offsetAt(wall - 86400000, zone), offsetAt(wall, zone), offsetAt(wall + 86400000, zone)]);
  const matches: number[] = [];
  for (const off of candidates) {
    const t = wall - off * 60000;
    if (offsetAt(t, zone) === off) matches.push(t);
  }
  if (matches.length > 0) return Math.min(...matches);
  // Gap: the local time was skipped. Use the transition instant itself.
  const before = wall - Math.max(...candidates) * 60000;
  const after = wall - Math.min(...candidates) * 60000;
  let lo = Math.min(before, after);
  let hi = Math.max(before, after);
  const offLo = offsetAt(lo, zone);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, zone) === offLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

export function localDateOf(instant: number, zone: string): LocalDate {
  const p = zonedParts(instant, zone);
  return formatLocalDate(p.year, p.month, p.day);
}

export function stampOf(instant: number, zone: string): Stamp {
  return {
    at: new Date(instant).toISOString(),
    localDate: localDateOf(instant, zone),
    utcOffset: offsetAt(instant, zone)
  };
}

/** Local wall-clock time "HH:MM" recorded with a stamp, using the offset saved at the time. */
export function localTimeOfStamp(s: Pick<Stamp, 'at' | 'utcOffset'>): string {
  const t = new Date(Date.parse(s.at) + s.utcOffset * 60000);
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

export function formatLocalDate(y: number, m: number, d: number): LocalDate {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

export function parseLocalDate(date: LocalDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date as YYYY-MM-DD (no Date objects: this runs for every row read back). */
export function isLocalDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]);
}

/** A month ("YYYY-MM") or a day ("YYYY-MM-DD"): how precisely a recalled date is remembered. */
export type MonthOrDay = string;

export function isMonthOrDay(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) || isLocalDate(value);
}

/** The first day a month or day covers. */
export function firstDayOf(value: MonthOrDay): LocalDate {
  return value.length === 7 ? `${value}-01` : value;
}

/** The last day a month or day covers. */
export function lastDayOf(value: MonthOrDay): LocalDate {
  if (value.length !== 7) return value;
  const [y, m] = [Number(value.slice(0, 4)), Number(value.slice(5, 7))];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${value}-${pad(m === 2 && leap ? 29 : MONTH_DAYS[m - 1])}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parseLocalDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return formatLocalDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Every local date from `from` to `to`, both included; empty when `from` is after `to`. */
export function datesIn(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  if (from > to) return out;
  // One walk from `from`, rather than parsing each date again: years of days run through here.
  const [y, m, d] = parseLocalDate(from);
  const day = new Date(Date.UTC(y, m - 1, d));
  for (let date = from; date <= to; day.setUTCDate(day.getUTCDate() + 1), date = formatLocalDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate())) out.push(date);
  return out;
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [ya, ma, da] = parseLocalDate(a);
  const [yb, mb, db] = parseLocalDate(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86400000);
}

/** Monday of the ISO week containing `date`. */
export function weekStart(date: LocalDate): LocalDate {
  const [y, m, d] = parseLocalDate(date);
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

/** ISO-8601 week label such as 2026-W07. */
export function isoWeek(date: LocalDate): string {
  const thursday = addDays(weekStart(date), 3);
  const [y] = parseLocalDate(thursday);
  const week = Math.floor(daysBetween(formatLocalDate(y, 1, 1), thursday) / 7) + 1;
  return `${y}-W${pad(week)}`;
}

/** "HH:MM" → minutes after midnight, or undefined when it is not a valid 24-hour time. */
export function parseClockTime(value: string): number | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
