// The summary PDF read back with a PDF parser: page 1 holds every page-1 item at Letter and at A4,
// for the demo data and for a heavy year; the appendix follows; the text is the user's own, in
// several scripts, with a visible placeholder where the font has no glyph; the font is embedded and
// subset; the title is set. Also: the shipped bundle dist/pdf.js works on its own.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { MOOD_DOSE_LAYOUT } from '../../src/core/figures/moodDose';
import { FIGURE_A_MAX, page1Spare } from '../../src/core/summary/page1Fit';
import { summaryDoc } from '../../src/core/summary/doc';
import { PLACEHOLDER, shippedFonts, summaryPdf, type PageSize } from '../../src/pdf/summaryPdf';
import { visualLine, wrapLines } from '../../src/pdf/visualOrder';
import { UNICODE_NOTES } from '../fixtures/heavyYear';
import { assertInOrder, demoSummary as demo, heavySummary as heavy, page1Items, page1ItemsEs } from '../fixtures/page1';
import { SPANISH } from '../fixtures/spanish';
import { flat, readPdf } from '../fixtures/pdfText';
import { ROOT } from './helpers';

// The fonts as they ship: subset by tools/build/fonts.js into dist/fonts.
const FONTS = shippedFonts(path.join(ROOT, 'dist', 'fonts'));

describe('summary PDF', function () {
  this.timeout(60_000);
  const cache = new Map<string, Promise<Uint8Array>>();
  const overflow = new Map<string, number>();
  const pdf = (name: 'demo' | 'heavy', size: PageSize) => {
    const key = `${name}-${size}`;
    if (!cache.has(key)) cache.set(key, summaryPdf(summaryDoc(name === 'demo' ? demo() : heavy(), {}, size), { size, fonts: FONTS, creationDate: new Date('2026-06-30T12:00:00Z'), onPage1: (n) => overflow.set(key, n) }));
    return cache.get(key)!;
  };

  for (const name of ['demo', 'heavy'] as const) {
    for (const size of ['LETTER', 'A4'] as const) {
      it(`fits every page-1 item on page 1 (${name}, ${size}), with the appendix after it`, async () => {
        const s = name === 'demo' ? demo() : heavy();
        const { pages, title } = await readPdf(await pdf(name, size));
        const first = flat(pages[0]);
        assertInOrder(first, page1Items(s), `${name} ${size}`);
        // Text past the page's edge is still extracted: the writer's own measure says nothing ran over.
        assert.strictEqual(overflow.get(`${name}-${size}`), 0, 'page 1 runs into its footer');
        if (name === 'heavy') assert.ok(first.includes('Support lines: 988 Suicide & Crisis Lifeline: Call or text 988'), 'item 9 answered: the support lines are on page 1');
        assert.ok(!first.includes('Appendix'), 'the appendix is not on page 1');
        assert.ok(pages.length >= 3, `${pages.length} pages`);
        assert.ok(flat(pages[1]).startsWith('Appendix'), 'page 2 opens the appendix');
        assert.ok(flat(pages.slice(1).join('\n')).includes('Daily table'));
        assert.match(flat(pages[1]), /page 2 of \d+/);
        assert.strictEqual(title, `Mood and dose summary: Escitalopram, ${s.range.from} to ${s.range.to}`);
      });
    }
  }

  // Spanish runs longer than English: page 1 still fits, at both sizes, for both journals.
  for (const name of ['demo', 'heavy'] as const) {
    for (const size of ['LETTER', 'A4'] as const) {
      it(`fits every page-1 item on page 1 in Spanish (${name}, ${size}), with the appendix after it`, async () => {
        const s = name === 'demo' ? demo() : heavy();
        let over = -1;
        const doc = summaryDoc(s, {}, size, SPANISH);
        const { pages, title } = await readPdf(await summaryPdf(doc, { size, fonts: FONTS, creationDate: new Date('2026-06-30T12:00:00Z'), onPage1: (n) => (over = n) }));
        const first = flat(pages[0]);
        assertInOrder(first, page1ItemsEs(s), `${name} ${size} (es)`);
        assert.strictEqual(over, 0, 'page 1 runs into its footer');
        if (name === 'heavy') assert.ok(first.includes('Líneas de apoyo: 988 Línea de Prevención del Suicidio y Crisis: Llame o escriba al 988; oprima 2 para español'), 'item 9 answered: the Spanish support lines are on page 1');
        assert.ok(!first.includes('Apéndice'), 'the appendix is not on page 1');
        assert.ok(flat(pages[1]).startsWith('Apéndice'), 'page 2 opens the appendix');
        assert.match(flat(pages[1]), /página 2 de \d+/);
        assert.match(first, /\d,\d/, 'decimals with a comma');
        assert.ok(!/\b(Appendix|Mood and dose|Questions for|Check-ups|Patient-recorded)\b/.test(flat(pages.join('\n'))), 'no English heading left');
        assert.strictEqual(title, `Resumen de ánimo y dosis: Escitalopram, del ${s.range.from} al ${s.range.to}`);
      });
    }
  }

  for (const size of ['LETTER', 'A4'] as const) {
    it(`grows Figure A into all the room page 1 has, up to 40% of the page (demo, ${size}), labels at 8 pt or more`, () => {
      const pageHeight = size === 'LETTER' ? 792 : 841.89;
      const doc = summaryDoc(demo(), {}, size);
      const [figA] = doc.figures;
      const share = figA.height / pageHeight;
      console.log(`      Figure A: ${figA.height.toFixed(0)} pt of ${pageHeight.toFixed(0)} (${(share * 100).toFixed(1)}% of the page; ${((MOOD_DOSE_LAYOUT.height / 792) * 100).toFixed(1)}% before it grew)`);
      // The demo's page 1 is full (every page-1 item above fits with it): no room is left unused.
      assert.ok(figA.height >= FIGURE_A_MAX || page1Spare(doc.page1, doc.page1Footer, size) < 1, 'no room left on page 1');
      assert.ok(share >= 0.28 && figA.height <= FIGURE_A_MAX, `${(share * 100).toFixed(1)}% of the page`);
      assert.ok(figA.prims.every((p) => p.t !== 'text' || p.size >= 8), 'every label at 8 pt or more');
    });
  }

  it('draws page 1’s footer as the extension writes it, with no one asking how page 1 fitted', async () => {
    const { pages } = await readPdf(await summaryPdf(summaryDoc(demo(), {}, 'LETTER'), { size: 'LETTER', fonts: FONTS }));
    assert.ok(flat(pages[0]).includes('The instruments were developed by Drs. Robert L. Spitzer'), 'the attribution is on page 1');
  });

  it('embeds a subset of its own font, no standard font, and sets the title', async () => {
    const bytes = Buffer.from(await pdf('demo', 'LETTER'));
    const text = bytes.toString('latin1');
    assert.match(text, /\/BaseFont \/[A-Z]{6}\+DejaVuSansCondensed\b/, 'a subset (tagged name) of the regular face');
    assert.match(text, /\/BaseFont \/[A-Z]{6}\+DejaVuSansCondensed-Bold\b/);
    assert.match(text, /\/FontFile2/, 'the TrueType program is embedded');
    assert.doesNotMatch(text, /\/BaseFont \/(Helvetica|Times|Courier)/, 'none of the 14 standard fonts');
    assert.ok(bytes.length < 400_000, `${bytes.length} bytes: the font is subset, not whole`);
  });

  it("keeps the user's own words: accents, the summary's symbols, Greek, Cyrillic, Hebrew; a placeholder for what the font lacks", async () => {
    const { pages } = await readPdf(await pdf('heavy', 'A4'));
    const all = pages.join('\n');
    assert.ok(all.includes(UNICODE_NOTES[0]), 'ü, é, →, ≤, ±');
    assert.ok(all.includes('καλή μέρα') && all.includes('хороший день'));
    for (const word of ['עברית', 'יום', 'טוב']) assert.ok(all.includes(word), `Hebrew "${word}"`);
    // 🦋 and 你好 have no glyph in DejaVu: each becomes a visible □, and the appendix says what □ means.
    assert.ok(all.includes(`Emoji: ${PLACEHOLDER} and CJK: ${PLACEHOLDER}${PLACEHOLDER}`), 'placeholders, nothing dropped');
    assert.ok(flat(all).includes(`${PLACEHOLDER} stands for a character this PDF's font cannot show`));
    assert.ok(flat(all).includes('Dose: 5 mg a day since 2026-05-17 (7.5 → 5 mg; day 44 on 2026-06-30)'), 'the summary’s own → and numbers');
    assert.ok(flat(all).includes('± '), 'mean ± SD');
    // A life-event title with markup stays text.
    assert.ok(all.includes('<script>alert("x")</script> & a very long title'));
  });

  it('is made by the shipped bundle alone, from a folder with nothing else in it', async () => {
    const bundle = path.join(ROOT, 'dist', 'pdf.js');
    assert.ok(fs.existsSync(bundle), 'dist/pdf.js is built');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-pdf-bundle-'));
    try {
      // No node_modules and no pdfkit data files next to it: nothing may read them.
      fs.copyFileSync(bundle, path.join(dir, 'pdf.js'));
      const mod = ((await import(pathToFileURL(path.join(dir, 'pdf.js')).href)) as { default: { summaryPdf: typeof summaryPdf } }).default;
      const bytes = await mod.summaryPdf(summaryDoc(demo()), { size: 'A4', fonts: { regular: fs.readFileSync(path.join(ROOT, 'dist', 'fonts', 'DejaVuSansCondensed.ttf')), bold: fs.readFileSync(path.join(ROOT, 'dist', 'fonts', 'DejaVuSansCondensed-Bold.ttf')) } });
      const { pages } = await readPdf(bytes);
      assert.ok(flat(pages[0]).includes('Mood and dose summary: Escitalopram'));
      assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'fonts', 'LICENSE-DejaVu.txt')), 'the font licence ships next to the font');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ships fonts cut to the scripts a journal is written in, small enough for the .vsix', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fontkit = require('fontkit') as { create(b: Buffer): { hasGlyphForCodePoint(cp: number): boolean } };
    for (const [face, bytes] of Object.entries(FONTS)) {
      assert.ok(bytes.length < 300_000, `${face}: ${bytes.length} bytes, under 300 KB`);
      const font = fontkit.create(Buffer.from(bytes));
      for (const ch of 'éŁșĦñ' + 'Ωλ' + 'Жщ' + 'Ա' + 'שלום' + 'سلام' + 'ქ' + 'ẞạ' + '–…→−·⌊⌋≤“”×±□•') {
        assert.ok(font.hasGlyphForCodePoint(ch.codePointAt(0)!), `${face} keeps U+${ch.codePointAt(0)!.toString(16)}`);
      }
    }
  });

  it('stays out of the bundles loaded at start-up and for the journal: it is a bundle of its own', () => {
    for (const name of ['extension', 'journal', 'summary']) {
      const bundle = fs.readFileSync(path.join(ROOT, 'dist', `${name}.js`), 'utf8');
      assert.ok(!/PDFKit|fontkit|unicode-trie|FontFile2/i.test(bundle), `no PDF library in dist/${name}.js`);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { HOST_BUNDLES } = require(path.join(ROOT, 'esbuild.js')) as { HOST_BUNDLES: Record<string, string> };
    assert.strictEqual(HOST_BUNDLES.pdf, 'src/pdf/summaryPdf.ts', 'dist/pdf.js is built on its own and loaded by name on first use');
  });
});

describe('right-to-left text in the PDF', () => {
  it('puts each line in visual order: a Hebrew run reversed inside a left-to-right line', () => {
    assert.strictEqual(visualLine('Note: עברית: יום טוב'), 'Note: בוט םוי :תירבע');
    assert.strictEqual(visualLine('(שלום) ok'), '(םולש) ok', 'brackets in a left-to-right line keep their place around the reversed run');
    assert.strictEqual(visualLine('plain text'), 'plain text');
  });

  it('wraps in logical order before reordering, breaking a word only when it must', () => {
    const measure = (s: string) => s.length;
    assert.deepStrictEqual(wrapLines('aaa bbb ccc', 7, measure), ['aaa bbb', 'ccc']);
    assert.deepStrictEqual(wrapLines('abcdefghij', 4, measure), ['abcd', 'efgh', 'ij']);
    assert.deepStrictEqual(wrapLines('a\nb', 10, measure), ['a', 'b']);
  });
});
