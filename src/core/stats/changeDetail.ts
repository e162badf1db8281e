// One dose change up close, for the dashboard: the change's window from afterChange.ts (each
// symptom's onset, peak and last day, mood over days 0–14 and from day 15), each day's mood from day
// 0 to the window's end, and the 14 days before the change as a reference. Facts and their n only.
import { changeWindows, type ChangeWindow, type WindowInput } from './afterChange';
import { CHANGE_DAYS_BEFORE } from '../limits';
import { windowStat, type WindowStat } from './quantiles';
import { doseRecord, type DayKind, type DoseChange } from './doseDays';
import { dailyMood, type DailyMood } from './mood';
import { addDays, type LocalDate } from '../time';

/** Days before a change shown as its reference band. */
export const BEFORE_DAYS = CHANGE_DAYS_BEFORE;

export interface ChangeDay extends DailyMood {
  /** Days since the change (0 = the first day at the new level). */
  day: number;
  /** Only a skipped dose was recorded that day. */
  skipped: boolean;
  /** The dose-day kind: taken, skipped only, or not logged. */
  dose: DayKind;
}

export interface ChangeDetail {
  window: ChangeWindow;
  /** Day 0 to the window's last day. */
  days: ChangeDay[];
  before: {
    from: LocalDate;
    to: LocalDate;
    /** The BEFORE_DAYS days before the change, oldest first (day −14 to −1). */
    days: ChangeDay[];
    /** The daily means of those days: median and IQR from 3 days with a check-in. */
    mood: WindowStat;
    /** An earlier change that falls inside those days, so part of them was at another level. */
    earlierChange: DoseChange | null;
  };
}

/** The change logged on `date`, looked at up to `to` (usually today); null if no change starts that day. */
export function changeDetail(input: WindowInput, date: LocalDate, to: LocalDate): ChangeDetail | null {
  const window = changeWindows(input, date, to, date)[0];
  if (!window) return null;
  const record = doseRecord(input.doses);
  const from = addDays(date, -BEFORE_DAYS);
  const beforeTo = addDays(date, -1);
  const last = addDays(date, window.endDay);
  const all = dailyMood(input.checkins, from, last);
  const kinds = record.days(from, last);
  const days: ChangeDay[] = all.map((d, i) => ({ ...d, day: i - BEFORE_DAYS, skipped: kinds[i].kind === 'skipped', dose: kinds[i].kind }));
  const before = days.slice(0, BEFORE_DAYS);
  const earlier = record.changes.filter((c) => c.date > from && c.date <= beforeTo);
  return {
    window,
    days: days.slice(BEFORE_DAYS),
    before: {
      from,
      to: beforeTo,
      days: before,
      mood: windowStat(before.filter((d) => d.mean !== null).map((d) => d.mean!)),
      earlierChange: earlier[earlier.length - 1] ?? null
    }
  };
}
