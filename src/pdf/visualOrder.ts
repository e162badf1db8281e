// Right-to-left text (Hebrew, for one) in a left-to-right document. A PDF holds glyphs in the order
// they are drawn, so each line is wrapped in logical order first, then put in visual order with the
// Unicode Bidirectional Algorithm (bidi-js); the font engine is then told not to reorder it again.
import bidiFactory from 'bidi-js';

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|\ud802[\udc00-\udfff]|\ud83a[\udd00-\udd5f]/;

let bidi: ReturnType<typeof bidiFactory> | undefined;

export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/** One line in the order its characters are drawn, left to right; the paragraph direction is left-to-right. */
export function visualLine(line: string): string {
  if (!hasRtl(line)) return line;
  bidi ??= bidiFactory();
  const levels = bidi.getEmbeddingLevels(line, 'ltr');
  const chars = [...line];
  // bidi-js works on UTF-16 indices; the scripts this handles are all in the BMP, so they match.
  if (chars.length !== line.length) return line;
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  for (const [i, c] of mirrored) chars[i] = c;
  for (const [start, end] of bidi.getReorderSegments(line, levels)) {
    const part = chars.slice(start, end + 1).reverse();
    chars.splice(start, part.length, ...part);
  }
  return chars.join('');
}

/** Greedy word wrapping in logical order, by `measure` (points), breaking inside a word only when it must. */
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(?<= )/)) {
      if (line && measure((line + word).trimEnd()) > width) {
        out.push(line.trimEnd());
        line = '';
      }
      let rest = word;
      while (measure(rest.trimEnd()) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line += rest;
    }
    out.push(line.trimEnd());
  }
  return out;
}
