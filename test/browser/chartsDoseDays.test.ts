// The Charts tab's dose on the dose-day model (src/core/doseDays.ts): the step line solid on days a
// dose was taken and dotted across days with only a skipped dose or nothing logged, a mark at what
// was taken on a one-day deviation, the same in the data table's words, and mood by dose with its n
// and the days it leaves out.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import type { ChartData } from '../../src/webviews/shared/views';
import { openCharts, timelinePointAt as pointAt } from '../../tools/browser/chartsPage';
import { makeChartData, withDoseDays } from '../../tools/browser/sampleChartData';
import { useChartsPages } from './chartsHooks';

/** 20 mg in January, 15 in February, 10 in March; changes on 01-31 and 03-02. */
const taper = () => makeChartData({ from: '2026-01-01', days: 90, steps: [20, 15, 10] });
const ORANGE: [number, number, number] = [209, 134, 22];
const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

/** Pixels near a colour on the timeline canvas within a box of page coordinates (antialiased dots count too). */
function near(page: Page, rgb: [number, number, number], box: { x0: number; x1: number; y0?: number; y1?: number }): Promise<number> {
  return page.evaluate(
    ([[r, g, b], { x0, x1, y0, y1 }]) => {
      const c = document.querySelector<HTMLCanvasElement>('.mdc-timeline canvas')!;
      const rect = c.getBoundingClientRect();
      const sx = c.width / rect.width;
      const sy = c.height / rect.height;
      const left = Math.round((x0 - rect.left) * sx);
      const top = y0 === undefined ? 0 : Math.max(0, Math.round((y0 - rect.top) * sy));
      const bottom = y1 === undefined ? c.height : Math.min(c.height, Math.round((y1 - rect.top) * sy));
      const d = c.getContext('2d')!.getImageData(left, top, Math.round((x1 - x0) * sx), bottom - top).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 60 && d[i + 3] > 200) n++;
      return n;
    },
    [rgb, box] as const
  );
}

/** The page y of a dose on the plot, from the axis the canvas was drawn with. */
async function doseY(page: Page, mg: number): Promise<number> {
  const top = Number(await page.getAttribute('.mdc-timeline', 'data-dose-axis-max'));
  const box = (await page.$('.mdc-timeline .u-over'))!.boundingBox();
  const b = (await box)!;
  return b.y + b.height * (1 - mg / top);
}

describe('Charts: each day as logged (headless Chromium)', function () {
  this.timeout(30_000);
  const pages = useChartsPages();

  async function show(data: ChartData): Promise<Page> {
    const cp = (pages.current = await openCharts({ width: 720, height: 900 }));
    await cp.page.evaluate((d) => window.mdc.charts.update(d), data);
    return cp.page;
  }

  /** Dose-coloured pixels from the start of one day to the start of another, in a band around the step's height. */
  async function doseInk(page: Page, data: ChartData, from: string, to: string, mg: number): Promise<number> {
    const a = await pointAt(page, data, from);
    const b = await pointAt(page, data, to);
    const y = await doseY(page, mg);
    return near(page, ORANGE, { x0: a.x + 2, x1: b.x - 2, y0: y - 4, y1: y + 4 });
  }

  it('draws the step solid on days taken and dotted across days skipped only or not logged, with a legend entry, in high contrast too', async () => {
    // Mid-March, where the mood line runs well above the 10 mg step and never crosses it.
    const data = withDoseDays(taper(), { skipped: days('2026-03-14', 3), notLogged: days('2026-03-17', 3) });
    const page = await show(data);
    const solid = await doseInk(page, data, '2026-03-22', '2026-03-28', 10);
    const dotted = await doseInk(page, data, '2026-03-14', '2026-03-20', 10);
    assert.ok(solid > 20, `the step is drawn on days taken (${solid} px)`);
    assert.ok(dotted > 0 && dotted < solid * 0.8, `dotted across the days without a dose taken: ${dotted} px against ${solid} px solid`);

    const legend = await page.$$eval('.mdc-timeline .u-legend th', (ths) => ths.map((t) => ({ text: t.textContent, style: getComputedStyle(t.querySelector('.u-marker')!).borderTopStyle })));
    assert.deepStrictEqual(
      legend.filter((l) => /dose/i.test(l.text ?? '')),
      [
        { text: 'Dose taken', style: 'solid' },
        { text: 'No dose taken (skipped or not logged)', style: 'dotted' },
        { text: 'Another dose that day', style: 'solid' }
      ]
    );
    assert.match((await page.getAttribute('.mdc-timeline canvas', 'aria-label'))!, /The dose line is dotted across 3 days with only a skipped dose and 3 days with no dose logged\.$/);

    await page.evaluate(() => (document.body.className = 'vscode-high-contrast'));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.mdc-charts')!.dataset.lineWidth === '3');
    const hcSolid = await doseInk(page, data, '2026-03-22', '2026-03-28', 10);
    const hcDotted = await doseInk(page, data, '2026-03-14', '2026-03-20', 10);
    assert.ok(hcDotted > dotted && hcDotted < hcSolid * 0.8, `still dotted, and thicker, in high contrast: ${hcDotted} px against ${hcSolid} px solid (before: ${dotted} against ${solid})`);
  });

  it('marks what was taken on a day at another dose, on that day only, and keeps the step', async () => {
    const data = withDoseDays(taper(), { other: { '2026-01-20': 25 } });
    const page = await show(data);
    const a = await pointAt(page, data, '2026-01-20');
    const b = await pointAt(page, data, '2026-01-21');
    const y25 = await doseY(page, 25);
    assert.ok((await near(page, ORANGE, { x0: a.x - 2, x1: b.x + 2, y0: y25 - 3, y1: y25 + 3 })) > 6, 'a mark at 25 mg on 01-20');
    const c = await pointAt(page, data, '2026-01-24');
    assert.strictEqual(await near(page, ORANGE, { x0: c.x - 20, x1: c.x + 20, y0: y25 - 3, y1: y25 + 3 }), 0, 'nothing at 25 mg on the days around it');
    assert.ok((await doseInk(page, data, '2026-01-18', '2026-01-23', 20)) > 20, 'the 20 mg step runs on through it');
    assert.match((await page.getAttribute('.mdc-timeline canvas', 'aria-label'))!, /\. 1 day at another dose than the step, marked at the dose taken\.$/);
  });

  it('says each day\'s dose in the data table: taken, one day at another dose, skipped, not logged', async () => {
    const data = withDoseDays(taper(), { skipped: ['2026-01-10'], notLogged: ['2026-01-11'], other: { '2026-02-10': 20 } });
    const page = await show(data);
    await page.click('.mdc-toggle');
    const dose = await page.$$eval('.mdc-table-wrap tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.firstElementChild!.textContent, tr.children[3].textContent])));
    assert.deepStrictEqual(
      ['Jan 9, 2026', 'Jan 10, 2026', 'Jan 11, 2026', 'Feb 9, 2026', 'Feb 10, 2026'].map((d) => dose[d]),
      ['20 mg', 'skipped', 'not logged', '15 mg', '20 mg (one day, step 15 mg)']
    );
    // Weekly rows over years: a week's steps, and how its days divide when not every one was taken.
    const years = withDoseDays(makeChartData({ from: '2021-01-04', days: 800, steps: [20, 10] }), { skipped: ['2021-01-05'], notLogged: ['2021-01-06', '2021-01-07'] });
    await page.evaluate((d) => window.mdc.charts.update(d), years);
    assert.deepStrictEqual(
      await page.$$eval('.mdc-table-wrap tbody tr', (trs) => trs.slice(0, 2).map((tr) => tr.children[3].textContent)),
      ['step 20 mg; taken on 4 of 7 days; 1 skipped; 2 not logged', '20 mg']
    );
  });

  it('gives mood by dose level its n and names the days it leaves out', async () => {
    const data = withDoseDays(taper(), { skipped: days('2026-01-05', 4), notLogged: days('2026-02-05', 4), other: { '2026-03-15': 15 } });
    const n = data.moodByDose.reduce((sum, r) => sum + r.days, 0);
    const { noDose, otherDose } = data.moodByDoseLeftOut;
    assert.ok(noDose > 0 && otherDose + noDose > 1, 'the sample has days left out');
    const page = await show(data);
    const words = await page.textContent('.mdc-dose .mdc-dose-n');
    const other = otherDose ? `; ${otherDose} more at another dose for one day` : '';
    assert.strictEqual(words, `n = ${n} days; ${noDose} more with no dose taken${other}. A day counts at a dose when it has a check-in and a dose was taken that day at the step in force.`);
    // The table's days add up to n.
    const cells = await page.$$eval('.mdc-dose tbody tr', (trs) => trs.map((tr) => Number(tr.children[2].textContent)));
    assert.strictEqual(cells.reduce((a, b) => a + b, 0), n);
  });
});
