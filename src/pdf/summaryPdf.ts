// The summary as a PDF, written with pdfkit: page 1 "at a glance", then the appendix flowing over as
// many pages as it needs, with the figures as vector paths and every piece of text selectable, in
// an embedded Unicode font subset to the glyphs used. A character the font lacks becomes a visible
// "□" (and the appendix says so); nothing is dropped. No vscode import: the host loads this bundle
// (dist/pdf.js) only when a PDF is made, with the font files that ship next to it.
import * as fs from 'fs';
import * as path from 'path';
import fontkit = require('fontkit');
import PDFDocument = require('pdfkit');
import type { Block, SummaryDoc } from '../core/summary/doc';
import { withFastAscii } from './fastLayout';
import { drawFigure, type FigureFonts } from './pdfFigure';
import { hasRtl, visualLine, wrapLines } from './visualOrder';

export type PageSize = 'LETTER' | 'A4';

export interface PdfOptions {
  size: PageSize;
  /** TrueType files: the regular and the bold face of one family. */
  fonts: { regular: Uint8Array; bold: Uint8Array };
  /** Defaults to now; fixed in tests so the bytes repeat. */
  creationDate?: Date;
  /** Told how many points page 1's content ran past the room above its footer (0 when it fits), so tests can check it. */
  onPage1?: (overflow: number) => void;
}

/** The DejaVu Sans Condensed files esbuild.js copies into dist/fonts, next to this bundle. */
export function shippedFonts(dir = path.join(__dirname, 'fonts')): PdfOptions['fonts'] {
  return { regular: fs.readFileSync(path.join(dir, 'DejaVuSansCondensed.ttf')), bold: fs.readFileSync(path.join(dir, 'DejaVuSansCondensed-Bold.ttf')) };
}

export const PLACEHOLDER = '□';
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const MARGIN = 28;
const BODY = 9;
const SMALL = 7.5;
const INK = '#1b1b1b';
const MUTED = '#555555';
const RULE = '#bbbbbb';

type Doc = PDFKit.PDFDocument;

/** Writes the whole PDF and resolves with its bytes. */
export function summaryPdf(summary: SummaryDoc, options: PdfOptions): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: options.size,
    margin: MARGIN,
    // No default font: pdfkit's standard fonts would read AFM files from disk, and none ships.
    font: null as unknown as string,
    bufferPages: true,
    autoFirstPage: true,
    displayTitle: true,
    lang: summary.locale,
    info: { Title: summary.title, Subject: summary.subject, Creator: 'Mood & Dose Journal', Producer: 'Mood & Dose Journal (pdfkit)', CreationDate: options.creationDate ?? new Date() }
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font as well as bytes; parsing once per process, not per PDF,
  // also keeps fontkit's glyph caches warm.
  const glyphs = parsed(options.fonts.regular);
  doc.registerFont('regular', withFastAscii(glyphs) as unknown as Buffer);
  doc.registerFont('bold', withFastAscii(parsed(options.fonts.bold)) as unknown as Buffer);
  let missing = 0;
  const cover = (text: string): string => {
    if (PRINTABLE_ASCII.test(text)) return text; // every font has these
    let out = '';
    for (const ch of text.replace(/\t/g, ' ')) {
      const cp = ch.codePointAt(0)!;
      if (cp < 32 && ch !== '\n') continue;
      // Variation selectors and joiners only modify the character before them.
      if ((cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d) continue;
      if (ch === '\n' || glyphs.hasGlyphForCodePoint(cp)) out += ch;
      else {
        out += PLACEHOLDER;
        missing++;
      }
    }
    return out;
  };
  const w = new Writer(doc, { regular: 'regular', bold: 'bold', cover });

  for (const b of summary.page1) w.block(b);
  // Drawn whether or not anyone asks how it fitted (an optional call would skip its argument).
  const overflow = w.pageFooter(summary.page1Footer);
  options.onPage1?.(overflow);
  doc.addPage();
  for (const b of summary.appendix) w.block(b);
  if (missing > 0) w.block({ kind: 'muted', text: summary.glyphNote.replace('{0}', PLACEHOLDER) });
  w.closing(summary.footer);
  w.pageNumbers(summary.title, summary.pageOf);
  doc.end();
  return done;
}

const fontCache = new WeakMap<Uint8Array, fontkit.Font>();

function parsed(bytes: Uint8Array): fontkit.Font {
  let font = fontCache.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    fontCache.set(bytes, font);
  }
  return font;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Lays blocks out top to bottom, starting a new page (and repeating a table's header) when one is full. */
class Writer {
  private readonly left: number;
  private readonly width: number;

  constructor(
    private readonly doc: Doc,
    private readonly fonts: FigureFonts
  ) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private state = '';

  /** Sets font, size and colour, only when they change (pdfkit re-parses a colour on every call). */
  private font(bold: boolean, size: number, color = INK): Doc {
    const key = `${bold}|${size}|${color}`;
    if (key !== this.state) {
      this.doc.font(bold ? this.fonts.bold : this.fonts.regular).fontSize(size).fillColor(color);
      this.state = key;
    }
    return this.doc;
  }

  /** Anything drawn outside font() (figures, fills) leaves the text state unknown. */
  private forget(): void {
    this.state = '';
  }

  /** Starts a new page when `height` does not fit below the cursor. */
  private room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private para(text: string, opts: { bold?: boolean; size?: number; color?: string; gapAfter?: number; x?: number; width?: number } = {}): void {
    const t = this.fonts.cover(text);
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.width - (x - this.left);
    this.font(opts.bold ?? false, opts.size ?? BODY, opts.color);
    if (hasRtl(t)) {
      for (const line of this.rtlLines(t, width)) this.oneLine(line, x);
      this.doc.y += 0.6;
      return;
    }
    // A line that fits needs no line breaking, which is most of pdfkit's cost per paragraph.
    if (!t.includes('\n') && this.doc.widthOfString(t) <= width) {
      this.doc.text(t, x, this.doc.y, { lineBreak: false });
      // Without a line wrapper pdfkit moves right, not down: go to the next line as wrapped text would.
      this.doc.x = x;
      this.doc.y += this.doc.currentLineHeight(true) + 0.6;
    } else this.doc.text(t, x, this.doc.y, { width, lineGap: 0.6 });
    this.doc.y += opts.gapAfter ?? 1.2;
  }

  /** Lines of text with right-to-left runs: wrapped in logical order, each put in visual order. */
  private rtlLines(text: string, width: number): string[] {
    return wrapLines(text, width, (s) => this.doc.widthOfString(s)).map(visualLine);
  }

  private oneLine(line: string, x: number): void {
    this.doc.text(line, x, this.doc.y, { lineBreak: false });
    this.doc.x = x;
    this.doc.y += this.doc.currentLineHeight(true) + 0.6;
  }

  block(b: Block): void {
    const d = this.doc;
    switch (b.kind) {
      case 'h1':
        this.room(40);
        this.para(b.text, { bold: true, size: 13, gapAfter: 2 });
        return;
      case 'h2': {
        this.room(36);
        d.y += 4;
        this.para(b.text, { bold: true, size: 9.5, gapAfter: 0 });
        d.moveTo(this.left, d.y + 0.5).lineTo(this.left + this.width, d.y + 0.5).lineWidth(0.5).strokeColor(RULE).undash().stroke();
        d.y += 2.5;
        return;
      }
      case 'p':
        return this.para(b.text);
      case 'strong':
        return this.para(b.text, { bold: true });
      case 'muted':
        return this.para(b.text, { color: MUTED });
      case 'list':
        b.items.forEach((item, i) => {
          const marker = b.ordered ? `${(b.start ?? 1) + i}.` : '•';
          this.font(false, BODY);
          const h = d.heightOfString(this.fonts.cover(item), { width: this.width - 14 });
          this.room(Math.min(h, 40));
          const y = d.y;
          d.text(marker, this.left + 2, y, { width: 12, lineBreak: false });
          d.y = y;
          this.para(item, { x: this.left + 14, gapAfter: 0.8 });
        });
        return;
      case 'table':
        return this.table(b.head, b.rows, b.widths);
      case 'figure': {
        this.room(b.figure.height + 14);
        const top = d.y;
        drawFigure(d, b.figure, this.left, top, this.fonts);
        this.forget();
        // Text drawn inside the figure moves pdfkit's cursor; the figure's box is what counts.
        d.x = this.left;
        d.y = top + b.figure.height + 1;
        this.para(b.caption, { color: MUTED });
        return;
      }
    }
  }

  private table(head: string[], rows: string[][], widths?: number[]): void {
    const d = this.doc;
    const rel = widths ?? head.map(() => 1);
    const total = rel.reduce((a, x) => a + x, 0);
    const cols = rel.map((x) => (x / total) * this.width);
    const padX = 2.5;
    const padY = 1.5;
    // Most cells hold one line: measure the width (cached per word) before paying for line breaking.
    const oneLine = (text: string, width: number) => !text.includes('\n') && d.widthOfString(text) <= width;
    const rowHeight = (cells: string[], bold: boolean) => {
      this.font(bold, BODY);
      const line = d.currentLineHeight(true);
      return Math.max(...cells.map((c, i) => {
        const text = this.fonts.cover(c);
        const width = cols[i] - 2 * padX;
        if (hasRtl(text)) return this.rtlLines(text, width).length * line;
        return oneLine(text, width) ? line : d.heightOfString(text, { width });
      })) + 2 * padY;
    };
    const drawRow = (cells: string[], bold: boolean, h: number) => {
      const y = d.y;
      if (bold) {
        d.rect(this.left, y, this.width, h).fill('#f2f2f2');
        this.forget();
      }
      // The row's borders as one path: its box and the lines between cells.
      d.rect(this.left, y, this.width, h);
      let x = this.left;
      for (const c of cols.slice(0, -1)) {
        x += c;
        d.moveTo(x, y).lineTo(x, y + h);
      }
      d.lineWidth(0.5).strokeColor(RULE).undash().stroke();
      x = this.left;
      cells.forEach((c, i) => {
        this.font(bold, BODY);
        const text = this.fonts.cover(c);
        const width = cols[i] - 2 * padX;
        if (hasRtl(text)) {
          d.y = y + padY;
          for (const l of this.rtlLines(text, width)) {
            d.text(l, x + padX, d.y, { lineBreak: false });
            d.y += d.currentLineHeight(true);
          }
        } else d.text(text, x + padX, y + padY, oneLine(text, width) ? { lineBreak: false } : { width, lineGap: 0 });
        x += cols[i];
      });
      d.x = this.left;
      d.y = y + h;
    };
    const headH = rowHeight(head, true);
    this.room(headH + 14);
    drawRow(head, true, headH);
    for (const r of rows) {
      const h = rowHeight(r, false);
      if (d.y + h > this.bottom) {
        d.addPage();
        drawRow(head, true, headH);
      }
      drawRow(r, false, h);
    }
    d.y += 2;
  }

  /** Page 1's own footer, set at the foot of the page; returns how far the content ran into its room (0: none). */
  pageFooter(lines: readonly string[]): number {
    const d = this.doc;
    if (!lines.length) return Math.max(0, d.y - this.bottom);
    this.font(false, SMALL, MUTED);
    const text = lines.map((l) => this.fonts.cover(l)).join('\n');
    const h = d.heightOfString(text, { width: this.width, lineGap: 0.4 });
    const overflow = Math.max(0, d.y + 4 - (this.bottom - h));
    const top = Math.max(d.y + 4, this.bottom - h);
    d.moveTo(this.left, top - 2).lineTo(this.left + this.width, top - 2).lineWidth(0.5).strokeColor(RULE).stroke();
    d.text(text, this.left, top, { width: this.width, lineGap: 0.4 });
    return overflow;
  }

  /** The document's closing lines, after the appendix. */
  closing(lines: readonly string[]): void {
    const d = this.doc;
    this.room(40);
    d.y += 6;
    d.moveTo(this.left, d.y).lineTo(this.left + this.width, d.y).lineWidth(0.5).strokeColor(RULE).stroke();
    d.y += 3;
    lines.forEach((l, i) => this.para(l, { size: i === 0 ? BODY : SMALL, bold: i === 0, color: i === 0 ? INK : MUTED }));
  }

  /** "Page 2 of 7" in the bottom margin of every page after the first. */
  pageNumbers(title: string, pageOf: string): void {
    const d = this.doc;
    const range = d.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      d.switchToPage(i);
      const bottom = d.page.margins.bottom;
      d.page.margins.bottom = 0; // writing in the margin must not start a new page
      this.font(false, SMALL, MUTED);
      d.text(this.fonts.cover(`${title} · ${pageOf.replace('{0}', String(i + 1)).replace('{1}', String(range.count))}`), this.left, d.page.height - bottom + 8, { width: this.width, align: 'right', lineBreak: false });
      d.page.margins.bottom = bottom;
    }
  }
}
