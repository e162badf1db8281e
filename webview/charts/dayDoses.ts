// Each day's dose as the dose-day model (src/core/doseDays.ts) sends it, for the timeline's columns,
// the data tables and the canvas's text: what was taken against the step in force, or that only a
// skipped dose, or nothing, was logged. Not logged is never read as taken. Pure: no DOM.
import type { ChartData } from '../../src/webviews/shared/views';
import type { ChartStrings } from './strings';

export type Day = ChartData['days'][number];

/** What a day's dose is, in words: "10 mg", "15 mg (one day, step 10 mg)", "skipped", "not logged". */
export function dayDoseWords(d: Pick<Day, 'dose' | 'taken' | 'skipped'>, unit: string, s: ChartStrings): string {
  if (d.taken !== null) {
    const taken = s.t('{0} {1}', d.taken, unit);
    return isOtherDose(d) && d.dose !== null ? s.t('{0} (one day, step {1} {2})', taken, d.dose, unit) : taken;
  }
  return d.skipped ? s.t('skipped') : s.t('not logged');
}

/** A day taken at a total other than the step in force. */
export function isOtherDose(d: Pick<Day, 'dose' | 'taken'>): boolean {
  return d.taken !== null && (d.dose === null || Math.abs(d.taken - d.dose) >= 1e-9);
}

/** The columns for doseSeries(), one value a day (null leaves the day out of that series). */
export function doseColumns(days: readonly Day[]): [taken: (number | null)[], untaken: (number | null)[], other: (number | null)[]] {
  const n = days.length;
  const taken = new Array<number | null>(n);
  const untaken = new Array<number | null>(n);
  const other = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const d = days[i];
    taken[i] = d.taken !== null ? d.dose : null;
    untaken[i] = d.taken === null ? d.dose : null;
    other[i] = isOtherDose(d) ? d.taken : null;
  }
  return [taken, untaken, other];
}

/** Days the dotted line crosses (from the first dose on), and days at another dose than the step. */
export function untakenDays(days: readonly Day[]): { skipped: number; notLogged: number; other: number } {
  const out = { skipped: 0, notLogged: 0, other: 0 };
  for (const d of days) {
    if (isOtherDose(d)) out.other++;
    else if (d.taken === null && d.dose !== null) {
      if (d.skipped) out.skipped++;
      else out.notLogged++;
    }
  }
  return out;
}

/**
 * A week's dose in words: its step(s) when a dose was taken at the step every day ("20 → 15 mg"),
 * else the step(s) and how its days divide ("step 10 mg; taken on 5 of 7 days (1 at another dose);
 * 1 skipped; 1 not logged"). A week with nothing logged reads "not logged".
 */
export function weekDoseWords(days: readonly Day[], unit: string, s: ChartStrings): string {
  const steps: number[] = [];
  let taken = 0;
  let other = 0;
  let skipped = 0;
  let notLogged = 0;
  for (const d of days) {
    if (d.dose !== null && steps[steps.length - 1] !== d.dose) steps.push(d.dose);
    if (d.taken !== null) {
      taken++;
      if (isOtherDose(d)) other++;
    } else if (d.skipped) skipped++;
    else notLogged++;
  }
  const stepText = steps.length ? s.t('{0} {1}', steps.join(' → '), unit) : '';
  if (taken === days.length && other === 0) return stepText;
  if (notLogged === days.length) return s.t('not logged');
  const parts = [
    taken ? (days.length === 1 ? s.t('taken') : s.plural(days.length, { one: s.t('taken on {0} of {1} day', taken, days.length), other: s.t('taken on {0} of {1} days', taken, days.length) })) + (other ? ` ${s.t('({0} at another dose)', other)}` : '') : '',
    skipped ? s.t('{0} skipped', skipped) : '',
    notLogged ? s.t('{0} not logged', notLogged) : ''
  ].filter(Boolean);
  return stepText ? s.t('step {0}; {1}', stepText, parts.join('; ')) : parts.join('; ');
}
