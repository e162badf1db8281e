// A figure as a display list: a few drawing primitives in points (1/72 inch), with the origin at the
// top left. svg.ts writes it as an SVG string; the PDF writer draws the same list as vector paths and
// text. Pure data: no DOM, no canvas, no Node.
export interface Stroke {
  color: string;
  width: number;
  /** Dash and gap lengths; solid when absent. */
  dash?: readonly number[];
}

/** What a primitive stands for, so tests (and an SVG reader) can find the markers and series. */
export type Mark =
  | 'axis'
  | 'grid'
  | 'tick'
  | 'mood-dot'
  | 'rolling-median'
  | 'dose-logged'
  | 'dose-untaken'
  | 'dose-other'
  | 'dose-planned'
  | 'change-marker'
  | 'event-marker'
  | 'marker-label'
  | 'phq9-band'
  | 'phq9-point'
  | 'legend'
  | 'recalled-band'
  | 'recalled-mood'
  | 'recalled-label'
  | 'severity-cell'
  | 'empty-cell'
  | 'before-cell'
  | 'skipped-dose'
  | 'unlogged-dose'
  | 'row-label'
  | 'row-text'
  | 'group-label';

interface Base {
  mark?: Mark;
}

export type Prim =
  | (Base & { t: 'line'; points: readonly (readonly [number, number])[]; stroke: Stroke })
  | (Base & { t: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: Stroke })
  | (Base & { t: 'circle'; cx: number; cy: number; r: number; fill?: string; stroke?: Stroke })
  | (Base & { t: 'text'; x: number; y: number; text: string; size: number; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; fill?: string });

export interface Figure {
  /** File-name-safe id, e.g. "figure-a". */
  id: string;
  width: number;
  height: number;
  /** Short accessible name, and a longer text alternative that states the n. */
  title: string;
  desc: string;
  prims: Prim[];
}

/** Colours that print well in grey scale too, and keep contrast on white paper. */
export const INK = {
  text: '#1b1b1b',
  muted: '#555555',
  axis: '#777777',
  grid: '#e3e3e3',
  mood: '#7fa7d9',
  rolling: '#1f4e8c',
  dose: '#b35900',
  planned: '#555555',
  change: '#b35900',
  event: '#6b3fa0',
  severity: ['#f2f2f2', '#f6d09a', '#e48a3a', '#a8380f'] as readonly string[],
  before: '#c8c8c8',
  bands: ['#f7f7f7', '#ececec', '#dddddd', '#cccccc', '#bbbbbb'] as readonly string[]
};

/** Approximate advance widths (per 1000 em) of DejaVu Sans Condensed for ASCII 32–126; others 600. */
const REGULAR = [
  286, 360, 414, 754, 572, 855, 702, 247, 351, 351, 450, 754, 286, 325, 286, 303, 572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 303, 303, 754, 754, 754, 478, 900, 615, 617, 628, 693, 568, 518, 697,
  677, 265, 265, 590, 501, 776, 673, 708, 542, 708, 625, 571, 549, 659, 615, 890, 616, 549, 616, 351, 303, 351, 754, 450, 450, 551, 571, 495, 571, 554, 316, 571, 570, 250, 250, 521, 250, 876, 570, 550,
  571, 571, 370, 469, 353, 570, 532, 736, 532, 532, 472, 572, 303, 572, 754
];
const BOLD = [
  313, 410, 469, 754, 626, 901, 785, 275, 411, 411, 470, 754, 342, 374, 342, 329, 626, 626, 626, 626, 626, 626, 626, 626, 626, 626, 360, 360, 754, 754, 754, 522, 900, 696, 686, 660, 747, 615, 615, 738,
  753, 334, 334, 697, 573, 896, 753, 765, 659, 765, 693, 648, 614, 730, 696, 993, 694, 651, 652, 411, 329, 411, 754, 450, 450, 607, 644, 533, 644, 610, 391, 644, 641, 308, 308, 598, 308, 938, 641, 618,
  644, 644, 444, 536, 430, 641, 586, 831, 580, 586, 523, 641, 329, 641, 754
];

/** Width of `text` in points at `size`, in the PDF's font; a close estimate for the browser's. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 32 && c <= 126 ? table[c - 32] : 600;
  }
  return (w * size) / 1000;
}

/** `text` cut with "…" to fit `width` points. */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  const chars = [...text];
  while (chars.length && textWidth(`${chars.join('')}…`, size, bold) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
