// Non-text contrast (WCAG 1.4.11): every year-in-pixels step and every chart mark stands at least
// 3:1 against the page behind it, in Light+, Dark+ and High Contrast with their real colours. The
// colours are the browser's own computed values, with the element's and its ancestors' opacity,
// composited over the background as drawn.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { THEMES } from '../../tools/browser/themes';
import { installContrast, type InPageContrast } from './contrastInPage';
import { showSection } from './dashboardHooks';
import { pagePerTest } from './themedPages';

/** Contrast of each named mark against the page background, measured in the page. */
async function contrasts(page: Page, marks: Record<string, string>): Promise<Record<string, number>> {
  await installContrast(page);
  return page.evaluate((marks) => {
    const { rgba, over, background, against } = (window as unknown as { __contrast: InPageContrast }).__contrast;
    const back = background();
    const out: Record<string, number> = {};
    for (const [name, spec] of Object.entries(marks)) {
      const [selector, property] = spec.split('|');
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no ${selector}`);
      const drawn = rgba(getComputedStyle(el).getPropertyValue(property));
      // A mark faded with `opacity` is drawn fainter than its colour says.
      for (let e: Element | null = el; e; e = e.parentElement) drawn[3] *= parseFloat(getComputedStyle(e).opacity);
      out[name] = Math.round(against(over(drawn, back)) * 100) / 100;
    }
    return out;
  }, marks);
}

describe('Non-text contrast of the marks, in three themes (headless Chromium)', function () {
  this.timeout(120_000);
  const open = pagePerTest();

  for (const theme of THEMES) {
    it(`keeps every symptom heat-strip step, and the strip's frame, at 3:1 or more in ${theme}`, async () => {
      const opened = await open(theme, { demo: true });
      const page = opened.panel.page;
      await page.click('vscode-tab-header[data-tab=charts]');
      await page.waitForSelector('vscode-tab-panel:not([hidden]) .mdc-strip .mdc-cell');
      const marks: Record<string, string> = {
        'strip frame': '.mdc-strip-cells|border-top-color',
        'not recorded key': '.mdc-legend .mdc-sev-none|border-top-color'
      };
      for (let i = 0; i < 4; i++) marks[`severity ${i}`] = `.mdc-legend .mdc-sev-${i}|background-color`;
      // The cells themselves, not only the key: one of each severity the demo journal holds.
      const shown = await page.$$eval('.mdc-strip .mdc-cell', (cells) => [...new Set(cells.map((c) => /mdc-sev-(\d)/.exec(c.className)?.[1]).filter(Boolean))]);
      assert.ok(shown.length >= 2, `the demo shows several severities: ${shown.join()}`);
      for (const i of shown) marks[`cell of severity ${i}`] = `.mdc-strip .mdc-sev-${i}|background-color`;
      const found = await contrasts(page, marks);
      const low = Object.entries(found).filter(([, ratio]) => ratio < 3);
      assert.deepStrictEqual(low, [], `below 3:1 in ${theme}: ${JSON.stringify(found)}`);
      // Worse reads stronger: each step stands further from the page than the one before.
      const steps = [0, 1, 2, 3].map((i) => found[`severity ${i}`]);
      for (let i = 1; i < 4; i++) assert.ok(steps[i] > steps[i - 1] + 0.4, `severity ${i} stands out more than ${i - 1} in ${theme}: ${steps.join(', ')}`);
    });

    it(`keeps every year-in-pixels step, marker, day-by-day symptom cell and association bar at 3:1 or more in ${theme}`, async () => {
      const opened = await open(theme, { demo: true, dashboard: true });
      const page = opened.panel.page;
      await page.waitForSelector('#timeline-host canvas');
      const marks: Record<string, string> = {
        'dose-change marker': '.mdc-marker-tick:not(.mdc-life-event)|border-bottom-color',
        'life-event marker': '.mdc-marker-tick.mdc-life-event|border-bottom-color'
      };
      const found = await contrasts(page, marks);
      await showSection(page, 'Year in pixels');
      const steps: Record<string, string> = {};
      for (let i = 0; i < 5; i++) steps[`year step ${i}`] = `.dash-legend .ypx-bin-${i}|background-color`;
      Object.assign(found, await contrasts(page, steps));
      await showSection(page, 'Days after each dose change');
      await page.waitForSelector('.dash-day-cells .mdc-cell');
      const severities = await page.$$eval('.dash-day-cells .mdc-cell', (cells) => [...new Set(cells.map((c) => /mdc-sev-(\d)/.exec(c.className)?.[1]).filter(Boolean))]);
      const days: Record<string, string> = { 'day-by-day frame': '.dash-day-cells|border-top-color' };
      for (const i of severities) days[`day of severity ${i}`] = `.dash-day-cells .mdc-sev-${i}|background-color`;
      Object.assign(found, await contrasts(page, days));
      await showSection(page, 'What goes with better days');
      Object.assign(found, await contrasts(page, { 'bar above': '.dash-assoc-fill.above|background-color', 'bar below': '.dash-assoc-fill.below|background-color' }));
      const low = Object.entries(found).filter(([, ratio]) => ratio < 3);
      assert.deepStrictEqual(low, [], `below 3:1 in ${theme}: ${JSON.stringify(found)}`);
    });
  }
});
