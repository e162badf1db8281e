// Pseudo-localisation of the pages: the panel's four tabs, the entry form with its errors shown,
// the support card with its lines, and the dashboard's five sections, over the demo journal and an
// empty one, with every message wrapped in ⟦…⟧ (the host's words too).
// Visible text, and the labels a screen reader reads, that is not inside ⟦…⟧ did not go through
// l10n. Allowed: numbers, dates (Intl), the user's own data, and the names below with their reasons.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { ANSWERS, ATTRIBUTION, DIFFICULTY_ANSWERS, DIFFICULTY_QUESTION, GAD7, PHQ9 } from '../../src/core/questionnaires';
import { rowsFromOps } from '../../src/core/transfer/transfer';
import { CONTEXT, FakeHost } from '../../tools/browser/fakeHost';
import { openSidebar, startBrowser, stopBrowser, type PanelPage } from '../../tools/browser/sidebarPage';
import type { WebviewMessage } from '../../src/webviews/protocol';
import { demoJournal } from '../fixtures/demoJournal';
import { PSEUDO_BUNDLE, pseudoT, unlocalised } from '../fixtures/pseudo';
import type { TestJournal } from '../unit/journalFixture';
import { openOnJournal, SIDEBAR, TODAY } from './themedPages';

const dates = (opts: Intl.DateTimeFormatOptions, count: number, at: (i: number) => Date) => Array.from({ length: count }, (_, i) => new Intl.DateTimeFormat('en', { ...opts, timeZone: 'UTC' }).format(at(i)));

/** Never translated, on purpose, with the reason. */
const NAMES = [
  // Instrument names, and their official English wording: only an official translation may replace it.
  'PHQ-9',
  'GAD-7',
  'PHQ',
  'GAD',
  'FINISH',
  PHQ9.stem,
  GAD7.stem,
  ...PHQ9.items,
  ...GAD7.items,
  ...ANSWERS,
  DIFFICULTY_QUESTION,
  ...DIFFICULTY_ANSWERS,
  ATTRIBUTION,
  // Units and statistics' symbols, read the same in any language.
  'mg',
  'n',
  'h',
  'IQR',
  // Month and weekday names: dates, formatted by Intl in the page's language.
  ...dates({ month: 'long' }, 12, (m) => new Date(Date.UTC(2001, m, 15))),
  ...dates({ month: 'short' }, 12, (m) => new Date(Date.UTC(2001, m, 15))),
  ...dates({ weekday: 'long' }, 7, (d) => new Date(Date.UTC(2001, 0, 1 + d))),
  ...dates({ weekday: 'short' }, 7, (d) => new Date(Date.UTC(2001, 0, 1 + d))),
  // The default support lines' web address.
  'findahelpline.com'
];

/** The demo journal's own words (medication, notes, tags, events, appointments, recalled history, own symptoms). */
function userData(): string[] {
  const rows = rowsFromOps(demoJournal({ end: TODAY, zone: 'UTC' }).flat());
  const out: string[] = ['Escitalopram'];
  for (const r of rows.notes ?? []) out.push(r.text);
  for (const r of rows.checkins ?? []) out.push(r.note, ...r.tags.map((tag) => `#${tag}`), ...r.tags);
  for (const r of rows.life_events ?? []) out.push(r.title, r.note ?? '');
  for (const r of rows.appointments ?? []) out.push(r.provider, ...r.questions, r.outcome ?? '');
  for (const r of rows.recalled_periods ?? []) out.push(r.medication, r.context);
  for (const r of rows.symptoms ?? []) out.push(r.label);
  for (const r of rows.medications ?? []) out.push(r.name, r.form ?? '');
  for (const r of rows.taper_steps ?? []) out.push(r.note ?? '');
  return out.filter(Boolean);
}

/** Text a person sees (visible text nodes, shadow roots included) and what a screen reader reads (aria-label, title, placeholder, alt). */
async function visibleWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => (el as HTMLElement).checkVisibility?.({ checkOpacity: false, checkVisibilityCSS: true }) ?? true;
    const walk = (root: Node) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          if (parent && !['SCRIPT', 'STYLE', 'TITLE'].includes(parent.tagName) && visible(parent) && node.textContent!.trim()) out.push(node.textContent!.trim());
        } else if (node instanceof Element) {
          for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
            const v = node.getAttribute(a);
            if (v && v.trim()) out.push(v.trim());
          }
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    walk(document.body);
    return out;
  });
}

/** A week label ("2026-W14") and the Year in pixels' ISO dates read as numbers, not words. */
const numbered = (text: string) => text.replace(/\bE\d+\b/g, ' ').replace(/\b\d{4}-W\d{2}\b/g, ' ');

describe('Pseudo-localisation of the pages (headless Chromium)', function () {
  this.timeout(180_000);
  let panel: PanelPage | undefined;
  let journal: TestJournal | undefined;
  const allowed = [...NAMES, ...userData()];
  before(startBrowser);
  after(stopBrowser);
  afterEach(async () => {
    await panel?.close();
    await journal?.close();
    panel = journal = undefined;
  });

  const leaks = async (page: Page, where: string, found: Map<string, string>) => {
    for (const text of await visibleWords(page)) for (const word of unlocalised(numbered(text), allowed)) if (!found.has(word)) found.set(word, `${where}: "${text.slice(0, 100)}"`);
  };

  for (const demo of [true, false]) {
    it(`the panel's four tabs (${demo ? 'demo journal' : 'empty journal'}) show only pseudo-localised words`, async () => {
      ({ panel, journal } = await openOnJournal('dark', { demo, l10n: { lang: 'en', bundle: PSEUDO_BUNDLE } }));
      const page = panel.page;
      await page.waitForSelector('#save');
      const found = new Map<string, string>();
      for (const tab of ['journal', 'charts', 'plan', 'checkups']) {
        await page.click(`vscode-tab-header[data-tab=${tab}]`);
        await page.waitForTimeout(600);
        await leaks(page, tab, found);
      }
      assert.deepStrictEqual([...found].map(([w, at]) => `${w} ← ${at}`), []);
    });
  }

  it('the entry form with its errors shown shows only pseudo-localised words', async () => {
    ({ panel, journal } = await openOnJournal('dark', { demo: true, l10n: { lang: 'en', bundle: PSEUDO_BUNDLE } }));
    const page = panel.page;
    await page.waitForSelector('#save');
    await page.locator('#more-toggle').click();
    // The demo's dose for today is logged: another one brings the amount field back.
    await page.selectOption('#dose-status', 'taken');
    await page.locator('#dose-mg input').fill('ten');
    await page.locator('#sleep input').fill('30');
    await page.locator('#save').click();
    await page.locator('.field-error, .error').first().waitFor();
    const errors = await page.$$eval('.field-error:not([hidden]), .error:not([hidden])', (es) => es.map((e) => e.textContent!.trim()).filter(Boolean));
    assert.ok(errors.length >= 2, `the errors show: ${errors.join(' | ')}`);
    const found = new Map<string, string>();
    await leaks(page, 'form errors', found);
    assert.deepStrictEqual([...found].map(([w, at]) => `${w} ← ${at}`), []);
  });

  it('the support card and the support lines show only pseudo-localised words', async () => {
    // The stand-in host sends what the real one would: its own words translated, the default lines as data.
    const host = new FakeHost();
    host.context = {
      ...CONTEXT,
      moodLabels: CONTEXT.moodLabels.map((l) => pseudoT(l)),
      symptomCatalog: CONTEXT.symptomCatalog.map((s) => ({ ...s, label: pseudoT(s.label) })),
      support: { ...CONTEXT.support, card: true }
    };
    panel = await openSidebar((msg: WebviewMessage, p) => (msg.type === 'ready' ? { type: 'init', l10n: PSEUDO_BUNDLE, testMode: true } : host.handle(msg, p)), { theme: 'dark', viewport: SIDEBAR, lang: 'en' });
    const page = panel.page;
    await page.locator('.support-card').waitFor();
    const found = new Map<string, string>();
    const own = [CONTEXT.medication, ...CONTEXT.tags];
    const leaksOwn = async (where: string) => {
      for (const text of await visibleWords(page)) for (const word of unlocalised(numbered(text), [...allowed, ...own])) if (!found.has(word)) found.set(word, `${where}: "${text.slice(0, 100)}"`);
    };
    await leaksOwn('support card');
    await page.locator('#need-help').click();
    await page.locator('#support').waitFor();
    await leaksOwn('support lines');
    assert.deepStrictEqual([...found].map(([w, at]) => `${w} ← ${at}`), []);
  });

  it("the dashboard's five sections (demo journal) show only pseudo-localised words", async () => {
    ({ panel, journal } = await openOnJournal('dark', { demo: true, dashboard: true, l10n: { lang: 'en', bundle: PSEUDO_BUNDLE } }));
    const page = panel.page;
    await page.waitForSelector('vscode-tab-header');
    const found = new Map<string, string>();
    const headers = await page.$$('vscode-tab-header');
    assert.strictEqual(headers.length, 5);
    for (let i = 0; i < headers.length; i++) {
      await headers[i].click();
      await page.waitForTimeout(600);
      await leaks(page, `section ${i + 1}`, found);
    }
    assert.deepStrictEqual([...found].map(([w, at]) => `${w} ← ${at}`), []);
  });
});
