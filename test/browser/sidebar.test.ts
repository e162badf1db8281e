import * as assert from 'assert';
import { checkin, CONTEXT, FakeHost, manyEntries } from '../../tools/browser/fakeHost';
import { openSidebar, type PanelPage } from '../../tools/browser/sidebarPage';
import { usePanelPages } from './sidebarHooks';

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';

describe('Journal panel (headless Chromium, stand-in host)', function () {
  this.timeout(30_000);
  let panel: PanelPage | undefined;

  const panels = usePanelPages();

  const rows = (p: PanelPage) => p.page.$$eval('li.entry', (els) => els.map((e) => e.textContent!.replace(/\s+/g, ' ').trim()));

  it('says "ready" first, then shows entries grouped by day with time, mood, dose and note', async () => {
    const host = new FakeHost([checkin({ id: 'a1-0000', note: 'slept well' }), checkin({ id: 'a2-0000', time: '21:02', mood: 4, note: '', dose: null, localDate: '2026-02-28' })]);
    panel = panels.current = await openSidebar(host.handle);
    assert.deepStrictEqual(panel.posted[0], { type: 'ready' });
    await panel.page.waitForSelector('li.entry >> nth=1');
    const shown = await rows(panel);
    assert.match(shown[0], /09:14.*Mood 7\/10.*10 mg.*slept well/);
    assert.match(shown[1], /21:02.*Mood 4\/10/);
    assert.strictEqual(await panel.page.locator('h3.day-heading').count(), 2, 'one heading per day');
    const rendered = await panel.waitForPosted((m) => m.type === 'rendered' && m.rows.length === 2);
    assert.ok(rendered.type === 'rendered' && /slept well/.test(rendered.rows[0]));
  });

  it('keeps HTML in notes and tags as inert text, in the list and in the edit form', async () => {
    const host = new FakeHost([checkin({ id: 'x1-0000', note: XSS, tags: ['<img src=y onerror="window.__pwned=3">'] })]);
    panel = panels.current = await openSidebar(host.handle);
    await panel.page.waitForSelector('li.entry .note');
    assert.strictEqual(await panel.page.$eval('li.entry .note', (el) => el.textContent), XSS);
    assert.match(await panel.page.$eval('li.entry .tag', (el) => el.textContent!), /^#<img src=y/);
    await panel.page.locator('li.entry button.edit').click();
    await panel.page.waitForFunction(() => (document.querySelector('#note') as HTMLTextAreaElement | null)?.value?.includes('<script>'));
    assert.strictEqual(await panel.page.$$eval('img, b, script:not([src]):not([nonce])', (els) => els.length), 0, 'no element was created from the text');
    assert.strictEqual(await panel.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'no script ran');
  });

  it('validates the form in the panel before anything is sent', async () => {
    const host = new FakeHost();
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.waitForSelector('#save');
    await p.locator('#save').click();
    await p.getByText('Choose a mood from 1 to 10.', { exact: true }).waitFor();
    assert.match(await p.locator('[role=alert]').first().innerText(), /not saved/);
    await p.locator('.mood-option[data-mood="6"]').click();
    await p.locator('#more-toggle').click();
    await p.locator('#dose-mg input').fill('ten');
    await p.locator('#sleep input').fill('30');
    await p.locator('#save').click();
    await p.getByText('Type the dose as a number, e.g. 10 or 7.5.', { exact: true }).waitFor();
    await p.getByText('Hours slept must be a number from 0 to 24.', { exact: true }).waitFor();
    assert.strictEqual(host.saved.length, 0, 'nothing was sent to the host');
    await p.locator('#dose-mg input').fill('7.5');
    await p.locator('#sleep input').fill('6.5');
    await p.locator('#save').click();
    await p.getByText('Check-in saved.').waitFor({ state: 'attached' });
    assert.deepStrictEqual(host.saved[0].dose, { mg: 7.5, status: 'taken' });
    assert.strictEqual(host.saved[0].sleepHours, 6.5);
    assert.strictEqual(host.saved[0].mood, 6);
  });

  it('takes a whole check-in from the keyboard alone', async () => {
    const host = new FakeHost();
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.waitForSelector('.mood-option');
    const focused = () => p.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className}` : '';
    });
    let presses = 0;
    while (!(await focused()).includes('mood-option') && presses++ < 10) await p.keyboard.press('Tab');
    assert.ok((await focused()).includes('mood-option'), 'Tab reaches the mood buttons');
    await p.keyboard.press('8'); // a digit picks the mood directly
    await p.keyboard.type(''); // focus stays on the radio group
    // Type a note: Tab forward to the note field.
    for (let i = 0; i < 20 && !(await focused()).includes('#note'); i++) await p.keyboard.press('Tab');
    assert.ok((await focused()).includes('#note'), 'Tab reaches the note');
    await p.keyboard.type('typed without a mouse');
    for (let i = 0; i < 6 && !(await focused()).includes('#save'); i++) await p.keyboard.press('Tab');
    assert.ok((await focused()).includes('#save'), 'Tab reaches Save');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('saved'));
    assert.strictEqual(host.saved.length, 1);
    assert.strictEqual(host.saved[0].mood, 8);
    assert.strictEqual(host.saved[0].note, 'typed without a mouse');
    assert.deepStrictEqual(host.saved[0].dose, { mg: 10, status: 'taken' }, 'the offered dose is prefilled');
  });

  it('once today\'s dose is logged, says so and adds no dose unless another is chosen; editing an old entry is unaffected', async () => {
    const host = new FakeHost([checkin({ id: 'old-00001', localDate: '2026-03-01', note: 'an old day' })]);
    const logged = { ...CONTEXT, offeredDose: null, loggedToday: [{ mg: 10, status: 'taken' as const, time: '08:36' }, { mg: 5, status: 'taken' as const, time: '14:02' }] };
    // Like the real host: once a check-in with a dose is saved, the context names today's dose.
    const handle: typeof host.handle = (msg, p) => {
      const reply = host.handle(msg, p);
      if (msg.type === 'request' && msg.method === 'entry/save') host.context = logged;
      return reply;
    };
    panel = panels.current = await openSidebar(handle);
    const p = panel.page;
    const saves = async (n: number) => {
      for (let i = 0; i < 200 && host.saved.length < n; i++) await p.waitForTimeout(25);
      assert.strictEqual(host.saved.length, n, `${n} saves`);
    };
    const options = () => p.$$eval('#dose-status option', (els) => els.map((o) => o.textContent!.trim()));

    // The first check-in of the day: the offered dose, as before.
    await p.locator('.mood-option[data-mood="6"]').click();
    await p.locator('#save').click();
    await saves(1);
    assert.deepStrictEqual(host.saved[0].dose, { mg: 10, status: 'taken' });

    // The second: the form names what is logged, its dose menu is described by it, and no amount is offered.
    const line = p.locator('#dose-logged');
    await line.waitFor();
    assert.strictEqual((await line.innerText()).trim(), 'Already logged today: 10 mg at 08:36 and 5 mg at 14:02');
    assert.strictEqual(await p.locator('#dose-status').getAttribute('aria-describedby'), 'dose-logged');
    assert.strictEqual(await p.locator('#dose-status').inputValue(), 'none');
    assert.deepStrictEqual(await options(), ['No other dose', 'Another dose today', 'Changed to', 'Skipped']);
    assert.strictEqual(await p.locator('#dose-mg').count(), 0, 'no amount to send');
    await p.locator('.mood-option[data-mood="4"]').click();
    await p.locator('#save').click();
    await saves(2);
    assert.strictEqual(host.saved[1].dose, null, 'the second check-in adds no dose');

    // Another intake is chosen on purpose, and its amount typed: recorded as taken, never as a change.
    await p.locator('.mood-option[data-mood="5"]').click();
    await p.locator('#dose-status').focus();
    await p.locator('#dose-status').selectOption('taken');
    assert.strictEqual(await p.locator('#dose-mg input').inputValue(), '', 'no amount is prefilled');
    await p.locator('#dose-mg input').fill('5');
    await p.locator('#save').click();
    await saves(3);
    assert.deepStrictEqual(host.saved[2].dose, { mg: 5, status: 'taken' });
    await p.waitForFunction(() => (document.querySelector('#dose-status') as HTMLSelectElement | null)?.value === 'none');

    // Editing an old check-in shows its own dose, with the usual choices.
    await p.locator('li.entry[data-id="old-00001"] button.edit').click();
    await p.getByText('Edit entry').waitFor();
    assert.strictEqual(await p.locator('#dose-logged').count(), 0);
    assert.strictEqual(await p.locator('#dose-status').inputValue(), 'taken');
    assert.deepStrictEqual(await options(), ['Taken', 'Changed to', 'Skipped', 'No dose']);
  });

  it('edits an entry in place, deletes one and brings it back with Undo', async () => {
    const host = new FakeHost([checkin({ id: 'ed-0000-1', mood: 3, note: 'first' }), checkin({ id: 'ed-0000-2', mood: 5, note: 'second', time: '08:00' })]);
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.waitForSelector('li.entry >> nth=1');
    await p.locator('li.entry[data-id="ed-0000-1"] button.edit').click();
    await p.getByText('Edit entry').waitFor();
    assert.strictEqual(await p.locator('.mood-option[aria-checked="true"]').getAttribute('data-mood'), '3', 'the form shows the entry');
    await p.keyboard.press('9'); // focus is on the checked mood after Edit
    await p.locator('#save').click();
    await p.getByText('Changes saved.').waitFor({ state: 'attached' });
    assert.deepStrictEqual(host.updated.map((u) => [u.id, u.draft.mood, u.draft.note]), [['ed-0000-1', 9, 'first']]);
    await p.waitForFunction(() => document.querySelector('li.entry[data-id="ed-0000-1"]')?.textContent?.includes('Mood 9/10'));

    await p.locator('li.entry[data-id="ed-0000-2"] button.delete').click();
    await p.locator('#undo').waitFor();
    await p.waitForFunction(() => !document.querySelector('li.entry[data-id="ed-0000-2"]'));
    assert.strictEqual(await p.evaluate(() => document.activeElement?.id), 'undo', 'focus moves to Undo');
    await p.keyboard.press('Enter');
    await p.waitForSelector('li.entry[data-id="ed-0000-2"]');
    assert.ok(host.requests.some((r) => r.type === 'request' && r.method === 'entry/undo'));
  });

  it('offers Undo after an edit, and Undo from the keyboard puts the entry back as it was', async () => {
    const host = new FakeHost([checkin({ id: 'ed-0000-1', mood: 3, note: 'first' })]);
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.waitForSelector('li.entry[data-id="ed-0000-1"]');
    await p.locator('li.entry[data-id="ed-0000-1"] button.edit').click();
    await p.getByText('Edit entry').waitFor();
    await p.keyboard.press('9'); // focus is on the checked mood after Edit
    await p.locator('#save').focus();
    await p.keyboard.press('Enter');
    await p.locator('.undo-bar', { hasText: 'Edited: mood 9' }).waitFor();
    await p.waitForFunction(() => document.querySelector('li.entry[data-id="ed-0000-1"]')?.textContent?.includes('Mood 9/10'));
    assert.strictEqual(await p.evaluate(() => document.activeElement?.id), 'undo', 'focus moves to Undo, as after a delete');
    assert.match(await p.locator('#status').textContent() ?? '', /Undo is available/);
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('#status')?.textContent === 'Change undone. The entry is back as it was.');
    const undo = host.requests.find((r) => r.type === 'request' && r.method === 'entry/undo');
    assert.ok(undo && undo.type === 'request' && undo.method === 'entry/undo' && undo.params.undoToken === 'undo-edit-1', 'the edit\'s own token');
    await p.waitForFunction(() => document.querySelector('li.entry[data-id="ed-0000-1"]')?.textContent?.includes('Mood 3/10'));
    assert.strictEqual(await p.locator('.undo-bar').count(), 0, 'Undo is spent');
  });

  it('filters by range, tag and symptom, and searches the notes', async () => {
    const host = new FakeHost([
      checkin({ id: 'f-1-00000', note: 'gym then work', tags: ['work'] }),
      checkin({ id: 'f-2-00000', note: 'dizzy all day', symptoms: [{ key: 'dizziness', label: 'Dizziness', severity: 2 }] }),
      checkin({ id: 'f-3-00000', note: 'quiet evening' })
    ]);
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.waitForSelector('li.entry >> nth=2');
    const lastPage = () => [...host.requests].reverse().find((r) => r.type === 'request' && r.method === 'history/page');
    await p.locator('#filters-toggle').click();
    assert.strictEqual(await p.locator('#filters-toggle').getAttribute('aria-expanded'), 'true');

    await p.evaluate(() => {
      const s = document.querySelector('#filter-tag') as HTMLSelectElement;
      s.value = 'work';
      s.dispatchEvent(new Event('change'));
    });
    await p.waitForFunction(() => document.querySelectorAll('li.entry').length === 1);
    assert.match((await rows(panel))[0], /gym then work/);
    const tagRequest = lastPage();
    assert.ok(tagRequest?.type === 'request' && tagRequest.method === 'history/page' && tagRequest.params.filter.tag === 'work');

    await p.evaluate(() => {
      const tag = document.querySelector('#filter-tag') as HTMLSelectElement;
      tag.value = '';
      tag.dispatchEvent(new Event('change'));
      const s = document.querySelector('#filter-symptom') as HTMLSelectElement;
      s.value = 'dizziness';
      s.dispatchEvent(new Event('change'));
    });
    await p.waitForFunction(() => document.querySelectorAll('li.entry').length === 1 && document.querySelector('li.entry')!.textContent!.includes('dizzy'));

    await p.evaluate(() => {
      const s = document.querySelector('#filter-symptom') as HTMLSelectElement;
      s.value = '';
      s.dispatchEvent(new Event('change'));
    });
    await p.locator('#filter-search input').fill('EVENING');
    await p.waitForFunction(() => document.querySelectorAll('li.entry').length === 1 && document.querySelector('li.entry')!.textContent!.includes('quiet evening'));
    const range = await p.evaluate(() => {
      const s = document.querySelector('#filter-range') as HTMLSelectElement;
      s.value = '7';
      s.dispatchEvent(new Event('change'));
      return s.value;
    });
    assert.strictEqual(range, '7');
    await p.waitForFunction(() => document.querySelector('.count')?.textContent?.includes('1 of 1'));
    const last = lastPage();
    assert.ok(last?.type === 'request' && last.method === 'history/page');
    assert.deepStrictEqual(last.params.filter, { range: '7', tag: null, symptom: null, search: 'EVENING' });
  });

  it('keeps a half-typed entry when the panel is hidden and shown again', async () => {
    const host = new FakeHost();
    panel = panels.current = await openSidebar(host.handle);
    await panel.page.locator('.mood-option[data-mood="4"]').click();
    await panel.page.locator('#note textarea').fill('half a thought');
    const state = await panel.page.evaluate(() => (window as unknown as { __savedState: unknown }).__savedState);
    await panel.close();
    panel = panels.current = await openSidebar(new FakeHost().handle, { state });
    await panel.page.waitForFunction(() => (document.querySelector('#note') as HTMLTextAreaElement | null)?.value === 'half a thought');
    assert.strictEqual(await panel.page.locator('.mood-option[aria-checked="true"]').getAttribute('data-mood'), '4');
  });

  it('after a change, reloads only what shows a table the change touched', async () => {
    const host = new FakeHost([checkin({ id: 'a1-0000', note: 'slept well' })]);
    panel = panels.current = await openSidebar(host.handle);
    await panel.page.waitForSelector('li.entry');
    const asked = () => host.requests.flatMap((m) => (m.type === 'request' ? [m.method] : []));
    await panel.page.waitForTimeout(200);
    const before = asked().length;
    // An appointment was added in another window: no part of the Journal tab shows appointments.
    await panel.send({ type: 'event', event: { kind: 'changed', tables: ['appointments'], reason: 'sync' } });
    await panel.page.waitForTimeout(300);
    assert.deepStrictEqual(asked().slice(before), [], 'nothing was asked again');
    // A check-in arrived: the list and the form's context are read once each, and the new entry shows.
    host.items.unshift(checkin({ id: 'a2-0000', time: '21:02', note: 'from the other window' }));
    await panel.send({ type: 'event', event: { kind: 'changed', tables: ['checkins', 'doses'], reason: 'sync' } });
    await panel.page.waitForFunction(() => document.querySelectorAll('li.entry').length === 2);
    await panel.page.waitForTimeout(200);
    assert.deepStrictEqual(asked().slice(before).sort(), ['history/page', 'sidebar/context']);
  });

  it('gives up on a request the host never answers, and says so', async () => {
    const host = new FakeHost([checkin({ id: 'slow-0000' })]);
    const silent = (msg: Parameters<typeof host.handle>[0], p: Parameters<typeof host.handle>[1]) => (msg.type === 'request' && msg.method === 'history/page' ? undefined : host.handle(msg, p));
    panel = panels.current = await openSidebar(silent, { requestTimeoutMs: 400 });
    const alert = await panel.page.locator('[role=alert]').first().innerText();
    assert.match(alert, /No answer to "history\/page"/);
    const ids = panel.posted.filter((m) => m.type === 'request').map((m) => (m.type === 'request' ? m.id : -1));
    assert.strictEqual(new Set(ids).size, ids.length, 'every request carries its own id');
  });

  it('reports the rows it drew only when the host says it runs tests', async () => {
    const host = new FakeHost([checkin({ id: 'quiet-000', note: 'private words' })]);
    const normal = (msg: Parameters<typeof host.handle>[0], p: Parameters<typeof host.handle>[1]) =>
      msg.type === 'ready' ? { type: 'init' as const, l10n: null, testMode: false } : host.handle(msg, p);
    panel = panels.current = await openSidebar(normal);
    await panel.page.waitForSelector('li.entry');
    await panel.page.locator('.mood-option[data-mood="6"]').click();
    assert.deepStrictEqual(panel.posted.filter((m) => m.type === 'rendered'), [], 'nothing about the rows left the panel');
  });

  it('confirms a save with the same words as the palette, and Undo beside them', async () => {
    const host = new FakeHost();
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.locator('.mood-option[data-mood="6"]').click();
    await p.locator('#save').click();
    await p.locator('.undo-bar', { hasText: 'Saved: mood 6' }).waitFor();
    await p.locator('#undo').click();
    await p.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Undone.'));
    const undo = host.requests.find((r) => r.type === 'request' && r.method === 'entry/undo');
    assert.ok(undo && undo.type === 'request' && undo.method === 'entry/undo' && undo.params.undoToken === 'undo-saved-1');
  });

  it('pages through 10,000 entries instead of rendering them all', async () => {
    const host = new FakeHost(manyEntries(10_000));
    panel = panels.current = await openSidebar(host.handle);
    const p = panel.page;
    await p.waitForSelector('li.entry >> nth=59');
    assert.strictEqual(await p.locator('li.entry').count(), 60, 'one page of 60');
    await p.locator('#load-more').scrollIntoViewIfNeeded();
    await p.waitForFunction(() => document.querySelectorAll('li.entry').length === 120);
    assert.match(await p.locator('.count').innerText(), /120 of 10000/);
  });
});
