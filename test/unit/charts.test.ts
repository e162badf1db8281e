import * as assert from 'assert';
import type { Op } from '../../src/core/schemas';
import { buildSummary } from '../../src/core/summary/summary';
import { localDateOf } from '../../src/core/time';
import { rowsFromOps } from '../../src/core/transfer/transfer';
import type { ChartData } from '../../src/webviews/shared/views';
import { allRows } from '../../src/storage/read/journal';
import { demoJournal } from '../fixtures/demoJournal';
import { checkIn, dose, lifeEvent, symptom, ZONE } from '../fixtures/transfer-rows';
import { fixedClock } from './helpers';
import { testJournal, type TestJournal } from './journalFixture';

// A hand-made week in America/New_York, the chart range '7' ending on 2026-03-10 (from 03-04).
// 20 mg logged (with a check-in) on 02-20, long before the range: the step carries in, but 03-04 has no dose logged,
// so it is not taken. On 03-05 two doses share the same instant: 20 mg taken, then (created later)
// "changed to 15": one change to 15, with the day's total (35 mg) shown beside it. 15 mg taken on
// 03-06; on 03-07 a skipped 10 mg dose changes nothing; on 03-08 10 mg is logged ("changed"), and
// taken on 03-09; 03-10 has no dose logged.
function week(): Op[] {
  const sameMoment = dose('do-0305-b', '2026-03-05', 15, 'changed');
  const rows: Op[] = [
    { table: 'doses', row: dose('do-0220-a', '2026-02-20', 20) },
    { table: 'doses', row: { ...dose('do-0305-a', '2026-03-05', 20), createdAt: '2026-03-05T13:00:00.000Z' } },
    { table: 'doses', row: { ...sameMoment, createdAt: '2026-03-05T13:00:01.000Z' } },
    { table: 'doses', row: dose('do-0306-a', '2026-03-06', 15) },
    { table: 'doses', row: dose('do-0307-a', '2026-03-07', 10, 'skipped') },
    { table: 'doses', row: dose('do-0308-a', '2026-03-08', 10, 'changed') },
    { table: 'doses', row: dose('do-0309-a', '2026-03-09', 10) },
    { table: 'checkins', row: checkIn('ci-0220-am', '2026-02-20', 7) },
    { table: 'checkins', row: checkIn('ci-0304-am', '2026-03-04', 6) },
    { table: 'checkins', row: checkIn('ci-0305-am', '2026-03-05', 4) },
    { table: 'checkins', row: checkIn('ci-0305-pm', '2026-03-05', 6, { hh: 21 }) },
    { table: 'checkins', row: checkIn('ci-0306-am', '2026-03-06', 5) },
    { table: 'checkins', row: checkIn('ci-0306-xx', '2026-03-06', 1, { deleted: true }) },
    { table: 'checkins', row: checkIn('ci-0308-am', '2026-03-08', 3) },
    { table: 'checkins', row: checkIn('ci-0309-am', '2026-03-09', 8) },
    { table: 'life_events', row: lifeEvent('ev-0306-aa', '2026-03-06', 'Court date') },
    { table: 'symptoms', row: symptom('sy-0305-am', '2026-03-05', 'dizziness', 'Dizziness', 2) },
    { table: 'symptoms', row: symptom('sy-0305-pm', '2026-03-05', 'dizziness', 'Dizziness', 3, { hh: 21 }) },
    { table: 'symptoms', row: symptom('sy-0309-am', '2026-03-09', 'brain_zaps', 'Brain zaps', 1) }
  ];
  return rows;
}

describe('charts: the panel\'s chart data', () => {
  let j: TestJournal | undefined;
  afterEach(async () => {
    await j?.close();
    j = undefined;
  });

  it('gives one row per day with the mood, the step in force and what was taken, markers, mood by dose with the days it leaves out, and symptom strips', async () => {
    j = await testJournal(fixedClock('2026-03-10T16:00:00Z', ZONE));
    await j.store.write(week());
    const data = await j.handlers['charts/data']({ range: '7' });
    assert.strictEqual(data.from, '2026-03-04');
    assert.strictEqual(data.to, '2026-03-10');
    // [date, mean, min, max, n, step, taken, skipped only]: a day not logged is never taken.
    assert.deepStrictEqual(
      data.days.map((d) => [d.date, d.mean, d.min, d.max, d.n, d.dose, d.taken, d.skipped]),
      [
        ['2026-03-04', 6, 6, 6, 1, 20, null, false],
        ['2026-03-05', 5, 4, 6, 2, 15, 35, false],
        ['2026-03-06', 5, 5, 5, 1, 15, 15, false],
        ['2026-03-07', null, null, null, 0, 15, null, true],
        ['2026-03-08', 3, 3, 3, 1, 10, 10, false],
        ['2026-03-09', 8, 8, 8, 1, 10, 10, false],
        ['2026-03-10', null, null, null, 0, 10, null, false]
      ]
    );
    assert.deepStrictEqual(data.markers, [
      { date: '2026-03-05', kind: 'dose-change', label: '20 → 15 mg' },
      { date: '2026-03-06', kind: 'life-event', label: 'Court date' },
      { date: '2026-03-08', kind: 'dose-change', label: '15 → 10 mg' }
    ]);
    // A day counts at a dose when that dose was taken at the step: 15 mg on 03-06 only (03-05 had
    // 35 mg in all); 10 mg on the days of 3 and 8, mean 5.5, SD √(((3−5.5)² + (8−5.5)²) / 1) = √12.5 ≈ 3.54.
    assert.deepStrictEqual(data.moodByDose, [
      { mg: 15, mean: 5, days: 1, sd: null, min: 5, max: 5 },
      { mg: 10, mean: 5.5, days: 2, sd: 3.54, min: 3, max: 8 }
    ]);
    // Left out: 03-04 (no dose logged) and 03-05 (another total that day).
    assert.deepStrictEqual(data.moodByDoseLeftOut, { noDose: 1, otherDose: 1, beforeFirstDose: 0 });
    assert.deepStrictEqual(data.symptoms, [
      { key: 'brain_zaps', label: 'Brain zaps', cells: [{ date: '2026-03-09', severity: 1 }] },
      { key: 'dizziness', label: 'Dizziness', cells: [{ date: '2026-03-05', severity: 3 }] }
    ]);
  });

  it('starts "all" at the first day with an entry, and shows an empty journal as one empty day', async () => {
    j = await testJournal(fixedClock('2026-03-10T16:00:00Z', ZONE));
    const empty = await j.handlers['charts/data']({ range: 'all' });
    assert.deepStrictEqual([empty.from, empty.to, empty.days.length, empty.moodByDose, empty.markers], ['2026-03-10', '2026-03-10', 1, [], []]);
    await j.store.write(week());
    const all = await j.handlers['charts/data']({ range: 'all' });
    assert.strictEqual(all.from, '2026-02-20');
    assert.strictEqual(all.days.length, 19);
  });
});

describe('charts: parity with the summary', () => {
  /** The panel's mood-by-dose figures and the summary's, over the same journal and range, with the days each leaves out. */
  async function both(
    ops: Op[],
    now: string,
    zone: string
  ): Promise<{ panel: ChartData['moodByDose']; summary: ChartData['moodByDose']; panelLeftOut: ChartData['moodByDoseLeftOut']; summaryLeftOut: ChartData['moodByDoseLeftOut'] }> {
    const clock = fixedClock(now, zone);
    const j = await testJournal(clock);
    try {
      await j.store.write(ops);
      const chart = await j.handlers['charts/data']({ range: 'all' });
      const summary = buildSummary(allRows(j.store, true), { from: chart.from, to: chart.to, today: clock.today(), medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: [] });
      const round = (v: number) => Math.round(v * 100) / 100;
      return {
        panel: chart.moodByDose,
        summary: summary.moodByDose.map((m) => ({ mg: m.mg, mean: round(m.mean), days: m.days, sd: m.sd === null ? null : round(m.sd), min: m.min, max: m.max })),
        panelLeftOut: chart.moodByDoseLeftOut,
        summaryLeftOut: { ...summary.moodDaysLeftOut }
      };
    } finally {
      await j.close();
    }
  }

  it('gives the same mood by dose level as the summary on a hand-made journal', async () => {
    const { panel, summary, panelLeftOut, summaryLeftOut } = await both(week(), '2026-03-10T16:00:00Z', ZONE);
    assert.strictEqual(panel.length, 3);
    assert.deepStrictEqual(panel, summary);
    assert.deepStrictEqual(panelLeftOut, summaryLeftOut);
  });

  it('gives the same mood by dose level as the summary on the 60-day demo taper', async () => {
    const now = '2026-06-30T18:00:00Z';
    const ops = demoJournal({ end: localDateOf(Date.parse(now), ZONE), zone: ZONE, days: 60 }).flat();
    assert.ok(rowsFromOps(ops).checkins!.length > 50, 'the demo has check-ins');
    const { panel, summary, panelLeftOut, summaryLeftOut } = await both(ops, now, ZONE);
    assert.ok(panel.length >= 2, 'the taper has more than one dose level');
    assert.deepStrictEqual(panel, summary);
    assert.deepStrictEqual(panelLeftOut, summaryLeftOut);
  });
});
