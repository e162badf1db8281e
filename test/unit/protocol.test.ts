import * as assert from 'assert';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { addDays } from '../../src/core/time';
import { dashboardDataSchema, type DashboardData } from '../../src/webviews/dashboard/protocol';
import { webviewMessageSchema } from '../../src/webviews/protocol';

describe('protocol: messages from the panel', () => {
  it('rejects 1,000 random invalid messages, so none can reach the journal', () => {
    const nearMiss = fc.oneof(
      fc.record({ type: fc.constant('request'), id: fc.integer({ min: 0, max: 100 }), method: fc.constant('entry/save'), params: fc.record({ draft: fc.record({ mood: fc.oneof(fc.integer({ min: 11 }), fc.integer({ max: 0 }), fc.string()) }) }) }),
      fc.record({ type: fc.constant('request'), id: fc.integer({ min: 0, max: 100 }), method: fc.string(), params: fc.anything() }),
      fc.record({ type: fc.constant('request'), id: fc.string(), method: fc.constant('history/page'), params: fc.anything() }),
      fc.record({ type: fc.constant('request'), id: fc.integer({ min: 0 }), method: fc.constant('command/run'), params: fc.record({ command: fc.string() }) })
    );
    let rejected = 0;
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearMiss), (m) => {
        const ok = webviewMessageSchema.safeParse(m).success;
        if (!ok) rejected++;
        // Anything accepted must be one of the known, well-formed shapes.
        return !ok || ['ready', 'rendered', 'request'].includes((m as { type: string }).type);
      }),
      { numRuns: 1000, seed: 7 }
    );
    assert.ok(rejected > 950, `${rejected} of 1000 rejected`);
  });

  it('accepts a well-formed check-in from the panel and rejects one with an arbitrary command', () => {
    const draft = { mood: 7, dose: { mg: 10, status: 'taken' }, symptoms: [], tags: ['work'], energy: null, anxiety: null, sleepHours: 7, note: 'ok', date: null, time: null };
    assert.ok(webviewMessageSchema.safeParse({ type: 'request', id: 1, method: 'entry/save', params: { draft } }).success);
    assert.ok(!webviewMessageSchema.safeParse({ type: 'request', id: 1, method: 'command/run', params: { command: 'workbench.action.terminal.sendSequence' } }).success);
    assert.ok(!webviewMessageSchema.safeParse({ type: 'request', id: 1, method: 'entry/save', params: { draft: { ...draft, date: '2026-13-99x' } } }).success);
  });
});

describe('protocol: the dashboard answer', () => {
  // 02-28: only a skipped dose; 03-01: 15 mg taken on a 10 mg step (one day at another dose).
  const day = (date: string, mean: number | null, n: number, taken: number | null = 10) => ({ date, mean, min: mean === null ? null : 4, max: mean === null ? null : 8, n, dose: 10, taken, skipped: taken === null, planned: null, median: null });
  const data: DashboardData = {
    today: '2026-03-02',
    timeline: {
      from: '2026-02-27',
      to: '2026-03-02',
      days: [day('2026-02-27', 6, 2), day('2026-02-28', null, 0, null), day('2026-03-01', 5.5, 2, 15), day('2026-03-02', 7, 1)],
      markers: [],
      moodByDose: [],
      moodByDoseLeftOut: { noDose: 0, otherDose: 1, beforeFirstDose: 0 },
      symptoms: [],
      unit: 'mg'
    },
    changes: [],
    steps: [],
    associations: []
  };

  it("sends the timeline's days as columns, and the page reads back the same days with their dates", () => {
    const sent = z.encode(dashboardDataSchema, data);
    assert.deepStrictEqual(sent.timeline.days.mean, [6, null, 5.5, 7]);
    assert.deepStrictEqual([sent.timeline.days.taken, sent.timeline.days.skipped], [
      [10, null, 15, 10],
      [0, 1, 0, 0]
    ]);
    assert.deepStrictEqual(dashboardDataSchema.parse(JSON.parse(JSON.stringify(sent))), data);
  });

  it('rejects a column with a day too few or a value out of range', () => {
    const sent = z.encode(dashboardDataSchema, data);
    const short = { ...sent, timeline: { ...sent.timeline, days: { ...sent.timeline.days, n: [2, 0, 2] } } };
    assert.ok(!dashboardDataSchema.safeParse(short).success);
    const high = { ...sent, timeline: { ...sent.timeline, days: { ...sent.timeline.days, mean: [6, null, 5.5, 70] } } };
    assert.ok(!dashboardDataSchema.safeParse(high).success);
    assert.ok(!z.safeEncode(dashboardDataSchema, { ...data, timeline: { ...data.timeline, days: [day('2026-02-27', 70, 1), ...data.timeline.days.slice(1)] } }).success);
  });

  it('checks each column with the bounds a day object has: whole numbers, nulls only where a day may have none', () => {
    const sent = z.encode(dashboardDataSchema, data);
    const withColumn = (key: keyof typeof sent.timeline.days, column: unknown[]) => ({ ...sent, timeline: { ...sent.timeline, days: { ...sent.timeline.days, [key]: column } } });
    assert.ok(dashboardDataSchema.safeParse(withColumn('min', [4, null, 4, 4])).success);
    assert.ok(!dashboardDataSchema.safeParse(withColumn('min', [4.5, null, 4, 4])).success, 'the lowest check-in of a day is a whole number');
    assert.ok(!dashboardDataSchema.safeParse(withColumn('n', [2, null, 2, 1])).success, 'every day has a count, even of none');
    assert.ok(!dashboardDataSchema.safeParse(withColumn('n', [2, -1, 2, 1])).success);
    assert.ok(!dashboardDataSchema.safeParse(withColumn('dose', [10, '10', 10, 10])).success);
    assert.ok(!dashboardDataSchema.safeParse(withColumn('skipped', [0, 2, 0, 0])).success, '"skipped only" is 0 or 1');
    assert.ok(!dashboardDataSchema.safeParse(withColumn('skipped', [0, null, 0, 0])).success, 'every day says whether it was skipped only');
    assert.ok(!dashboardDataSchema.safeParse(withColumn('taken', [10, null, -1, 10])).success);
    assert.ok(!dashboardDataSchema.safeParse(withColumn('median', [6, null, 5.5, 0])).success, 'mood runs from 1');
    assert.ok(!dashboardDataSchema.safeParse({ ...sent, timeline: { ...sent.timeline, days: { ...sent.timeline.days, mean: 'not a column' } } }).success);
  });

  it('dates the days across a month, a leap day and a year end', () => {
    const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => ({ date: addDays(from, i), mean: null, min: null, max: null, n: 0, dose: null, taken: null, skipped: i === 1, planned: null, median: null }));
    for (const [from, count] of [['2023-12-30', 4], ['2024-02-27', 5], ['2025-02-27', 3]] as const) {
      const long: DashboardData = { ...data, timeline: { ...data.timeline, from, to: addDays(from, count - 1), days: days(from, count) } };
      assert.deepStrictEqual(dashboardDataSchema.parse(JSON.parse(JSON.stringify(z.encode(dashboardDataSchema, long)))).timeline.days, long.timeline.days);
    }
  });
});
