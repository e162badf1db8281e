// The dose on the timeline, as the dose-day model (src/core/doseDays.ts) reads it: the step in force,
// solid across days a dose was taken and dotted across days with only a skipped dose or nothing
// logged, so no unlogged day reads as taken; and a short bar at what was taken on a day whose total
// differs from the step (a one-day deviation, never drawn as two changes). Each day owns the stretch
// from its midnight to the next, so a single day keeps its own style.
import uPlot from 'uplot';
import type { ChartStrings } from './strings';
import type { Day } from './dayDoses';
import type { ChartTheme } from './theme';

const DAY = 86_400;
/** The narrowest bar for a day at another dose (CSS px), so it shows on a long range. */
const OTHER_MIN_PX = 6;
/** The dotted line's pattern (CSS px): short dots, clearly apart from the solid line and the dashed plan. */
export const UNTAKEN_DASH = [2, 3];

/** Day segments of one series: each non-null value is drawn from its day's midnight to the next. */
function daySegments(levels: () => readonly (number | null)[], opts: { risers: boolean; minPx: number }): uPlot.Series.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const xs = u.data[0];
    const ys = u.data[seriesIdx];
    const scale = u.series[seriesIdx].scale ?? 'y';
    const all = levels();
    const min = opts.minPx * uPlot.pxRatio;
    const stroke = new Path2D();
    // The day before the first in view reaches into it.
    let drawn = false;
    for (let i = Math.max(0, idx0 - 1); i <= idx1; i++) {
      const v = ys[i];
      if (v == null) {
        drawn = false;
        continue;
      }
      let x0 = u.valToPos(xs[i], 'x', true);
      let x1 = u.valToPos(i + 1 < xs.length ? xs[i + 1] : xs[i] + DAY, 'x', true);
      if (x1 - x0 < min) {
        const mid = (x0 + x1) / 2;
        [x0, x1] = [mid - min / 2, mid + min / 2];
      }
      const y = u.valToPos(v, scale, true);
      const before = i > 0 ? all[i - 1] : null;
      if (opts.risers && before != null && before !== v) {
        // A change of step: up or down at the first day of the new one.
        if (drawn) stroke.lineTo(x0, u.valToPos(before, scale, true));
        else stroke.moveTo(x0, u.valToPos(before, scale, true));
        stroke.lineTo(x0, y);
      } else if (!drawn || !opts.risers) stroke.moveTo(x0, y);
      stroke.lineTo(x1, y);
      drawn = opts.risers;
    }
    return { stroke, fill: null, clip: null, flags: 0 };
  };
}

/**
 * The three dose series, in the order columns() gives them: the step on days taken (solid), the step
 * on days without a dose taken (dotted), and what was taken on a day at another dose (a short bar).
 * `days` is read when drawing, so new data needs no new options.
 */
export function doseSeries(theme: ChartTheme, unit: string, s: ChartStrings, days: () => readonly Day[]): uPlot.Series[] {
  const mg = (v: number | null | undefined) => (v == null ? '–' : s.t('{0} {1}', v, unit));
  // The steps by day, read once per new data rather than once per series and redraw.
  let cached: { days: readonly Day[]; levels: (number | null)[] } | undefined;
  const levels = () => {
    const list = days();
    if (cached?.days !== list) cached = { days: list, levels: list.map((d) => d.dose) };
    return cached.levels;
  };
  const base = { scale: 'mg', stroke: theme.dose, spanGaps: false, points: { show: false } } as const;
  return [
    { ...base, label: s.t('Dose taken'), width: theme.lineWidth, paths: daySegments(levels, { risers: true, minPx: 0 }), value: (_u, v) => mg(v) },
    {
      ...base,
      label: s.t('No dose taken (skipped or not logged)'),
      width: theme.lineWidth,
      dash: UNTAKEN_DASH,
      paths: daySegments(levels, { risers: true, minPx: 0 }),
      value: (_u, v, _si, idx) => {
        const d = idx == null ? undefined : days()[idx];
        return v == null || !d ? '–' : d.skipped ? s.t('skipped') : s.t('not logged');
      }
    },
    { ...base, label: s.t('Another dose that day'), width: theme.lineWidth + 1, paths: daySegments(levels, { risers: false, minPx: OTHER_MIN_PX }), value: (_u, v) => mg(v) }
  ];
}
