import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
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
    assert.match(status, /Step 2 of 3: 15 mg since Mar 1, 2026 \(day 10\)/);
    assert.match(status, /Last dose logged: 15 mg on Mar 10, 2026\./);
    assert.match(status, /From Mar 1, 2026 to Mar 10, 2026: 7 days at the plan/);
    assert.match(status, /Days since the last logged dose change: 8/);
    assert.match(status, /7 days at the plan, 2 above, 0 below; 1 day with a skipped dose/);
    assert.match(status, /Mar 1, 2026: logged 20 mg, plan 15 mg/);
    assert.doesNotMatch(status, /error|missed|non-?complian|wrong|fail/i, 'a difference is never presented as the user\'s error');
    assert.match(await panel.page.locator('.appointments').first().innerText(), /Apr 20, 2026 10:30 · Dr\. Rivera · in 41 days[\s\S]*Can we hold at 15 mg\?/);
  });

  it('writes the dates in its sentences in the page\'s language, English or Spanish', async () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;
    for (const [lang, words, step, range] of [
      ['en', null, 'Step 2 of 3: 15 mg since Mar 1, 2026 (day 10).', 'From Mar 1, 2026 to Mar 10, 2026: 7 days at the plan'],
      ['es', bundle, 'Paso 2 de 3: 15 mg desde el 1 mar 2026 (día 10).', 'Del 1 mar 2026 al 10 mar 2026: 7 días según el plan']
    ] as const) {
      const host = new FakeHost([checkin()]);
      const handle: typeof host.handle = (msg, p) => (msg.type === 'ready' ? { type: 'init', l10n: words, testMode: true } : host.handle(msg, p));
      panel = panels.current = await openSidebar(handle, { lang });
      await panel.send({ type: 'event', event: { kind: 'show', section: 'plan' } });
      await panel.page.locator('.plan-status p').first().waitFor();
      const lines = await panel.page.locator('.plan-status p').allInnerTexts();
      assert.ok(lines.some((l) => l.startsWith(step)), `${lang}: ${lines.join(' | ')}`);
      assert.ok(lines.some((l) => l.startsWith(range)), `${lang}: ${lines.join(' | ')}`);
      assert.ok(lines.every((l) => !/\d{4}-\d{2}-\d{2}/.test(l)), `${lang}: no ISO date left in a sentence`);
      assert.deepStrictEqual(panel.problems, []);
      await panel.close();
      panel = panels.current = undefined;
    }
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
    await p.getByRole('button', { name: 'Edit the appointment on Apr 20, 2026' }).click();
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
