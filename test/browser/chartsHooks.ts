// Mocha hooks for the charts suites; the page helpers they wrap are in tools/browser/chartsPage.ts.
import { startCharts, stopCharts, type ChartsPage } from '../../tools/browser/chartsPage';

/** Mocha hooks for a charts suite: one browser, and after each test a check for CSP violations and page errors. */
export function useChartsPages(): { current: ChartsPage | undefined } {
  const holder: { current: ChartsPage | undefined } = { current: undefined };
  before(() => startCharts());
  after(stopCharts);
  afterEach(async () => {
    const cp = holder.current;
    holder.current = undefined;
    if (!cp) return;
    try {
      const violations = await cp.page.evaluate(() => window.mdc.violations);
      if (cp.problems.length || violations.length) throw new Error(`CSP violations or page errors: ${[...cp.problems, ...violations].join(' | ')}`);
    } finally {
      await cp.close();
    }
  });
  return holder;
}
