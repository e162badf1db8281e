import * as assert from 'assert';
import { methods, webviewMessageSchema, type Method, type Request } from '../../src/webviews/protocol';
import { type EntryDraft } from '../../src/webviews/sidebar/protocol';
import { answer } from '../../src/webviews/host/dispatch';
import * as fs from 'fs';
import * as path from 'path';
import { fixedClock, ROOT } from './helpers';
import { english, testJournal, type TestJournal } from './journalFixture';

const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({
  mood: 7,
  dose: { mg: 10, status: 'taken' },
  symptoms: [],
  tags: ['work'],
  energy: null,
  anxiety: null,
  sleepHours: 7,
  note: 'typed into the panel',
  date: null,
  time: null,
  ...over
});

/** Calls a handler and checks its answer against the method's result schema, as the host does. */
async function call<M extends Method>(j: TestJournal, method: M, params: Parameters<TestJournal['handlers'][M]>[0]) {
  const result = await (j.handlers[method] as (p: unknown) => Promise<unknown>)(params);
  const checked = methods[method].result.safeParse(result);
  assert.ok(checked.success, `${method}: the answer matches its schema`);
  return result as Awaited<ReturnType<TestJournal['handlers'][M]>>;
}

describe('panel handlers (Node, real journal)', () => {
  let j: TestJournal;
  const clock = fixedClock('2026-03-10T09:14:00Z', 'UTC');
  beforeEach(async () => {
    clock.set('2026-03-10T09:14:00Z');
    j = await testJournal(clock);
  });
  afterEach(() => j.close());

  it('saves, edits, deletes and restores an entry, and pages through the history', async () => {
    const context = await call(j, 'sidebar/context', {});
    assert.deepStrictEqual([context.today, context.offeredDose, context.lastDose, context.tags], ['2026-03-10', null, null, []]);
    const saved = await call(j, 'entry/save', { draft: draft() });
    assert.match(saved.message, /^Saved: mood 7 \(Good\) · 10 mg taken$/);
    assert.deepStrictEqual(j.effects, ['hasCheckIn', 'support:none:panel']);
    clock.advance(60_000);
    await call(j, 'entry/save', { draft: draft({ mood: 5, note: 'a missed day', date: '2026-03-08', time: '21:30', dose: null }) });
    let page = await call(j, 'history/page', { filter: { range: 'all', tag: null, symptom: null, search: '' }, offset: 0, limit: 60 });
    assert.deepStrictEqual(page.items.map((i) => (i.kind === 'checkin' ? [i.entry.localDate, i.entry.time, i.entry.mood] : i.kind)), [
      ['2026-03-10', '09:14', 7],
      ['2026-03-08', '21:30', 5]
    ]);
    page = await call(j, 'history/page', { filter: { range: '7', tag: 'work', symptom: null, search: 'missed' }, offset: 0, limit: 60 });
    assert.strictEqual(page.total, 1);

    await call(j, 'entry/update', { id: saved.id, draft: draft({ mood: 9 }) });
    const { undoToken } = await call(j, 'entry/delete', { id: saved.id, kind: 'checkin' });
    page = await call(j, 'history/page', { filter: { range: 'all', tag: null, symptom: null, search: '' }, offset: 0, limit: 60 });
    assert.strictEqual(page.total, 1);
    await call(j, 'entry/undo', { undoToken });
    page = await call(j, 'history/page', { filter: { range: 'all', tag: null, symptom: null, search: '' }, offset: 0, limit: 60 });
    assert.deepStrictEqual(page.items.map((i) => (i.kind === 'checkin' ? [i.entry.id, i.entry.mood] : i.kind))[0], [saved.id, 9]);
    await assert.rejects(call(j, 'entry/undo', { undoToken }), /Nothing to undo/);
    await assert.rejects(call(j, 'entry/save', { draft: draft({ date: '2026-03-11', time: null }) }), /2026-03-11 is in the future/);

    const offered = await call(j, 'sidebar/context', {});
    // Today's dose is logged (the restored entry): the form names it and offers none.
    assert.deepStrictEqual([offered.offeredDose, offered.lastDose, offered.loggedToday, offered.tags], [null, 10, [{ mg: 10, status: 'taken', time: '09:14' }], ['work']]);
  });

  it('takes a check-up and a review, and reports them as done', async () => {
    let data = await call(j, 'checkups/data', {});
    assert.deepStrictEqual([data.due.phq9, data.due.gad7, data.due.review, data.planActive], [true, true, false, false]);
    const phq = await call(j, 'checkups/save', { kind: 'phq9', answers: [1, 1, 1, 0, 0, 0, 0, 0, 0], difficulty: 1 });
    assert.deepStrictEqual([phq.total, phq.band], [3, 'minimal']);
    await call(j, 'plan/saveStep', { id: null, startDate: '2026-03-01', targetMg: 15, note: '' });
    const review = await call(j, 'review/save', { symptoms: [{ key: 'dizziness', label: 'Dizziness', severity: 2 }] });
    assert.strictEqual(review.count, 20, 'every listed symptom, 0 when absent');
    data = await call(j, 'checkups/data', {});
    assert.deepStrictEqual([data.due.phq9, data.due.gad7, data.due.review, data.planActive, data.lastReview, data.results.length], [false, true, false, true, '2026-03-10', 1]);
  });

  it('records the plan, medications and appointments, and compares logged doses with the plan', async () => {
    const med = await call(j, 'plan/saveMedication', { id: null, name: 'Escitalopram', unit: 'mg', form: 'tablet' });
    const step = await call(j, 'plan/saveStep', { id: null, startDate: '2026-03-08', targetMg: 15, note: 'agreed' });
    await call(j, 'appointments/save', { id: null, date: '2026-04-20', time: '10:30', provider: 'Dr. Rivera', questions: ['Hold at 15?'], outcome: null });
    for (const [day, mg] of [['2026-03-08', 15], ['2026-03-09', 20], ['2026-03-10', 15]] as const) {
      await call(j, 'entry/save', { draft: draft({ date: day, time: '08:00', dose: { mg, status: 'taken' } }) });
    }
    const plan = await call(j, 'plan/data', {});
    assert.deepStrictEqual(plan.medications.map((m) => m.id), [med.id]);
    // Day 0 is the step's first day (03-08), as in the summary: today, 03-10, is day 2.
    assert.deepStrictEqual([plan.current?.step.id, plan.current?.daysOnStep, plan.adherence.atPlan, plan.adherence.abovePlan], [step.id, 2, 2, 1]);
    assert.deepStrictEqual(plan.appointments.map((a) => [a.date, a.questions]), [['2026-04-20', ['Hold at 15?']]]);
    assert.strictEqual(j.store.get('taper_steps', step.id)?.medicationId, med.id, 'a new step belongs to the first medication');
    await call(j, 'plan/deleteStep', { id: step.id });
    await call(j, 'appointments/delete', { id: plan.appointments[0].id });
    const after = await call(j, 'plan/data', {});
    assert.deepStrictEqual([after.steps.length, after.appointments.length, after.current], [0, 0, null]);
  });

  it('answers every edit in the Plan tab with an undo token, and entry/undo puts the row back as it was', async () => {
    const step = await call(j, 'plan/saveStep', { id: null, startDate: '2026-03-08', targetMg: 15, note: 'agreed' });
    const med = await call(j, 'plan/saveMedication', { id: null, name: 'Escitalopram', unit: 'mg', form: 'tablet' });
    const appointment = await call(j, 'appointments/save', { id: null, date: '2026-04-20', time: '10:30', provider: 'Dr. Rivera', questions: ['Hold at 15?'], outcome: null });
    const before = await call(j, 'plan/data', {});
    const edits: [string, () => Promise<unknown>][] = [
      ['plan/saveStep', () => call(j, 'plan/saveStep', { id: step.id, startDate: '2026-03-09', targetMg: 12.5, note: 'changed' })],
      ['plan/saveMedication', () => call(j, 'plan/saveMedication', { id: med.id, name: 'Lexapro', unit: 'mg', form: 'liquid' })],
      ['appointments/save', () => call(j, 'appointments/save', { id: appointment.id, date: '2026-04-22', time: null, provider: 'Dr. Chen', questions: [], outcome: 'Hold' })],
      ['supply/tablets', () => call(j, 'supply/tablets', { medicationId: med.id, tabletMg: 10, split: 'half' })],
      ['plan/deleteStep', () => call(j, 'plan/deleteStep', { id: step.id })]
    ];
    for (const [method, edit] of edits) {
      clock.advance(60_000);
      const { undoToken } = (await edit()) as { undoToken: string };
      assert.ok(undoToken, `${method} answers with an undo token`);
      assert.notDeepStrictEqual(await call(j, 'plan/data', {}), before, `${method} changed the plan`);
      clock.advance(60_000);
      await call(j, 'entry/undo', { undoToken });
      assert.deepStrictEqual(await call(j, 'plan/data', {}), before, `${method} undone: the plan as it was`);
    }
  });

  it('marks each recalled period on the timelines as of the logged medication or another, which keeps it off the mg axis', async () => {
    await call(j, 'entry/save', { draft: draft({ date: '2026-03-09', time: '08:00' }) });
    const period = (medication: string, startDate: string, endDate: string, mg: number) => ({ id: null, medication, startDate, endDate, mg, context: '', mood: null, certainty: null });
    await call(j, 'history/save', period('Sertraline', '2025-06', '2025-09', 50));
    await call(j, 'history/save', period(' ESCITALOPRAM', '2025-10', '2026-02', 20));
    const marks = (list: { medication: string; sameMedication: boolean }[] | undefined) => list?.map((r) => [r.medication, r.sameMedication]);
    const expected = [
      ['Sertraline', false],
      ['ESCITALOPRAM', true]
    ];
    assert.deepStrictEqual(marks((await call(j, 'charts/data', { range: 'all' })).recalled), expected);
    // The dashboard's answer travels encoded (its days in columns): read it as the handler gives it.
    assert.deepStrictEqual(marks((await j.handlers['dashboard/data']({})).timeline.recalled), expected);
  });

  it('refuses a change up close that no longer starts on the day asked, and names that day in the words\' language', async () => {
    const change = (tj: TestJournal) => (tj.handlers['dashboard/change'] as (p: unknown) => Promise<unknown>)({ date: '2026-03-01' });
    await assert.rejects(change(j), { message: 'No dose change starts on Mar 1, 2026. The journal may have changed; choose the change again.' });
    const es: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.es.json'), 'utf8'));
    const spanish = await testJournal(clock, (message, ...args) => english(es[message] ?? message, ...args), 'es');
    try {
      await assert.rejects(change(spanish), { message: 'Ningún cambio de dosis empieza el 1 mar 2026. Puede que el diario haya cambiado; elija el cambio de nuevo.' });
    } finally {
      await spanish.close();
    }
  });

  it('opens only support links and panel commands through the host', async () => {
    await call(j, 'support/open', { index: 0 });
    await call(j, 'support/open', { index: 19 });
    await call(j, 'command/run', { command: 'prepareSummary' });
    assert.deepStrictEqual(j.opened, ['link:tel:988', 'command:prepareSummary']);
  });

  it("runs a page's command straight from the extension's command table, and refuses a command a page may not run", async () => {
    await call(j, 'command/run', { command: 'openDashboard' });
    await call(j, 'command/run', { command: 'checkIn' });
    assert.deepStrictEqual(j.opened, ['command:openDashboard', 'command:checkIn']);
    // In the table, but not a page's to run: the message is refused on the way in, and the handler refuses it too.
    assert.ok(!webviewMessageSchema.safeParse({ type: 'request', id: 7, method: 'command/run', params: { command: 'exportJournal' } }).success);
    await assert.rejects((j.handlers['command/run'] as (p: unknown) => Promise<unknown>)({ command: 'exportJournal' }), /cannot run the command exportJournal/);
    await assert.rejects((j.handlers['command/run'] as (p: unknown) => Promise<unknown>)({ command: 'workbench.action.terminal.sendSequence' }), /cannot run/);
    assert.deepStrictEqual(j.opened, ['command:openDashboard', 'command:checkIn'], 'nothing else ran');
  });
});

describe('panel requests: answers are checked before they are posted', () => {
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
  const request = { type: 'request', id: 4, method: 'checkups/save', params: { kind: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], difficulty: null } } as Request;

  it('turns an answer of the wrong shape into an error reply, logged by field and code without the data', async () => {
    const handlers = { 'checkups/save': async () => ({ id: 'q-00000001', total: 99, band: 'secret words about a low day' }) } as unknown as TestJournal['handlers'];
    const reply = await answer(handlers, request, log, 'not in the expected form');
    assert.deepStrictEqual(reply, { type: 'error', id: 4, ok: false, message: 'not in the expected form' });
    assert.strictEqual(lines.length, 1);
    assert.match(lines[0], /checkups\/save .*total: too_big/);
    assert.doesNotMatch(lines[0], /99|secret/);
  });

  it('passes a well-formed answer on, and a handler\'s error as an error reply', async () => {
    const ok = { 'checkups/save': async () => ({ id: 'q-00000001', total: 0, band: 'minimal' }) } as unknown as TestJournal['handlers'];
    assert.deepStrictEqual(await answer(ok, request, log, ''), { type: 'response', id: 4, ok: true, result: { id: 'q-00000001', total: 0, band: 'minimal' } });
    const failing = { 'checkups/save': async () => Promise.reject(new Error('That entry no longer exists.')) } as unknown as TestJournal['handlers'];
    assert.deepStrictEqual(await answer(failing, request, log, ''), { type: 'error', id: 4, ok: false, message: 'That entry no longer exists.' });
  });
});
