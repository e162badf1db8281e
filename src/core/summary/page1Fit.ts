// How much of page 1 its blocks fill, estimated with the PDF font's metrics, so Figure A can grow
// into the space left (up to about 40% of the page) and still leave page 1 on one page. It measures
// for the smaller of US Letter and A4 (A4's width, Letter's height), as the HTML page is laid out,
// and errs on the tall side: the PDF and the printed HTML are both checked by the page-1 fit tests.
import { textWidth } from '../figures/display';
import type { Block } from './tables';

export type Page1Box = 'LETTER' | 'A4' | 'print';

/**
 * Page 1's text box in points, inside 28 pt margins: a PDF's own page size, or for the HTML page
 * (printed at either size) A4's width and Letter's height. The printed HTML scales figures to the
 * text width, up to Letter's: `figureScale`.
 */
export const PAGE1_BOXES: Record<Page1Box, { width: number; height: number; figureScale: number }> = {
  LETTER: { width: 612 - 56, height: 792 - 56, figureScale: 1 },
  A4: { width: 595.28 - 56, height: 841.89 - 56, figureScale: 1 },
  print: { width: 595.28 - 56, height: 792 - 56, figureScale: (612 - 56) / 535 }
};
/** The narrowest text width, for lines that must fit on one line everywhere. */
export const PAGE1_BOX = PAGE1_BOXES.print;
/** Figure A at most: about 40% of a Letter page. */
export const FIGURE_A_MAX = 315;
/**
 * Left unfilled on purpose: the HTML page's line heights and margins differ a little from the PDF's.
 * A PDF is laid out by the writer these estimates follow (and err tall for), so it needs less.
 */
const SLACK: Record<Page1Box, number> = { print: 12, LETTER: 4, A4: 4 };

const lineHeight = (size: number) => size * 1.164;

/** Lines `text` wraps to at `width` points (greedy, at spaces; a long word breaks where it must). */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of para.split(' ')) {
      const w = textWidth(word, size, bold);
      const space = line === 0 ? 0 : textWidth(' ', size, bold);
      if (line + space + w <= width) line += space + w;
      else {
        count += line === 0 ? Math.ceil(w / width) - 1 : Math.ceil(w / width);
        line = w % width;
      }
    }
    lines += count;
  }
  return lines;
}

// Wrapped a few points short of the width: the estimate's glyph widths can run a little under the
// PDF font's, and a line that only just fits must be counted as two.
const WRAP_MARGIN = 6;
const para = (text: string, width: number, size = 9, bold = false, gapAfter = 1.2) => wrappedLines(text, width - WRAP_MARGIN, size, bold) * (lineHeight(size) + 0.6) + gapAfter;

/** The height one block takes on the page, as the PDF writer lays it out (src/pdf/summaryPdf.ts). */
export function blockHeight(b: Block, box = PAGE1_BOX): number {
  const width = box.width;
  switch (b.kind) {
    case 'h1':
      return para(b.text, width, 13, true, 2);
    case 'h2':
      return 4 + para(b.text, width, 9.5, true, 0) + 2.5;
    case 'p':
    case 'muted':
      return para(b.text, width);
    case 'strong':
      return para(b.text, width, 9, true);
    case 'list':
      return b.items.reduce((a, item) => a + para(item, width - 14, 9, false, 0.8), 0);
    case 'table': {
      const rel = b.widths ?? b.head.map(() => 1);
      const total = rel.reduce((a, x) => a + x, 0);
      const row = (cells: string[], bold: boolean) => Math.max(...cells.map((c, i) => wrappedLines(c, (rel[i] / total) * width - 5, 9, bold))) * lineHeight(9) + 3;
      return row(b.head, true) + b.rows.reduce((a, r) => a + row(r, false), 0) + 2;
    }
    case 'figure':
      return b.figure.height * box.figureScale + 1 + para(b.caption, width);
  }
}

/** Points left on page 1 below `blocks` and above its footer, less a margin for the HTML layout; below 0 when they overflow it. */
export function page1Room(blocks: readonly Block[], footer: readonly string[], page: Page1Box = 'print'): number {
  const box = PAGE1_BOXES[page];
  const used = blocks.reduce((a, b) => a + blockHeight(b, box), 0);
  const foot = footer.length ? wrappedLines(footer.join('\n'), box.width, 7.5) * (lineHeight(7.5) + 0.4) + 4 : 0;
  return box.height - used - foot - SLACK[page];
}

/** page1Room, never below 0: the room Figure A may grow into. */
export function page1Spare(blocks: readonly Block[], footer: readonly string[], page: Page1Box = 'print'): number {
  return Math.max(0, page1Room(blocks, footer, page));
}
