// When to nudge. Pure: given the instant, the zone, the reminder times and the last check-in, it
// says what the status bar should show and when to look again. Because nothing is remembered
// between calls except explicit snooze/skip state, a machine that slept through a reminder, or
// whose clock jumped, gets the right answer at its next evaluation.
import { addDays, instantOf, localDateOf, parseClockTime, zonedParts, type LocalDate } from './time';

export interface ReminderSettings {
  enabled: boolean;
  /** Minutes after local midnight, e.g. 540 for 09:00. */
  times: number[];
}

export interface ReminderState {
  /** Epoch ms until which reminders are quiet. */
  snoozedUntil?: number;
  /** A local date on which the user chose "Skip today". */
  skippedDate?: LocalDate;
  /** Key of the last slot a notification was raised for (see slotKey). */
  notifiedSlot?: string;
}

export type NudgeStatus =
  /** The current window already has a check-in. */
  | 'done'
  /** No check-in yet in this window, and its reminder time is still ahead (or reminders are off). */
  | 'open'
  /** The reminder time has passed without a check-in: warning colour, one notification. */
  | 'due'
  | 'snoozed'
  | 'skipped';

export interface Nudge {
  status: NudgeStatus;
  /** The reminder slot the current window belongs to (undefined when reminders are off). */
  slot?: { date: LocalDate; minutes: number; at: number };
  /** True exactly when a notification should be raised now (due and not yet raised for this slot). */
  notify: boolean;
  /** Identifies the reminder a notification is for; record it as notifiedSlot once raised. */
  key?: string;
  /** The next instant at which the answer may change. */
  next: number;
}

/** Parses "HH:MM" strings; returns the valid times (sorted, unique) and the rejected strings. */
export function parseReminderTimes(values: readonly unknown[]): { times: number[]; invalid: string[] } {
  const times = new Set<number>();
  const invalid: string[] = [];
  for (const v of values) {
    const m = typeof v === 'string' ? parseClockTime(v) : undefined;
    if (m === undefined) invalid.push(String(v));
    else times.add(m);
  }
  return { times: [...times].sort((a, b) => a - b), invalid };
}

/**
 * The window of the local day that contains `minutes`. Windows split the day halfway between
 * consecutive reminder times, so a check-in a little before a reminder still counts for it:
 * with 09:00 and 21:00 the windows are 00:00–15:00 and 15:00–24:00.
 */
function windowIndex(times: number[], minutes: number): number {
  for (let i = times.length - 1; i > 0; i--) {
    if (minutes >= (times[i - 1] + times[i]) / 2) return i;
  }
  return 0;
}

function windowBounds(times: number[], i: number): [number, number] {
  const start = i === 0 ? 0 : (times[i - 1] + times[i]) / 2;
  const end = i === times.length - 1 ? 24 * 60 : (times[i] + times[i + 1]) / 2;
  return [start, end];
}

function minutesOfDay(instant: number, zone: string): number {
  const p = zonedParts(instant, zone);
  return p.hour * 60 + p.minute;
}

function atMinutes(date: LocalDate, minutes: number, zone: string): number {
  if (minutes >= 24 * 60) return instantOf(addDays(date, 1), 0, 0, zone);
  return instantOf(date, Math.floor(minutes / 60), Math.floor(minutes % 60), zone);
}

export function slotKey(date: LocalDate, minutes: number): string {
  return `${date}@${minutes}`;
}

export function evaluateNudge(args: {
  now: number;
  zone: string;
  settings: ReminderSettings;
  /** Instant of the latest check-in, if any. */
  lastCheckIn?: number;
  state: ReminderState;
}): Nudge {
  const { now, zone, settings, state } = args;
  const today = localDateOf(now, zone);
  const tomorrow = instantOf(addDays(today, 1), 0, 0, zone);
  const times = settings.enabled ? settings.times : [];

  if (times.length === 0) {
    // Without reminders the status bar only says whether today has a check-in.
    const checkedToday = args.lastCheckIn !== undefined && localDateOf(args.lastCheckIn, zone) === today;
    return { status: checkedToday ? 'done' : 'open', notify: false, next: tomorrow };
  }

  const i = windowIndex(times, minutesOfDay(now, zone));
  const [startMin, endMin] = windowBounds(times, i);
  const windowStart = atMinutes(today, startMin, zone);
  const windowEnd = atMinutes(today, endMin, zone);
  const slotAt = atMinutes(today, times[i], zone);
  const slot = { date: today, minutes: times[i], at: slotAt };
  const next = (...candidates: number[]) => Math.min(...candidates.filter((t) => t > now), windowEnd);

  if (args.lastCheckIn !== undefined && args.lastCheckIn >= windowStart && args.lastCheckIn <= now) {
    return { status: 'done', slot, notify: false, next: next(windowEnd) };
  }
  if (state.skippedDate === today) return { status: 'skipped', slot, notify: false, next: next(tomorrow) };
  if (now < slotAt) return { status: 'open', slot, notify: false, next: next(slotAt) };
  if (state.snoozedUntil !== undefined && now < state.snoozedUntil) {
    return { status: 'snoozed', slot, notify: false, next: next(state.snoozedUntil) };
  }
  // A snooze that has run out earns one more reminder for the same slot.
  const key = slotKey(today, times[i]) + (state.snoozedUntil && state.snoozedUntil > slotAt ? `+${state.snoozedUntil}` : '');
  return { status: 'due', slot, key, notify: state.notifiedSlot !== key, next: next(windowEnd) };
}

/**
 * Several windows may evaluate the same journal. Only the one that holds the journal's writer lock
 * raises the notification; the others just colour their status bar.
 */
export function shouldRaiseNotification(nudge: Nudge, isWriterWindow: boolean, notificationsEnabled: boolean): boolean {
  return nudge.notify && isWriterWindow && notificationsEnabled;
}
