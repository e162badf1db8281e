// Mocha hooks for the panel suites; the page helpers they wrap are in tools/browser/panelPage.ts.
import { startBrowser, stopBrowser, type PanelPage } from '../../tools/browser/sidebarPage';

/**
 * Mocha hooks shared by the panel suites: one browser for the suite, and after each test a check
 * that the page saw no CSP violation or error before it is closed.
 */
export function usePanelPages(): { current: PanelPage | undefined } {
  const holder: { current: PanelPage | undefined } = { current: undefined };
  before(startBrowser);
  after(stopBrowser);
  afterEach(async () => {
    const panel = holder.current;
    holder.current = undefined;
    if (!panel) return;
    try {
      if (panel.problems.length) throw new Error(`CSP violations or page errors: ${panel.problems.join(' | ')}`);
    } finally {
      await panel.close();
    }
  });
  return holder;
}
