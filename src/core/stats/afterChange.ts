// The days after each dose change: day 0 is the first day at the new level (doseDays.ts). For each change
// in range, each symptom's course over days 0–28 (onset, peak and last day logged, counted from
// that change), mood over days 0–14 and from day 15 on, and the days with a skipped dose. The
// window stops the day before the next change and at the end of the range, and says which.
// Clinicians weigh this timing (NICE NG222 1.4.15; Horowitz & Taylor 2022); this module only
// counts days. It never names what the timing might mean.
import { doseRecord, type DoseChange } from './doseDays';
import { EARLY_LAST_DAY } from './steps';
import { CHANGE_LAST_DAY } from '../limits';
import { symptomsByKey } from './onsets';
import { windowStat, type WindowStat } from './quantiles';
import type { CheckIn, Dose, Symptom } from '../schemas';
import { dailyMood, live } from './mood';
import { symptomLabel } from '../symptoms';
import { addDays, daysBetween, type LocalDate } from '../time';

/** The last day shown after a change. */
export const WINDOW_LAST_DAY = CHANGE_LAST_DAY;
/** A symptom logged this many days before a change is marked as already present. */
export const DAYS_BEFORE_CHECKED = 7;

export interface SymptomCourse {
  key: string;
  label: string;
  /** Highest severity logged on each day 0..endDay; null where none above 0 was logged. */
  severities: (number | null)[];
  onsetDay: number;
  /** The first day with the highest severity. */
  peakDay: number;
  peak: number;
  lastDay: number;
  daysLogged: number;
  /** Also logged (above 0) in the DAYS_BEFORE_CHECKED days before the change. */
  loggedBefore: boolean;
}

export type WindowEnd = 'day-28' | 'next-change' | 'range-end';

export interface ChangeWindow {
  change: DoseChange;
  /** Last day index shown (≤ 28), and why the window stops there. */
  endDay: number;
  endReason: WindowEnd;
  /** Sorted by onset day, then label. */
  symptoms: SymptomCourse[];
  /** Daily mean mood on days 0–14 (or to the window's stop, if sooner), and from day 15 to the day before the next change or the range end; null when the window stops before day 15. */
  early: WindowStat;
  late: WindowStat | null;
  /** The last day of the early window: 14, or the stop day when the window stops sooner. */
  earlyLastDay: number;
  /** Day indices (0..endDay) with only a skipped dose, and with no dose logged (dose-day kinds). */
  skippedDays: number[];
  notLoggedDays: number[];
}

export interface WindowInput {
  checkins: readonly CheckIn[];
  doses: readonly Dose[];
  symptoms: readonly Symptom[];
}

/** One window per logged dose change inside [from, to], oldest first; with `only`, just the change on that day. */
export function changeWindows(input: WindowInput, from: LocalDate, to: LocalDate, only?: LocalDate): ChangeWindow[] {
  const record = doseRecord(input.doses);
  const all = record.changes;
  const present = live(input.symptoms).filter((s) => s.severity > 0);
  const moods = new Map(dailyMood(input.checkins, from, to).map((d) => [d.date, d.mean]));
  const out: ChangeWindow[] = [];
  all.forEach((change, i) => {
    if (change.date < from || change.date > to || (only !== undefined && change.date !== only)) return;
    const beforeNext = all[i + 1] ? addDays(all[i + 1].date, -1) : undefined;
    // The day before the next change, or the range end, whichever comes first.
    const cutByNext = beforeNext !== undefined && beforeNext <= to;
    const stopDay = daysBetween(change.date, cutByNext ? beforeNext : to);
    const endDay = Math.min(WINDOW_LAST_DAY, stopDay);
    const endReason: WindowEnd = stopDay > WINDOW_LAST_DAY ? 'day-28' : cutByNext ? 'next-change' : 'range-end';
    const early: number[] = [];
    const late: number[] = [];
    for (let day = 0; day <= stopDay; day++) {
      const m = moods.get(addDays(change.date, day));
      if (m !== undefined && m !== null) (day <= EARLY_LAST_DAY ? early : late).push(m);
    }
    const skippedDays: number[] = [];
    const notLoggedDays: number[] = [];
    record.days(change.date, addDays(change.date, endDay)).forEach((d, day) => {
      if (d.kind === 'skipped') skippedDays.push(day);
      else if (d.kind === 'not-logged') notLoggedDays.push(day);
    });
    out.push({
      change,
      endDay,
      endReason,
      symptoms: courses(present, change.date, endDay),
      early: windowStat(early),
      late: stopDay > EARLY_LAST_DAY ? windowStat(late) : null,
      earlyLastDay: Math.min(EARLY_LAST_DAY, stopDay),
      skippedDays,
      notLoggedDays
    });
  });
  return out;
}

function courses(present: readonly Symptom[], day0: LocalDate, endDay: number): SymptomCourse[] {
  const last = addDays(day0, endDay);
  const before = addDays(day0, -DAYS_BEFORE_CHECKED);
  const out: SymptomCourse[] = [];
  for (const [key, rows] of symptomsByKey(present, day0, last)) {
    const severities: (number | null)[] = new Array<number | null>(endDay + 1).fill(null);
    for (const r of rows) {
      const day = daysBetween(day0, r.localDate);
      severities[day] = Math.max(severities[day] ?? 0, r.severity);
    }
    const days = severities.flatMap((v, day) => (v === null ? [] : [day]));
    const peak = Math.max(...days.map((d) => severities[d]!));
    out.push({
      key,
      label: rows[rows.length - 1].label.trim() || symptomLabel(key) || key,
      severities,
      onsetDay: days[0],
      peakDay: days.find((d) => severities[d] === peak)!,
      peak,
      lastDay: days[days.length - 1],
      daysLogged: days.length,
      loggedBefore: present.some((s) => s.key === key && s.localDate >= before && s.localDate < day0)
    });
  }
  return out.sort((a, b) => a.onsetDay - b.onsetDay || a.label.localeCompare(b.label));
}
