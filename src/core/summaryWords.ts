// Phrases shared by page 1 and the appendix of the summary: counts with their unit, mood windows,
// symptom onsets. Neutral by design: numbers, days and dates, each with its n; never a verdict.
import { formatMg } from './entries';
import type { WindowStat } from './quantiles';
import { SEVERITY_MAX } from './limits';
import { changeLabel, type DoseChange, type SymptomOnset } from './stats';

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
export const one = (x: number) => x.toFixed(1);
export const TOO_FEW = 'too few days';

export function mgText(x: number | null, unit: string, none: string): string {
  return x === null ? none : `${formatMg(x)} ${unit}`;
}

/** "5.5 (IQR 4.5–6.0, n = 12)" or "too few days (n = 2)". */
export function windowText(w: WindowStat): string {
  return w.tooFew ? `${TOO_FEW} (n = ${w.n})` : `${one(w.median)} (IQR ${one(w.q1)}–${one(w.q3)}, n = ${w.n})`;
}

/** "+3", "−2", "0" with a real minus sign. */
export function signed(x: number): string {
  return x > 0 ? `+${x}` : x < 0 ? `−${-x}` : '0';
}

/** e.g. "Dizziness first logged 3 days after 20 → 15 mg (peak 3/3, logged on 6 days over 9 days), 2026-03-11 to 2026-03-19." */
export function onsetText(o: SymptomOnset, chg: (c: DoseChange) => string): string {
  const when = !o.change
    ? `on ${o.firstDate}, with no dose change logged before it`
    : o.daysAfterChange === 0
      ? `on the day of ${chg(o.change)}`
      : `${plural(o.daysAfterChange ?? 0, 'day')} after ${chg(o.change)}`;
  const dates = o.change ? `, ${o.firstDate === o.lastDate ? o.firstDate : `${o.firstDate} to ${o.lastDate}`}` : o.lastDate !== o.firstDate ? `, last ${o.lastDate}` : '';
  const later = o.afterLaterChanges.map((l) => ` After ${chg(l.change)} on ${l.change.date}: first logged ${l.daysAfterChange ? `${plural(l.daysAfterChange, 'day')} after` : 'the same day'}.`);
  const before = o.loggedBefore ? ' Also logged before this range.' : '';
  return `${o.label} first logged ${when} (peak ${o.peak}/${SEVERITY_MAX}, logged on ${plural(o.daysLogged, 'day')} over ${plural(o.spanDays, 'day')})${dates}.${later.join('')}${before}`;
}

export const changeWith = (unit: string) => (c: Pick<DoseChange, 'fromMg' | 'toMg'>) => changeLabel(c, unit);
