// The pages' words with a count, at 0, 1 and 2: the dashboard's sentences (pure, run here in Node
// as the page runs them) and the Plan tab's adherence line in the panel itself.
import * as assert from 'assert';
import { rangeSummary, yearSummary } from '../../webview/dashboard/words';
import type { DashboardData } from '../../src/webviews/dashboard/protocol';
import { FakeHost } from '../../tools/browser/fakeHost';
import { openSidebar } from '../../tools/browser/sidebarPage';
import { usePanelPages } from './sidebarHooks';
import * as fs from 'fs';
import * as path from 'path';
import { formatDate } from '../../src/core/dates';
import { plural } from '../../src/core/plural';
import { formatMg, setNumberLocale } from '../../src/core/entries';
import type { ChartData } from '../../src/webviews/shared/views';
import { summary as chartSummary } from '../../webview/charts/data';
import { doseDaysWords } from '../../webview/charts/tables';
import type { ChartStrings } from '../../webview/charts/strings';

const ES: Record<string, string> = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.es.json'), 'utf8'));
/** The charts' strings as a page in `locale` gets them: its bundle's words, its plural rules, its numbers, its dates. */
const chartStrings = (locale: 'en' | 'es'): ChartStrings => ({
  t: (message, ...args) => english(locale === 'es' ? (ES[message] ?? message) : message, ...args.map((a) => (typeof a === 'number' && !Number.isInteger(a) ? formatMg(a) : a))),
  plural: (count, forms) => plural(count, forms, locale),
  date: (date, style) => formatDate(date, locale, style)
});
/** Chart data with `n` days of each kind: with a check-in at 10 mg, only a skipped dose, nothing logged, another dose; `n` of each marker and recalled period. */
function chartData(n: number): ChartData {
  const day = (i: number, d: object) => ({ date: `2026-06-${String(i + 1).padStart(2, '0')}`, mean: null, n: 0, dose: 10, taken: null, skipped: false, ...d });
  const days = [
    ...Array.from({ length: n }, (_, i) => day(i, { mean: 6, n: 1, taken: 10 })),
    ...Array.from({ length: n }, (_, i) => day(10 + i, { skipped: true })),
    ...Array.from({ length: n }, (_, i) => day(20 + i, {})),
    ...Array.from({ length: n }, (_, i) => day(25 + i, { taken: 7.5 }))
  ];
  const markers = [...Array.from({ length: n }, () => ({ kind: 'dose-change', date: '2026-06-01' })), ...Array.from({ length: n }, () => ({ kind: 'life-event', date: '2026-06-02' }))];
  return {
    from: '2026-06-01',
    to: '2026-06-30',
    unit: 'mg',
    days,
    markers,
    moodByDose: n ? [{ mg: 7.5, mean: 6.5, days: n }] : [],
    moodByDoseLeftOut: { noDose: 0, otherDose: 0, beforeFirstDose: 0 },
    recalled: Array.from({ length: n }, () => ({}))
  } as unknown as ChartData;
}

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

  it("the charts' text alternative and their n, in English at 0, 1 and 2 and in Spanish at 1 and 2 (\"7,5 mg\")", () => {
    const en = chartStrings('en');
    assert.match(chartSummary(chartData(0), en), /^Mood and dose from Jun 1, 2026 to Jun 30, 2026\. 0 days with check-ins\. 0 dose changes and 0 life events marked\.$/);
    assert.match(
      chartSummary(chartData(1), en),
      /: mean mood 6\.5 at 7\.5 mg\. 1 day with check-ins\. 1 dose change and 1 life event marked\. The dose line is dotted across 1 day with only a skipped dose and 1 day with no dose logged\. 1 day at another dose than the step, marked at the dose taken\. 1 period of medication history as recalled, drawn hatched and not counted in any figure\.$/
    );
    assert.match(chartSummary(chartData(2), en), /\. 2 days with check-ins\. 2 dose changes and 2 life events marked\. The dose line is dotted across 2 days with only a skipped dose and 2 days with no dose logged\. 2 days at another dose than the step, marked at the dose taken\. 2 periods of /);
    assert.deepStrictEqual([0, 1, 2].map((n) => doseDaysWords(chartData(n), en).split('.')[0]), ['n = 0 days', 'n = 1 day', 'n = 2 days']);
    const numbers = setNumberLocale('es');
    try {
      const es = chartStrings('es');
      assert.match(chartSummary(chartData(1), es), /^Ánimo y dosis del 1 jun 2026 al 30 jun 2026: ánimo medio 6,5 a 7,5 mg\. 1 día con registros\. 1 cambio de dosis y 1 acontecimiento marcados\./);
      assert.match(chartSummary(chartData(2), es), /\. 2 días con registros\. 2 cambios de dosis y 2 acontecimientos marcados\./);
      assert.deepStrictEqual([1, 2].map((n) => doseDaysWords(chartData(n), es).split('.')[0]), ['n = 1 día', 'n = 2 días']);
    } finally {
      setNumberLocale(numbers);
    }
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
