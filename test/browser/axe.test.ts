// Accessibility by measurement: axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules over every page
// state (the panel's four tabs with the demo journal and empty, the entry form with its errors and the
// support card, in English and in Spanish, the dashboard's five sections), each in VS Code's Light+,
// Dark+ and High Contrast themes with their real colour variables (tools/browser/themeColors.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { describeFindings, runAxe, type AxeFinding } from '../../tools/browser/axe';
import { CONTEXT, FakeHost, checkin } from '../../tools/browser/fakeHost';
import { openSidebar, startBrowser, stopBrowser, type PanelPage } from '../../tools/browser/sidebarPage';
import { THEMES, type ThemeName } from '../../tools/browser/themes';
import { ROOT } from '../unit/helpers';
import type { TestJournal } from '../unit/journalFixture';
import { showSection } from './dashboardHooks';
import { openOnJournal, SIDEBAR } from './themedPages';

/**
 * Findings accepted, each with its reason. The list may only shrink: the last test fails if it grows.
 * `rule` is the axe rule id, `target` matches the element's selector path.
 */
const EXCEPTIONS: { rule: string; theme?: ThemeName; match: RegExp; why: string }[] = [
  {
    rule: 'color-contrast',
    theme: 'light',
    match: /^vscode-checkbox#\w+ >>> \.label-inner |^#\w+ >>> \.label-inner /,
    why: "@vscode-elements' checkbox draws its label at 90% opacity inside its shadow root: in Light+ on the side bar that is #707070 on #f3f3f3, 4.46:1 for 4.5. The component offers no part or variable to change it."
  }
];
const MAX_EXCEPTIONS = 1;

const TABS = ['journal', 'charts', 'plan', 'checkups'] as const;
const SECTIONS = ['Timeline', 'Days after each dose change', 'Each dose step side by side', 'Year in pixels', 'What goes with better days'];

let panel: PanelPage | undefined;

/** Exceptions that matched a finding: one that no longer matches must be removed from the list. */
const used = new Set<(typeof EXCEPTIONS)[number]>();

function accepted(f: AxeFinding, node: AxeFinding['nodes'][number], theme: ThemeName): boolean {
  const e = EXCEPTIONS.find((x) => x.rule === f.rule && (!x.theme || x.theme === theme) && x.match.test(`${node.target} ${node.summary}`));
  if (e) used.add(e);
  return !!e;
}

/** The findings no exception covers, as readable lines; a CSP refusal or page error counts too. */
async function scan(page: Page, where: string, theme: ThemeName): Promise<string[]> {
  const problems = panel?.problems.splice(0) ?? [];
  const findings = (await runAxe(page)).map((f) => ({ ...f, nodes: f.nodes.filter((n) => !accepted(f, n, theme)) })).filter((f) => f.nodes.length);
  // axe itself sets inline styles while it measures, which the page's CSP (rightly) refuses.
  panel?.problems.splice(0).forEach((p) => /^Applying inline style violates/.test(p) || problems.push(p));
  return [...describeFindings(`${where}, ${theme}`, findings), ...problems.map((p) => `${where}, ${theme}: ${p}`)];
}

const none = (found: string[]) => assert.strictEqual(found.length, 0, `${found.length} findings:\n${found.join('\n')}`);

const SPANISH = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;

/** The stand-in host's answers, with the Spanish bundle sent at start when `es` (as VS Code would under a Spanish display language). */
function spanish(host: FakeHost, es: boolean): FakeHost['handle'] {
  return es ? (msg, p) => (msg.type === 'ready' ? { type: 'init', l10n: SPANISH, testMode: true } : host.handle(msg, p)) : host.handle;
}

/** What each tab shows once its data is in. */
const READY: Record<(typeof TABS)[number], string> = {
  journal: '#save',
  charts: '#charts-host > *',
  plan: '#plan-status-title',
  checkups: '#take-phq9'
};

async function showTab(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await page.click(`vscode-tab-header[data-tab=${tab}]`);
  await page.waitForSelector(`vscode-tab-panel:not([hidden]) ${READY[tab]}`, { state: 'attached' });
  await page.waitForTimeout(250); // charts draw on the next frame
}

describe('Accessibility: axe-core, WCAG 2.0–2.2 A and AA, in three themes (headless Chromium)', function () {
  this.timeout(180_000);
  let journal: TestJournal | undefined;
  before(startBrowser);
  after(stopBrowser);
  afterEach(async () => {
    await panel?.close();
    await journal?.close();
    panel = journal = undefined;
  });

  async function openReal(theme: ThemeName, opts: { demo: boolean; dashboard?: boolean }): Promise<Page> {
    const opened = await openOnJournal(theme, { ...opts, viewport: opts.dashboard ? undefined : SIDEBAR });
    ({ panel, journal } = opened);
    return opened.panel.page;
  }

  for (const theme of THEMES) {
    for (const demo of [true, false]) {
      it(`panel, ${demo ? 'demo journal' : 'empty journal'}, ${theme}: the four tabs`, async () => {
        const page = await openReal(theme, { demo });
        await page.waitForSelector('#save');
        const found: string[] = [];
        for (const tab of TABS) {
          await showTab(page, tab);
          found.push(...(await scan(page, `${tab} (${demo ? 'demo' : 'empty'})`, theme)));
        }
        none(found);
      });
    }

    for (const es of [false, true]) {
      const lang = es ? ', in Spanish' : '';
      it(`panel, the entry form with its errors shown${lang}, ${theme}`, async () => {
        const host = new FakeHost();
        panel = await openSidebar(spanish(host, es), { theme, viewport: SIDEBAR, lang: es ? 'es' : undefined });
        const page = panel.page;
        await page.locator('.mood-option[data-mood="6"]').waitFor();
        await page.locator('#more-toggle').click();
        await page.locator('#dose-mg input').fill('ten');
        await page.locator('#sleep input').fill('30');
        await page.locator('#save').click();
        const say = (m: string, ...args: number[]) => (es ? SPANISH[m] : m).replace(/\{(\d+)\}/g, (_, i: string) => String(args[+i]));
        await page.getByText(say('Hours slept must be a number from 0 to {0}.', 24), { exact: true }).waitFor();
        await page.getByText(say('Choose a mood from 1 to 10.'), { exact: true }).waitFor();
        none(await scan(page, `form errors${lang}`, theme));
      });

      it(`panel, the support card and the support lines${lang}, ${theme}`, async () => {
        const host = new FakeHost([checkin()]);
        host.context = { ...CONTEXT, support: { ...CONTEXT.support, card: true } };
        panel = await openSidebar(spanish(host, es), { theme, viewport: SIDEBAR, lang: es ? 'es' : undefined });
        const page = panel.page;
        await page.locator('.support-card').waitFor();
        const found = await scan(page, `support card${lang}`, theme);
        await page.locator('#need-help').click();
        await page.locator('#support').waitFor();
        found.push(...(await scan(page, `support lines${lang}`, theme)));
        none(found);
      });
    }

    it(`dashboard, demo journal, ${theme}: the five sections`, async () => {
      const page = await openReal(theme, { demo: true, dashboard: true });
      await page.waitForSelector('vscode-tabs');
      await page.waitForSelector('#timeline-host canvas');
      const found: string[] = [];
      for (const title of SECTIONS) {
        await showSection(page, title);
        await page.waitForTimeout(250);
        found.push(...(await scan(page, `dashboard ${title}`, theme)));
      }
      none(found);
    });
  }

  it('keeps the exceptions list short: it may shrink, never grow', () => {
    assert.ok(EXCEPTIONS.length <= MAX_EXCEPTIONS, `${EXCEPTIONS.length} exceptions; at most ${MAX_EXCEPTIONS}`);
    for (const e of EXCEPTIONS) {
      assert.ok(e.why.length > 20, `a reason for ${e.rule}`);
      assert.ok(used.has(e), `the exception for ${e.rule} (${e.match}) matched nothing: remove it`);
    }
  });
});
