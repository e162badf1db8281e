import * as assert from 'assert';
import { VIEW, SUPPORT_LINES_MAX } from '../../src/core/limits';
import type { ChartData } from '../../src/webviews/shared/views';
import type { HostMessage, WebviewMessage } from '../../src/webviews/protocol';
import type { PlanData } from '../../src/webviews/sidebar/protocol';
import { checkin, CONTEXT, FakeHost } from '../../tools/browser/fakeHost';
import { openSidebar, type PanelPage } from '../../tools/browser/sidebarPage';
import { usePanelPages } from './sidebarHooks';

/** Opens "Need help now?" and returns the text of the support section. */
async function openHelp(panel: PanelPage): Promise<string> {
  await panel.page.locator('#need-help').click();
  await panel.page.locator('#support').waitFor();
  return panel.page.locator('#support').innerText();
}

describe('Support lines and limits in the panel (headless Chromium)', function () {
  this.timeout(120_000);
  let panel: PanelPage | undefined;

  const panels = usePanelPages();

  it('shows each support line\'s number or address beside its words, so a label cannot hide another number', async () => {
    const host = new FakeHost([checkin()]);
    host.context = {
      ...CONTEXT,
      support: {
        card: false,
        resources: [
          { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988', link: 'tel:+19005550100' },
          { name: 'Veterans Crisis Line', contact: 'Dial 988 then press 1, or text 838255', link: 'sms:838255' },
          { name: 'Outside the US', contact: 'Find a helpline', link: 'https://findahelpline.com' },
          { name: 'A friend', contact: 'Sam, any evening', link: '' }
        ]
      }
    };
    panel = panels.current = await openSidebar(host.handle);
    await openHelp(panel);
    const items = await panel.page.locator('#support .resources li').allInnerTexts();
    assert.match(items[0], /Call or text 988\s+\+19005550100/, 'the number the link really dials is shown');
    assert.match(items[1], /sms 838255/);
    assert.match(items[2], /Find a helpline\s+findahelpline\.com/);
    assert.doesNotMatch(items[3], /tel:|sms|https/, 'a line without a link shows only its words');
    const label = await panel.page.locator('#support .resources button.link').first().getAttribute('aria-label');
    assert.strictEqual(label, '988 Suicide & Crisis Lifeline: Call or text 988, opens +19005550100');
  });

  it('shows the built-in support lines when the panel context cannot load, offers to try again, and opens a built-in line', async () => {
    const host = new FakeHost([checkin()]);
    let failContext = true;
    const failing = (msg: WebviewMessage, p: PanelPage): HostMessage | undefined => {
      if (failContext && msg.type === 'request' && msg.method === 'sidebar/context') return { type: 'error', id: msg.id, ok: false, message: 'The journal file cannot be opened.' };
      return host.handle(msg, p);
    };
    panel = panels.current = await openSidebar(failing);
    const p = panel.page;
    await p.locator('.load-failed').waitFor();
    assert.match(await p.locator('.load-failed').innerText(), /The journal could not be loaded: The journal file cannot be opened\./);
    assert.strictEqual(await p.getByText('Loading…').count(), 0, 'the form does not sit on "Loading…"');
    const help = await openHelp(panel);
    assert.match(help, /988 Suicide & Crisis Lifeline\s+Call or text 988\s+988/);
    assert.match(help, /Veterans Crisis Line/);
    assert.match(help, /In immediate danger\s+Call 911/);
    await p.locator('#support button.link').first().click();
    const open = await panel.waitForPosted((m) => m.type === 'request' && m.method === 'support/open');
    assert.ok(open.type === 'request' && open.method === 'support/open');
    assert.deepStrictEqual(open.params, { index: 0, defaults: true }, 'the host is told to open the built-in line, not the user\'s line 0');
    failContext = false;
    await p.locator('#retry-context').click();
    await p.locator('.mood-option').first().waitFor();
    assert.strictEqual(await p.locator('.load-failed').count(), 0);
  });

  it('says once that the journal is not open, and clears that as soon as it opens (after the question about whose it is)', async () => {
    const host = new FakeHost([checkin({ note: 'now open' })]);
    const notOpen = 'The journal in /repo/.mood-journal is not open: it is not one you have created or opened on this machine. Run "Mood & Dose: Open This Journal…" to be asked again.';
    let open = false;
    const closed = (msg: WebviewMessage, p: PanelPage): HostMessage | undefined => {
      if (!open && msg.type === 'request' && (msg.method === 'sidebar/context' || msg.method === 'history/page')) return { type: 'error', id: msg.id, ok: false, message: notOpen };
      return host.handle(msg, p);
    };
    panel = panels.current = await openSidebar(closed);
    const p = panel.page;
    await p.locator('.load-failed').waitFor();
    await p.waitForTimeout(300); // both requests have failed
    assert.strictEqual(await p.getByText('is not open', { exact: false }).count(), 1, 'said once, not twice');
    // The user answers "Open This Journal": the host says the rows changed.
    open = true;
    await panel.send({ type: 'event', event: { kind: 'changed', tables: ['checkins', 'doses', 'symptoms'], reason: 'write' } });
    await p.locator('li.entry').first().waitFor();
    assert.strictEqual(await p.getByText('is not open', { exact: false }).count(), 0, 'no stale "not open" above the entries');
  });

  it('takes everything the host allows: 50 support lines, long links, long mood labels, 200 symptoms on an entry', async () => {
    const longLink = `https://example.org/${'a'.repeat(2000)}`;
    const host = new FakeHost([
      checkin({ id: 'many-sym-1', symptoms: Array.from({ length: VIEW.entrySymptoms }, (_, i) => ({ key: `own:s${i}`, label: `Symptom ${i}`, severity: 1 })), symptomsOmitted: 37 }),
      checkin({ id: 'few-sym-01', localDate: '2026-02-28' })
    ]);
    host.context = {
      ...CONTEXT,
      support: { card: true, resources: Array.from({ length: SUPPORT_LINES_MAX }, (_, i) => ({ name: `Line ${i + 1}`, contact: `Call ${i + 1}`, link: i === 20 ? longLink : `tel:${1000 + i}` })) },
      moodLabels: Array.from({ length: 10 }, (_, i) => `Label ${i + 1} `.padEnd(80, 'x'))
    };
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.locator('.support-card').waitFor();
    assert.strictEqual(await p.locator('.support-card .resources li').count(), SUPPORT_LINES_MAX);
    assert.ok((await p.locator('.support-card .resources li').nth(20).innerText()).includes('example.org/aaaa'));
    await p.locator('.support-card .resources li').nth(20).locator('button.link').click();
    const open = await panel.waitForPosted((m) => m.type === 'request' && m.method === 'support/open');
    assert.ok(open.type === 'request' && open.method === 'support/open' && open.params.index === 20, 'the 21st line opens');
    await p.locator('.mood-option[data-mood="3"]').click();
    assert.match(await p.locator('.mood-group + .hint').innerText(), /^Label 3 x+$/);
    const row = p.locator('li.entry[data-id="many-sym-1"]');
    await row.waitFor();
    assert.strictEqual(await row.locator('li.symptom').count(), VIEW.entrySymptoms);
    assert.match(await row.locator('.omitted').innerText(), /37 more symptoms are not shown/);
    assert.strictEqual(await row.locator('button.edit').count(), 0, 'an entry shown clipped cannot be edited, so nothing is dropped');
    assert.strictEqual(await p.locator('li.entry[data-id="few-sym-01"] button.edit').count(), 1);
  });

  it('draws 2,000 dose levels and 2,000 plan steps, and says what the host left out', async () => {
    const host = new FakeHost([checkin()]);
    const days = Array.from({ length: 2100 }, (_, i) => {
      const date = new Date(Date.parse('2020-08-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10);
      const dose = 20 - i * 0.005;
      return { date, mean: 5, min: 4, max: 6, n: 1, dose, taken: dose, skipped: false };
    });
    const chart: ChartData = {
      from: days[0].date,
      to: days[days.length - 1].date,
      days,
      markers: [],
      moodByDose: days.slice(0, VIEW.doseLevels).map((d) => ({ mg: d.dose, mean: 5, days: 1, sd: null, min: 4, max: 6 })),
      moodByDoseLeftOut: { noDose: 0, otherDose: 0, beforeFirstDose: 0 },
      symptoms: [],
      unit: 'mg',
      omitted: { doseLevels: 100 }
    };
    host.chart = chart;
    const steps = Array.from({ length: VIEW.taperSteps }, (_, i) => ({ id: `step-${String(i).padStart(6, '0')}`, startDate: days[i].date, targetMg: 20 - i * 0.005, note: '' }));
    const plan: PlanData = { ...host.plan, steps, current: { step: steps[1000], index: 1000, count: 2100, daysOnStep: 1 }, omitted: { steps: 100 } };
    host.plan = plan;
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await panel.send({ type: 'event', event: { kind: 'show', section: 'charts' } });
    // Thousands of bars take a while to draw on a busy machine: wait generously, assert nothing about speed.
    await p.locator('.chart-controls .omitted').waitFor({ timeout: 60_000 });
    assert.match(await p.locator('.chart-controls .omitted').innerText(), /Not shown, to keep the charts readable: 100 dose levels with the fewest days\./);
    await p.waitForFunction(() => document.querySelectorAll('#charts-host canvas').length > 0, undefined, { timeout: 60_000 });
    await panel.send({ type: 'event', event: { kind: 'show', section: 'plan' } });
    await p.locator('.plan-status').waitFor({ timeout: 60_000 });
    assert.match(await p.locator('.plan-status').innerText(), /Step 1001 of 2100/);
    assert.match(await p.locator('.omitted', { hasText: 'plan steps' }).innerText(), /^Not shown here, and kept as they are: 100 plan steps far from the current one\.$/);
    assert.ok(!(await p.locator('[role=alert]').count()) || !/not valid/.test(await p.locator('[role=alert]').first().innerText()), 'no answer was rejected');
  });
});
