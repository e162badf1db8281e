// Phrases shared by page 1 and the appendix of the summary: counts with their unit, mood windows,
// symptom onsets. Neutral by design: numbers, days and dates, each with its n; never a verdict.
import { formatMg } from '../entries';
import type { WindowStat } from '../stats/quantiles';
import { SEVERITY_MAX } from '../limits';
import type { DoseChange } from '../stats/doseDays';
import { changeLabel } from '../stats/doses';
import { CHANGE_WITHIN, MISSED_WITHIN, type SymptomEpisode, type SymptomOnset } from '../stats/onsets';
import { plural as pluralForm } from '../plural';

/** "1 day", "0 days": the summary is written in English, by English plural rules (core/plural.ts). */
export const plural = (n: number, word: string, many = `${word}s`) => pluralForm(n, { one: `${n} ${word}`, other: `${n} ${many}` });
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

/**
 * One episode's facts: when it began, the change in the 28 days before (or none), the days without a
 * dose taken just before, the life events the same day, and how long it was logged. `events`: the
 * labels the summary gives life events (E1, E2…), by their index.
 */
function episodeFacts(e: SymptomEpisode, chg: (c: DoseChange) => string, eventLabel: (i: number) => string): string[] {
  const out: string[] = [];
  if (!e.change) out.push(`no dose change logged in the ${CHANGE_WITHIN} days before`);
  else out.push(e.daysAfterChange === 0 ? `on the day of ${chg(e.change)} (${e.change.date})` : `${plural(e.daysAfterChange ?? 0, 'day')} after ${chg(e.change)} (${e.change.date})`);
  const missed = [
    e.skippedBefore.length ? `${plural(e.skippedBefore.length, 'day')} with only a skipped dose` : '',
    e.notLoggedBefore.length ? `${plural(e.notLoggedBefore.length, 'day')} with no dose logged` : ''
  ].filter(Boolean);
  if (missed.length) out.push(`${missed.join(' and ')} in the ${MISSED_WITHIN} days before`);
  if (e.sameDayEvents.length) out.push(`same day as ${e.sameDayEvents.map(eventLabel).join(', ')}`);
  const span = e.firstDate === e.lastDate ? `on ${e.firstDate} only` : `on ${plural(e.daysLogged, 'day')} from ${e.firstDate} to ${e.lastDate}`;
  out.push(`logged ${span}, peak ${e.peak}/${SEVERITY_MAX}`);
  return out;
}

/**
 * e.g. "Dizziness: first logged 2026-01-13, 2 days after 20 → 15 mg (2026-01-11); logged on 3 days
 * from 2026-01-13 to 2026-01-15, peak 3/3. Again from 2026-02-07: …". Episodes 7 or more
 * symptom-free days apart are described apart.
 */
export function onsetText(o: SymptomOnset, chg: (c: DoseChange) => string, eventLabel: (i: number) => string = (i) => `E${i + 1}`): string {
  const [first, ...later] = o.episodes;
  const parts = [`${o.label}: first logged ${first.firstDate}, ${episodeFacts(first, chg, eventLabel).join('; ')}.`];
  for (const e of later) parts.push(`Again from ${e.firstDate}: ${episodeFacts(e, chg, eventLabel).join('; ')}.`);
  if (o.loggedBefore) parts.push('Also logged before this range.');
  return parts.join(' ');
}

export const changeWith = (unit: string) => (c: Pick<DoseChange, 'fromMg' | 'toMg'>) => changeLabel(c, unit);
