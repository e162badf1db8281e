// Figure A's "before the journal" inset: medication history as recalled, on a time scale of its own
// to the left of the journal's range, dimmed and hatched so it can never be read as logged data.
// The dose as recalled is a hatched area up to its level with a dashed top; a recalled mood is a thin
// line (dotted when the user recalls it roughly). Pure: data in, primitives out.
import { formatMg } from '../entries';
import { monthShort, t } from '../summary/lang';
import { addDays, daysBetween, firstDayOf, lastDayOf, type LocalDate, type MonthOrDay } from '../time';
import { fitText, INK, textWidth, type Prim } from './display';

export interface RecalledBand {
  medication: string;
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

const TICK = 8;
export const RECALLED_FILL = '#f1f1f1';

/** Whether a recalled period is of the logged medication (names compared without case or spaces around). */
export function sameMedication(a: string, b: string | undefined): boolean {
  return b === undefined || a.trim().toLowerCase() === b.trim().toLowerCase();
}

export interface InsetBand {
  from: LocalDate;
  to: LocalDate;
  band: RecalledBand;
  /** Of the logged medication: drawn on its dose axis. Another medication is named and kept off it. */
  same: boolean;
}

/**
 * The recalled periods that start before `before` (the journal's range), each cut to end the day
 * before it, and the days they span; undefined when none does. `medication`: the logged one.
 */
export function insetSpan(periods: readonly RecalledBand[], before: LocalDate, medication?: string): { from: LocalDate; to: LocalDate; bands: InsetBand[] } | undefined {
  const end = addDays(before, -1);
  const bands = periods
    .filter((p) => firstDayOf(p.startDate) <= end)
    .map((band) => ({ from: firstDayOf(band.startDate), to: lastDayOf(band.endDate) < end ? lastDayOf(band.endDate) : end, band, same: sameMedication(band.medication, medication) }));
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
    if (x0 < x) {
      y0 = bottom - (x - x0);
      x0 = x;
    }
    if (x1 > x + w) {
      y1 = y + (x1 - (x + w));
      x1 = x + w;
    }
    if (x1 > x0) out.push({ t: 'line', mark: 'recalled-band', points: [[x0, y0], [x1, y1]], stroke });
  }
  return out;
}

const monthLabel = (date: LocalDate) => `${monthShort(Number(date.slice(5, 7)))} ${date.slice(0, 4)}`;

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
  for (const { from, to, band, same } of span.bands) {
    const x0 = x(from);
    const w = x(to) + dayW - x0;
    if (same) {
      const top = f.yMg(band.mg);
      p.push(...hatch(x0, top, w, f.doseBottom - top, 3, { color: INK.dose, width: 0.5 }));
      p.push({ t: 'line', mark: 'recalled-band', points: [[x0, top], [x0 + w, top]], stroke: { color: INK.dose, width: 1.1, dash: [2.5, 1.5] } });
    } else {
      // Another medication: a grey hatch over the whole dose panel, named, never on this mg axis.
      p.push(...hatch(x0, f.doseTop, w, f.doseBottom - f.doseTop, 4, { color: INK.muted, width: 0.4 }));
      const name = `${band.medication} ${formatMg(band.mg)}`;
      if (w > 12) p.push({ t: 'text', mark: 'recalled-label', x: x0 + 1, y: f.doseTop + (f.doseBottom - f.doseTop) / 2 + 2.5, text: fitText(name, w - 2, TICK - 1), size: TICK - 1, fill: INK.text });
    }
    if (band.mood !== null) {
      const y = f.yMood(band.mood);
      p.push({ t: 'line', mark: 'recalled-mood', points: [[x0, y], [x0 + w, y]], stroke: { color: INK.rolling, width: 1, ...(band.certainty === 'clearly' ? {} : { dash: [1, 1.6] }) } });
    }
  }
  // Its own dates under it, as one span so they never read as the journal's time axis, and its name above it.
  const first = monthLabel(span.from);
  const last = monthLabel(span.to);
  const dates = first === last ? first : `${first} – ${last}`;
  const fits = textWidth(dates, TICK) <= f.width;
  p.push({ t: 'text', mark: 'recalled-label', x: f.left, y: f.ticksY, text: fits ? dates : fitText(`${first}–`, f.width, TICK), size: TICK, fill: INK.muted });
  if (!fits && first !== last) p.push({ t: 'text', mark: 'recalled-label', x: f.left, y: f.ticksY + TICK + 1, text: fitText(last, f.width, TICK), size: TICK, fill: INK.muted });
  p.push({ t: 'text', mark: 'recalled-label', x: f.left, y: f.labelY, text: fitText(t('Before the journal,'), f.width, TICK), size: TICK, fill: INK.muted });
  p.push({ t: 'text', mark: 'recalled-label', x: f.left, y: f.labelY + f.rowGap, text: fitText(t('as recalled'), f.width, TICK), size: TICK, fill: INK.muted });
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
