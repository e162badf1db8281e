// Panel benchmark: time from the panel script starting to the first rows on screen, with 1k, 10k
// and 100k entries in the journal, in headless Chromium with an in-page stand-in host
// (bench/inPageHost.ts). The panel asks for one page at a time, so the journal's size barely matters.
import { openSidebar, startBrowser, stopBrowser } from '../tools/browser/sidebarPage';
import { median, type BenchRow } from './stats';

const RUNS = 9;

export async function benchSidebar(sizes = [1_000, 10_000, 100_000]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  await startBrowser();
  try {
    for (const n of sizes) {
      const times: number[] = [];
      // One page, reloaded: like a VS Code webview shown again, the browser has the bundle cached.
      // The very first load (cold caches) is reported on its own.
      const panel = await openSidebar(() => undefined, { standin: `/out/bench/inPageHost.js?n=${n}` });
      const measure = async () => {
        await panel.page.waitForFunction(() => (window as unknown as { __firstRenderAt?: number }).__firstRenderAt !== undefined, undefined, { timeout: 30_000 });
        // From the panel script starting to the first rows drawn: parse, handshake, first page, render.
        return panel.page.evaluate(() => {
          const w = window as unknown as { __firstRenderAt: number; __panelStart: number };
          return w.__firstRenderAt - w.__panelStart;
        });
      };
      const cold = await measure();
      for (let i = 0; i < RUNS; i++) {
        await panel.page.reload();
        times.push(await measure());
      }
      await panel.close();
      rows.push({ size: n, metric: `panel first render, median of ${RUNS} reloads`, value: median(times), unit: 'ms' });
      rows.push({ size: n, metric: 'panel first render, very first load (cold cache)', value: cold, unit: 'ms' });
    }
  } finally {
    await stopBrowser();
  }
  return rows;
}
