// The panel at the side bar's default width (300 px): every table fits, and no text is cut without
// its full form on the element for a screen reader. Demo journal, real handlers.
import * as assert from 'assert';
import { pagePerTest } from './themedPages';

const TABS = ['journal', 'charts', 'plan', 'checkups'];

describe('The panel at the side bar default width (headless Chromium)', function () {
  this.timeout(60_000);
  const open = pagePerTest();

  it('fits every table of every tab in 300 px, and cuts no text without its full form', async () => {
    const opened = await open('dark', { demo: true });
    const page = opened.panel.page;
    await page.waitForSelector('#save');
    const problems: string[] = [];
    let tables = 0;
    for (const tab of TABS) {
      await page.click(`vscode-tab-header[data-tab=${tab}]`);
      await page.waitForTimeout(600);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const panel = document.querySelector('vscode-tab-panel:not([hidden])')!;
        const room = panel.getBoundingClientRect().right;
        const shown = [...panel.querySelectorAll('table')].filter((t) => t.getClientRects().length && !t.closest('[hidden]'));
        for (const table of shown) {
          const right = table.getBoundingClientRect().right;
          if (right > room + 0.5) out.push(`a table (${table.querySelector('caption')?.textContent}) ends at ${right} px, past the panel's ${room} px`);
          for (const cell of table.querySelectorAll<HTMLElement>('th, td')) {
            if (cell.scrollWidth > cell.clientWidth + 1) out.push(`"${cell.textContent}" is wider than its cell`);
          }
        }
        // Text cut with an ellipsis (or clipped) must carry its full form for a screen reader.
        for (const el of panel.querySelectorAll<HTMLElement>('*')) {
          const css = getComputedStyle(el);
          const cut = css.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1 && (el.textContent ?? '').trim();
          if (cut && !el.title && !el.getAttribute('aria-label') && !el.closest('.mdc-table-wrap, .visually-hidden')) out.push(`"${el.textContent!.trim().slice(0, 40)}" is cut (${el.tagName.toLowerCase()}.${el.className})`);
        }
        return { out, tables: shown.length };
      });
      problems.push(...found.out.map((p) => `${tab}: ${p}`));
      tables += found.tables;
    }
    assert.ok(tables >= 2, `tables were checked (${tables})`);
    assert.deepStrictEqual(problems, []);
  });
});
