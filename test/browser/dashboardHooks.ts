// Mocha hooks and helpers for the dashboard suites: dist/dashboard.js in headless Chromium behind VS
// Code's CSP, answered by the panel's own handlers over a real journal in a temp folder (the same
// dispatch and result validation as the extension host). After each test: no CSP violation, no page
// error, no injected script run.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import type { HostMessage, WebviewMessage } from '../../src/webviews/protocol';
import { answer } from '../../src/webviews/host/dispatch';
import { openSidebar, startBrowser, stopBrowser, type PanelPage } from '../../tools/browser/sidebarPage';
import { demoJournal } from '../fixtures/demoJournal';
import { fixedClock } from '../unit/helpers';
import { testJournal, type TestJournal } from '../unit/journalFixture';

export const NOW = '2026-06-30T18:00:00Z';
export const TODAY = '2026-06-30';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface DashboardPages {
  /** The journal of the current test, and the dashboard open on it. */
  j: TestJournal | undefined;
  dash: PanelPage | undefined;
  journal(ops?: Parameters<TestJournal['store']['write']>[0]): Promise<TestJournal>;
  /** The demo journal (90 days to TODAY, with a year recalled before it). */
  demo(): Promise<TestJournal>;
  /** The dashboard at 1280 × 800 on the journal, optionally with a kept state (as VS Code restores it). */
  open(state?: unknown): Promise<Page>;
  /** Closes the dashboard (after checking it for problems), as a reload does. */
  closeDashboard(): Promise<void>;
}

export function useDashboardPages(): DashboardPages {
  const pages: DashboardPages = {
    j: undefined,
    dash: undefined,
    async journal(ops = []) {
      pages.j = await testJournal(fixedClock(NOW, 'UTC'));
      if (ops.length) await pages.j.store.write(ops);
      return pages.j;
    },
    demo: () => pages.journal(demoJournal({ end: TODAY, zone: 'UTC' }).flat()),
    async open(state) {
      const handlers = pages.j!.handlers;
      pages.dash = await openSidebar(
        (msg: WebviewMessage): HostMessage | undefined | Promise<HostMessage> => {
          if (msg.type === 'ready') return { type: 'init', l10n: null, testMode: true };
          if (msg.type === 'request') return answer(handlers, msg, quiet, 'malformed');
          return undefined;
        },
        { dashboard: true, viewport: { width: 1280, height: 800 }, state }
      );
      await pages.dash.page.waitForSelector('vscode-tabs');
      return pages.dash.page;
    },
    async closeDashboard() {
      const dash = pages.dash;
      pages.dash = undefined;
      if (!dash) return;
      try {
        assert.deepStrictEqual(dash.problems, [], 'no CSP violations or page errors');
        assert.strictEqual(await dash.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'no injected script ran');
      } finally {
        await dash.close();
      }
    }
  };
  before(startBrowser);
  after(stopBrowser);
  afterEach(async () => {
    try {
      await pages.closeDashboard();
    } finally {
      await pages.j?.close();
      pages.j = undefined;
    }
  });
  return pages;
}

/** Shows a section by its tab, and waits for its heading. */
export async function showSection(page: Page, title: string): Promise<void> {
  await page.click(`vscode-tab-header:has-text("${title}")`);
  await page.waitForFunction((t) => document.querySelector('vscode-tab-panel:not([hidden]) h2')?.textContent === t, title);
}

export const textOf = (page: Page, selector: string): Promise<string> => page.$eval(selector, (el) => (el as HTMLElement).innerText);
