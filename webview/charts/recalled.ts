// Medication history as recalled, for the timeline: each period's span on the time axis, its words
// for the tooltip, and the legend under the plot. It is marked "as recalled" wherever it shows, and
// nothing here feeds a figure: the means and the dose line come from logged days only.
import { addDays, firstDayOf, lastDayOf } from '../../src/core/time';
import type { RecalledView } from '../../src/protocol';
import { localSeconds } from './data';
import { el } from './dom';
import type { ChartStrings } from './strings';

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
