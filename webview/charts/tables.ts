// The HTML parts: the data table behind the timeline (its text alternative) and "mood by dose".
import type { ChartData } from '../../src/webviews/shared/views';
import type { ChartStrings } from './strings';
import { extraLines, fixed1, tableRows } from './data';
import { el } from './dom';

function table(parent: Node, caption: string, headers: string[]): HTMLTableSectionElement {
  const tbl = el('table', 'mdc-table', undefined, parent);
  el('caption', undefined, caption, tbl);
  const tr = el('tr', undefined, undefined, el('thead', undefined, undefined, tbl));
  for (const h of headers) el('th', undefined, h, tr).setAttribute('scope', 'col');
  return el('tbody', undefined, undefined, tbl);
}

/** Day or week rows: date, mean mood, lowest–highest, dose and what happened. */
export function renderDataTable(target: HTMLElement, data: ChartData, s: ChartStrings): void {
  const { weekly, rows } = tableRows(data, s);
  const frag = document.createDocumentFragment();
  const [from, to] = [s.date(data.from), s.date(data.to)];
  const caption = weekly ? s.t('Mood and dose by week, {0} to {1}', from, to) : s.t('Mood and dose by day, {0} to {1}', from, to);
  // The dashboard's data also has the rolling median and the planned dose: columns of their own.
  const extra = extraLines(data);
  const head = [weekly ? s.t('Week') : s.t('Date'), s.t('Mean mood'), s.t('Lowest–highest'), ...(extra.median ? [s.t('7-day median')] : []), s.t('Dose'), ...(extra.planned ? [s.t('Planned dose')] : []), s.t('Events')];
  const body = table(frag, caption, head);
  const none = s.t('no entry');
  const planned = (list: number[]) => (list.length ? s.t('{0} {1}', list.join(' → '), data.unit) : '–');
  for (const r of rows) {
    const tr = el('tr', undefined, undefined, body);
    el('th', undefined, r.when, tr).setAttribute('scope', 'row');
    el('td', 'mdc-num', r.mean === null ? none : fixed1(r.mean), tr);
    el('td', 'mdc-num', r.min === null || r.max === null ? '–' : s.t('{0}–{1}', r.min, r.max), tr);
    if (extra.median) el('td', 'mdc-num', r.median === null ? '–' : fixed1(r.median), tr);
    el('td', 'mdc-num', r.dose, tr);
    if (extra.planned) el('td', 'mdc-num', planned(r.planned), tr);
    el('td', 'mdc-events', r.events.join('; '), tr);
  }
  target.replaceChildren(frag);
}

/** One row per dose level: mean mood with a bar, days, and spread (sd, lowest–highest); under it, its n and the days left out. */
export function renderDoseTable(target: HTMLElement, data: ChartData, s: ChartStrings): void {
  target.replaceChildren();
  const left = doseDaysWords(data, s);
  if (data.moodByDose.length === 0) {
    el('p', 'mdc-note', s.t('No dose recorded in this range.'), target);
    const l = data.moodByDoseLeftOut;
    if (l.noDose + l.otherDose + l.beforeFirstDose > 0) el('p', 'mdc-note mdc-dose-n', left, target);
    return;
  }
  const body = table(target, s.t('Mean mood (1–10) at each dose level'), [s.t('Dose'), s.t('Mean mood'), s.t('Days'), s.t('Spread')]);
  for (const r of data.moodByDose) {
    const tr = el('tr', undefined, undefined, body);
    el('th', undefined, s.t('{0} {1}', r.mg, data.unit), tr).setAttribute('scope', 'row');
    const cell = el('td', 'mdc-mean', undefined, tr);
    el('span', 'mdc-num', fixed1(r.mean), cell);
    const track = el('span', 'mdc-bar-track', undefined, cell);
    track.setAttribute('aria-hidden', 'true');
    // Mood runs 1–10, so the bar's length is the mean's place on that scale.
    el('span', 'mdc-bar', undefined, track).style.width = `${Math.max(0, Math.min(100, ((r.mean - 1) / 9) * 100)).toFixed(1)}%`;
    el('td', 'mdc-num', String(r.days), tr);
    const sd = r.sd === null ? '' : s.t('± {0}', fixed1(r.sd)) + ' ';
    el('td', 'mdc-num', sd + s.t('({0}–{1})', r.min, r.max), tr);
  }
  el('p', 'mdc-note mdc-dose-n', left, target);
}

/**
 * "n = 29 days; 6 more with no dose taken.": the days counted, and the days with a check-in left out
 * and why (no dose taken, another dose that day, before the first dose), then the rule.
 */
export function doseDaysWords(data: ChartData, s: ChartStrings): string {
  const l = data.moodByDoseLeftOut;
  const n = data.moodByDose.reduce((sum, r) => sum + r.days, 0);
  const parts = [
    s.plural(n, { one: s.t('n = {0} day', n), other: s.t('n = {0} days', n) }),
    l.noDose ? s.t('{0} more with no dose taken', l.noDose) : '',
    l.otherDose ? s.t('{0} more at another dose for one day', l.otherDose) : '',
    l.beforeFirstDose ? s.t('{0} more before the first dose', l.beforeFirstDose) : ''
  ].filter(Boolean);
  return `${parts.join('; ')}. ${s.t('A day counts at a dose when it has a check-in and a dose was taken that day at the step in force.')}`;
}
