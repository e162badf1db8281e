// Draws a figure's display list (src/core/figures) into a pdfkit document as vector paths and real,
// selectable text in the embedded font: the same figure the HTML shows as SVG.
import type { Figure, Prim, Stroke } from '../core/figures/display';
import { visualLine } from './visualOrder';

/** The part of PDFKit.PDFDocument the figures need (kept narrow so tests can see what is used). */
type Doc = PDFKit.PDFDocument;

export interface FigureFonts {
  regular: string;
  bold: string;
  /** Replaces characters the font lacks with a visible placeholder. */
  cover(text: string): string;
}

function applyStroke(doc: Doc, s: Stroke): void {
  doc.lineWidth(s.width).strokeColor(s.color);
  if (s.dash?.length) doc.dash(s.dash[0], { space: s.dash[1] ?? s.dash[0] });
  else doc.undash();
}

function draw(doc: Doc, p: Prim, fonts: FigureFonts): void {
  switch (p.t) {
    case 'line': {
      if (p.points.length < 2) return;
      doc.moveTo(p.points[0][0], p.points[0][1]);
      for (const [x, y] of p.points.slice(1)) doc.lineTo(x, y);
      applyStroke(doc, p.stroke);
      doc.lineJoin('round').stroke();
      return;
    }
    case 'rect':
    case 'circle': {
      if (p.t === 'rect') doc.rect(p.x, p.y, p.w, p.h);
      else doc.circle(p.cx, p.cy, p.r);
      if (p.fill && p.stroke) {
        applyStroke(doc, p.stroke);
        doc.fillAndStroke(p.fill, p.stroke.color);
      } else if (p.fill) doc.fill(p.fill);
      else if (p.stroke) {
        applyStroke(doc, p.stroke);
        doc.stroke();
      }
      return;
    }
    case 'text': {
      const text = visualLine(fonts.cover(p.text));
      doc.font(p.bold ? fonts.bold : fonts.regular).fontSize(p.size).fillColor(p.fill ?? '#1b1b1b');
      const w = doc.widthOfString(text);
      const x = p.anchor === 'middle' ? p.x - w / 2 : p.anchor === 'end' ? p.x - w : p.x;
      doc.text(text, x, p.y, { baseline: 'alphabetic', lineBreak: false });
      return;
    }
  }
}

/** Draws `figure` with its top left corner at (x, y) on the current page. */
export function drawFigure(doc: Doc, figure: Figure, x: number, y: number, fonts: FigureFonts): void {
  doc.save();
  doc.translate(x, y);
  for (const p of figure.prims) draw(doc, p, fonts);
  doc.restore();
  doc.undash();
}
