// Medication history as recalled on the timeline (webview/charts/recalled.ts): a dimmed, hatched band
// before the first entry, a legend, its own words on hover and in the text alternative, and nothing
// of it in the mood-by-dose table.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import type { ChartData } from '../../src/webviews/shared/views';
import { openCharts, timelinePointAt as pointAt } from '../../tools/browser/chartsPage';
import { makeChartData, moodByDose, moodDaysLeftOut } from '../../tools/browser/sampleChartData';
import { useChartsPages } from './chartsHooks';

const FIRST_ENTRY = '2026-01-01';
const RECALLED: NonNullable<ChartData['recalled']> = [
  { id: 'recalled-0001', medication: 'Escitalopram', startDate: '2025-10', endDate: '2025-11', mg: 30, context: 'Raised during the divorce', mood: 3, certainty: 'clearly', sameMedication: true },
  { id: 'recalled-0002', medication: 'Escitalopram', startDate: '2025-12', endDate: '2025-12-31', mg: 10, context: '', mood: null, certainty: null, sameMedication: true }
];

/** "All": from the first recalled period, with logged days only from FIRST_ENTRY on. */
function allRange(recalled: boolean): ChartData {
  const data = makeChartData({ from: '2025-10-01', days: 182, steps: [20, 15, 10] });
  data.days = data.days.map((d) => (d.date < FIRST_ENTRY ? { date: d.date, mean: null, min: null, max: null, n: 0, dose: null, taken: null, skipped: false } : d));
  data.markers = data.markers.filter((m) => m.date >= FIRST_ENTRY);
  data.symptoms = data.symptoms.map((s) => ({ ...s, cells: s.cells.filter((c) => c.date >= FIRST_ENTRY) }));
  data.moodByDose = moodByDose(data.days);
  data.moodByDoseLeftOut = moodDaysLeftOut(data.days);
  return recalled ? { ...data, recalled: RECALLED } : data;
}

/** Pixels drawn (any colour) on the timeline canvas between two page x positions. */
function inked(page: Page, x0: number, x1: number): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const c = document.querySelector<HTMLCanvasElement>('.mdc-timeline canvas')!;
      const box = c.getBoundingClientRect();
      const scale = c.width / box.width;
      const from = Math.round((a - box.left) * scale);
      const to = Math.round((b - box.left) * scale);
      const d = c.getContext('2d')!.getImageData(from, 0, to - from, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    },
    [x0, x1]
  );
}

describe('Charts: medication history as recalled (headless Chromium)', function () {
  this.timeout(30_000);
  const pages = useChartsPages();

  async function show(data: ChartData): Promise<Page> {
    // A second page in one test: the first is checked for problems before it is closed.
    if (pages.current) {
      assert.deepStrictEqual([...pages.current.problems, ...(await pages.current.page.evaluate(() => window.mdc.violations))], [], 'no CSP violations or page errors');
      await pages.current.close();
    }
    const cp = (pages.current = await openCharts({ width: 720, height: 900 }));
    await cp.page.evaluate((d) => window.mdc.charts.update(d), data);
    return cp.page;
  }

  it('draws the recalled periods as a band of their own before the first entry, with a legend', async () => {
    const plain = allRange(false);
    let page = await show(plain);
    const a = await pointAt(page, plain, '2025-10-05');
    const b = await pointAt(page, plain, '2025-12-25');
    const without = await inked(page, a.x, b.x);
    assert.strictEqual(await page.isHidden('.mdc-recalled-legend'), true, 'no legend without recalled history');

    const data = allRange(true);
    page = await show(data);
    const withBand = await inked(page, a.x, b.x);
    assert.ok(withBand > without * 3, `the band is drawn: ${withBand} pixels inked, ${without} without it`);
    assert.strictEqual(await page.isVisible('.mdc-recalled-legend'), true);
    assert.match(await page.locator('.mdc-recalled-legend').innerText(), /Hatched: medication history as recalled, before the journal .* Not logged, and not counted in any figure\./);
    const label = await page.getAttribute('.mdc-timeline canvas', 'aria-label');
    assert.match(label ?? '', /2 periods of medication history as recalled, drawn hatched and not counted in any figure/);
  });

  it('says what a recalled period is on hover, marked as recalled', async () => {
    const data = allRange(true);
    const page = await show(data);
    const at = await pointAt(page, data, '2025-10-20');
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('.mdc-tooltip:not([hidden])');
    const lines = await page.$$eval('.mdc-tooltip > div', (ds) => ds.map((d) => d.textContent));
    assert.deepStrictEqual(lines, ['As recalled, before the journal', 'Escitalopram 30 mg, Oct 2025 to Nov 2025', 'Recalled mood 3 of 10, clearly', 'Raised during the divorce']);
  });

  it('keeps the recalled periods out of the mood-by-dose table', async () => {
    const read = (page: Page) => page.$$eval('.mdc-charts table tbody tr', (rows) => rows.map((r) => r.textContent));
    const before = await read(await show(allRange(false)));
    const after = await read(await show(allRange(true)));
    assert.ok(before.length > 0);
    assert.deepStrictEqual(after, before);
    assert.ok(!after.some((r) => /\b30 mg/.test(r ?? '')), 'no 30 mg level from the recalled raise');
  });

  it('names a recalled period of another medication, and keeps it off the mg axis', async () => {
    const sertraline = { id: 'recalled-0003', medication: 'Sertraline', startDate: '2025-10', endDate: '2025-12', mg: 50, context: '', mood: 4, certainty: 'roughly' as const, sameMedication: false };
    const data = { ...allRange(false), recalled: [sertraline] };
    const page = await show(data);
    // The logged doses reach 15 mg: the axis tops out just above them, never at 50.
    assert.strictEqual(await page.getAttribute('.mdc-timeline', 'data-dose-axis-max'), '17.25');
    // What a user sees: the 15 mg step near the top of the plot (mid-January, between markers), not squeezed under another medication's 50 mg.
    const top = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('.mdc-timeline canvas')!;
      const over = document.querySelector('.mdc-timeline .u-over')!.getBoundingClientRect();
      const rect = c.getBoundingClientRect();
      const s = c.width / rect.width;
      const x0 = Math.round((over.left + over.width * 0.56 - rect.left) * s);
      const y0 = Math.round((over.top - rect.top) * s);
      const h = Math.round(over.height * s);
      const w = Math.round(over.width * 0.08 * s);
      const d = c.getContext('2d')!.getImageData(x0, y0, w, h).data;
      for (let i = 0; i < d.length; i += 4) if (d[i] === 209 && d[i + 1] === 134 && d[i + 2] === 22) return Math.floor(i / 4 / w) / h;
      return 1;
    });
    assert.ok(top < 0.25, `the 15 mg step is drawn in the top quarter of the plot (at ${(top * 100).toFixed(0)}% from the top)`);
    assert.strictEqual(await page.isVisible('.mdc-recalled-other'), true, 'its name is under the chart');
    assert.strictEqual(await page.locator('.mdc-recalled-other').innerText(), 'Another medication, as recalled: Sertraline 50 mg (Oct 2025 to Dec 2025). Grey hatch, named on the chart; not drawn on the dose axis.');
    const at = await pointAt(page, data, '2025-11-15');
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('.mdc-tooltip:not([hidden])');
    assert.deepStrictEqual(await page.$$eval('.mdc-tooltip > div', (ds) => ds.map((d) => d.textContent)), [
      'As recalled, before the journal',
      'Sertraline 50 mg, Oct 2025 to Dec 2025',
      'Another medication than the one logged: not drawn on the dose axis',
      'Recalled mood about 4 of 10, roughly'
    ]);

    // A recalled dose of the logged medication still has room on the axis, and no name line.
    await show(allRange(true));
    assert.strictEqual(await pages.current!.page.getAttribute('.mdc-timeline', 'data-dose-axis-max'), '34.5');
    assert.strictEqual(await pages.current!.page.isHidden('.mdc-recalled-other'), true);
  });
});
