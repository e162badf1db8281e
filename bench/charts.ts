// Charts benchmark: how long the panel takes to redraw its charts for five years of daily data,
// in headless Chromium with the minified module, as in the packaged panel.
// Run from bench/run.ts: `const rows = await benchCharts(); target(rows, 1826, CHART_REDRAW_METRIC, 50, '≤ 50 ms');`
import { openCharts, startCharts, stopCharts } from '../tools/browser/chartsPage';
import { makeChartData } from '../tools/browser/sampleChartData';
import { median, type BenchRow } from './stats';

export const CHART_REDRAW_METRIC = 'chart redraw, 5-year range, median of 15';
const RUNS = 15;
const TARGET_MS = 50;

export async function benchCharts(): Promise<BenchRow[]> {
  await startCharts({ minify: true });
  try {
    const cp = await openCharts({ width: 400, height: 1200 });
    const taper = [20, 17.5, 15, 12.5, 10, 7.5, 5, 2.5];
    // Two different data sets, alternated, so no run redraws what is already on screen.
    const years = [1, 2].map((seed) => makeChartData({ from: '2021-01-01', days: 1826, steps: taper, seed, eventEvery: 45 }));
    const quarter = [1, 2].map((seed) => makeChartData({ from: '2026-01-01', days: 90, steps: [20, 15, 10], seed }));
    const result = await cp.page.evaluate(
      async ({ years, quarter, runs }) => {
        const charts = window.mdc.charts;
        const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
        /** update() and the layout and frame it causes; starts on a fresh frame so runs are comparable. */
        async function time(data: (typeof years)[number]): Promise<{ total: number; sync: number }> {
          await frame();
          const t0 = performance.now();
          charts.update(data);
          void document.body.offsetHeight; // force style and layout now
          const sync = performance.now() - t0;
          await frame();
          return { total: performance.now() - t0, sync };
        }
        const first = await time(years[0]);
        const redraws = [];
        for (let i = 1; i <= runs; i++) redraws.push(await time(years[i % 2]));
        const short = [];
        for (let i = 1; i <= runs; i++) short.push(await time(quarter[i % 2]));
        return { first, redraws, short };
      },
      { years, quarter, runs: RUNS }
    );
    if (cp.problems.length) throw new Error(`The charts page reported problems: ${cp.problems.join('; ')}`);
    await cp.close();
    const redraw = median(result.redraws.map((r) => r.total));
    return [
      { size: 1826, metric: CHART_REDRAW_METRIC, value: redraw, unit: 'ms', target: `≤ ${TARGET_MS} ms`, pass: redraw <= TARGET_MS },
      { size: 1826, metric: 'update() + forced layout (no frame wait), median of 15', value: median(result.redraws.map((r) => r.sync)), unit: 'ms' },
      { size: 1826, metric: 'first draw (plot built), 5-year range', value: result.first.total, unit: 'ms' },
      { size: 90, metric: 'chart redraw, 90-day range, median of 15', value: median(result.short.map((r) => r.total)), unit: 'ms' }
    ];
  } finally {
    await stopCharts();
  }
}
