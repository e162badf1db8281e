// Opens the panel or the dashboard in a VS Code theme over a real journal (the demo, or empty),
// answered by the panel's own handlers through the host's dispatch, for the accessibility suites.
import type { HostMessage, WebviewMessage } from '../../src/webviews/protocol';
import { answer } from '../../src/webviews/host/dispatch';
import { openSidebar, startBrowser, stopBrowser, type PanelPage } from '../../tools/browser/sidebarPage';
import type { ThemeName } from '../../tools/browser/themes';
import { demoJournal } from '../fixtures/demoJournal';
import { fixedClock } from '../unit/helpers';
import { testJournal, type TestJournal } from '../unit/journalFixture';

export const NOW = '2026-06-30T18:00:00Z';
export const TODAY = '2026-06-30';
/** The side bar's default width in VS Code. */
export const SIDEBAR = { width: 300, height: 900 };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function openOnJournal(
  theme: ThemeName,
  opts: { demo: boolean; dashboard?: boolean; viewport?: { width: number; height: number }; l10n?: { lang: string; bundle: Record<string, string> } }
): Promise<{ panel: PanelPage; journal: TestJournal }> {
  // With a bundle, the host's words come from it too, as vscode.l10n.t's would from the display language's.
  const bundle = opts.l10n?.bundle;
  const t = bundle ? (m: string, ...args: (string | number)[]) => (bundle[m] ?? m).replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i]))) : undefined;
  const journal = await testJournal(fixedClock(NOW, 'UTC'), t, opts.l10n?.lang);
  if (opts.demo) await journal.store.write(demoJournal({ end: TODAY, zone: 'UTC' }).flat());
  const handlers = journal.handlers;
  const panel = await openSidebar(
    (msg: WebviewMessage): HostMessage | undefined | Promise<HostMessage> => {
      if (msg.type === 'ready') return { type: 'init', l10n: bundle ?? null, testMode: true };
      if (msg.type === 'request') return answer(handlers, msg, quiet, 'malformed');
      return undefined;
    },
    { theme, dashboard: opts.dashboard, viewport: opts.viewport ?? (opts.dashboard ? { width: 1280, height: 800 } : SIDEBAR), lang: opts.l10n?.lang }
  );
  return { panel, journal };
}

type OpenOptions = Parameters<typeof openOnJournal>[1];

/**
 * Mocha hooks for a suite that opens one page per test: the browser for the whole suite, the page
 * and its journal closed after each test. Call inside describe(); returns openOnJournal.
 */
export function pagePerTest(): (theme: ThemeName, opts: OpenOptions) => Promise<{ panel: PanelPage; journal: TestJournal }> {
  let opened: { panel: PanelPage; journal: TestJournal } | undefined;
  before(startBrowser);
  after(stopBrowser);
  afterEach(async () => {
    await opened?.panel.close();
    await opened?.journal.close();
    opened = undefined;
  });
  return async (theme, opts) => (opened = await openOnJournal(theme, opts));
}
