// Medication history as recalled, for the timeline: each period's span on the time axis, its words
// for the tooltip, and the legend under the plot. It is marked "as recalled" wherever it shows, and
// nothing here feeds a figure: the means and the dose line come from logged days only. A period of
// another medication than the one logged (the host marks it) is named, and never drawn on the mg axis.
import uPlot from 'uplot';
import { formatMg } from '../../src/core/entries';
import { addDays, firstDayOf, lastDayOf } from '../../src/core/time';
import type { TimelineRecalledView } from '../../src/webviews/shared/views';
import { localSeconds } from './data';
import { el } from './dom';
import type { ChartStrings } from './strings';
import { withAlpha, type ChartTheme } from './theme';

export interface RecalledSpan extends TimelineRecalledView {
  /** From the first day's local midnight to the local midnight after the last day, in seconds. */
  x0: number;
  x1: number;
  unit: string;
}

export function recalledSpans(list: readonly TimelineRecalledView[], unit: string): RecalledSpan[] {
  return list.map((r) => ({ ...r, unit, x0: localSeconds(firstDayOf(r.startDate)), x1: localSeconds(addDays(lastDayOf(r.endDate), 1)) }));
}

/** A period's dates in words, to the month or the day as recalled: "Oct 2025 to Nov 2025", "Oct 5, 2025". */
function recalledDates(r: RecalledSpan, s: ChartStrings): string {
  return r.startDate === r.endDate ? s.date(r.startDate) : s.t('{0} to {1}', s.date(r.startDate), s.date(r.endDate));
}

/** The tooltip's lines for one period. */
export function recalledText(r: RecalledSpan, s: ChartStrings): string[] {
  const lines = [s.t('As recalled, before the journal'), s.t('{0} {1} {2}, {3}', r.medication, r.mg, r.unit, recalledDates(r, s))];
  if (!r.sameMedication) lines.push(s.t('Another medication than the one logged: not drawn on the dose axis'));
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

/** The words under the legend for periods of another medication: each named, with its dose and dates; '' when none. */
export function otherMedicationText(spans: readonly RecalledSpan[], s: ChartStrings): string {
  const other = spans.filter((r) => !r.sameMedication);
  if (!other.length) return '';
  const names = other.map((r) => s.t('{0} {1} {2} ({3})', r.medication, r.mg, r.unit, recalledDates(r, s)));
  return s.t('Another medication, as recalled: {0}. Grey hatch, named on the chart; not drawn on the dose axis.', names.join('; '));
}

/** The highest recalled dose drawn on the dose axis: of the logged medication only. */
export function recalledAxisMg(spans: readonly RecalledSpan[]): number {
  return spans.reduce((top, r) => (r.sameMedication && r.mg > top ? r.mg : top), 0);
}

/**
 * The periods under everything else on the plot (a uPlot drawAxes hook): the whole height dimmed,
 * the recalled dose hatched up to its level on the dose scale with a dashed top, and a recalled mood
 * as a thin line (dotted when "roughly"). Another medication: a grey hatch over the whole height,
 * with its name and dose written at the top, and no level on the dose scale.
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
    if (r.sameMedication) drawLevel(u, r, theme, x0, x1, bottom, gap);
    else drawOther(ctx, r, theme, x0, x1, bbox.top, bottom, gap);
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

/** The recalled dose of the logged medication: hatched up to its level on the dose scale, with a dashed top. */
function drawLevel(u: uPlot, r: RecalledSpan, theme: ChartTheme, x0: number, x1: number, bottom: number, gap: number): void {
  const { ctx } = u;
  const ratio = uPlot.pxRatio;
  const top = u.valToPos(r.mg, 'mg', true);
  hatch(ctx, x0, top, x1 - x0, bottom - top, gap, withAlpha(theme.dose, 0.55));
  ctx.strokeStyle = theme.dose;
  ctx.lineWidth = theme.markerWidth * ratio;
  ctx.setLineDash([4 * ratio, 3 * ratio]);
  ctx.beginPath();
  ctx.moveTo(x0, top);
  ctx.lineTo(x1, top);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Another medication: a grey hatch over the whole height and its name at the top, off the dose scale. */
function drawOther(ctx: CanvasRenderingContext2D, r: RecalledSpan, theme: ChartTheme, x0: number, x1: number, top: number, bottom: number, gap: number): void {
  const ratio = uPlot.pxRatio;
  hatch(ctx, x0, top, x1 - x0, bottom - top, gap * 1.5, withAlpha(theme.foreground, 0.35));
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, top, x1 - x0, bottom - top);
  ctx.clip();
  ctx.font = theme.font.replace(/^(\d+(?:\.\d+)?)px/, (_m, px: string) => `${+px * ratio}px`);
  ctx.fillStyle = theme.foreground;
  ctx.textBaseline = 'top';
  ctx.fillText(`${r.medication} ${formatMg(r.mg)} ${r.unit}`, x0 + 3 * ratio, top + 3 * ratio);
  ctx.restore();
}

/** Diagonal lines across a rectangle, every `gap` px. */
function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, gap: number, color: string): void {
  if (w <= 0 || h <= 0) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = uPlot.pxRatio;
  ctx.beginPath();
  for (let k = x - h; k < x + w; k += gap) {
    ctx.moveTo(k, y + h);
    ctx.lineTo(k + h, y);
  }
  ctx.stroke();
  ctx.restore();
}
