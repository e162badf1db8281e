// The Plan tab's "Before the journal" form and "Tablets on hand" section, driven from the keyboard
// alone: Tab to a button, Enter opens its form with focus in the first field, Tab between fields,
// Enter saves, Escape closes; errors name the field and put focus there.
import * as assert from 'assert';
import { checkin, FakeHost } from '../../tools/browser/fakeHost';
import { openSidebar, type PanelPage } from '../../tools/browser/sidebarPage';
import { usePanelPages } from './sidebarHooks';

describe('Plan tab: medication history and tablets, from the keyboard (headless Chromium)', function () {
  this.timeout(30_000);
  const panels = usePanelPages();

  async function planTab(host: FakeHost): Promise<PanelPage> {
    const panel = (panels.current = await openSidebar(host.handle));
    await panel.send({ type: 'event', event: { kind: 'show', section: 'plan' } });
    await panel.page.locator('#plan-history-title').waitFor();
    return panel;
  }

  const focusedId = (panel: PanelPage) => panel.page.evaluate(() => document.activeElement?.id ?? '');

  /** Presses Tab until the element with `id` has focus (at most `max` times). */
  async function tabTo(panel: PanelPage, id: string, max = 60): Promise<void> {
    for (let i = 0; i < max && (await focusedId(panel)) !== id; i++) await panel.page.keyboard.press('Tab');
    assert.strictEqual(await focusedId(panel), id, `Tab reaches #${id}`);
  }

  it('lists recalled periods as recalled, and adds one from the keyboard with its mood and how sure', async () => {
    const host = new FakeHost([checkin()]);
    host.overlapsOnSave = ['The recalled period Escitalopram 30 mg, Mar 2025 to Jun 2025 overlaps the recalled period Escitalopram 20 mg, Jan 2025 to Mar 2025 from Mar 1, 2025 to Mar 31, 2025. Both are kept; edit either one if that is not what you meant.'];
    const panel = await planTab(host);
    const p = panel.page;
    const listed = await p.locator('.history-periods li').first().innerText();
    assert.match(listed, /Recalled/);
    assert.match(listed, /Jan 2025 to Mar 2025 · Escitalopram 20 mg · recalled mood about 5 of 10, roughly · full dose/);
    assert.strictEqual(await p.locator('#plan-history-title').textContent(), 'Before the journal (as recalled)');

    await tabTo(panel, 'add-history');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.activeElement?.id === 'hist-medication');
    assert.strictEqual(await p.locator('#hist-medication').inputValue(), 'Escitalopram', 'the medication is offered');

    // Enter with no dates: nothing is sent, the error names the start and focus goes there.
    await p.keyboard.press('Enter');
    await p.getByText('Type the start as a month (2025-03) or a day (2025-03-14).').waitFor();
    // The message and the focus move in the same task on a quiet machine; wait for both on a busy one.
    await p.waitForFunction(() => document.activeElement?.id === 'hist-start', undefined, { timeout: 5000 }).catch(() => undefined);
    assert.strictEqual(await focusedId(panel), 'hist-start');
    assert.strictEqual(host.planSaves.length, 0);

    await p.keyboard.type('2025-03');
    await p.keyboard.press('Tab');
    await p.keyboard.type('2025-06');
    await p.keyboard.press('Tab');
    await p.keyboard.type('30');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Raised during the divorce');
    await p.keyboard.press('Tab');
    assert.strictEqual(await focusedId(panel), 'hist-mood');
    await p.keyboard.type('3'); // a focused select picks the option typed
    await p.waitForFunction(() => !(document.querySelector('#hist-certainty') as HTMLSelectElement | null)?.disabled);
    await p.keyboard.press('Tab');
    assert.strictEqual(await focusedId(panel), 'hist-certainty', 'how sure is asked once a mood is chosen');
    await p.keyboard.type('c');
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Shift+Tab');
    assert.strictEqual(await focusedId(panel), 'hist-context');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('marked as recalled'));
    assert.deepStrictEqual(host.planSaves, [
      { method: 'history/save', id: null, medication: 'Escitalopram', startDate: '2025-03', endDate: '2025-06', mg: 30, context: 'Raised during the divorce', mood: 3, certainty: 'clearly' }
    ]);
    // The overlap is said at once, naming both periods; nothing was rejected.
    const said = await p.locator('.overlaps').innerText();
    assert.match(said, /Mar 2025 to Jun 2025 overlaps the recalled period Escitalopram 20 mg, Jan 2025 to Mar 2025/);
    assert.strictEqual(await p.locator('.overlaps').getAttribute('role'), 'status');
  });

  it('closes the history form with Escape, sending nothing', async () => {
    const host = new FakeHost([checkin()]);
    const panel = await planTab(host);
    await tabTo(panel, 'add-history');
    await panel.page.keyboard.press('Enter');
    await panel.page.waitForFunction(() => document.activeElement?.id === 'hist-medication');
    await panel.page.keyboard.press('Escape');
    await panel.page.waitForFunction(() => document.activeElement?.id === 'add-history');
    assert.strictEqual(await panel.page.locator('#hist-medication').count(), 0);
    assert.strictEqual(host.planSaves.length, 0);
  });

  it('shows the tablets on hand and the days left with the dose it assumes, and logs a refill and a count from the keyboard', async () => {
    const host = new FakeHost([checkin()]);
    const panel = await planTab(host);
    const p = panel.page;
    const section = await p.locator('section.supply').innerText();
    assert.match(section, /Escitalopram: 10 mg tablets, split in half\./);
    assert.match(section, /12 tablets on hand\. About 8 days left at the current dose \(15 mg, the plan step in force\), one dose a day: 1½ tablets a dose\./);
    assert.doesNotMatch(section, /you should|increase|reduce|lower your|raise/i, 'an estimate, never advice about the dose');

    await tabTo(panel, 'supply-refill');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.activeElement?.id === 'supply-tablets');
    await p.keyboard.type('1.3');
    await p.keyboard.press('Enter');
    await p.getByText('Type a number of tablets, e.g. 30, 12.5 or 12.25.').waitFor();
    assert.strictEqual(await focusedId(panel), 'supply-tablets');
    assert.strictEqual(host.planSaves.length, 0);
    await p.keyboard.press('Control+A');
    await p.keyboard.type('30');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Refill saved'));

    await tabTo(panel, 'supply-count');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.activeElement?.id === 'supply-tablets');
    await p.keyboard.type('12½');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => !document.querySelector('#supply-tablets'), undefined, { timeout: 10_000 });
    assert.deepStrictEqual(host.planSaves, [
      { method: 'supply/log', medicationId: 'med-00000001', kind: 'refill', tablets: 30 },
      { method: 'supply/log', medicationId: 'med-00000001', kind: 'count', tablets: 12.5 }
    ]);
  });

  it('asks to count when the count is below zero, and records a tablet strength from the keyboard', async () => {
    const host = new FakeHost([checkin()]);
    host.plan = { ...host.plan, supply: [{ ...host.plan.supply[0], onHand: -1.5, belowZero: true, daysLeft: null }] };
    let panel = await planTab(host);
    const alert = panel.page.locator('.supply-estimate[role="alert"]');
    assert.match(await alert.innerText(), /The count is 1½ tablets below zero: more doses are logged than tablets recorded\. Count your tablets to correct it\./);
    await panel.close();

    const fresh = new FakeHost([checkin()]);
    fresh.plan = { ...fresh.plan, supply: [] };
    panel = await planTab(fresh);
    const p = panel.page;
    await tabTo(panel, 'supply-first');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.activeElement?.id === 'supply-strength');
    await p.keyboard.type('20');
    await p.keyboard.press('Tab');
    assert.strictEqual(await focusedId(panel), 'supply-split');
    await p.keyboard.type('In q'); // type-ahead picks "In quarters"
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Tablet strength saved'));
    assert.deepStrictEqual(fresh.planSaves, [{ method: 'supply/tablets', medicationId: null, tabletMg: 20, split: 'quarter' }]);
  });
});
