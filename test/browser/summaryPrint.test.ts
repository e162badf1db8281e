// The HTML summary printed by headless Chromium (page.pdf) at US Letter and at A4: every page-1 item
// is on the first printed page, and the appendix starts on the second; read back with a PDF parser.
import * as assert from 'assert';
import type { Browser } from 'playwright-core';
import { summaryDoc } from '../../src/core/summary/doc';
import { htmlOf } from '../../src/core/summary/render';
import { assertInOrder, demoSummary, heavySummary, page1Items, page1ItemsEs } from '../fixtures/page1';
import { SPANISH } from '../fixtures/spanish';
import { flat, readPdf } from '../fixtures/pdfText';
import { launchChromium } from '../../tools/browser/chromium';

describe('Summary HTML printed by Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  for (const [name, make] of [
    ['demo data', demoSummary],
    ['a heavy year', heavySummary]
  ] as const) {
    for (const format of ['Letter', 'A4'] as const) {
      it(`has every page-1 item on the first page (${name}, ${format})`, async () => {
        const s = make();
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        try {
          await page.setContent(htmlOf(summaryDoc(s)), { waitUntil: 'load' });
          const { pages } = await readPdf(await page.pdf({ format }));
          assertInOrder(flat(pages[0]), page1Items(s), `${name} ${format}`);
          assert.ok(!flat(pages[0]).includes('Appendix'), 'the appendix is not on page 1');
          assert.ok(flat(pages[1]).startsWith('Appendix'), `page 2 opens the appendix: ${flat(pages[1]).slice(0, 80)}`);
          assert.deepStrictEqual(problems, [], 'no CSP refusals or errors');
        } finally {
          await page.close();
        }
      });

      it(`has every page-1 item on the first page in Spanish (${name}, ${format})`, async () => {
        const s = make();
        const page = await browser.newPage();
        try {
          await page.setContent(htmlOf(summaryDoc(s, {}, 'print', SPANISH)), { waitUntil: 'load' });
          const { pages } = await readPdf(await page.pdf({ format }));
          assertInOrder(flat(pages[0]), page1ItemsEs(s), `${name} ${format} (es)`);
          assert.ok(!flat(pages[0]).includes('Apéndice'), 'the appendix is not on page 1');
          assert.ok(flat(pages[1]).startsWith('Apéndice'), `page 2 opens the appendix: ${flat(pages[1]).slice(0, 80)}`);
        } finally {
          await page.close();
        }
      });
    }
  }
});
