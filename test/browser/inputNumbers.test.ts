// Numbers written back into the panel's inputs read in the display language ("7,5" in Spanish) and
// save as they were: a pre-filled dose is never changed by saving it untouched.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkin, CONTEXT, FakeHost } from '../../tools/browser/fakeHost';
import { openSidebar, type PanelPage } from '../../tools/browser/sidebarPage';
import { usePanelPages } from './sidebarHooks';

const ES = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;

describe('Numbers in the panel\'s inputs, in Spanish (headless Chromium)', function () {
  this.timeout(30_000);
  const panels = usePanelPages();

  /** The panel in Spanish, as VS Code shows it with the Spanish language pack. */
  async function inSpanish(host: FakeHost): Promise<PanelPage> {
    const handle: typeof host.handle = (msg, p) => (msg.type === 'ready' ? { type: 'init', l10n: ES, testMode: true } : host.handle(msg, p));
    return (panels.current = await openSidebar(handle, { lang: 'es' }));
  }

  const value = (p: PanelPage, selector: string) => p.page.locator(selector).inputValue();

  /** The field's value once it shows `expected` (the form fills in when the host answers), else as it is after a while. */
  async function settled(p: PanelPage, selector: string, expected: string): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const v = await value(p, selector).catch(() => '');
      if (v === expected) return v;
      await p.page.waitForTimeout(25);
    }
    return value(p, selector);
  }

  it('pre-fills an offered 7.5 mg as "7,5", and saving it stores 7.5', async () => {
    const host = new FakeHost();
    host.context = { ...CONTEXT, offeredDose: 7.5 };
    const panel = await inSpanish(host);
    const p = panel.page;
    assert.strictEqual(await settled(panel, '#dose-mg input', '7,5'), '7,5');
    await p.locator('.mood-option[data-mood="6"]').click();
    await p.locator('#save').click();
    for (let i = 0; i < 200 && host.saved.length < 1; i++) await p.waitForTimeout(25);
    assert.deepStrictEqual(host.saved.map((d) => d.dose), [{ mg: 7.5, status: 'taken' }]);
  });

  it('shows an entry\'s 2.125 mg and 6.75 hours as "2,125" and "6,75" when edited, and saves them unchanged', async () => {
    const host = new FakeHost([checkin({ id: 'dec-00001', sleepHours: 6.75, dose: { mg: 2.125, unit: 'mg', status: 'taken', medication: 'Escitalopram' } })]);
    const panel = await inSpanish(host);
    const p = panel.page;
    await p.locator('li.entry[data-id="dec-00001"] button.edit').click();
    assert.strictEqual(await settled(panel, '#dose-mg input', '2,125'), '2,125', 'all three decimals, never rounded to 2,13');
    if ((await p.locator('#more-toggle').getAttribute('aria-expanded')) !== 'true') await p.locator('#more-toggle').click();
    assert.strictEqual(await value(panel, '#sleep input'), '6,75');
    await p.locator('#save').click();
    for (let i = 0; i < 200 && host.updated.length < 1; i++) await p.waitForTimeout(25);
    assert.deepStrictEqual(host.updated.map((u) => [u.draft.dose, u.draft.sleepHours]), [[{ mg: 2.125, status: 'taken' }, 6.75]]);
  });

  it('writes a plan step of 12.5 mg as "12,5" in its sentence, its table and its edit field', async () => {
    const host = new FakeHost();
    const step = { ...host.plan.steps[1], targetMg: 12.5 };
    host.plan = { ...host.plan, steps: [host.plan.steps[0], step, host.plan.steps[2]], current: { ...host.plan.current!, step } };
    const panel = await inSpanish(host);
    const p = panel.page;
    await panel.send({ type: 'event', event: { kind: 'show', section: 'plan' } });
    await p.locator('.plan-status p').first().waitFor();
    assert.ok((await p.locator('.plan-status p').allInnerTexts()).some((l) => l.startsWith('Paso 2 de 3: 12,5 mg desde el 1 mar 2026')));
    const row = p.locator('tr', { hasText: '12,5 mg' });
    assert.strictEqual(await row.count(), 1, 'the steps table writes 12,5 mg');
    await row.locator('button.codicon-edit').click();
    assert.strictEqual(await value(panel, '#step-mg'), '12,5');
  });
});
