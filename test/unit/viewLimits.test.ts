import * as assert from 'assert';
import { buildCheckIn, buildStandaloneDose } from '../../src/core/entries';
import { clip, VIEW, SUPPORT_LINES_MAX } from '../../src/core/limits';
import { resourcesFrom } from '../../src/core/safety';
import { errorForLog } from '../../src/services/logSafely';
import type { Op, TaperStep } from '../../src/core/schemas';
import { addDays, instantOf } from '../../src/core/time';
import { methods, rejectedRequestReply, rejectionFields, webviewMessageSchema } from '../../src/webviews/protocol';
import { sidebarContextSchema, type SidebarContext } from '../../src/webviews/sidebar/protocol';
import { entryById } from '../../src/storage/read/journal';
import { JournalStore } from '../../src/storage/journalStore';
import { toEntryView } from '../../src/storage/read/entryView';
import { chartHandlers } from '../../src/webviews/sidebar/handlers/charts';
import { planHandlers } from '../../src/webviews/sidebar/handlers/plan';
import { english } from './journalFixture';
import { sqlJs, tempDir } from './helpers';

const TODAY = '2026-06-01';
const ZONE = 'UTC';
const at = (date: string, hh = 9) => ({ now: () => instantOf(date, hh, 0, ZONE), zone: () => ZONE });

describe('the panel never breaks on data the host allows', function () {
  this.timeout(120_000);
  let store: JournalStore;
  let bigEntryId: string;

  before(async () => {
    store = await JournalStore.open({ dir: await tempDir(), sql: await sqlJs(), compactAfterMs: 600_000 });
    const ops: Op[] = [];
    // A liquid taper: a new level every day for 2,100 days, each recorded as a change (a new total
    // logged as "taken" for one day only is a one-day deviation, not a level), each day with a check-in.
    for (let i = 0; i < 2100; i++) {
      const date = addDays(TODAY, -i);
      ops.push({ table: 'doses', row: buildStandaloneDose({ mg: 10 + i * 0.001, status: 'changed', medication: 'Escitalopram' }, at(date, 8)) });
      ops.push(...buildCheckIn({ mood: 1 + (i % 10) }, at(date, 9)).ops);
    }
    // One check-in with 520 symptoms, and one dated 1850 (a backdated typo the store accepts).
    const big = buildCheckIn({ mood: 4, symptoms: Array.from({ length: 520 }, (_, i) => ({ key: `own:s${i}`, label: `Symptom ${i}`, severity: 1 + (i % 3) })) }, at(TODAY, 12));
    bigEntryId = big.checkIn.id;
    ops.push(...big.ops, ...buildCheckIn({ mood: 5 }, at('1850-01-01')).ops);
    // 2,100 plan steps, one a day.
    const stamp = new Date(Date.parse('2026-01-01T00:00:00Z')).toISOString();
    for (let i = 0; i < 2100; i++) {
      const step: TaperStep = { id: `step-${String(i).padStart(6, '0')}`, createdAt: stamp, updatedAt: stamp, deletedAt: null, medicationId: null, startDate: addDays('2021-01-01', i), targetMg: 20 - i * 0.001, note: '' };
      ops.push({ table: 'taper_steps', row: step });
    }
    await store.write(ops);
  });

  after(() => store.close());

  /** The Charts and Plan tabs' handlers over this journal, on TODAY. */
  const handlers = () => {
    const clock = { now: () => instantOf(TODAY, 12, 0, ZONE), zone: () => ZONE, today: () => TODAY };
    const d = { read: async () => store, clock, settings: { unit: () => 'mg', medicationName: () => 'Escitalopram' }, t: english } as unknown as Parameters<typeof planHandlers>[0];
    return { ...chartHandlers(d), ...planHandlers(d) };
  };
  const chartData = (range: '365' | 'all') => handlers()['charts/data']({ range });

  it('clips the charts to the panel limits and says what it left out', async () => {
    const data = await chartData('all');
    const checked = methods['charts/data'].result.safeParse(data);
    assert.ok(checked.success, checked.success ? '' : rejectionFields(checked.error));
    assert.strictEqual(data.days.length, VIEW.chartDays, '"all" starts no earlier than the limit allows');
    assert.ok(data.omitted?.days && data.omitted.days > 0, 'the days before are counted');
    assert.strictEqual(data.moodByDose.length, VIEW.doseLevels);
    assert.strictEqual(data.omitted?.doseLevels, 2100 - VIEW.doseLevels);
    assert.strictEqual(data.symptoms.length, VIEW.chartSymptoms);
    assert.strictEqual(data.omitted?.symptoms, 520 - VIEW.chartSymptoms);
    const year = await chartData('365');
    assert.strictEqual(year.omitted?.days, undefined, 'a year of days needs no clipping');
    assert.strictEqual(year.moodByDose.length, 365, 'a year of a liquid taper: 365 levels, more than the old limit of 200');
  });

  it('shows the first symptoms of an entry with too many, and counts the rest', () => {
    const view = toEntryView(entryById(store, bigEntryId)!, 'mg');
    assert.ok(methods['history/page'].result.safeParse({ total: 1, items: [{ kind: 'checkin', entry: view }] }).success);
    assert.strictEqual(view.symptoms.length, VIEW.entrySymptoms);
    assert.strictEqual(view.symptomsOmitted, 520 - VIEW.entrySymptoms);
  });

  it('keeps the plan steps around the current one', async () => {
    const plan = await handlers()['plan/data']({});
    const checked = methods['plan/data'].result.safeParse(plan);
    assert.ok(checked.success, checked.success ? '' : rejectionFields(checked.error));
    assert.strictEqual(plan.steps.length, VIEW.taperSteps);
    assert.strictEqual(plan.omitted?.steps, 100);
    assert.strictEqual(plan.current?.count, 2100, 'the step count is over every step');
    assert.ok(plan.steps.some((s) => s.id === plan.current?.step.id), 'the step in force is among those shown');
  });

  it('takes 21 support lines, long links and 80-character mood labels', () => {
    const lines = Array.from({ length: 21 }, (_, i) => ({ name: `Line ${i}`, contact: 'Call us', link: `https://example.org/${'x'.repeat(300 + i)}` }));
    const { items } = clip(resourcesFrom(lines).resources, SUPPORT_LINES_MAX);
    const context: SidebarContext = {
      support: { resources: items, card: true },
      today: TODAY,
      medication: 'Escitalopram',
      unit: 'mg',
      offeredDose: 10,
      lastDose: 10,
      moodLabels: Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(80, '·')),
      symptomCatalog: [],
      tags: []
    };
    assert.ok(sidebarContextSchema.safeParse(context).success);
    assert.ok(webviewMessageSchema.safeParse({ type: 'request', id: 3, method: 'support/open', params: { index: 20 } }).success, 'the 21st line can be opened');
    const many = clip(resourcesFrom(Array.from({ length: 60 }, (_, i) => ({ name: `L${i}`, contact: 'c' }))).resources, SUPPORT_LINES_MAX);
    assert.deepStrictEqual([many.items.length, many.omitted], [SUPPORT_LINES_MAX, 10]);
  });
});

describe('a request the host refuses', () => {
  const health = { mood: 1, dose: { mg: 10, status: 'taken' }, symptoms: [], tags: [], energy: null, anxiety: null, sleepHours: null, note: 'PRIVATE NOTE about my day', date: 'yesterday', time: null };
  const raw = { type: 'request', id: 41, method: 'entry/save', params: { draft: health } };

  it('is answered at once with an error naming the field', () => {
    const parsed = webviewMessageSchema.safeParse(raw);
    assert.ok(!parsed.success);
    const reply = rejectedRequestReply(raw, parsed.error, (reason) => `refused: ${reason}`);
    assert.ok(reply && reply.type === 'error');
    assert.strictEqual(reply.id, 41);
    assert.match(reply.message, /^refused: params\.draft\.date: invalid_format/);
    assert.strictEqual(rejectedRequestReply({ type: 'ready', extra: 1 }, parsed.error, (r) => r), undefined, 'only requests get an answer');
    assert.strictEqual(rejectedRequestReply({ type: 'request', id: 'x' }, parsed.error, (r) => r), undefined, 'a request without a usable id cannot be answered');
  });

  it('is logged by field name and code only, never with its data', () => {
    const parsed = webviewMessageSchema.safeParse(raw);
    assert.ok(!parsed.success);
    const logged = rejectionFields(parsed.error);
    assert.strictEqual(logged, 'params.draft.date: invalid_format');
    const text = JSON.stringify({ type: 'request', id: 2, method: 'entry/save', params: { draft: { ...health, date: null, note: 'x'.repeat(6000) } } });
    const long = webviewMessageSchema.safeParse(JSON.parse(text));
    assert.ok(!long.success);
    assert.strictEqual(rejectionFields(long.error), 'params.draft.note: too_big');
  });

  it('logs a failed request by the error\'s kind, code and place, never its message', () => {
    const e = Object.assign(new Error('The date 2026-03-02 of "PRIVATE NOTE about my day" is in the future'), { code: 'EFUTURE' });
    const logged = errorForLog(e);
    assert.match(logged, /^Error EFUTURE\n\s+at /);
    assert.doesNotMatch(logged, /PRIVATE|2026-03-02/);
    assert.strictEqual(errorForLog('a thrown string with PRIVATE data'), 'string');
  });
});
