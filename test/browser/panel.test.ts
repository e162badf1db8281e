import * as assert from 'assert';
import type { EntryView, HostMessage, WebviewMessage } from '../../src/protocol';
import { openPanel, startBrowser, stopBrowser, type PanelPage } from './panelHarness';

function entry(over: Partial<EntryView> = {}): EntryView {
  return {
    id: 'e1-0000-0000',
    at: '2026-03-01T09:14:00.000Z',
    localDate: '2026-03-01',
    time: '09:14',
    mood: 7,
    energy: null,
    anxiety: null,
    sleepHours: null,
    note: 'slept well',
    tags: [],
    dose: { mg: 10, unit: 'mg', status: 'taken', medication: 'Escitalopram' },
    symptoms: [],
    ...over
  };
}

/** A stand-in host that answers like the real one, from an in-memory list. */
function host(entries: () => EntryView[]) {
  return (msg: WebviewMessage): HostMessage | undefined => {
    if (msg.type === 'ready') return { type: 'init', l10n: null };
    if (msg.type !== 'request') return undefined;
    if (msg.method === 'entries/recent') return { type: 'response', id: msg.id, ok: true, result: entries().slice(0, msg.params.limit) };
    return { type: 'response', id: msg.id, ok: true, result: null };
  };
}

describe('Journal panel (headless Chromium)', function () {
  this.timeout(30_000);
  let panel: PanelPage | undefined;

  before(startBrowser);
  after(stopBrowser);
  afterEach(async () => {
    if (panel) assert.deepStrictEqual(panel.problems, [], 'no CSP violations or page errors');
    await panel?.close();
    panel = undefined;
  });

  it('says "ready" first, then lists the latest entries with time, mood, dose and note', async () => {
    panel = await openPanel(host(() => [entry(), entry({ id: 'e2-0000-0000', time: '21:02', mood: 4, note: '', dose: null })]));
    assert.deepStrictEqual(panel.posted[0], { type: 'ready' });
    await panel.page.waitForSelector('li.entry >> nth=1');
    const rows = await panel.page.$$eval('li.entry', (els) => els.map((e) => e.textContent!.replace(/\s+/g, ' ').trim()));
    assert.match(rows[0], /2026-03-01 09:14/);
    assert.match(rows[0], /Mood 7\/10/);
    assert.match(rows[0], /10 mg/);
    assert.match(rows[0], /slept well/);
    assert.match(rows[1], /21:02.*Mood 4\/10/);
    const rendered = await panel.waitForPosted((m) => m.type === 'rendered' && m.rows.length === 2);
    assert.ok(rendered.type === 'rendered' && /slept well/.test(rendered.rows[0]));
  });

  it('shows a note containing HTML as text: no element is created and no script runs', async () => {
    const note = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
    panel = await openPanel(host(() => [entry({ note })]));
    await panel.page.waitForSelector('li.entry .note');
    const shown = await panel.page.$eval('li.entry .note', (el) => ({ text: el.textContent, children: el.children.length }));
    assert.strictEqual(shown.text, note);
    assert.strictEqual(shown.children, 0);
    assert.strictEqual(await panel.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.strictEqual(await panel.page.$$eval('img, b', (els) => els.length), 0);
  });

  it('asks the host to run Check In when the button is clicked', async () => {
    panel = await openPanel(host(() => []));
    await panel.page.getByText('No entries yet', { exact: false }).waitFor();
    await panel.page.locator('vscode-button', { hasText: 'Check in' }).click();
    const req = await panel.waitForPosted((m) => m.type === 'request' && m.method === 'command/run');
    assert.deepStrictEqual(req.type === 'request' && req.params, { command: 'checkIn' });
  });

  it('reloads when the host says the journal changed', async () => {
    let list = [entry()];
    panel = await openPanel(host(() => list));
    await panel.page.waitForSelector('li.entry');
    list = [entry({ id: 'new-0000-0000', note: 'added from the palette' }), ...list];
    await panel.send({ type: 'event', event: { kind: 'changed' } });
    await panel.page.getByText('added from the palette').waitFor();
    assert.strictEqual(await panel.page.locator('li.entry').count(), 2);
  });
});
