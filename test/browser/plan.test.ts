import * as assert from 'assert';
import { checkin, FakeHost } from '../../tools/browser/fakeHost';
import { openSidebar, type PanelPage } from '../../tools/browser/sidebarPage';
import { usePanelPages } from './sidebarHooks';

describe('Plan tab (headless Chromium)', function () {
  this.timeout(30_000);
  let panel: PanelPage | undefined;

  const panels = usePanelPages();

  it('shows the current step, days on it and how logged doses compare with the plan, in neutral words', async () => {
    const host = new FakeHost([checkin()]);
    panel = panels.current = await openSidebar(host.handle);
    await panel.send({ type: 'event', event: { kind: 'show', section: 'plan' } });
    const status = await panel.page.locator('.plan-status').innerText();
    assert.match(status, /Step 2 of 3: 15 mg since 2026-03-01 \(day 10\)/);
    assert.match(status, /Days since the last logged dose change: 8/);
    assert.match(status, /7 days at the plan, 2 above, 0 below; 1 day with a skipped dose/);
    assert.match(status, /2026-03-01: logged 20 mg, plan 15 mg/);
    assert.doesNotMatch(status, /error|missed|non-?complian|wrong|fail/i, 'a difference is never presented as the user\'s error');
    assert.match(await panel.page.locator('.appointments').first().innerText(), /2026-04-20 10:30 · Dr\. Rivera · in 41 days[\s\S]*Can we hold at 15 mg\?/);
  });

  it('adds a plan step from the keyboard-friendly form and checks it first', async () => {
    const host = new FakeHost([checkin()]);
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await panel.send({ type: 'event', event: { kind: 'show', section: 'plan' } });
    await p.locator('#add-step').click();
    await p.locator('#step-mg').fill('');
    await p.locator('#step-save').click();
    await p.getByText('Type the agreed dose as a number, e.g. 10 or 7.5.').waitFor();
    assert.strictEqual(host.planSaves.length, 0);
    await p.locator('#step-date').fill('2026-05-01');
    await p.locator('#step-mg').fill('7.5');
    await p.locator('#step-note').fill('agreed with Dr. Rivera on 2026-04-20');
    await p.locator('#step-mg').press('Enter');
    await p.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Plan step saved'));
    assert.deepStrictEqual(host.planSaves, [{ method: 'plan/saveStep', id: null, startDate: '2026-05-01', targetMg: 7.5, note: 'agreed with Dr. Rivera on 2026-04-20' }]);
  });

  it('offers Undo after editing an appointment, and Undo from the keyboard sends its token', async () => {
    const host = new FakeHost([checkin()]);
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await panel.send({ type: 'event', event: { kind: 'show', section: 'plan' } });
    await p.getByRole('button', { name: 'Edit the appointment on 2026-04-20' }).click();
    await p.locator('#appt-provider').fill('Dr. Chen');
    await p.locator('#appt-provider').press('Enter');
    await p.locator('.undo-bar', { hasText: 'Appointment saved.' }).waitFor();
    await p.waitForFunction(() => document.activeElement?.id === 'plan-undo');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('#status')?.textContent === 'Change undone.');
    const saved = host.planSaves.findIndex((x) => (x as { method: string }).method === 'appointments/save');
    const undo = host.requests.find((r) => r.type === 'request' && r.method === 'entry/undo');
    assert.ok(undo && undo.type === 'request' && undo.method === 'entry/undo' && undo.params.undoToken === `undo-${saved + 1}`, 'the edit\'s own token');
  });
});
