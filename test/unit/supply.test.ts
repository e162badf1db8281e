import * as assert from 'assert';
import type { Dose, Medication, SupplyChange } from '../../src/core/schemas';
import { daysLeft, doseBasis, inWholePieces, supplyStatus, tabletBalance } from '../../src/core/supply';
import { formatTablets, parseTablets, tabletWords } from '../../src/core/tablets';
import { instantOf, stampOf } from '../../src/core/time';
import { rowsFromOps } from '../../src/core/transfer/transfer';
import { demoJournal } from '../fixtures/demoJournal';
import { dose, step, ZONE } from '../fixtures/transfer-rows';
import { fixedClock } from './helpers';
import { testJournal } from './journalFixture';

const FIXED = '2026-01-01T00:00:00.000Z';

function medication(tabletMg: number, split: Medication['split']): Medication {
  return { id: 'med-1', createdAt: FIXED, updatedAt: FIXED, deletedAt: null, name: 'Escitalopram', unit: 'mg', form: 'tablet', tabletMg, split };
}

function supply(id: string, date: string, hh: number, kind: SupplyChange['kind'], tablets: number): SupplyChange {
  const s = stampOf(instantOf(date, hh, 0, ZONE), ZONE);
  return { id, createdAt: s.at, updatedAt: s.at, deletedAt: null, ...s, medicationId: 'med-1', kind, tablets };
}

// 20 mg tablets split in quarters, across two taper steps: plan 20 mg from 03-01, 15 mg from 03-04,
// 10 mg from 03-08. Doses at 08:00.
//   count 30 on 03-01 at 07:00                            on hand 30
//   03-01..03-03: 20 mg = 1 tablet each           − 3     27
//   03-04, 03-05: 15 mg = ¾ tablet each           − 1.5   25.5
//   refill 10 on 03-05 at 12:00                    + 10   35.5
//   03-06 skipped (uses none); 03-07 15 mg        − 0.75  34.75
//   03-08, 03-09: 10 mg = ½ tablet each           − 1     33.75
// Days left on 03-09 at the plan's 10 mg (½ a day): floor(33.75 / 0.5) = floor(67.5) = 67.
const STEPS = [step('st-20', '2026-03-01', 20), step('st-15', '2026-03-04', 15), step('st-10', '2026-03-08', 10)];
function taperDoses(): Dose[] {
  const mgOn: Record<string, number> = { '01': 20, '02': 20, '03': 20, '04': 15, '05': 15, '06': 15, '07': 15, '08': 10, '09': 10 };
  return Object.entries(mgOn).map(([dd, mg]) => dose(`do-${dd}`, `2026-03-${dd}`, mg, dd === '06' ? 'skipped' : dd === '04' || dd === '08' ? 'changed' : 'taken'));
}
const CHANGES = [supply('sc-count', '2026-03-01', 7, 'count', 30), supply('sc-refill', '2026-03-05', 12, 'refill', 10)];

describe('tablet supply: the arithmetic', () => {
  it('takes mg / strength for each dose taken or changed, in halves and quarters across taper steps', () => {
    const b = tabletBalance(CHANGES, taperDoses(), 20);
    assert.deepStrictEqual(b && { onHand: b.onHand, used: b.used }, { onHand: 33.75, used: 6.25 });
  });

  it('states the days left at the plan step in force, as worked by hand', () => {
    const s = supplyStatus({ medication: medication(20, 'quarter'), changes: CHANGES, doses: taperDoses(), steps: STEPS, today: '2026-03-09' });
    assert.deepStrictEqual(
      { onHand: s.onHand, dose: s.dose, perDose: s.perDose, daysLeft: s.daysLeft, wholePieces: s.wholePieces, belowZero: s.belowZero },
      { onHand: 33.75, dose: { mg: 10, source: 'plan' }, perDose: 0.5, daysLeft: 67, wholePieces: true, belowZero: false }
    );
    // On 03-07, the step in force is 15 mg (¾ a day): floor(33.75 / 0.75) = 45 (the doses logged are the same rows).
    assert.strictEqual(supplyStatus({ medication: medication(20, 'quarter'), changes: CHANGES, doses: taperDoses(), steps: STEPS, today: '2026-03-07' }).daysLeft, 45);
  });

  it('without a plan, assumes the last dose logged and says so', () => {
    const s = supplyStatus({ medication: medication(20, 'quarter'), changes: CHANGES, doses: taperDoses(), steps: [], today: '2026-03-09' });
    assert.deepStrictEqual(s.dose, { mg: 10, source: 'last' });
    assert.strictEqual(s.daysLeft, 67);
    // A skipped dose is no dose to assume.
    assert.deepStrictEqual(doseBasis([], [...taperDoses(), dose('do-10', '2026-03-10', 5, 'skipped')], '2026-03-10'), { mg: 10, source: 'last' });
  });

  it('halves: 10 mg tablets split in half, 10 mg then 5 mg', () => {
    const doses = [dose('a', '2026-03-01', 10), dose('b', '2026-03-02', 10), dose('c', '2026-03-03', 5, 'changed'), dose('d', '2026-03-04', 5)];
    const b = tabletBalance([supply('c', '2026-03-01', 7, 'count', 7)], doses, 10);
    // 7 − 1 − 1 − ½ − ½ = 4; at 5 mg (½ a day) 4 / 0.5 = 8 days.
    assert.strictEqual(b?.onHand, 4);
    assert.strictEqual(daysLeft(4, 5, 10), 8);
    assert.strictEqual(inWholePieces(5, 10, 'half'), true);
    assert.strictEqual(inWholePieces(7.5, 10, 'half'), false, '7.5 mg is no whole number of halves');
    assert.strictEqual(inWholePieces(7.5, 10, 'quarter'), true);
  });

  it('a count sets the number on hand; doses before the first count, deleted doses and deleted rows are not counted', () => {
    const doses = [dose('early', '2026-02-28', 20), ...taperDoses(), dose('gone', '2026-03-09', 20, 'taken', { hh: 9, deleted: true })];
    const recount = supply('sc-recount', '2026-03-09', 20, 'count', 12);
    const gone = { ...supply('sc-gone', '2026-03-02', 12, 'refill', 100), deletedAt: FIXED };
    assert.strictEqual(tabletBalance([...CHANGES, gone], doses, 20)?.onHand, 33.75);
    assert.deepStrictEqual(tabletBalance([...CHANGES, recount], doses, 20), { onHand: 12, since: CHANGES[0].at, used: 0 });
    assert.strictEqual(tabletBalance([], doses, 20), undefined, 'nothing to say before a refill or count');
  });

  it('reports a count below zero as such, with no days-left estimate', () => {
    const s = supplyStatus({ medication: medication(20, 'none'), changes: [supply('c', '2026-03-01', 7, 'count', 2)], doses: taperDoses().slice(0, 3), steps: STEPS, today: '2026-03-03' });
    assert.deepStrictEqual([s.onHand, s.belowZero, s.daysLeft], [-1, true, null]);
  });

  it('reads tablets as typed: whole, halves and quarters only', () => {
    assert.deepStrictEqual(['30', '12.5', '12,25', '1½', '¾', ' 7 '].map(parseTablets), [30, 12.5, 12.25, 1.5, 0.75, 7]);
    assert.deepStrictEqual(['', '1.3', '-2', 'ten', '1000001'].map(parseTablets), [undefined, undefined, undefined, undefined, undefined]);
    assert.deepStrictEqual([0.5, 1.5, 2, 0.75, 2 / 3].map(tabletWords), ['½', '1½', '2', '¾', '0.67']);
    assert.strictEqual(formatTablets(33.75), '33.75');
  });
});

describe('tablet supply: the journal', () => {
  it('logs a refill and a count, and asks to correct a count a dose would take below zero', async () => {
    const clock = fixedClock('2026-03-10T08:00:00Z', 'UTC');
    const j = await testJournal(clock);
    try {
      const { id } = await j.actions.saveTablets({ medicationId: null, tabletMg: 20, split: 'half' });
      const refill = await j.actions.logSupply({ medicationId: id, kind: 'refill', tablets: 1.5 });
      assert.match(refill.message, /Refill saved: 1.5 tablets of Escitalopram added/);
      assert.deepStrictEqual([refill.status.onHand, refill.status.daysLeft], [1.5, null], 'no dose yet: no estimate');
      clock.advance(60_000);
      await j.actions.logDose({ mg: 20, status: 'taken', medication: 'Escitalopram' });
      assert.deepStrictEqual(j.effects, [], 'still ½ tablet on hand');
      // The next day's dose (two on one day would make the daily dose 40 mg).
      clock.advance(86_400_000);
      await j.actions.logDose({ mg: 20, status: 'taken', medication: 'Escitalopram' });
      assert.deepStrictEqual(j.effects, ['belowZero:Escitalopram -0.5'], 'asked once to count, never silently negative');
      clock.advance(60_000);
      const count = await j.actions.logSupply({ medicationId: id, kind: 'count', tablets: 28 });
      // 28 tablets at the last dose, 20 mg (1 a day): 28 days.
      assert.deepStrictEqual([count.status.onHand, count.status.belowZero, count.status.daysLeft, count.status.dose], [28, false, 28, { mg: 20, source: 'last' }]);
    } finally {
      await j.close();
    }
  });

  it('the demo journal runs low near its end: at most 10 days left on the last day', () => {
    const rows = rowsFromOps(demoJournal({ end: '2026-06-30', zone: 'UTC' }).flat());
    const s = supplyStatus({ medication: rows.medications![0], changes: rows.tablet_supply!, doses: rows.doses!, steps: rows.taper_steps!, today: '2026-06-30' });
    assert.strictEqual(s.dose?.source, 'plan');
    assert.ok(s.daysLeft !== null && s.daysLeft >= 1 && s.daysLeft <= 10, `${s.daysLeft} days left`);
    assert.strictEqual(rows.recalled_periods?.length, 4);
  });
});
