import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ANSWERS, DIFFICULTY_ANSWERS, DIFFICULTY_QUESTION, GAD7, PHQ9 } from '../../src/core/questionnaires';
import { DEFAULT_RESOURCES, supportCopy } from '../../src/core/safety';
import { buildSummary } from '../../src/core/summary/summary';
import { toSvg } from '../../src/core/figures/svg';
import { summaryDoc } from '../../src/core/summary/doc';
import { htmlOf, markdownOf, renderHtml, renderMarkdown } from '../../src/core/summary/render';
import { summaryPdf } from '../../src/pdf/summaryPdf';
import { CLEAN, cleanTaper, CUTS, EVENT, eventIncreaseItem9, symptomsAfterCuts } from '../fixtures/handJournals';
import * as dd from '../fixtures/doseDayJournals';
import { flat, readPdf } from '../fixtures/pdfText';
import { SYMPTOMS } from '../../src/core/symptoms';
import { rowsFromOps } from '../../src/core/transfer/transfer';
import { demoJournal } from '../fixtures/demoJournal';
import type { RecalledPeriod } from '../../src/core/schemas';
import { ROOT } from './helpers';
import { PHQ9_ES } from '../../src/core/questionnaireText';
import { SPANISH, SPANISH_BUNDLE } from '../fixtures/spanish';

/** Phrases that would be advice, a dose suggestion or a diagnosis. None may appear anywhere the user reads. */
const FORBIDDEN = [
  /you should/i,
  /you must/i,
  /you need to/i,
  /increase your dose/i,
  /reduce your dose/i,
  /lower your dose/i,
  /raise your dose/i,
  /(stop|start) taking/i,
  /taper (faster|slower|more)/i,
  /(try|consider) (a|an|the)?\s*(lower|higher|different) dose/i,
  /recommended dose/i,
  /you have (depression|anxiety|withdrawal|a disorder)/i,
  /you are (depressed|in withdrawal|relapsing)/i,
  /withdrawal syndrome detected/i,
  /(this|that) is withdrawal/i,
  /(indicates|means you have|diagnos(is|ed) (of|with))/i,
  /relapse detected/i,
  /non-?complian(t|ce)/i
];

function walk(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, ext, out);
    else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

/** The message strings passed to t(), l10n.t() and vscode.l10n.t() in the host and the panel. */
function l10nMessages(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const call = /\b(?:l10n\.)?t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;
  for (const file of [...walk(path.join(ROOT, 'src'), /\.ts$/), ...walk(path.join(ROOT, 'webview'), /\.ts$/)]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) out.push({ where: path.relative(ROOT, file), text: m[2] });
  }
  return out;
}

function userFacingTexts(): { where: string; text: string }[] {
  const texts = l10nMessages();
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  for (const [k, v] of Object.entries(nls)) texts.push({ where: `package.nls.json ${k}`, text: v });
  for (const md of walk(path.join(ROOT, 'media'), /\.md$/)) texts.push({ where: path.relative(ROOT, md), text: fs.readFileSync(md, 'utf8') });
  texts.push({ where: 'README.md', text: fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8') });
  const copy = supportCopy((m) => m);
  texts.push({ where: 'support copy', text: Object.values(copy).join('\n') });
  texts.push({ where: 'support resources', text: DEFAULT_RESOURCES.map((r) => `${r.name} ${r.contact}`).join('\n') });
  texts.push({ where: 'questionnaires', text: [...PHQ9.items, ...GAD7.items, PHQ9.stem, GAD7.stem, ...ANSWERS, DIFFICULTY_QUESTION, ...DIFFICULTY_ANSWERS].join('\n') });
  texts.push({ where: 'symptoms', text: SYMPTOMS.map((s) => s.label).join('\n') });
  // A real summary, made from the demo journal, in both formats.
  const rows = rowsFromOps(demoJournal({ end: '2026-06-30', zone: 'UTC' }).flat());
  const summary = buildSummary(rows, { today: '2026-06-30', from: '2026-04-01', to: '2026-06-30', medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: [] });
  texts.push({ where: 'summary markdown', text: renderMarkdown(summary) });
  texts.push({ where: 'summary html', text: renderHtml(summary) });
  return texts;
}

describe('no advice anywhere', () => {
  const texts = userFacingTexts();

  it('collects the strings the user can see (l10n messages, manifest, docs, clinical copy, a summary)', () => {
    assert.ok(texts.filter((x) => !x.where.includes(' ')).length > 100, `${texts.length} strings collected`);
    assert.ok(texts.some((x) => x.text.includes('Check in')), 'sanity: the check-in label is among them');
  });

  it('contains no dose suggestion, no "you should" and no diagnostic claim', () => {
    const hits: string[] = [];
    for (const { where, text } of texts) {
      for (const re of FORBIDDEN) {
        const m = re.exec(text);
        if (m) hits.push(`${where}: "${m[0]}" in …${text.slice(Math.max(0, m.index - 40), m.index + 60).replace(/\s+/g, ' ')}…`);
      }
    }
    assert.deepStrictEqual(hits, []);
  });

  it('covers the new strings: medication history as recalled, and the tablet supply', () => {
    const md = texts.find((x) => x.where === 'summary markdown')!.text;
    assert.match(md, /Medication history \(as recalled\)[\s\S]*as recalled by the patient/i, 'the rendered history section is scanned');
    for (const file of ['src/commands/medicationHistory.ts', 'src/commands/supply.ts', 'src/services/supplyWords.ts', 'webview/sidebar/planHistory.ts', 'webview/sidebar/planSupply.ts', 'webview/charts/recalled.ts', 'src/core/recalled.ts']) {
      assert.ok(texts.some((x) => x.where === file), `${file}'s messages are scanned`);
    }
    // Their words draw no verdict either: a supply estimate or a recalled period is a fact, not a judgement.
    const NEW_FILES = /(medicationHistory|supply|supplyWords|planHistory|planSupply|recalled)\.ts$/;
    const hits = texts.filter((x) => NEW_FILES.test(x.where) && VERDICT.test(x.text)).map((x) => `${x.where}: ${x.text}`);
    assert.deepStrictEqual(hits, []);
  });

  it('footers every summary with "not medical advice"', () => {
    const md = texts.find((x) => x.where === 'summary markdown')!.text;
    assert.match(md, /not medical advice/i);
  });
});

/** A year before the journal as recalled, in the shape of the user's story (text of their own: none of it a verdict). */
const RECALLED: RecalledPeriod[] = [
  { id: 'recalled-full', createdAt: '2025-12-01T00:00:00.000Z', updatedAt: '2025-12-01T00:00:00.000Z', deletedAt: null, medication: 'Escitalopram', startDate: '2025-01', endDate: '2025-03', mg: 20, context: 'Full dose', mood: 5, certainty: 'roughly' },
  { id: 'recalled-raise', createdAt: '2025-12-01T00:00:00.000Z', updatedAt: '2025-12-01T00:00:00.000Z', deletedAt: null, medication: 'Escitalopram', startDate: '2025-04', endDate: '2025-05', mg: 30, context: 'Raised during a hard time', mood: 3, certainty: 'clearly' },
  { id: 'recalled-half', createdAt: '2025-12-01T00:00:00.000Z', updatedAt: '2025-12-01T00:00:00.000Z', deletedAt: null, medication: 'Escitalopram', startDate: '2025-06', endDate: '2025-12-20', mg: 10, context: 'Half dose', mood: 6, certainty: 'roughly' }
];

/** Words that would draw a verdict from the timing; the summary shows the facts and never names one. */
const VERDICT = /\b(withdrawal|relapse|relapsing|improved|improvement|worse|worsened|caused|causes|because of)\b/i;

describe('no verdict in what the summary renders (the hand-made journals)', function () {
  this.timeout(60_000);
  const journals = [
    { name: 'a clean taper', rows: cleanTaper(), range: CLEAN },
    { name: 'a taper with symptoms after each cut', rows: symptomsAfterCuts(), range: CUTS },
    { name: 'a life event, a dose increase and a PHQ-9 item 9 answer', rows: eventIncreaseItem9(), range: EVENT },
    { name: 'a clean taper after a year of recalled history', rows: { ...cleanTaper(), recalled_periods: RECALLED }, range: CLEAN },
    { name: 'a morning dose plus a top-up', rows: dd.topUp(), range: dd.TOP_UP },
    { name: 'two check-ins a day', rows: dd.twoCheckIns(), range: dd.TWO_A_DAY },
    { name: 'six days with nothing logged, then symptoms', rows: dd.gapThenSymptoms(), range: dd.GAP },
    { name: 'skipped, then taken', rows: dd.skippedThenTaken(), range: dd.SKIP },
    { name: 'a journal that starts mid-step', rows: dd.midStep(), range: dd.MID },
    { name: 'a symptom 100 days after a change, beside a life event', rows: dd.lateOnset(), range: dd.LATE },
    { name: 'a recalled period of another medication', rows: dd.otherMedication(), range: dd.OTHER }
  ];
  const fonts = {
    regular: fs.readFileSync(path.join(ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSansCondensed.ttf')),
    bold: fs.readFileSync(path.join(ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSansCondensed-Bold.ttf'))
  };

  for (const j of journals) {
    it(`${j.name}: the Markdown, HTML and PDF text hold no verdict word and no advice`, async () => {
      const summary = buildSummary(j.rows, { today: j.range.to, from: j.range.from, to: j.range.to, medicationName: 'Escitalopram', unit: 'mg', support: DEFAULT_RESOURCES });
      const doc = summaryDoc(summary);
      const { pages } = await readPdf(await summaryPdf(doc, { size: 'LETTER', fonts }));
      const outputs = { markdown: markdownOf(doc), html: htmlOf(doc), svg: doc.figures.map((f) => toSvg(f)).join('\n'), pdf: pages.join('\n') };
      if (j.rows.recalled_periods) {
        for (const format of ['markdown', 'html', 'pdf'] as const) assert.match(flat(outputs[format]), /Medication history \(as recalled\)/, `${format} has the history section`);
        assert.match(outputs.svg, /Before the journal/, 'Figure A has the recalled inset');
      }
      for (const [format, text] of Object.entries(outputs)) {
        assert.doesNotMatch(text, VERDICT, `${format} of ${j.name}`);
        for (const re of FORBIDDEN) assert.doesNotMatch(text, re, `${format} of ${j.name}`);
        if (format !== 'svg') assert.match(text, /not medical advice/i, `${format} of ${j.name} says it is not medical advice`);
      }
      // The item 9 journal's footer carries the support lines, in every format.
      const item9 = j.rows === journals[2].rows;
      for (const format of ['markdown', 'html', 'pdf'] as const) {
        assert.strictEqual(flat(outputs[format]).includes('Crisis Lifeline: Call or text 988'), item9, `${format}: support lines only after an item 9 answer`);
      }
    });
  }
});

/** A Spanish word or phrase, bounded by letters (\\b knows only ASCII letters: "mejoró" ends on a letter too). */
const es = (source: string) => new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, 'iu');

/** The same rules in Spanish: advice, a dose suggestion, a diagnosis or a verdict drawn from the timing. */
const FORBIDDEN_ES = [
  es('deber[íi]a[sn]?'),
  es('tiene que'),
  es('debe (tomar|dejar|reducir|aumentar|bajar|subir|cambiar)'),
  es('(aumente|reduzca|baje|suba|disminuya|cambie) (la|su) dosis'),
  es('(deje|empiece|comience) (de|a) tomar'),
  es('dosis recomendada'),
  es('usted (tiene|padece) (depresión|ansiedad|abstinencia|un trastorno)'),
  es('indica|significa que tiene|diagn[óo]stico de'),
  es('incumplimiento')
];
const VERDICT_ES = es('abstinencia|reca[íi]das?|recayendo|mejor[óo]|mejor[íi]a|empeor[óo]|empeoramiento|caus[óo]|causad[oa]s?|por culpa de');

describe('no advice and no verdict in Spanish', function () {
  this.timeout(60_000);
  const scan = (where: string, text: string, hits: string[]) => {
    for (const re of [...FORBIDDEN_ES, VERDICT_ES]) {
      const m = re.exec(text);
      if (m) hits.push(`${where}: "${m[0]}" in …${text.slice(Math.max(0, m.index - 40), m.index + 60).replace(/\s+/g, ' ')}…`);
    }
  };

  it('the Spanish bundle, the Spanish manifest and the official Spanish PHQ-9 hold none of the Spanish advice or verdict words', () => {
    const hits: string[] = [];
    for (const [en, es] of Object.entries(SPANISH_BUNDLE)) scan(`l10n "${en.slice(0, 40)}"`, es, hits);
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.es.json'), 'utf8')) as Record<string, string>;
    for (const [k, v] of Object.entries(nls)) scan(`package.nls.es.json ${k}`, v, hits);
    scan('PHQ-9 (es)', [PHQ9_ES.stem, ...PHQ9_ES.items, ...PHQ9_ES.answers, PHQ9_ES.difficultyQuestion, ...PHQ9_ES.difficultyAnswers].join('\n'), hits);
    assert.ok(Object.keys(SPANISH_BUNDLE).length > 500, 'the whole bundle is scanned');
    assert.deepStrictEqual(hits, []);
  });

  it('catches the words it is meant to catch', () => {
    for (const said of ['Esto es abstinencia.', 'una recaída', 'El ánimo mejoró.', 'empeoró tras el cambio', 'El cambio causó mareo.', 'Usted debería esperar.', 'Reduzca la dosis.', 'aumente su dosis']) {
      const hits: string[] = [];
      scan('sample', said, hits);
      assert.strictEqual(hits.length > 0, true, said);
    }
  });

  const fonts = {
    regular: fs.readFileSync(path.join(ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSansCondensed.ttf')),
    bold: fs.readFileSync(path.join(ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSansCondensed-Bold.ttf'))
  };
  const journals = [
    { name: 'the demo journal', rows: rowsFromOps(demoJournal({ end: '2026-06-30', zone: 'UTC' }).flat()), range: { from: '2026-04-01', to: '2026-06-30' } },
    { name: 'a taper with symptoms after each cut', rows: symptomsAfterCuts(), range: CUTS },
    { name: 'a life event, a dose increase and a PHQ-9 item 9 answer', rows: eventIncreaseItem9(), range: EVENT },
    { name: 'a clean taper after a year of recalled history', rows: { ...cleanTaper(), recalled_periods: RECALLED }, range: CLEAN }
  ];
  for (const j of journals) {
    it(`${j.name}, summarised in Spanish: Markdown, HTML, figures and PDF hold no advice or verdict, and say it is not medical advice`, async () => {
      const summary = buildSummary(j.rows, { today: j.range.to, from: j.range.from, to: j.range.to, medicationName: 'Escitalopram', unit: 'mg', support: DEFAULT_RESOURCES, includeNoteIds: [] });
      const doc = summaryDoc(summary, {}, 'LETTER', SPANISH);
      const { pages } = await readPdf(await summaryPdf(doc, { size: 'LETTER', fonts }));
      const outputs = { markdown: markdownOf(doc), html: htmlOf(doc), svg: doc.figures.map((f) => toSvg(f)).join('\n'), pdf: pages.join('\n') };
      for (const [format, text] of Object.entries(outputs)) {
        const hits: string[] = [];
        scan(`${format} of ${j.name}`, text, hits);
        assert.deepStrictEqual(hits, []);
        assert.doesNotMatch(text, VERDICT, `${format} of ${j.name}: no English verdict either`);
        if (format !== 'svg') assert.match(flat(text), /No es consejo médico/i, `${format} of ${j.name} says it is not medical advice`);
      }
      assert.match(outputs.html, /<html lang="es">/);
      if (j.rows === journals[2].rows) assert.match(flat(outputs.markdown), /oprima 2 para español/, 'the support lines after an item 9 answer say how to reach 988 in Spanish');
    });
  }
});
