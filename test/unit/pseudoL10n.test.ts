// Pseudo-localisation of what the host writes: with every message wrapped in ⟦…⟧, a rendered
// summary (Markdown, HTML, figures), the status bar's text and tooltip, and the palette flows' step
// titles come out pseudo-localised. Anything else is a string that skipped l10n. Allowed: numbers,
// dates, the user's own data, and the list below with its reasons.
import * as assert from 'assert';
import { ANSWERS, ATTRIBUTION, DIFFICULTY_ANSWERS, GAD7, PHQ9 } from '../../src/core/questionnaires';
import { DEFAULT_RESOURCES } from '../../src/core/safety';
import { buildSummary } from '../../src/core/summary/summary';
import { summaryDoc } from '../../src/core/summary/doc';
import { htmlOf, markdownOf } from '../../src/core/summary/render';
import { toSvg } from '../../src/core/figures/svg';
import { rowsFromOps, type RowsByTable } from '../../src/core/transfer/transfer';
import { statusView, tooltipLinks } from '../../src/statusBar/statusView';
import type { NudgeStatus } from '../../src/core/reminders';
import { FlowSteps } from '../../src/commands/steps';
import { demoJournal } from '../fixtures/demoJournal';
import { pseudo, pseudoT, unlocalised } from '../fixtures/pseudo';

/** Never translated, on purpose. */
const NAMES = [
  // Instrument names and their official English wording: only an official translation may replace them.
  'PHQ-9',
  'GAD-7',
  ...PHQ9.items,
  ...GAD7.items,
  ...ANSWERS,
  ...DIFFICULTY_ANSWERS,
  ATTRIBUTION,
  // Units and statistics' symbols as a prescriber reads them in any language.
  'mg',
  'n',
  'h',
  // The product's name.
  'Mood & Dose Journal',
  // Month names on the figures' time axis come from Intl in the summary's language, as dates do.
  ...Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2001, m, 15))))
];

/** The user's own words in a journal: medication, notes, events, appointments, tags, recalled history. */
function userData(rows: RowsByTable): string[] {
  const out: string[] = ['Escitalopram'];
  for (const r of rows.notes ?? []) out.push(r.text);
  for (const r of rows.checkins ?? []) out.push(r.note, ...r.tags);
  for (const r of rows.life_events ?? []) out.push(r.title, r.note ?? '');
  for (const r of rows.appointments ?? []) out.push(r.provider, ...r.questions, r.outcome ?? '');
  for (const r of rows.recalled_periods ?? []) out.push(r.medication, r.context);
  for (const r of rows.symptoms ?? []) out.push(r.label);
  return out.filter(Boolean);
}

/** Labels the summary builds from numbers: life events E1, E2…, ISO weeks 2026-W14. */
const numbered = (text: string) => text.replace(/\bE\d+\b/g, ' ').replace(/\b\d{4}-W\d{2}\b/g, ' ');

describe('pseudo-localisation: what the host writes', function () {
  this.timeout(60_000);

  it('wraps every message and keeps its placeholders', () => {
    assert.strictEqual(pseudo('Save {0}'), '⟦Sávé {0}⟧');
    assert.strictEqual(pseudoT('Save {0}', 'PHQ-9'), '⟦Sávé PHQ-9⟧');
    assert.deepStrictEqual(unlocalised('⟦Sávé⟧ plain words 12 ⟦ó⟧', []), ['plain', 'words']);
  });

  it('a rendered summary (Markdown, HTML and figures) holds no word that skipped l10n', () => {
    const rows = rowsFromOps(demoJournal({ end: '2026-06-30', zone: 'UTC' }).flat());
    const summary = buildSummary(rows, { today: '2026-06-30', medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: (rows.notes ?? []).map((n) => n.id), support: DEFAULT_RESOURCES });
    const doc = summaryDoc(summary, {}, 'LETTER', { locale: 'en', t: pseudoT });
    const allowed = [...NAMES, ...userData(rows)];
    const strip = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    for (const [format, text] of [
      ['markdown', markdownOf(doc)],
      ['html', strip(htmlOf(doc))],
      ['figures', doc.figures.map((f) => [f.title, f.desc, ...f.prims.map((p) => (p.t === 'text' ? p.text : ''))].join('\n')).join('\n')],
      ['pdf header and footer', [doc.title, doc.subject, doc.glyphNote, doc.pageOf, ...doc.footer].join('\n')]
    ] as const) {
      assert.deepStrictEqual(unlocalised(numbered(text), allowed), [], `${format}: words outside l10n`);
    }
    // A message that skips l10n is found: here the appendix's heading left in English.
    const leaky = summaryDoc(summary, {}, 'LETTER', { locale: 'en', t: (m, ...args) => (m === 'Appendix' ? m : pseudoT(m, ...args)) });
    assert.deepStrictEqual(unlocalised(numbered(markdownOf(leaky)), allowed), ['Appendix']);
    // And it really is the summary: its headings are there, pseudo-localised.
    assert.ok(markdownOf(doc).includes(pseudo('Mood and dose summary')));
    assert.ok(toSvg(doc.figures[0]).includes(pseudo('Mood')));
  });

  it("the status bar's text, tooltip and links hold no word that skipped l10n", () => {
    const statuses: NudgeStatus[] = ['done', 'open', 'due', 'snoozed', 'skipped'];
    let checked = 0;
    for (const status of statuses) {
      for (const last of [undefined, { time: '08:10', mg: 7.5 }, { time: '08:10', mg: null }]) {
        const view = statusView({ status, slotTime: '09:00', last, unit: 'mg', due: [pseudoT('check-up due')], details: [pseudoT('Taper plan: step {0} of {1} ({2} {3})', 2, 3, '10', 'mg')] }, pseudoT);
        for (const text of [view.message, view.label, ...view.lines]) assert.deepStrictEqual(unlocalised(text, NAMES), [], `${status}: ${text}`);
        // The short text is a tick, the time, the dose and what is due: only the due words are words.
        assert.deepStrictEqual(unlocalised(view.text.replace(/\$\([a-z-]+\)/g, ' '), NAMES), [], `${status}: ${view.text}`);
        checked++;
      }
    }
    for (const link of tooltipLinks(pseudoT)) assert.deepStrictEqual(unlocalised(link.title, NAMES), [], link.title);
    assert.ok(checked > 0, 'at least one status view checked');
  });

  it('a palette flow\'s step titles ("Check in (1/3): mood") come out pseudo-localised', () => {
    const steps = new FlowSteps(pseudoT, pseudoT('Check in'), 3);
    for (const step of ['mood', 'dose', 'note']) assert.deepStrictEqual(unlocalised(steps.next(pseudoT(step)), NAMES), []);
  });
});
