// The charts module (webview/charts.ts) alone in headless Chromium behind the panel's strict CSP.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { formatDate } from '../../src/core/dates';
import type { ChartData } from '../../src/webviews/shared/views';
import { openCharts, startCharts, stopCharts, type ChartsPage } from '../../tools/browser/chartsPage';
import { makeChartData } from '../../tools/browser/sampleChartData';

const taper = () => makeChartData({ from: '2026-01-01', days: 90, steps: [20, 15, 10] });
const PAYLOAD = '<img src=x onerror=window.__x=1>';

/** Exact-colour pixels on the timeline canvas: lines are drawn solid, so their colour shows up as is. */
function pixels(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(([r, g, b]) => {
    const c = document.querySelector<HTMLCanvasElement>('.mdc-timeline canvas')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b && d[i + 3] === 255) n++;
    return n;
  }, rgb);
}

/** Where a date falls on the plot, in page coordinates (the x scale spans from..to exactly). */
function pointAt(page: Page, data: ChartData, date: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([from, to, at]) => {
      const box = document.querySelector('.mdc-timeline .u-over')!.getBoundingClientRect();
      const ms = (d: string) => new Date(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)).getTime();
      return { x: box.left + (box.width * (ms(at) - ms(from))) / (ms(to) - ms(from)), y: box.top + box.height / 2 };
    },
    [data.from, data.to, date]
  );
}

describe('Charts (headless Chromium)', function () {
  this.timeout(30_000);
  let cp: ChartsPage | undefined;

  before(() => startCharts());
  after(stopCharts);
  afterEach(async () => {
    if (cp) {
      const violations = await cp.page.evaluate(() => window.mdc.violations);
      assert.deepStrictEqual([...cp.problems, ...violations], [], 'no CSP violations or page errors');
    }
    await cp?.close();
    cp = undefined;
  });

  async function show(data: ChartData, viewport?: { width: number; height: number }): Promise<Page> {
    cp = await openCharts(viewport);
    await cp.page.evaluate((d) => window.mdc.charts.update(d), data);
    return cp.page;
  }

  it('draws the timeline canvas with a text alternative, the dose table and the symptom strips', async () => {
    const data = taper();
    const page = await show(data);
    assert.deepStrictEqual(await page.$$eval('.mdc-charts h3', (hs) => hs.map((h) => h.textContent)), ['Mood and dose over time', 'Mood by dose level', 'Symptoms']);
    assert.strictEqual(await page.isHidden('.mdc-empty'), true);

    const canvas = await page.$$eval('.mdc-timeline canvas', (cs) => cs.map((c) => ({ role: c.getAttribute('role'), label: c.getAttribute('aria-label') ?? '', w: c.clientWidth })));
    assert.strictEqual(canvas.length, 1);
    assert.strictEqual(canvas[0].role, 'img');
    assert.match(canvas[0].label, /^Mood and dose from Jan 1, 2026 to Mar 31, 2026: mean mood \d+\.\d at 20 mg, mean mood \d+\.\d at 15 mg, mean mood \d+\.\d at 10 mg\. \d+ days with check-ins\. 2 dose changes and 2 life events marked\.$/);
    assert.ok(canvas[0].w > 300, 'fills the panel width');
    assert.ok((await pixels(page, [55, 148, 255])) > 100, 'the mood line is drawn in --vscode-charts-blue');
    assert.ok((await pixels(page, [209, 134, 22])) > 100, 'the dose line is drawn in --vscode-charts-orange');
    const legend = await page.$$eval('.mdc-timeline .u-legend th', (ths) => ths.map((t) => t.textContent));
    assert.ok(legend.includes('Mood') && legend.includes('Dose taken'), `legend: ${legend}`);

    const rows = await page.$$eval('.mdc-dose tbody tr', (trs) =>
      trs.map((tr) => ({ cells: [...tr.children].map((c) => c.textContent), bar: (tr.querySelector('.mdc-bar') as HTMLElement).style.width }))
    );
    assert.deepStrictEqual(rows.map((r) => r.cells[0]), ['20 mg', '15 mg', '10 mg']);
    data.moodByDose.forEach((d, i) => {
      assert.strictEqual(rows[i].cells[1], d.mean.toFixed(1));
      assert.strictEqual(rows[i].cells[2], String(d.days));
      assert.ok(Math.abs(parseFloat(rows[i].bar) - ((d.mean - 1) / 9) * 100) < 0.1, `bar ${rows[i].bar} for mean ${d.mean}`);
    });

    const strips = await page.$$eval('.mdc-strip', (ss) => ss.map((s) => ({ label: s.querySelector('.mdc-strip-label')!.textContent, cells: s.querySelectorAll('.mdc-cell').length })));
    assert.deepStrictEqual(strips, ['Dizziness', 'Brain zaps', 'Irritability', 'Trouble sleeping'].map((label) => ({ label, cells: 90 })));
    const moderate = data.symptoms[0].cells.find((c) => c.severity === 2)!;
    const when = formatDate(moderate.date, 'en'); // "Feb 3, 2026": a screen reader reads it as a date
    const cell = page.locator(`.mdc-cell[aria-label="Dizziness, ${when}: moderate"]`);
    assert.strictEqual(await cell.count(), 1, 'severity is in words, not only a shade');
    assert.strictEqual(await cell.getAttribute('title'), `Dizziness, ${when}: moderate`);
    assert.deepStrictEqual(await page.$$eval('.mdc-strip-axis span', (ss) => ss.map((s) => s.textContent)), ['Jan 1, 2026', 'Mar 31, 2026']);
    assert.match((await page.textContent('.mdc-legend'))!, /none.*mild.*moderate.*severe.*not recorded/);
  });

  it('writes its dates in the words\' language: Spanish dates and decimal marks with the Spanish bundle', async () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;
    cp = await openCharts();
    const page = cp.page;
    await page.evaluate(([b, d]) => window.mdc.inLanguage('es', b).update(d), [bundle, taper()] as const);
    const label = (await page.getAttribute('.mdc-timeline canvas', 'aria-label'))!;
    assert.match(label, /^Ánimo y dosis del 1 ene 2026 al 31 mar 2026: ánimo medio \d+,\d a 20 mg, ánimo medio \d+,\d a 15 mg, ánimo medio \d+,\d a 10 mg\. \d+ días con registros\./);
    await page.click('.mdc-toggle');
    assert.strictEqual(await page.textContent('.mdc-table-wrap caption'), 'Ánimo y dosis por día, del 1 ene 2026 al 31 mar 2026');
    assert.strictEqual(await page.textContent('.mdc-table-wrap tbody tr th'), '1 ene 2026');
    assert.deepStrictEqual(await page.$$eval('.mdc-strip-axis span', (ss) => ss.map((s) => s.textContent)), ['1 ene 2026', '31 mar 2026']);
    const cells = await page.$$eval('.mdc-strip .mdc-cell', (cs) => cs.map((c) => c.getAttribute('aria-label')!));
    assert.match(cells[0], /^Dizziness, 1 ene 2026: (sin registrar|ninguno|leve|moderada|grave)$/);
    const years = makeChartData({ from: '2021-01-01', days: 1826, steps: [20, 17.5, 15, 12.5, 10, 7.5, 5, 2.5], seed: 7 });
    await page.evaluate((d) => window.mdc.charts.update(d), years);
    assert.strictEqual(await page.textContent('.mdc-table-wrap tbody tr th'), 'Semana del 28 dic 2020');
    assert.match((await page.getAttribute('.mdc-timeline canvas', 'aria-label'))!, /^Ánimo y dosis del 1 ene 2021 al 31 dic 2025: .*a 17,5 mg/);
    assert.ok(!/\d{4}-\d{2}-\d{2}/.test(await page.locator('.mdc-charts').innerText()), 'no ISO date left in the words');
  });

  it('shows marker labels on hover as inert text: an HTML payload creates no element and runs nothing', async () => {
    const data = taper();
    data.markers.push({ date: '2026-02-15', kind: 'life-event', label: PAYLOAD }, { date: '2026-02-15', kind: 'life-event', label: '"><script>window.__x=2</script>' });
    data.symptoms[0].label = PAYLOAD;
    const page = await show(data);
    const far = await pointAt(page, data, '2026-01-05');
    await page.mouse.move(far.x, far.y);
    assert.strictEqual(await page.isHidden('.mdc-tooltip'), true, 'no tooltip away from markers');

    const at = await pointAt(page, data, '2026-02-15');
    await page.mouse.move(at.x + 3, at.y);
    await page.waitForSelector('.mdc-tooltip:not([hidden])');
    const items = await page.$$eval('.mdc-tooltip > div', (ds) => ds.map((d) => d.textContent));
    assert.deepStrictEqual(items, ['Feb 15, 2026', `Life event: ${PAYLOAD}`, 'Life event: "><script>window.__x=2</script>']);
    const day = await pointAt(page, data, '2026-01-20');
    await page.mouse.move(day.x, day.y);
    assert.strictEqual(await page.textContent('.mdc-timeline .u-legend .u-series:first-child .u-value'), 'Jan 20, 2026', 'the legend names the day under the cursor in words');

    const dose = await pointAt(page, data, '2026-01-31');
    await page.mouse.move(dose.x, dose.y);
    await page.waitForFunction(() => document.querySelector('.mdc-tooltip')!.textContent!.includes('Dose change: 20 → 15 mg'));

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.ok((await page.textContent('.mdc-table-wrap'))!.includes(`Life event: ${PAYLOAD}`), 'the data table lists the label as text');
    await page.waitForTimeout(300); // an injected onerror would have fired by now
    assert.deepStrictEqual(
      await page.evaluate(() => ({ imgs: document.querySelectorAll('img').length, scripts: document.querySelectorAll('#app script').length, x: window.__x })),
      { imgs: 0, scripts: 0, x: undefined }
    );
    assert.strictEqual(await page.locator('.mdc-strip-label').first().textContent(), PAYLOAD);
  });

  it('redraws with the new colours when the theme changes, and thicker lines in high contrast', async () => {
    const page = await show(taper());
    const blue = await pixels(page, [55, 148, 255]);
    assert.ok(blue > 100);
    assert.strictEqual(await pixels(page, [192, 0, 192]), 0);

    // What VS Code does: swap the body class and set the theme's variables.
    await page.evaluate(() => {
      document.body.className = 'vscode-light';
      document.body.style.setProperty('--vscode-charts-blue', '#c000c0');
    });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.mdc-charts')!.dataset.moodColor === '#c000c0');
    const magenta = await pixels(page, [192, 0, 192]);
    assert.ok(magenta > 100, `mood line redrawn in the new colour (${magenta} px)`);
    assert.strictEqual(await pixels(page, [55, 148, 255]), 0, 'the old colour is gone');
    assert.strictEqual(await page.getAttribute('.mdc-charts', 'data-line-width'), '2');

    await page.evaluate(() => (document.body.className = 'vscode-high-contrast'));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.mdc-charts')!.dataset.lineWidth === '3');
    const thick = await pixels(page, [192, 0, 192]);
    assert.ok(thick > magenta * 1.3, `thicker mood line in high contrast (${magenta} → ${thick} px)`);
  });

  it('opens the data table from the keyboard: daily rows for 90 days, weekly rows for 5 years', async () => {
    const page = await show(taper());
    const toggle = page.locator('.mdc-toggle');
    assert.strictEqual(await toggle.getAttribute('aria-expanded'), 'false');
    assert.strictEqual(await page.isHidden('.mdc-table-wrap'), true);
    await page.keyboard.press('Tab');
    assert.strictEqual(await page.evaluate(() => document.activeElement?.className), 'mdc-toggle');
    await page.keyboard.press('Enter');
    assert.strictEqual(await toggle.getAttribute('aria-expanded'), 'true');
    assert.strictEqual(await toggle.textContent(), 'Hide data table');
    assert.strictEqual(await page.isVisible('.mdc-table-wrap table'), true);
    assert.strictEqual(await page.textContent('.mdc-table-wrap caption'), 'Mood and dose by day, Jan 1, 2026 to Mar 31, 2026');
    assert.strictEqual(await page.locator('.mdc-table-wrap tbody tr').count(), 90);
    const firstCut = await page.$$eval('.mdc-table-wrap tbody tr', (trs) => trs.find((tr) => tr.firstElementChild!.textContent === 'Jan 31, 2026')!.lastElementChild!.textContent);
    assert.strictEqual(firstCut, 'Dose change: 20 → 15 mg');

    // Still open: a new range redraws it straight away.
    const years = makeChartData({ from: '2021-01-01', days: 1826, steps: [20, 17.5, 15, 12.5, 10, 7.5, 5, 2.5], seed: 7 });
    await page.evaluate((d) => window.mdc.charts.update(d), years);
    const weeks = new Set(years.days.map((d) => {
      const t = Date.parse(`${d.date}T00:00:00Z`);
      return t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000;
    })).size;
    assert.strictEqual(await page.locator('.mdc-table-wrap tbody tr').count(), weeks);
    assert.match((await page.textContent('.mdc-table-wrap tbody tr th'))!, /^Week of Dec 28, 2020$/);

    await page.keyboard.press('Tab');
    assert.strictEqual(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'region', 'the scrolling table is focusable');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    assert.strictEqual(await toggle.getAttribute('aria-expanded'), 'false');
    assert.strictEqual(await page.isHidden('.mdc-table-wrap'), true);
  });

  it('shows the empty state when the range holds no data, and recovers when data arrives', async () => {
    const none: ChartData = {
      from: '2026-01-01',
      to: '2026-01-03',
      unit: 'mg',
      markers: [],
      moodByDose: [],
      moodByDoseLeftOut: { noDose: 0, otherDose: 0, beforeFirstDose: 0 },
      symptoms: [],
      days: ['2026-01-01', '2026-01-02', '2026-01-03'].map((date) => ({ date, mean: null, min: null, max: null, n: 0, dose: null, taken: null, skipped: false }))
    };
    const page = await show(taper());
    await page.evaluate((d) => window.mdc.charts.update(d), none);
    assert.strictEqual(await page.textContent('.mdc-empty:not([hidden])'), 'No mood or dose recorded in this range yet.');
    assert.strictEqual(await page.locator('.mdc-timeline canvas').count(), 0);
    assert.strictEqual(await page.locator('.mdc-section:visible').count(), 0);
    await page.evaluate((d) => window.mdc.charts.update(d), { ...none, days: [] });
    assert.strictEqual(await page.isVisible('.mdc-empty'), true);
    await page.evaluate((d) => window.mdc.charts.update(d), taper());
    assert.strictEqual(await page.isHidden('.mdc-empty'), true);
    assert.strictEqual(await page.locator('.mdc-timeline canvas').count(), 1);
  });

  it('follows the panel width, and dispose() removes everything', async () => {
    const page = await show(taper());
    const width = () => page.$eval('.mdc-timeline canvas', (c) => c.clientWidth);
    const before = await width();
    await page.setViewportSize({ width: 600, height: 900 });
    await page.waitForFunction((w) => document.querySelector('.mdc-timeline canvas')!.clientWidth > w + 200, before);
    await page.evaluate(() => {
      document.getElementById('app')!.style.width = '300px';
      window.mdc.charts.resize();
    });
    assert.ok((await width()) <= 300);
    await page.evaluate(() => {
      window.mdc.charts.dispose();
      document.body.className = 'vscode-light'; // observers are gone: nothing may throw
    });
    assert.strictEqual(await page.locator('.mdc-charts').count(), 0);
  });
});
