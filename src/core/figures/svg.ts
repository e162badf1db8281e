// A display list as a standalone SVG string: the same markup inlines into the HTML page and stands
// alone as a .svg file next to the Markdown. All text is escaped, so user text stays text.
import { textWidth, type Figure, type Prim, type Stroke } from './display';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const n = (x: number) => String(Math.round(x * 100) / 100);

function stroke(s: Stroke | undefined): string {
  if (!s) return ' stroke="none"';
  return ` stroke="${s.color}" stroke-width="${n(s.width)}"${s.dash?.length ? ` stroke-dasharray="${s.dash.map(n).join(' ')}"` : ''}`;
}

function prim(p: Prim): string {
  const cls = p.mark ? ` class="${p.mark}"` : '';
  switch (p.t) {
    case 'line':
      return `<polyline${cls} fill="none"${stroke(p.stroke)} stroke-linejoin="round" points="${p.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}"/>`;
    case 'rect':
      return `<rect${cls} x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}" fill="${p.fill ?? 'none'}"${stroke(p.stroke)}/>`;
    case 'circle':
      return `<circle${cls} cx="${n(p.cx)}" cy="${n(p.cy)}" r="${n(p.r)}" fill="${p.fill ?? 'none'}"${stroke(p.stroke)}/>`;
    case 'text': {
      const anchor = p.anchor && p.anchor !== 'start' ? ` text-anchor="${p.anchor}"` : '';
      // textLength holds each label to the width it was laid out for (the PDF font's), whatever font the viewer has.
      const length = ` textLength="${n(textWidth(p.text, p.size, p.bold))}" lengthAdjust="spacingAndGlyphs"`;
      return `<text${cls} x="${n(p.x)}" y="${n(p.y)}" font-size="${n(p.size)}"${anchor}${p.bold ? ' font-weight="bold"' : ''}${length} fill="${p.fill ?? '#1b1b1b'}">${escapeXml(p.text)}</text>`;
    }
  }
}

/** The figure as SVG; `idPrefix` keeps element ids unique when several figures share one page. */
export function toSvg(f: Figure, idPrefix = f.id): string {
  const font = 'DejaVu Sans Condensed, Liberation Sans Narrow, Arial Narrow, Helvetica Neue, Arial, sans-serif';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(f.width)} ${n(f.height)}" width="${n(f.width)}pt" height="${n(f.height)}pt" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="${font}">`,
    `<title id="${idPrefix}-title">${escapeXml(f.title)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(f.desc)}</desc>`,
    `<rect width="${n(f.width)}" height="${n(f.height)}" fill="#ffffff"/>`,
    ...f.prims.map(prim),
    '</svg>',
    ''
  ].join('\n');
}
