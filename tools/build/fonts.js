// The PDF's fonts, cut down to the scripts a journal is written in. The full DejaVu files are
// 1.3 MB and would make up most of the .vsix; the cut keeps Latin (with its extensions), Greek,
// Cyrillic, Armenian, Hebrew, Arabic, Georgian, punctuation and the symbols the summary draws. What
// it drops (Braille, math alphabets, rarer scripts) already prints as a visible placeholder when
// a font lacks it, as CJK and emoji do, so nothing is lost silently.
const fs = require('fs');
const path = require('path');

/** Unicode blocks kept, inclusive. */
const KEPT = [
  [0x0020, 0x036f], // Basic Latin to combining marks
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x052f], // Cyrillic and its supplement
  [0x0530, 0x058f], // Armenian
  [0x0590, 0x05ff], // Hebrew
  [0x0600, 0x06ff], // Arabic
  [0x10a0, 0x10ff], // Georgian
  [0x1e00, 0x1fff], // Latin Extended Additional, Greek Extended
  [0x2000, 0x23ff], // punctuation, currency, letterlike, arrows, operators (≤ ⌊ ⌋ …)
  [0x25a0, 0x25ff], // geometric shapes (the □ placeholder)
  [0xfb1d, 0xfdff], // Hebrew and Arabic presentation forms A
  [0xfe70, 0xfeff] // Arabic presentation forms B
];

function keptText() {
  let text = '';
  for (const [from, to] of KEPT) for (let cp = from; cp <= to; cp++) text += String.fromCodePoint(cp);
  return text;
}

/** Writes a TrueType subset of `from` to `to`, unless `to` is already newer than both inputs. */
async function subsetFontFile(from, to) {
  const newest = Math.max(fs.statSync(from).mtimeMs, fs.statSync(__filename).mtimeMs);
  if (fs.existsSync(to) && fs.statSync(to).mtimeMs >= newest) return;
  const subsetFont = require('subset-font');
  const bytes = await subsetFont(fs.readFileSync(from), keptText(), { targetFormat: 'truetype' });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, bytes);
}

module.exports = { subsetFontFile, KEPT };
