// Figure A's "before the journal" inset: medication history as recalled, on a time scale of its own
// to the left of the journal's range, dimmed and hatched so it can never be read as logged data.
// The dose as recalled is a hatched area up to its level with a dashed top; a recalled mood is a thin
// line (dotted when the user recalls it roughly). Pure: data in, primitives out.
import { addDays, daysBetween, firstDayOf, lastDayOf, type LocalDate, type MonthOrDay } from '../time';
import { fitText, INK, textWidth, type Prim } from './display';

export interface RecalledBand {
  startDate: MonthOrDay;
  endDate: MonthOrDay;
  mg: number;
  mood: number | null;
  certainty: 'roughly' | 'clearly' | null;
}

/** Where the inset goes: its left edge and width, and the panels' vertical extents and scales. */
export interface InsetFrame {
  left: number;
  width: number;
  /** The baseline of the inset's name, in the top label row. */
  labelY: number;
  /** From the first label row's baseline to the second's. */
  rowGap: number;
  moodTop: number;
  moodBottom: number;
  doseTop: number;
  doseBottom: number;
  ticksY: number;
  yMood(m: number): number;
  yMg(mg: number): number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TICK = 8;
export const RECALLED_FILL = '#f1f1f1';

/**
 * The recalled periods that start before `before` (the journal's range), each cut to end the day
 * before it, and the days they span; undefined when none does.
 */
export function insetSpan(periods: readonly RecalledBand[], before: LocalDate): { from: LocalDate; to: LocalDate; bands: { from: LocalDate; to: LocalDate; band: RecalledBand }[] } | undefined {
  const end = addDays(before, -1);
  const bands = periods
    .filter((p) => firstDayOf(p.startDate) <= end)
    .map((band) => ({ from: firstDayOf(band.startDate), to: lastDayOf(band.endDate) < end ? lastDayOf(band.endDate) : end, band }));
  if (!bands.length) return undefined;
  const from = bands.reduce((a, b) => (b.from < a ? b.from : a), bands[0].from);
  const to = bands.reduce((a, b) => (b.to > a ? b.to : a), bands[0].to);
  return { from, to, bands };
}

/** Diagonal lines filling a rectangle (lower left to upper right), every `gap` points. */
export function hatch(x: number, y: number, w: number, h: number, gap: number, stroke: { color: string; width: number }): Prim[] {
  const out: Prim[] = [];
  const bottom = y + h;
  for (let k = x - h + gap / 2; k < x + w; k += gap) {
    // The line through (k, bottom) and (k + h, y), cut to the rectangle.
    let x0 = k;
    let y0 = bottom;
    let x1 = k + h;
    let y1 = y;
    if (x0 < x) ((y0 = bottom - (x - x0)), (x0 = x));
    if (x1 > x + w) ((y1 = y + (x1 - (x + w))), (x1 = x + w));
    if (x1 > x0) out.push({ t: 'line', mark: 'recalled-band', points: [[x0, y0], [x1, y1]], stroke });
  }
  return out;
}

const monthLabel = (date: LocalDate) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

export function insetPrims(span: NonNullable<ReturnType<typeof insetSpan>>, f: InsetFrame): Prim[] {
  const p: Prim[] = [];
  const nDays = daysBetween(span.from, span.to) + 1;
  const dayW = f.width / nDays;
  const x = (date: LocalDate) => f.left + daysBetween(span.from, date) * dayW;
  // Dimmed panels, framed with a dashed line: visibly not the journal.
  for (const [top, bottom] of [
    [f.moodTop, f.moodBottom],
    [f.doseTop, f.doseBottom]
  ]) {
    p.push({ t: 'rect', mark: 'recalled-band', x: f.left, y: top, w: f.width, h: bottom - top, fill: RECALLED_FILL, stroke: { color: INK.axis, width: 0.5, dash: [2, 1.5] } });
  }
  for (const { from, to, band } of span.bands) {
    const x0 = x(from);
    const w = x(to) + dayW - x0;
    const top = f.yMg(band.mg);
    p.push(...hatch(x0, top, w, f.doseBottom - top, 3, { color: INK.dose, width: 0.5 }));
    p.push({ t: 'line', mark: 'recalled-band', points: [[x0, top], [x0 + w, top]], stroke: { color: INK.dose, width: 1.1, dash: [2.5, 1.5] } });
    if (band.mood !== null) {
      const y = f.yMood(band.mood);
      p.push({ t: 'line', mark: 'recalled-mood', points: [[x0, y], [x0 + w, y]], stroke: { color: INK.rolling, width: 1, ...(band.certainty === 'clearly' ? {} : { dash: [1, 1.6] }) } });
    }
  }
  // Its own dates under it, and its name above it.
  const first = monthLabel(span.from);
  const last = monthLabel(span.to);
  p.push({ t: 'text', mark: 'recalled-label', x: f.left, y: f.ticksY, text: first, size: TICK, fill: INK.muted });
  if (last !== first && textWidth(first, TICK) + textWidth(last, TICK) + 4 < f.width) p.push({ t: 'text', mark: 'recalled-label', x: f.left + f.width, y: f.ticksY, text: last, size: TICK, anchor: 'end', fill: INK.muted });
  p.push({ t: 'text', mark: 'recalled-label', x: f.left, y: f.labelY, text: fitText('Before the journal', f.width, TICK), size: TICK, fill: INK.muted });
  p.push({ t: 'text', mark: 'recalled-label', x: f.left, y: f.labelY + f.rowGap, text: fitText('(as recalled)', f.width, TICK), size: TICK, fill: INK.muted });
  return p;
}

/** The break between the inset and the journal's range: "//" across the bottom of each panel. */
export function breakMarks(x: number, bottoms: readonly number[]): Prim[] {
  return bottoms.flatMap((y) =>
    [-1.5, 1.5].map((dx): Prim => ({ t: 'line', mark: 'recalled-label', points: [[x + dx - 1.5, y + 2.5], [x + dx + 1.5, y - 2.5]], stroke: { color: INK.axis, width: 0.7 } }))
  );
}

/** The legend's swatch: a hatched square with a dashed top. */
export function legendSwatch(x: number, y: number): Prim[] {
  return [
    { t: 'rect', mark: 'legend', x, y: y - 4, w: 10, h: 7, fill: RECALLED_FILL },
    ...hatch(x, y - 4, 10, 7, 2.5, { color: INK.dose, width: 0.5 }),
    { t: 'line', mark: 'legend', points: [[x, y - 4], [x + 10, y - 4]], stroke: { color: INK.dose, width: 1.1, dash: [2.5, 1.5] } }
  ];
}
