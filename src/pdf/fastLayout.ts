// Text shaping (fontkit's OpenType layout) costs most of a PDF's time, and a summary is mostly plain
// ASCII: dates, numbers, English words. Those need no shaping, so for them a glyph per character
// with its advance width is the whole layout; anything else (accents, Greek, Cyrillic, Hebrew,
// symbols) still goes through fontkit in full. The widths match display.ts's table, which the
// figures were laid out with.
import type * as fontkit from 'fontkit';

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface ParsedFont extends fontkit.Font {
  glyphForCodePoint(codePoint: number): Glyph;
}

const PLAIN = /^[\x20-\x7e]*$/;

/** A view of `font` whose layout() skips the shaper for printable ASCII without user features. */
export function withFastAscii(font: fontkit.Font): fontkit.Font {
  const f = font as ParsedFont;
  const fast = Object.create(f) as ParsedFont;
  fast.layout = (text: string, features?: unknown) => {
    // Lines reach the font already in visual order (visualOrder.ts): the engine must not reverse them.
    if (features || !PLAIN.test(text)) return f.layout(text, features, undefined, undefined, 'ltr');
    const glyphs: Glyph[] = [];
    const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] = [];
    for (let i = 0; i < text.length; i++) {
      const g = f.glyphForCodePoint(text.charCodeAt(i));
      glyphs.push(g);
      positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    return {
      glyphs,
      positions,
      // Read after pdfkit scales the positions in place, as fontkit's GlyphRun computes it.
      get advanceWidth() {
        let w = 0;
        for (const p of positions) w += p.xAdvance;
        return w;
      }
    };
  };
  return fast;
}
