// Medication history as recalled, for the timeline: each period's span on the time axis, its words
// for the tooltip, and the legend under the plot. It is marked "as recalled" wherever it shows, and
// nothing here feeds a figure: the means and the dose line come from logged days only.
import uPlot from 'uplot';
import { addDays, firstDayOf, lastDayOf } from '../../src/core/time';
import type { RecalledView } from '../../src/protocol';
import { localSeconds } from './data';
import { el } from './dom';
import type { ChartStrings } from './strings';
import { withAlpha, type ChartTheme } from './theme';

export interface RecalledSpan extends RecalledView {
  /** From the first day's local midnight to the local midnight after the last day, in seconds. */
  x0: number;
  x1: number;
  unit: string;
}

export function recalledSpans(list: readonly RecalledView[], unit: string): RecalledSpan[] {
  return list.map((r) => ({ ...r, unit, x0: localSeconds(firstDayOf(r.startDate)), x1: localSeconds(addDays(lastDayOf(r.endDate), 1)) }));
}

/** The tooltip's lines for one period. */
export function recalledText(r: RecalledSpan, s: ChartStrings): string[] {
  const dates = r.startDate === r.endDate ? r.startDate : s.t('{0} to {1}', r.startDate, r.endDate);
  const lines = [s.t('As recalled, before the journal'), s.t('{0} {1} {2}, {3}', r.medication, r.mg, r.unit, dates)];
  if (r.mood !== null) lines.push(r.certainty === 'clearly' ? s.t('Recalled mood {0} of 10, clearly', r.mood) : s.t('Recalled mood about {0} of 10, roughly', r.mood));
  if (r.context) lines.push(r.context);
  return lines;
}

/** The legend for the band: a hatched swatch and what it means. */
export function recalledLegend(s: ChartStrings): HTMLElement {
  const p = el('p', 'mdc-note mdc-recalled-legend');
  el('span', 'mdc-recalled-swatch', undefined, p).setAttribute('aria-hidden', 'true');
  el('span', undefined, s.t('Hatched: medication history as recalled, before the journal (the dashed line is the recalled dose, the thin line a recalled mood). Not logged, and not counted in any figure.'), p);
  p.hidden = true;
  return p;
}

/**
 * The periods under everything else on the plot (a uPlot drawAxes hook): the whole height dimmed,
 * the recalled dose hatched up to its level on the dose scale with a dashed top, and a recalled mood
 * as a thin line (dotted when "roughly").
 */
export function drawRecalled(u: uPlot, spans: readonly RecalledSpan[], theme: ChartTheme): void {
  if (spans.length === 0) return;
  const { ctx, bbox } = u;
  const ratio = uPlot.pxRatio;
  const gap = 6 * ratio;
  const bottom = bbox.top + bbox.height;
  const line = (x0: number, x1: number, y: number) => {
    ctx.beginPath();
    ctx.moveTo(x0, y);
    ctx.lineTo(x1, y);
    ctx.stroke();
  };
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  for (const r of spans) {
    const x0 = Math.max(bbox.left, u.valToPos(r.x0, 'x', true));
    const x1 = Math.min(bbox.left + bbox.width, u.valToPos(r.x1, 'x', true));
    if (x1 <= x0) continue;
    ctx.fillStyle = withAlpha(theme.foreground, 0.07);
    ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
    const top = u.valToPos(r.mg, 'mg', true);
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, top, x1 - x0, bottom - top);
    ctx.clip();
    ctx.strokeStyle = withAlpha(theme.dose, 0.55);
    ctx.lineWidth = ratio;
    ctx.beginPath();
    for (let x = x0 - (bottom - top); x < x1; x += gap) {
      ctx.moveTo(x, bottom);
      ctx.lineTo(x + (bottom - top), top);
    }
    ctx.stroke();
    ctx.restore();
    ctx.strokeStyle = theme.dose;
    ctx.lineWidth = theme.markerWidth * ratio;
    ctx.setLineDash([4 * ratio, 3 * ratio]);
    line(x0, x1, top);
    if (r.mood !== null) {
      ctx.strokeStyle = theme.mood;
      ctx.lineWidth = theme.lineWidth * ratio * 0.75;
      ctx.setLineDash(r.certainty === 'clearly' ? [] : [1.5 * ratio, 3 * ratio]);
      line(x0, x1, u.valToPos(r.mood, 'mood', true));
    }
    ctx.setLineDash([]);
  }
  ctx.restore();
}
