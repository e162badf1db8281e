// The dashboard (dist/dashboard.js) in headless Chromium behind VS Code's CSP, talking to a real
// journal: the panel's own handlers over a JournalStore in a temp folder, answered through the same
// dispatch (and result validation) as the extension host (dashboardHooks.ts). Demo data, an empty
// journal, and hostile text in tags and event titles.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { buildCheckIn, buildLifeEvent, type Clock } from '../../src/core/entries';
import { instantOf } from '../../src/core/time';
import { showSection as section, TODAY, useDashboardPages } from './dashboardHooks';

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
/** A tag holds at most 40 characters. */
const TAG_XSS = '<img src=x onerror="window.__pwned=3">';
const SECTIONS = ['Timeline', 'Days after each dose change', 'Each dose step side by side', 'Year in pixels', 'What goes with better days'];
/** Words that would claim a cause or draw a verdict; association wording uses none of them. */
const CAUSAL = /\b(caus\w*|because|due to|leads? to|results? in|effect of|makes? you|helps?|improv\w*|worse\w*|withdrawal|relapse)\b/i;

describe('Dashboard (headless Chromium, real handlers)', function () {
  this.timeout(60_000);
  const pages = useDashboardPages();
  const { journal, demo, open } = pages;

  const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  it('shows all five sections of the demo journal, each with a heading, a text alternative and a data table, at 1280 × 800 without horizontal scrolling', async () => {
    await demo();
    const page = await open();
    assert.deepStrictEqual(await page.$$eval('vscode-tab-header', (hs) => hs.map((h) => h.textContent!.trim())), SECTIONS);
    assert.match(await text(page, '.dash-subtitle'), /^The whole journal, Apr \d, 2026 to Jun 30, 2026: \d+ of \d+ days with a check-in\.$/);
    assert.match(await text(page, '.dash-recalled'), /^Before it, medication history as recalled, from [A-Z][a-z]{2} 2025: hatched on the timeline, and not counted in any figure\.$/);

    // Timeline: the canvas has a text alternative, the range is in words, markers are listed, the table has the median and plan columns.
    assert.match((await page.getAttribute('#timeline-host canvas', 'aria-label'))!, /\S/);
    // It opens on the logged journal; "All" reaches back to the recalled year, and says so.
    assert.match(await text(page, '.dash-range'), /^From Apr \d, 2026 to Jun 30, 2026: \d+ of \d+ days with a check-in; mean of the daily means \d\.\d; dose steps: 20 mg, 15 mg, 10 mg; 2 days with only a skipped dose; 2 dose changes and \d+ life events marked\.$/);
    await page.click('[data-preset="all"]');
    assert.match(await text(page, '.dash-range'), /days with a check-in from the first logged day, Apr \d, 2026; mean of the daily means \d\.\d; dose steps: 20 mg, 15 mg, 10 mg; 2 days with only a skipped dose; 2 dose changes and \d+ life events marked; 4 periods of medication history as recalled, hatched and not counted\./);
    assert.ok((await page.$$('.mdc-marker-keys [role=option]')).length >= 4, 'dose changes and life events are listed for the keyboard');
    assert.ok(await page.isVisible('.mdc-recalled-legend'), 'the hatched band has its key');
    await page.click('#timeline-table-toggle');
    assert.deepStrictEqual(await page.$$eval('#timeline-table th[scope=col]', (hs) => hs.map((h) => h.textContent)), ['Week', 'Mean mood', 'Lowest–highest', '7-day median', 'Dose', 'Planned dose', 'Events']);
    // The whole journal, with the recalled year before it, is more days than a daily table holds.
    assert.match(await text(page, '#timeline-table caption'), /^Mood and dose by week, [A-Z][a-z]{2} 1, 2025 to Jun 30, 2026$/);
    assert.ok(await noHorizontalScroll(page), 'timeline: no horizontal scrolling');

    // Days after each dose change: the latest change by default, its words, chart and table.
    await section(page, 'Days after each dose change');
    await page.waitForSelector('#change-chart canvas');
    assert.deepStrictEqual(await page.$$eval('#change-pick option', (os) => os.map((o) => o.textContent!.replace(/^[A-Z][a-z]{2} \d{1,2}, \d{4}: /, ''))), ['15 → 10 mg', '20 → 15 mg']);
    assert.match((await page.getAttribute('#change-chart canvas', 'aria-label'))!, /^Daily mean mood from day −14 to day \d+ around the change on/);
    const courses = await page.$$eval('.dash-course', (ps) => ps.map((p) => p.textContent!));
    assert.ok(courses.length > 0, 'symptoms after the change are listed');
    for (const c of courses) assert.match(c, /^[\w ]+: first logged day \d+, peak day \d+ \((mild|moderate|severe)\), last logged day \d+; logged on \d+ of the days shown\./);
    await page.click('[aria-controls=change-table]');
    assert.strictEqual(await page.$$eval('#change-table tbody tr', (rs) => rs.length), 14 + 29, '14 days before and days 0–28');
    assert.doesNotMatch(await text(page, 'vscode-tab-panel:not([hidden])'), CAUSAL);
    assert.ok(await noHorizontalScroll(page), 'changes: no horizontal scrolling');
    // Picking the other change by keyboard loads it.
    await page.focus('#change-pick');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => /from 20 mg/.test(document.querySelector('vscode-tab-panel:not([hidden]) p')?.textContent ?? ''));

    // Each dose step side by side: the summary's columns, one row per step.
    await section(page, 'Each dose step side by side');
    assert.deepStrictEqual(await page.$$eval('.dash-steps th[scope=row]', (hs) => hs.map((h) => h.textContent)), ['20 mg', '15 mg', '10 mg']);
    assert.strictEqual((await page.$$('.dash-steps thead th')).length, 11);
    assert.ok(await noHorizontalScroll(page), 'steps: no horizontal scrolling');

    // Year in pixels: a grid with a cell per day of 2026, a legend, a summary in words.
    await section(page, 'Year in pixels');
    assert.strictEqual(await page.$$eval('[role=grid] [role=gridcell]', (cs) => cs.length), 365);
    assert.match(await text(page, '#year-summary'), /^2026: \d+ of 365 days with a check-in\. Days by mean mood: /);
    assert.strictEqual((await page.$$('.dash-legend li')).length, 6, 'five mood steps and "no check-in"');
    assert.ok(await noHorizontalScroll(page), 'year: no horizontal scrolling');

    // What goes with better days: association wording, sorted by the size of the difference, and the caveat.
    await section(page, 'What goes with better days');
    const lines = await page.$$eval('.dash-assoc-text', (ls) => ls.map((l) => l.textContent!.trim()));
    assert.ok(lines.length >= 2, 'work and exercise have enough days');
    for (const line of lines) {
      assert.match(line, /^Days (tagged #[\w-]+|with [\w ]+ logged): mean \d+\.\d \(n = \d+\)\. Other days: \d+\.\d \(n = \d+\)\. Difference [+−]?\d+\.\d\.$/);
      assert.doesNotMatch(line, CAUSAL);
    }
    const sizes = lines.map((l) => Math.abs(Number(/Difference ([+−]?[\d.]+)/.exec(l)![1].replace('−', '-'))));
    assert.deepStrictEqual(sizes, [...sizes].sort((a, b) => b - a), 'largest differences first');
    assert.strictEqual((await text(page, '.dash-caveat')).trim(), 'These are associations in your own records, not cause and effect: other things can differ between these days.');
    await page.click('[aria-controls=assoc-table]');
    assert.strictEqual(await page.$$eval('#assoc-table tbody tr', (rs) => rs.length), lines.length);
    assert.ok(await noHorizontalScroll(page), 'associations: no horizontal scrolling');
  });

  it('puts the symptom cell for day d exactly under day d of the chart above it', async () => {
    await demo();
    const page = await open({ section: 'afterChange', range: { preset: 'all' } });
    await page.waitForSelector('#change-chart canvas');
    await page.waitForSelector('.dash-day-cells');
    // Where the chart puts each day, from uPlot itself: point at the plot one pixel at a time and
    // read the day its legend shows (the nearest day on its x scale); day d lies halfway between
    // the pixels where the legend turns from d − 1 to d and from d to d + 1.
    const m = await page.evaluate(() => {
      const over = document.querySelector<HTMLElement>('#change-chart .u-over')!;
      const value = document.querySelector('#change-chart .u-legend .u-series:first-child .u-value')!;
      const box = over.getBoundingClientRect();
      const turns = new Map<number, number>();
      let last: number | undefined;
      for (let x = Math.ceil(box.left); x < box.right; x++) {
        over.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: box.top + box.height / 2, bubbles: true }));
        const day = Number(value.textContent);
        if (last !== undefined && day === last + 1) turns.set(day, x - 0.5);
        last = day;
      }
      const cells = [...document.querySelectorAll<HTMLElement>('.dash-day-cells')[0].children].map((c) => {
        const r = c.getBoundingClientRect();
        return { label: c.getAttribute('aria-label')!, centre: r.left + r.width / 2 };
      });
      return { turns: [...turns], cells };
    });
    const turn = new Map(m.turns);
    const endDay = m.cells.length - 1;
    assert.strictEqual(endDay, 28, 'the latest demo change shows days 0 to 28');
    assert.match(m.cells[0].label, /, day 0 \(/);
    assert.match(m.cells[endDay].label, /, day 28 \(/);
    const perDay = (turn.get(endDay)! - turn.get(1)!) / (endDay - 1);
    const chartX = { 0: (turn.get(0)! + turn.get(1)!) / 2, 28: turn.get(endDay)! + perDay / 2 };
    for (const [day, cell] of [[0, m.cells[0]], [28, m.cells[endDay]]] as const) {
      assert.ok(Math.abs(cell.centre - chartX[day]) <= 1.5, `day ${day}: the strip's cell is centred at ${cell.centre.toFixed(1)} px, the chart's day at ${chartX[day].toFixed(1)} px`);
    }
  });

  it('zooms the timeline by preset, keys and dragging, resets, and explains each marker on keyboard focus', async () => {
    await demo();
    const page = await open();
    const range = () => text(page, '.dash-range');
    await page.click('[data-preset="30"]');
    assert.match(await range(), /^From Jun 1, 2026 to Jun 30, 2026: \d+ of 30 days with a check-in/);
    // Keys on the plot: zoom in, move earlier, then 0 for the whole journal.
    await page.focus('#timeline-host .u-over');
    await page.keyboard.press('+');
    assert.match(await range(), /^From Jun ([6-9]|1\d), 2026 to Jun (2\d|30), 2026: \d+ of (15|16) days/);
    assert.strictEqual(await page.getAttribute('[data-preset="30"]', 'aria-pressed'), 'false', 'a zoomed view is no preset');
    await page.keyboard.press('ArrowLeft');
    assert.doesNotMatch(await range(), /to Jun 30, 2026:/);
    await page.keyboard.press('0');
    // The whole journal reaches back to the demo's medication history as recalled, and says so.
    assert.match(await range(), /^From [A-Z][a-z]{2} 1, 2025 to Jun 30, 2026: .*; \d periods of medication history as recalled, hatched and not counted\.$/);
    assert.strictEqual(await page.getAttribute('[data-preset="all"]', 'aria-pressed'), 'true');
        const box = (await page.$('#timeline-host .u-over'))!.boundingBox();
    const b = (await box)!;
    // Across the logged months, the last fifth of a timeline that starts at the recalled history.
    await page.mouse.move(b.x + b.width * 0.85, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.9, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
    assert.match(await range(), /^From (Apr|May) \d{1,2}, 2026 to (May|Jun) \d{1,2}, 2026: \d+ of (1\d|2\d) days/);
    await page.click('#reset-zoom');
    assert.match(await range(), /^From [A-Z][a-z]{2} 1, 2025 to Jun 30, 2026: /);
    // The marker list: Tab reaches it, and the marker in focus is explained in the tooltip.
    await page.focus('.mdc-marker-keys');
    await page.keyboard.press('Home');
    const tip = await page.$eval('#timeline-host .mdc-tooltip', (el) => ({ hidden: (el as HTMLElement).hidden, text: el.textContent }));
    assert.strictEqual(tip.hidden, false);
    const active = await page.$eval('.mdc-marker-keys', (el) => document.getElementById(el.getAttribute('aria-activedescendant')!)?.getAttribute('aria-label'));
    const [date, what] = active!.split(/: (.*)/s);
    assert.match(date, /^[A-Z][a-z]{2} \d{1,2}, 2026$/);
    assert.strictEqual(tip.text, `${date}${what.split('; ').join('')}`, 'the tooltip says what the screen reader reads');
    await page.keyboard.press('ArrowRight');
    assert.notStrictEqual(await page.$eval('#timeline-host .mdc-tooltip-date', (el) => el.textContent), date, 'Right moves to the next marker');
  });

  it('moves through the year in pixels from the keyboard alone, lists a day with Enter, and opens a check-in with Edit', async () => {
    await demo();
    const page = await open({ section: 'year', range: { preset: 'all' } });
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.date);
    // Today's cell is the grid's one tab stop.
    assert.deepStrictEqual(await page.$$eval('.ypx-cell[tabindex="0"]', (cs) => cs.map((c) => (c as HTMLElement).dataset.date)), [TODAY]);
    await page.focus(`.ypx-cell[data-date="${TODAY}"]`);
    await page.keyboard.press('ArrowLeft');
    assert.strictEqual(await focused(), '2026-06-29');
    await page.keyboard.press('ArrowUp');
    assert.strictEqual(await focused(), '2026-05-29');
    await page.keyboard.press('End');
    assert.strictEqual(await focused(), '2026-05-31');
    await page.keyboard.press('ArrowRight');
    assert.strictEqual(await focused(), '2026-06-01', 'Right at a month end goes to the next month');
    await page.keyboard.press('ArrowDown');
    assert.strictEqual(await focused(), '2026-07-01');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    assert.strictEqual(await focused(), '2026-06-01');
    assert.match((await page.getAttribute('.ypx-cell[data-date="2026-06-01"]', 'aria-label'))!, /^June 1, 2026: (mood \d\.\d from 1 check-in|mean mood \d\.\d from \d check-ins)$/);
    assert.strictEqual(await page.getAttribute('.ypx-cell[data-date="2026-07-01"]', 'aria-label'), 'July 1, 2026: not yet');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.dash-entries li');
    assert.match(await text(page, '.dash-day h3'), /^Entries on June 1, 2026$/);
    assert.strictEqual(await page.getAttribute('.ypx-cell[data-date="2026-06-01"]', 'aria-selected'), 'true');
    assert.strictEqual((await page.$$('.dash-entries .action.delete')).length, 0, 'the day list offers no Delete');
    await page.click('.dash-entries .action.edit');
    await page.waitForFunction(() => /open in the Journal panel/.test(document.getElementById('status')?.textContent ?? ''));
    assert.match(pages.j!.opened.join(), /^edit:[\w-]+$/);
  });

  it('shows every section of an empty journal with words saying what will appear, and no error', async () => {
    await journal();
    const page = await open();
    assert.match(await text(page, '.dash-subtitle'), /^The whole journal, Jun 30, 2026 to Jun 30, 2026: 0 of 1 day with a check-in\.$/);
    assert.match(await text(page, '.dash-range'), /no dose logged; 0 dose changes and 0 life events marked\.$/);
    assert.ok(!(await page.isVisible('.mdc-recalled-legend')), 'no key to a hatched band that is not drawn');
    assert.ok(!(await page.isVisible('.mdc-marker-keys')), 'no empty marker list');
    await section(page, 'Days after each dose change');
    assert.match(await text(page, 'vscode-tab-panel:not([hidden]) .mdc-empty'), /^No dose change logged yet\./);
    await section(page, 'Each dose step side by side');
    assert.strictEqual(await text(page, 'vscode-tab-panel:not([hidden]) p'), 'No dose logged yet.');
    await section(page, 'Year in pixels');
    assert.strictEqual(await text(page, '#year-summary'), '2026: no check-ins this year.');
    assert.strictEqual(await page.$$eval('.ypx-cell.ypx-none', (cs) => cs.length), 181, 'January to today: no check-in');
    await section(page, 'What goes with better days');
    assert.match(await text(page, 'vscode-tab-panel:not([hidden]) .mdc-empty'), /^Not enough days yet/);
    assert.match(await text(page, '.dash-caveat'), /not cause and effect/);
    assert.strictEqual(await page.$('.load-failed'), null);
  });

  it('shows hostile tags and event titles as text: nothing is created and nothing runs', async () => {
    const zone = 'UTC';
    const ops = [];
    for (let d = 1; d <= 8; d++) {
      const date = `2026-06-${String(d).padStart(2, '0')}`;
      const clock: Clock = { now: () => instantOf(date, 9, 0, zone), zone: () => zone };
      ops.push(...buildCheckIn({ mood: 3 + (d % 5), tags: d % 2 ? [TAG_XSS] : ['plain'], dose: { mg: d < 5 ? 20 : 15, status: 'taken', medication: 'Escitalopram' } }, clock).ops);
      if (d === 3) ops.push({ table: 'life_events' as const, row: buildLifeEvent({ title: XSS }, clock) });
    }
    await journal(ops);
    const page = await open();
    const markers = await page.$$eval('.mdc-marker-keys [role=option]', (os) => os.map((o) => o.getAttribute('aria-label')));
    assert.ok(markers.some((m) => m?.includes(XSS)), 'the event title is in the marker list as text');
    await page.focus('.mdc-marker-keys');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await section(page, 'What goes with better days');
    const lines = await page.$$eval('.dash-assoc-text', (ls) => ls.map((l) => l.textContent!));
    assert.ok(lines.some((l) => l.startsWith(`Days tagged #${TAG_XSS}: mean`)), 'the tag is shown as written');
    await section(page, 'Year in pixels');
    await page.click('.ypx-cell[data-date="2026-06-03"]');
    await page.waitForSelector('.dash-entries li');
    await page.waitForTimeout(300); // an injected onerror would have fired by now
    assert.strictEqual(await page.$$eval('img[src=x], b', (els) => els.length), 0, 'no element was made from the payload');
  });

  it('updates live when an entry is added elsewhere, and keeps its section and range for a reload', async () => {
    await demo();
    const page = await open();
    await page.click('[data-preset="90"]');
    await section(page, 'Year in pixels');
    const before = await text(page, '#year-summary');
    const clock: Clock = { now: () => Date.parse('2026-06-30T19:00:00Z'), zone: () => 'UTC' };
    await pages.j!.store.write(buildCheckIn({ mood: 9, note: 'from the palette' }, clock).ops);
    await pages.dash!.send({ type: 'event', event: { kind: 'changed', tables: ['checkins', 'doses', 'symptoms'], reason: 'write' } });
    await page.waitForFunction((b) => document.getElementById('year-summary')?.textContent !== b, before);
    const saved = await page.evaluate(() => (window as unknown as { __savedState: unknown }).__savedState);
    assert.deepStrictEqual(saved, { section: 'year', range: { preset: '90' } });
    await pages.closeDashboard();
    // VS Code hands the kept state to the restored page.
    const again = await open(saved);
    await again.waitForFunction(() => document.querySelector('vscode-tab-panel:not([hidden]) h2')?.textContent === 'Year in pixels');
    await section(again, 'Timeline');
    assert.strictEqual(await again.getAttribute('[data-preset="90"]', 'aria-pressed'), 'true');
    assert.match(await text(again, '.dash-range'), /^From Apr [12], 2026 to Jun 30, 2026: /);
  });
});
