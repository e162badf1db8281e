// The dashboard on the dose-day model (src/core/doseDays.ts), over a real journal: days skipped only,
// not logged and at another dose for one day read as such on the timeline, in its words and tables,
// in the steps and in the days after a change; the timeline opens on the logged journal and counts
// from its first logged day; another medication recalled is named and kept off the mg axis.
import * as assert from 'assert';
import { buildCheckIn, type Clock, type DoseInput } from '../../src/core/entries';
import { buildRecalledPeriod, type RecalledInput } from '../../src/core/recalled';
import type { Op } from '../../src/core/schemas';
import { addDays, instantOf } from '../../src/core/time';
import { NOW, showSection, textOf, useDashboardPages } from './dashboardHooks';

const zone = 'UTC';

/**
 * June 2026, a check-in every day: 10 mg from 06-01 (the first dose logged, so the step began "by"
 * then), 15 mg on 06-05 only, a skipped dose on 06-07, no dose on 06-08; "changed to 7.5 mg" on
 * 06-10, a skipped dose on 06-13, no dose on 06-15; "changed to 5 mg" on 06-20.
 */
function june(): Op[] {
  const ops: Op[] = [];
  for (let d = 0; d < 30; d++) {
    const date = addDays('2026-06-01', d);
    const clock: Clock = { now: () => instantOf(date, 9, 0, zone), zone: () => zone };
    const step = date >= '2026-06-20' ? 5 : date >= '2026-06-10' ? 7.5 : 10;
    const dose: DoseInput | null =
      date === '2026-06-08' || date === '2026-06-15'
        ? null
        : date === '2026-06-07' || date === '2026-06-13'
          ? { mg: step, status: 'skipped', medication: 'Escitalopram' }
          : date === '2026-06-05'
            ? { mg: 15, status: 'taken', medication: 'Escitalopram' }
            : { mg: step, status: date === '2026-06-10' || date === '2026-06-20' ? 'changed' : 'taken', medication: 'Escitalopram' };
    ops.push(...buildCheckIn({ mood: 4 + (d % 4), dose }, clock).ops);
  }
  return ops;
}

function recalled(input: Omit<RecalledInput, 'context' | 'mood' | 'certainty'>): Op {
  return { table: 'recalled_periods', row: buildRecalledPeriod({ ...input, context: '', mood: null, certainty: null }, undefined, Date.parse(NOW)) };
}

describe('Dashboard: the record, exactly (headless Chromium, real handlers)', function () {
  this.timeout(60_000);
  const pages = useDashboardPages();

  it('shows days skipped only, not logged and at another dose for one day as such, and a one-day dose as no change', async () => {
    await pages.journal(june());
    const page = await pages.open();
    assert.strictEqual(
      await textOf(page, '.dash-range'),
      'From Jun 1, 2026 to Jun 30, 2026: 30 of 30 days with a check-in; mean of the daily means 5.4; dose steps: 10 mg, 7.5 mg, 5 mg; 2 days with only a skipped dose; 2 days with no dose logged; 1 day at another dose than the step; 2 dose changes and 0 life events marked.'
    );
    const label = (await page.getAttribute('#timeline-host canvas', 'aria-label'))!;
    assert.match(label, /The dose line is dotted across 2 days with only a skipped dose and 2 days with no dose logged\. 1 day at another dose than the step, marked at the dose taken\./);
    // The one day at 15 mg is no change: the marker list has the two recorded changes only.
    const markers = await page.$$eval('.mdc-marker-keys [role=option]', (os) => os.map((o) => o.getAttribute('aria-label')));
    assert.deepStrictEqual(markers, ['Jun 10, 2026: Dose change: 10 → 7.5 mg', 'Jun 20, 2026: Dose change: 7.5 → 5 mg']);
    const legend = await page.$$eval('#timeline-host .u-legend th', (ths) => ths.map((t) => t.textContent));
    assert.ok(legend.includes('No dose taken (skipped or not logged)') && legend.includes('Another dose that day'), `legend: ${legend}`);

    await page.click('#timeline-table-toggle');
    const dose = await page.$$eval('#timeline-table tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.firstElementChild!.textContent, tr.children[4].textContent])));
    assert.deepStrictEqual(
      ['Jun 4, 2026', 'Jun 5, 2026', 'Jun 7, 2026', 'Jun 8, 2026', 'Jun 10, 2026'].map((d) => dose[d]),
      ['10 mg', '15 mg (one day, step 10 mg)', 'skipped', 'not logged', '7.5 mg']
    );

    await showSection(page, 'Days after each dose change');
    assert.deepStrictEqual(await page.$$eval('#change-pick option', (os) => os.map((o) => o.textContent)), ['Jun 20, 2026: 7.5 → 5 mg', 'Jun 10, 2026: 10 → 7.5 mg']);
  });

  it('says where the days after a change stop, and names the days without a dose taken', async () => {
    await pages.journal(june());
    const page = await pages.open({ section: 'afterChange', range: { preset: 'journal' }, change: '2026-06-10' });
    await page.waitForSelector('#change-chart canvas');
    assert.strictEqual(
      await textOf(page, 'vscode-tab-panel:not([hidden]) .dash-section > p'),
      'Day 0 is Jun 10, 2026, the first day logged at 7.5 mg (from 10 mg), recorded as a change. Shown to day 9 (Jun 19, 2026), the day before the next change.'
    );
    const facts = await page.$$eval('.dash-facts li', (ls) => ls.map((l) => l.textContent!));
    assert.match(facts[0], /^Mood, days 0–9: median \d\.\d \(IQR \d\.\d–\d\.\d, n = 10\)\.$/, 'the window stops at day 9, and says so');
    assert.ok(!facts.some((f) => /day 15/.test(f)), 'no day-15 line when the window stops before it');
    assert.ok(facts.includes('Only a skipped dose was logged on day 3.'), facts.join(' | '));
    assert.ok(facts.includes('No dose was logged on day 5.'), facts.join(' | '));
    await page.click('[aria-controls=change-table]');
    const rows = await page.$$eval('#change-table tbody tr', (trs) => trs.map((tr) => [tr.firstElementChild!.textContent, tr.lastElementChild!.textContent]));
    assert.deepStrictEqual(rows.filter(([day]) => ['0', '3', '5'].includes(day!)), [
      ['0', 'taken'],
      ['3', 'skipped'],
      ['5', 'not logged']
    ]);
  });

  it('shows each step from its day 0, or "by" the first dose logged, with its days skipped and not logged', async () => {
    await pages.journal(june());
    const page = await pages.open({ section: 'steps', range: { preset: 'journal' } });
    const rows = await page.$$eval('.dash-steps tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepStrictEqual(
      rows.map((r) => [r[0], r[1], r[2], r[9]]),
      [
        ['10 mg', 'by 2026-06-01', '9 (9)', '1 / 1'],
        ['7.5 mg', '2026-06-10', '10 (10)', '1 / 1'],
        ['5 mg', '2026-06-20', '11 (11)', '0 / 0']
      ]
    );
    assert.strictEqual(rows[0][6], 'n/a', 'days 0–14 of a step whose start the log does not show');
    assert.match(await textOf(page, 'vscode-tab-panel:not([hidden]) .dash-section > p'), /^3 dose steps from Jun 1, 2026 to Jun 30, 2026\. Day 0 of a step is the first day at that dose in the log; "by" a date where the log does not show it\./);
  });

  it('opens on the logged journal, keeps "All" one click away, and keeps the choice for a reload', async () => {
    await pages.demo();
    let page = await pages.open();
    const pressed = (p: typeof page) => p.$$eval('[data-preset][aria-pressed=true]', (bs) => bs.map((b) => (b as HTMLElement).dataset.preset));
    assert.deepStrictEqual(await pressed(page), ['journal']);
    assert.match(await textOf(page, '.dash-range'), /^From Apr 2, 2026 to Jun 30, 2026: 90 of 90 days with a check-in; /);
    assert.doesNotMatch(await textOf(page, '.dash-range'), /recalled/, 'the recalled year is not in view');
    await page.click('[data-preset="all"]');
    assert.deepStrictEqual(await pressed(page), ['all']);
    assert.match(await textOf(page, '.dash-range'), /^From Apr 1, 2025 to Jun 30, 2026: /);
    let saved = await page.evaluate(() => (window as unknown as { __savedState: unknown }).__savedState);
    assert.deepStrictEqual(saved, { section: 'timeline', range: { preset: 'all' } });

    await pages.closeDashboard();
    page = await pages.open(saved);
    assert.deepStrictEqual(await pressed(page), ['all'], 'a reload keeps "All"');
    assert.match(await textOf(page, '.dash-range'), /^From Apr 1, 2025 to Jun 30, 2026: /);
    await page.click('[data-preset="journal"]');
    saved = await page.evaluate(() => (window as unknown as { __savedState: unknown }).__savedState);
    assert.deepStrictEqual(saved, { section: 'timeline', range: { preset: 'journal' } });

    // A kept range this version does not know (an older one's) falls back to the logged journal.
    await pages.closeDashboard();
    page = await pages.open({ section: 'timeline', range: { preset: 'forever' } });
    assert.deepStrictEqual(await pressed(page), ['journal']);
    assert.match(await textOf(page, '.dash-range'), /^From Apr 2, 2026 to Jun 30, 2026: /);
  });

  it('counts days without a check-in from the first logged day, and names the recalled periods apart', async () => {
    await pages.demo();
    let page = await pages.open({ section: 'timeline', range: { preset: '365' } });
    assert.match(
      await textOf(page, '.dash-range'),
      /^From Jul 1, 2025 to Jun 30, 2026: 90 of 90 days with a check-in from the first logged day, Apr 2, 2026; .*; 3 periods of medication history as recalled, hatched and not counted\.$/
    );
    await pages.closeDashboard();
    page = await pages.open({ section: 'timeline', range: { preset: null, from: '2025-08-01', to: '2025-12-31' } });
    assert.strictEqual(await textOf(page, '.dash-range'), 'From Aug 1, 2025 to Dec 31, 2025: before the first logged day (Apr 2, 2026); 1 period of medication history as recalled, hatched and not counted.');
  });

  it('names a recalled period of another medication and keeps it off the mg axis', async () => {
    await pages.journal([
      ...june(),
      recalled({ medication: 'Sertraline', startDate: '2026-01', endDate: '2026-03', mg: 50 }),
      recalled({ medication: 'escitalopram ', startDate: '2026-04', endDate: '2026-05', mg: 20 })
    ]);
    const page = await pages.open({ section: 'timeline', range: { preset: 'all' } });
    // The logged doses reach 15 mg, the recalled escitalopram 20 mg: the axis tops out above 20, not 50.
    assert.strictEqual(await page.getAttribute('#timeline-host', 'data-dose-axis-max'), '23');
    assert.ok(await page.isVisible('.mdc-recalled-other'));
    assert.strictEqual(
      await textOf(page, '.mdc-recalled-other'),
      'Another medication, as recalled: Sertraline 50 mg (Jan 2026 to Mar 2026). Grey hatch, named on the chart; not drawn on the dose axis.'
    );
  });
});
