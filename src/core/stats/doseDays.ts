// The dose-day model: the one reading of the dose rows that every figure, table, sentence and count
// uses (summary, PDF, dashboard, Charts and Plan tabs, status bar, tablet supply).
// - A dose row is one intake. A day's dose is the sum of its intakes taken or changed.
// - A day is exactly one of: taken (with its total), skipped only, or not logged. A day with a
//   skipped and a taken intake is taken.
// - A step (a level) changes where the user recorded a change ("changed to X": the level becomes X),
//   or where the daily total holds a new level on two logged days in a row. A single day that
//   differs and returns is a one-day deviation, never two changes.
// "Changed to X" sets the level to X rather than to the day's total, so a morning dose followed by
// an evening "changed to X" (how a top-up or a change was logged before intakes could be added)
// reads as one change to X, with that day's total shown beside it.
// Pure: rows in, days out. Recalled history is never read here.
import type { Dose } from '../schemas';
import { addDays, datesIn, daysBetween, type LocalDate } from '../time';

export type DayKind = 'taken' | 'skipped' | 'not-logged';

/** Doses differ below this (sums of 2.5 and 7.5 never drift into a false change). */
const EPS = 1e-9;
export const sameMg = (a: number, b: number) => Math.abs(a - b) < EPS;
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

export interface DoseDay {
  date: LocalDate;
  kind: DayKind;
  /** The sum of the day's intakes taken or changed; null unless the day is taken. */
  total: number | null;
  /** Each intake taken or changed that day, in the order taken (e.g. [10, 5]). */
  intakes: readonly number[];
  /** A dose recorded as skipped that day (also on a taken day, when a later intake was taken). */
  skippedToo: boolean;
  /** The user recorded a change that day. */
  recordedChange: boolean;
  /** The step in force that day; null before the first dose logged. Not what was taken: see kind. */
  level: number | null;
  /** A taken day whose total differs from the step in force. */
  deviation: boolean;
}

export interface DoseChange {
  /** The first day at the new level. */
  date: LocalDate;
  fromMg: number;
  toMg: number;
  /** True where the user recorded it; false where the daily total held a new level. */
  recorded: boolean;
}

/** How the first day of a level is known. */
export type StepStart =
  /** A change in the log (recorded, or the total held): day 0 is that day. */
  | { known: true; date: LocalDate }
  /** The first dose ever logged, not recorded as a change: the level began on or before it. */
  | { known: false; onOrBefore: LocalDate };

interface LoggedDay {
  intakes: number[];
  total: number | null;
  skipped: boolean;
  /** The mg of the day's last intake recorded as a change; null when none was. */
  changedTo: number | null;
}

export interface DoseRecord {
  /** Every change of level, oldest first. The first level ever logged is not a change. */
  changes: readonly DoseChange[];
  /** The first and last day with a dose taken; undefined when none. */
  firstTaken: LocalDate | undefined;
  lastTaken: LocalDate | undefined;
  /** One day, whatever it holds. */
  day(date: LocalDate): DoseDay;
  /** Every day from `from` to `to`, both included. */
  days(from: LocalDate, to: LocalDate): DoseDay[];
  /** The step in force on `date` (null before the first dose logged). */
  levelOn(date: LocalDate): number | null;
  /** Where the step in force on `date` began; undefined before the first dose logged. */
  stepStart(date: LocalDate): StepStart | undefined;
  /** The latest change on or before `date`. */
  lastChangeOnOrBefore(date: LocalDate): DoseChange | undefined;
  /** Days that have a dose row of any status, oldest first. */
  loggedDates: readonly LocalDate[];
}

const byTime = (a: Dose, b: Dose) => (a.at === b.at ? (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) : a.at < b.at ? -1 : 1);

// A summary and a dashboard read the same dose list many times; rows are never changed in place.
const cache = new WeakMap<readonly Dose[], DoseRecord>();

export function doseRecord(doses: readonly Dose[]): DoseRecord {
  let out = cache.get(doses);
  if (!out) {
    out = build(doses);
    cache.set(doses, out);
  }
  return out;
}

function build(doses: readonly Dose[]): DoseRecord {
  const logged = new Map<LocalDate, LoggedDay>();
  for (const d of doses.filter((x) => !x.deletedAt).sort(byTime)) {
    let day = logged.get(d.localDate);
    if (!day) logged.set(d.localDate, (day = { intakes: [], total: null, skipped: false, changedTo: null }));
    if (d.status === 'skipped') day.skipped = true;
    else {
      day.intakes.push(d.mg);
      day.total = tidy((day.total ?? 0) + d.mg);
      if (d.status === 'changed') day.changedTo = d.mg;
    }
  }
  const loggedDates = [...logged.keys()].sort();
  const taken = loggedDates.filter((date) => logged.get(date)!.total !== null);
  const changes: DoseChange[] = [];
  // The level in force from each date on: [date, level], oldest first (the first taken day, then each change).
  const starts: { date: LocalDate; mg: number; known: boolean }[] = [];
  let level: number | null = null;
  taken.forEach((date, i) => {
    const day = logged.get(date)!;
    const total = day.total!;
    if (level === null) {
      level = day.changedTo ?? total;
      starts.push({ date, mg: level, known: day.changedTo !== null });
      return;
    }
    if (day.changedTo !== null) {
      if (!sameMg(day.changedTo, level)) {
        changes.push({ date, fromMg: level, toMg: day.changedTo, recorded: true });
        starts.push({ date, mg: day.changedTo, known: true });
        level = day.changedTo;
      }
      return;
    }
    if (sameMg(total, level)) return;
    // The new total must hold on the next logged day, unless the user recorded a change there.
    const next = taken[i + 1] === undefined ? undefined : logged.get(taken[i + 1])!;
    if (next !== undefined && next.changedTo === null && sameMg(next.total!, total)) {
      changes.push({ date, fromMg: level, toMg: total, recorded: false });
      starts.push({ date, mg: total, known: true });
      level = total;
    }
  });

  const startIndexOn = (date: LocalDate): number => {
    // The last start on or before date (binary search: the dashboard asks for every day of years).
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].date <= date) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const levelOn = (date: LocalDate) => {
    const i = startIndexOn(date);
    return i < 0 ? null : starts[i].mg;
  };
  const dayOf = (date: LocalDate, lvl: number | null): DoseDay => {
    const l = logged.get(date);
    if (!l) return { date, kind: 'not-logged', total: null, intakes: [], skippedToo: false, recordedChange: false, level: lvl, deviation: false };
    const kind: DayKind = l.total !== null ? 'taken' : 'skipped';
    return {
      date,
      kind,
      total: l.total,
      intakes: l.intakes,
      skippedToo: l.skipped,
      recordedChange: l.changedTo !== null,
      level: lvl,
      deviation: l.total !== null && lvl !== null && !sameMg(l.total, lvl)
    };
  };
  return {
    changes,
    firstTaken: taken[0],
    lastTaken: taken[taken.length - 1],
    loggedDates,
    levelOn,
    day: (date) => dayOf(date, levelOn(date)),
    days: (from, to) => {
      const out: DoseDay[] = [];
      let i = startIndexOn(from);
      for (const date of datesIn(from, to)) {
        while (i + 1 < starts.length && starts[i + 1].date <= date) i++;
        out.push(dayOf(date, i < 0 ? null : starts[i].mg));
      }
      return out;
    },
    stepStart: (date) => {
      const i = startIndexOn(date);
      if (i < 0) return undefined;
      const s = starts[i];
      return s.known ? { known: true, date: s.date } : { known: false, onOrBefore: s.date };
    },
    lastChangeOnOrBefore: (date) => {
      for (let i = changes.length - 1; i >= 0; i--) if (changes[i].date <= date) return changes[i];
      return undefined;
    }
  };
}

/** How the days of a range divide: every count on every page comes from here. */
export interface DayCounts {
  days: number;
  taken: number;
  skipped: number;
  notLogged: number;
  /** Taken days whose total differs from the step: above and below it. */
  aboveStep: number;
  belowStep: number;
}

export function dayCounts(days: readonly DoseDay[]): DayCounts {
  const out: DayCounts = { days: days.length, taken: 0, skipped: 0, notLogged: 0, aboveStep: 0, belowStep: 0 };
  for (const d of days) {
    if (d.kind === 'taken') {
      out.taken++;
      if (d.deviation) {
        if (d.total! > d.level!) out.aboveStep++;
        else out.belowStep++;
      }
    } else if (d.kind === 'skipped') out.skipped++;
    else out.notLogged++;
  }
  return out;
}

/** Days without a dose taken (skipped only, or not logged) among the `n` days before `date`. */
export function untakenBefore(record: DoseRecord, date: LocalDate, n: number): { skipped: LocalDate[]; notLogged: LocalDate[] } {
  const out = { skipped: [] as LocalDate[], notLogged: [] as LocalDate[] };
  if (record.firstTaken === undefined || n <= 0) return out;
  for (const d of record.days(addDays(date, -n), addDays(date, -1))) {
    // Before the first dose ever logged there is nothing to miss.
    if (d.level === null) continue;
    if (d.kind === 'skipped') out.skipped.push(d.date);
    else if (d.kind === 'not-logged') out.notLogged.push(d.date);
  }
  return out;
}

/** "15 mg (10 + 5)" for a day of several intakes; "10 mg" for one. */
export function dayDoseText(day: Pick<DoseDay, 'total' | 'intakes'>, unit: string, format: (mg: number) => string): string {
  if (day.total === null) return '';
  const total = `${format(day.total)} ${unit}`;
  return day.intakes.length > 1 ? `${total} (${day.intakes.map(format).join(' + ')})` : total;
}

/** Whole days from a step's known start to `date` (day 0 is the start), or null when unknown. */
export function stepDay(start: StepStart | undefined, date: LocalDate): number | null {
  return start?.known ? daysBetween(start.date, date) : null;
}
