// Figure B: the days after each dose change. One group per change, one row per symptom over days
// 0–28, each cell shaded by the highest severity logged that day, a cell for "also logged in the 7
// days before", the days with a skipped dose, and beside each row the facts in words. No verdict.
import type { ChangeWindow, SymptomCourse } from '../stats/afterChange';
import { changeLabel } from '../stats/doses';
import { days as dayCount, plural, t } from '../summary/lang';
import { symptomName } from '../symptoms';
import { WINDOW_LAST_DAY } from '../stats/afterChange';
import { fitText, INK, type Figure, type Prim } from './display';

const SIZE = 8;
const ROW = 10;
const GROUP = 13;
const TOP = 14;
const LABEL_W = 112;
const BEFORE_X = LABEL_W;
const CELL = 5.8;
const CELLS_X = BEFORE_X + CELL + 4;
const TEXT_X = CELLS_X + (WINDOW_LAST_DAY + 1) * CELL + 7;

/** 1 mild, 2 moderate, 3 severe, in the summary's words. */
const severityWord = (s: number) => [t('none'), t('mild'), t('moderate'), t('severe')][s] ?? String(s);

/** Days listed in words: "2", "2 and 9", "2, 9 and 16". */
function dayList(days: readonly number[]): string {
  return days.length > 1 ? t('{0} and {1}', days.slice(0, -1).join(', '), days[days.length - 1]) : String(days[0]);
}

/**
 * "onset day 2, peak day 4 (severe), last logged day 11", or for a few days logged, each of them
 * ("logged on days 2, 9 and 16; peak day 9 (severe)"), so three separate days never read as a span.
 */
export function courseText(c: SymptomCourse): string {
  if (c.daysLogged === 1) return t('logged on day {0} only ({1})', c.onsetDay, severityWord(c.peak));
  const days = c.severities.flatMap((v, d) => (v === null ? [] : [d]));
  const contiguous = days.length > 0 && days[days.length - 1] - days[0] + 1 === days.length;
  if (days.length === c.daysLogged && !contiguous && days.length <= 4) return t('logged on days {0}; peak day {1} ({2})', dayList(days), c.peakDay, severityWord(c.peak));
  const peak = c.peakDay === c.onsetDay ? t('onset and peak day {0}', c.onsetDay) : t('onset day {0}, peak day {1}', c.onsetDay, c.peakDay);
  return t('{0} ({1}), last logged day {2}', peak, severityWord(c.peak), c.lastDay);
}

export function windowEndText(w: ChangeWindow): string {
  if (w.endReason === 'day-28') return t('days 0–{0}', w.endDay);
  return w.endReason === 'next-change' ? t('days 0–{0}, to the next change', w.endDay) : t('days 0–{0}, to the end of the range', w.endDay);
}

export interface PageSelection {
  windows: ChangeWindow[];
  /** Changes and symptom rows left out, shown in the appendix instead. */
  hiddenChanges: number;
  hiddenRows: number;
}

/**
 * What fits on page 1 in `maxRows` rows: the most recent changes first (at most `maxChanges`), and
 * within each the symptoms logged on the most days, then shown in onset order.
 */
export function selectForPage(all: readonly ChangeWindow[], maxRows: number, maxChanges = 2): PageSelection {
  const recent = all.slice(-maxChanges);
  const quota = recent.map(() => 0);
  let budget = maxRows - recent.reduce((a, w) => a + 1 + (w.symptoms.length ? 0 : 1), 0);
  // Hand out symptom rows one at a time, newest change first, until the budget runs out.
  for (let more = true; more && budget > 0; ) {
    more = false;
    for (let i = recent.length - 1; i >= 0 && budget > 0; i--) {
      if (quota[i] < recent[i].symptoms.length) {
        quota[i]++;
        budget--;
        more = true;
      }
    }
  }
  const windows = recent.map((w, i) => {
    const keep = new Set([...w.symptoms].sort((a, b) => b.daysLogged - a.daysLogged || a.onsetDay - b.onsetDay).slice(0, quota[i]).map((s) => s.key));
    return { ...w, symptoms: w.symptoms.filter((s) => keep.has(s.key)) };
  });
  const hiddenRows = all.reduce((a, w) => a + w.symptoms.length, 0) - windows.reduce((a, w) => a + w.symptoms.length, 0);
  return { windows, hiddenChanges: all.length - recent.length, hiddenRows };
}

export function afterChangeFigure(windows: readonly ChangeWindow[], unit: string, width = 535): Figure {
  const p: Prim[] = [];
  const dayX = (d: number) => CELLS_X + d * CELL;
  for (const d of [0, 7, 14, 21, 28]) p.push({ t: 'text', mark: 'tick', x: dayX(d) + (CELL - 1) / 2, y: 9, text: String(d), size: SIZE, anchor: 'middle', fill: INK.muted });
  p.push({ t: 'text', mark: 'axis', x: 0, y: 9, text: t('Day after the change'), size: SIZE, bold: true, fill: INK.text });
  p.push({ t: 'text', mark: 'axis', x: TEXT_X, y: 9, text: t('In words'), size: SIZE, bold: true, fill: INK.text });
  let y = TOP;
  let rows = 0;
  for (const w of windows) {
    const top = y;
    p.push({ t: 'text', mark: 'group-label', x: 0, y: y + 9, text: fitText(`${w.change.date} · ${changeLabel(w.change, unit)}`, CELLS_X - 2, SIZE, true), size: SIZE, bold: true, fill: INK.change });
    // Days without a dose taken sit on the change's own row: × only a skipped dose, ○ nothing logged.
    for (const d of w.skippedDays) p.push({ t: 'text', mark: 'skipped-dose', x: dayX(d) + (CELL - 1) / 2, y: y + 9, text: '×', size: SIZE + 1, anchor: 'middle', bold: true, fill: INK.text });
    for (const d of w.notLoggedDays) p.push({ t: 'text', mark: 'unlogged-dose', x: dayX(d) + (CELL - 1) / 2, y: y + 8.5, text: '○', size: SIZE - 1, anchor: 'middle', fill: INK.text });
    // The marks on the row, in words short enough for the row (the appendix lists every day).
    const days = (list: readonly number[]) => (list.length <= 3 ? plural(list.length, t('day {0}', list.join(', ')), t('days {0}', list.join(', '))) : dayCount(list.length));
    const missed = [w.skippedDays.length ? t('× on {0}', days(w.skippedDays)) : '', w.notLoggedDays.length ? t('○ on {0}', days(w.notLoggedDays)) : ''].filter(Boolean);
    p.push({ t: 'text', mark: 'row-text', x: TEXT_X, y: y + 9, text: fitText(`${t('Shown: {0}', windowEndText(w))}${missed.length ? `; ${missed.join('; ')}` : ''}`, width - TEXT_X, SIZE), size: SIZE, fill: INK.muted });
    y += GROUP;
    for (const s of w.symptoms) {
      p.push({ t: 'text', mark: 'row-label', x: 0, y: y + 7.5, text: fitText(symptomName(s.key, s.label, t), LABEL_W - 4, SIZE), size: SIZE, fill: INK.text });
      p.push({ t: 'rect', mark: s.loggedBefore ? 'before-cell' : 'empty-cell', x: BEFORE_X, y: y + 0.5, w: CELL - 1, h: ROW - 2, fill: s.loggedBefore ? INK.before : '#ffffff', stroke: { color: INK.grid, width: 0.4 } });
      s.severities.forEach((v, d) => {
        p.push({ t: 'rect', mark: v === null ? 'empty-cell' : 'severity-cell', x: dayX(d), y: y + 0.5, w: CELL - 1, h: ROW - 2, fill: INK.severity[v ?? 0] });
      });
      p.push({ t: 'text', mark: 'row-text', x: TEXT_X, y: y + 7.5, text: fitText(courseText(s), width - TEXT_X, SIZE), size: SIZE, fill: INK.text });
      y += ROW;
      rows++;
    }
    if (!w.symptoms.length) {
      p.push({ t: 'text', mark: 'row-text', x: CELLS_X, y: y + 7.5, text: t('No symptom logged on {0}.', windowEndText(w)), size: SIZE, fill: INK.muted });
      y += ROW;
    }
    // Day 14 | day 15: where the two mood windows of the step table meet.
    if (w.endDay >= 15) p.push({ t: 'line', mark: 'grid', points: [[dayX(15) - 0.5, top + GROUP - 1], [dayX(15) - 0.5, y]], stroke: { color: INK.axis, width: 0.6, dash: [1.5, 1.5] } });
    y += 3;
  }
  if (!windows.length) {
    p.push({ t: 'text', mark: 'row-text', x: 0, y: y + 9, text: t('No dose change logged in this range.'), size: SIZE, fill: INK.muted });
    y += GROUP;
  }
  // Legend.
  y += 4;
  let x = 0;
  const swatch = (fill: string, text: string, mark: 'severity-cell' | 'empty-cell' | 'before-cell') => {
    p.push({ t: 'rect', mark: 'legend', x, y: y - 7, w: CELL - 1, h: ROW - 2, fill, stroke: mark === 'severity-cell' ? undefined : { color: INK.grid, width: 0.4 } });
    p.push({ t: 'text', mark: 'legend', x: x + CELL + 2, y, text, size: SIZE, fill: INK.text });
    x += CELL + 2 + text.length * SIZE * 0.5 + 10;
  };
  swatch(INK.severity[1], t('mild'), 'severity-cell');
  swatch(INK.severity[2], t('moderate'), 'severity-cell');
  swatch(INK.severity[3], t('severe'), 'severity-cell');
  swatch(INK.severity[0], t('none logged'), 'empty-cell');
  swatch(INK.before, t('first cell: also logged in the 7 days before'), 'before-cell');
  p.push({ t: 'text', mark: 'legend', x, y, text: t('× only a skipped dose  ○ no dose logged'), size: SIZE, fill: INK.text });
  const symptomRows = windows.reduce((a, w) => a + w.symptoms.length, 0);
  return {
    id: 'figure-b',
    width,
    height: y + 4,
    title: t('Days after each dose change'),
    desc: t(
      '{0}, {1} over days 0–{2} after each change, shaded by the highest severity logged each day ({3}).',
      plural(windows.length, t('{0} dose change', windows.length), t('{0} dose changes', windows.length)),
      plural(symptomRows, t('{0} symptom row', symptomRows), t('{0} symptom rows', symptomRows)),
      WINDOW_LAST_DAY,
      plural(rows, t('n = {0} row', rows), t('n = {0} rows', rows))
    ),
    prims: p
  };
}
