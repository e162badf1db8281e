// The pages' words with a count, at 0, 1 and 2: the dashboard's sentences (pure, run here in Node
// as the page runs them) and the Plan tab's adherence line in the panel itself.
import * as assert from 'assert';
import { rangeSummary, yearSummary } from '../../webview/dashboard/words';
import type { DashboardData } from '../../src/webviews/dashboard/protocol';
import { FakeHost } from '../../tools/browser/fakeHost';
import { openSidebar } from '../../tools/browser/sidebarPage';
import { usePanelPages } from './sidebarHooks';

const english = (message: string, ...args: (string | number)[]) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i])));
type Days = DashboardData['timeline']['days'];
type Markers = DashboardData['timeline']['markers'];

/** `n` days at 10 mg with a check-in, then `skipped` days with only a skipped dose. */
function days(n: number, skipped: number): Days {
  const out = [];
  for (let i = 0; i < n + skipped; i++) {
    const date = `2026-06-${String(i + 1).padStart(2, '0')}`;
    out.push({ date, mean: i < n ? 6 : null, dose: 10, taken: i < n ? 10 : null, skipped: i >= n });
  }
  return out as unknown as Days;
}
const markers = (changes: number, events: number) =>
  [...Array.from({ length: changes }, () => ({ kind: 'dose-change' })), ...Array.from({ length: events }, () => ({ kind: 'life-event' }))] as unknown as Markers;

describe('Words with a count on the pages, at 0, 1 and 2', function () {
  this.timeout(40_000);
  const panels = usePanelPages();

  it("the dashboard's range, marker and year sentences", () => {
    assert.match(rangeSummary(days(1, 0), markers(0, 0), 'mg', english), /^From Jun 1, 2026 to Jun 1, 2026: 1 of 1 day with a check-in; .*; 0 dose changes and 0 life events marked\.$/);
    assert.match(rangeSummary(days(2, 1), markers(1, 1), 'mg', english), /: 2 of 3 days with a check-in; .*; 1 day with only a skipped dose; 1 dose change and 1 life event marked\.$/);
    assert.match(rangeSummary(days(2, 2), markers(2, 2), 'mg', english), /; 2 days with only a skipped dose; 2 dose changes and 2 life events marked\.$/);
    const year = yearSummary(2026, 365, [0, 1, 2, 0, 0], 3, english);
    assert.match(year, /^2026: 3 of 365 days with a check-in\. Days by mean mood: .*: 0 days; .*: 1 day; .*: 2 days; /);
  });

  it("the Plan tab's adherence line", async () => {
    for (const skipped of [0, 1, 2]) {
      const host = new FakeHost();
      host.plan = { ...host.plan, adherence: { ...host.plan.adherence!, atPlan: 1, skipped } };
      const panel = (panels.current = await openSidebar(host.handle));
      await panel.send({ type: 'event', event: { kind: 'show', section: 'plan' } });
      const status = await panel.page.locator('.plan-status').innerText();
      const words = ['0 days with a skipped dose', '1 day with a skipped dose', '2 days with a skipped dose'][skipped];
      assert.match(status, new RegExp(`1 day at the plan, 2 above, 0 below; ${words}, 0 with nothing logged\\.`));
      await panel.close();
      panels.current = undefined;
    }
  });
});
