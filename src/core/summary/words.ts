// Phrases shared by page 1 and the appendix of the summary: counts with their unit, mood windows,
// symptom onsets. Neutral by design: numbers, days and dates, each with its n; never a verdict.
import { fixed, formatMg } from '../entries';
import type { WindowStat } from '../stats/quantiles';
import { SEVERITY_MAX } from '../limits';
import type { DoseChange } from '../stats/doseDays';
import { changeLabel } from '../stats/doses';
import { CHANGE_WITHIN, MISSED_WITHIN, type SymptomEpisode, type SymptomOnset } from '../stats/onsets';
import { days, plural, t } from './lang';
import { symptomName } from '../symptoms';

export { days, plural, t } from './lang';
/** One decimal, in the summary's language ("5.5", "5,5"). */
export const one = (x: number) => fixed(x, 1);

/** "a", "a and b". */
export const both = (parts: readonly string[]): string => (parts.length === 2 ? t('{0} and {1}', parts[0], parts[1]) : parts.join(', '));

export function mgText(x: number | null, unit: string, none: string): string {
  return x === null ? none : t('{0} {1}', formatMg(x), unit);
}

/** "5.5 (IQR 4.5–6.0, n = 12)" or "too few days (n = 2)". */
export function windowText(w: WindowStat): string {
  return w.tooFew ? t('too few days (n = {0})', w.n) : t('{0} (IQR {1}–{2}, n = {3})', one(w.median), one(w.q1), one(w.q3), w.n);
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
  if (!e.change) out.push(t('no dose change logged in the {0} days before', CHANGE_WITHIN));
  else
    out.push(
      e.daysAfterChange === 0
        ? t('on the day of {0} ({1})', chg(e.change), e.change.date)
        : plural(e.daysAfterChange ?? 0, t('{0} day after {1} ({2})', e.daysAfterChange ?? 0, chg(e.change), e.change.date), t('{0} days after {1} ({2})', e.daysAfterChange ?? 0, chg(e.change), e.change.date))
    );
  const missed = [
    e.skippedBefore.length ? plural(e.skippedBefore.length, t('{0} day with only a skipped dose', e.skippedBefore.length), t('{0} days with only a skipped dose', e.skippedBefore.length)) : '',
    e.notLoggedBefore.length ? plural(e.notLoggedBefore.length, t('{0} day with no dose logged', e.notLoggedBefore.length), t('{0} days with no dose logged', e.notLoggedBefore.length)) : ''
  ].filter(Boolean);
  if (missed.length) out.push(t('{0} in the {1} days before', both(missed), MISSED_WITHIN));
  if (e.sameDayEvents.length) out.push(t('same day as {0}', e.sameDayEvents.map(eventLabel).join(', ')));
  const span = e.firstDate === e.lastDate ? t('logged on {0} only', e.firstDate) : t('logged on {0} from {1} to {2}', days(e.daysLogged), e.firstDate, e.lastDate);
  out.push(t('{0}, peak {1}/{2}', span, e.peak, SEVERITY_MAX));
  return out;
}

/**
 * e.g. "Dizziness: first logged 2026-01-13, 2 days after 20 → 15 mg (2026-01-11); logged on 3 days
 * from 2026-01-13 to 2026-01-15, peak 3/3. Again from 2026-02-07: …". Episodes 7 or more
 * symptom-free days apart are described apart.
 */
export function onsetText(o: SymptomOnset, chg: (c: DoseChange) => string, eventLabel: (i: number) => string = (i) => `E${i + 1}`): string {
  const [first, ...later] = o.episodes;
  const parts = [t('{0}: first logged {1}, {2}.', symptomName(o.key, o.label, t), first.firstDate, episodeFacts(first, chg, eventLabel).join('; '))];
  for (const e of later) parts.push(t('Again from {0}: {1}.', e.firstDate, episodeFacts(e, chg, eventLabel).join('; ')));
  if (o.loggedBefore) parts.push(t('Also logged before this range.'));
  return parts.join(' ');
}

export const changeWith = (unit: string) => (c: Pick<DoseChange, 'fromMg' | 'toMg'>) => changeLabel(c, unit);
