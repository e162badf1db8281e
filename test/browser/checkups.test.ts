import * as assert from 'assert';
import { ATTRIBUTION, PHQ9 } from '../../src/core/questionnaires';
import { checkin, CONTEXT, FakeHost } from '../../tools/browser/fakeHost';
import { openSidebar, type PanelPage } from '../../tools/browser/sidebarPage';
import { usePanelPages } from './sidebarHooks';

describe('Check-ups and support in the panel (headless Chromium)', function () {
  this.timeout(40_000);
  let panel: PanelPage | undefined;

  const panels = usePanelPages();

  const focused = (p: PanelPage) => p.page.evaluate(() => document.activeElement?.id ?? '');

  it('reaches "Need help now?" with at most 3 Tab presses from the top, and it opens the resources', async () => {
    const host = new FakeHost([checkin()]);
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.waitForSelector('li.entry');
    let presses = 0;
    while ((await focused(panel)) !== 'need-help' && presses < 3) {
      await p.keyboard.press('Tab');
      presses++;
    }
    assert.strictEqual(await focused(panel), 'need-help', `reached in ${presses} presses`);
    assert.ok(presses <= 3);
    assert.strictEqual(await p.locator('#need-help').innerText(), 'Need help now?');
    await p.keyboard.press('Enter');
    await p.locator('#support').waitFor();
    const text = await p.locator('#support').innerText();
    assert.match(text, /988 Suicide & Crisis Lifeline/);
    assert.match(text, /Dial 988 then press 1, or text 838255/);
    await p.locator('#support button.link').first().click();
    assert.deepStrictEqual(host.opened, [0], 'the host opens the line (tel:988)');
  });

  it('shows the calm support card once, and it can be dismissed without blocking anything', async () => {
    const host = new FakeHost([checkin()]);
    host.context = { ...CONTEXT, support: { ...CONTEXT.support, card: true } };
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.locator('.support-card').waitFor();
    assert.strictEqual(await p.locator('.support-card').count(), 1, 'one card');
    assert.match(await p.locator('.support-card h2').innerText(), /You're not alone/);
    assert.strictEqual(await p.locator('dialog, [role=dialog], [aria-modal=true]').count(), 0, 'never a modal');
    // Logging stays possible while the card shows.
    assert.ok(await p.locator('#save').isVisible());
    await p.locator('#dismiss-card').click();
    await p.locator('.support-card').waitFor({ state: 'detached' });
    assert.ok(host.requests.some((r) => r.type === 'request' && r.method === 'support/dismiss'));
    // The host keeps it dismissed: a later change event does not bring it back.
    await panel.send({ type: 'event', event: { kind: 'context' } });
    await p.waitForTimeout(200);
    assert.strictEqual(await p.locator('.support-card').count(), 0);
  });

  it('completes a PHQ-9 from the keyboard alone and shows the attribution', async () => {
    const host = new FakeHost([checkin()]);
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.waitForSelector('li.entry');
    await panel.send({ type: 'event', event: { kind: 'show', section: 'checkups' } });
    await p.locator('#take-phq9').waitFor();
    assert.match(await p.locator('.attribution').first().innerText(), /Spitzer/);
    await p.locator('#take-phq9').focus();
    await p.keyboard.press('Enter');
    await p.locator('#q-0 input').first().waitFor();
    assert.strictEqual(await focused(panel), '', 'focus is on the first answer (a radio without id)');
    assert.strictEqual(await p.locator('.attribution').innerText(), ATTRIBUTION, 'attribution on the form too');
    // Answers 1,1,2,0,1,0,1,0,0: arrows pick within a question, Tab moves to the next one.
    const answers = [1, 1, 2, 0, 1, 0, 1, 0, 0];
    for (let i = 0; i < PHQ9.items.length; i++) {
      if (i > 0) await p.keyboard.press('Tab');
      // Space checks the focused radio (0); each ArrowDown moves and checks the next answer.
      await p.keyboard.press('Space');
      for (let k = 0; k < answers[i]; k++) await p.keyboard.press('ArrowDown');
    }
    // The unscored difficulty question appears because some answers are above 0.
    await p.keyboard.press('Tab');
    await p.keyboard.press('Space');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Tab'); // to "Save PHQ-9"
    assert.strictEqual(await focused(panel), 'q-submit');
    await p.keyboard.press('Enter');
    await p.locator('.result', { hasText: 'PHQ-9 saved: score 6' }).waitFor();
    assert.deepStrictEqual(host.questionnaires, [{ kind: 'phq9', answers, difficulty: 1 }]);
  });

  it('goes through the weekly symptom review with the four most reported symptoms first', async () => {
    const host = new FakeHost([checkin()]);
    host.checkups = { ...host.checkups, due: { phq9: false, gad7: false, review: true } };
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await panel.send({ type: 'event', event: { kind: 'show', section: 'checkups' } });
    await p.locator('#take-review').click();
    const legends = await p.locator('.review-item legend').allInnerTexts();
    assert.deepStrictEqual(legends.slice(0, 4), ['Dizziness', 'Brain zaps (electric-shock sensations)', 'Irritability', 'Anxiety or nervousness']);
    await p.locator('input[name="r-brain_zaps"]').nth(2).check();
    await p.locator('#review-submit').click();
    await p.locator('.result', { hasText: 'Symptom review saved: 1 symptom this week.' }).waitFor();
    const saved = host.reviews[0];
    assert.strictEqual(saved.length, legends.length, 'every symptom is recorded, 0 when absent');
    assert.deepStrictEqual(saved.filter((s) => s.severity > 0).map((s) => [s.key, s.severity]), [['brain_zaps', 2]]);
  });
});
