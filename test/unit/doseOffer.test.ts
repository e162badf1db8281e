// The check-in knows today: what the dose step offers on the first and on a later check-in of a
// day, the words naming what was logged, and the tablets each intake uses.
import * as assert from 'assert';
import { doseOffer } from '../../src/core/doseOffer';
import { loggedTodayText } from '../../src/core/loggedTodayWords';
import type { Medication, SupplyChange } from '../../src/core/schemas';
import { supplyStatus, tabletBalance } from '../../src/core/supply';
import { instantOf, stampOf } from '../../src/core/time';
import { dose, step, ZONE } from '../fixtures/transfer-rows';
import { fixedClock } from './helpers';
import { english, testJournal } from './journalFixture';

// Steady at 10 mg from 03-01 to 03-05 (08:00 New York time).
const steady = () => ['01', '02', '03', '04', '05'].map((dd) => dose(`d-${dd}`, `2026-03-${dd}`, 10));
const offer = (doses: ReturnType<typeof steady>, today: string, steps = [step('st-10', '2026-02-01', 10)]) => doseOffer({ doses, steps, today, fallback: null });

describe('the dose step: what a check-in offers today', () => {
  it('offers the step in force on the first check-in of the day, for Enter to record as taken', () => {
    assert.deepStrictEqual(offer(steady(), '2026-03-06'), { offered: 10, previous: 10, loggedToday: [] });
    assert.deepStrictEqual(doseOffer({ doses: [], steps: [], today: '2026-03-06', fallback: 20 }), { offered: 20, previous: null, loggedToday: [] }, 'nothing logged or planned: the setting');
  });

  it('offers nothing once today\'s dose is logged, and names what was logged with its local time', () => {
    const today = offer([...steady(), dose('d-06', '2026-03-06', 10, 'taken', { hh: 8, mm: 36 })], '2026-03-06');
    assert.deepStrictEqual(today, { offered: null, previous: 10, loggedToday: [{ mg: 10, status: 'taken', time: '08:36' }] });
    assert.strictEqual(loggedTodayText(today.loggedToday, 'mg', english), 'Already logged today: 10 mg at 08:36');
  });

  it('a skipped dose today is logged too: nothing is offered', () => {
    const today = offer([...steady(), dose('s-06', '2026-03-06', 10, 'skipped', { hh: 8, mm: 36 })], '2026-03-06');
    assert.strictEqual(today.offered, null);
    assert.strictEqual(loggedTodayText(today.loggedToday, 'mg', english), 'Already logged today: skipped at 08:36');
  });

  it('names several intakes in the order taken; deleted ones are not there', () => {
    const doses = [
      ...steady(),
      dose('late', '2026-03-06', 5, 'taken', { hh: 14, mm: 2 }),
      dose('early', '2026-03-06', 10, 'taken', { hh: 8, mm: 36 }),
      dose('gone', '2026-03-06', 10, 'taken', { hh: 9, deleted: true })
    ];
    const today = offer(doses, '2026-03-06');
    assert.strictEqual(loggedTodayText(today.loggedToday, 'mg', english), 'Already logged today: 10 mg at 08:36 and 5 mg at 14:02');
    const many = [5, 2.5, 2.5, 7.5].map((mg, i) => ({ mg, status: 'taken' as const, time: `1${i}:00` }));
    assert.strictEqual(loggedTodayText(many, 'mg', english), 'Already logged today: 5 mg at 10:00, 2.5 mg at 11:00 and 2 more');
    assert.strictEqual(loggedTodayText([{ mg: 7.5, status: 'changed', time: '09:00' }, ...many.slice(0, 2)], 'mg', english), 'Already logged today: changed to 7.5 mg at 09:00, 5 mg at 10:00 and 2.5 mg at 11:00');
  });

  it('after a day of 10 mg and a 5 mg top-up, the next day offers the step (10), not the last intake (5)', () => {
    const doses = [...steady(), dose('d-06', '2026-03-06', 10, 'taken', { hh: 8 }), dose('top-06', '2026-03-06', 5, 'taken', { hh: 14 })];
    assert.deepStrictEqual(offer(doses, '2026-03-07', []), { offered: 10, previous: 10, loggedToday: [] });
  });

  it('a plan step starting today wins over the step in force; one that began before the last dose does not', () => {
    const plan = [step('st-10', '2026-02-01', 10), step('st-7.5', '2026-03-06', 7.5)];
    assert.deepStrictEqual(offer(steady(), '2026-03-06', plan), { offered: 7.5, previous: 10, loggedToday: [] });
    // The user kept to 10 mg on the new step's first two days: what they take wins from then on.
    const kept = [...steady(), dose('d-06', '2026-03-06', 10), dose('d-07', '2026-03-07', 10)];
    assert.strictEqual(offer(kept, '2026-03-08', plan).offered, 10);
  });
});

describe('the tablet supply follows intakes, and assumes the step in force', () => {
  const FIXED = '2026-01-01T00:00:00.000Z';
  const medication: Medication = { id: 'med-1', createdAt: FIXED, updatedAt: FIXED, deletedAt: null, name: 'Escitalopram', unit: 'mg', form: 'tablet', tabletMg: 10, split: 'half' };
  const s = stampOf(instantOf('2026-03-06', 7, 0, ZONE), ZONE);
  const count: SupplyChange = { id: 'count', createdAt: s.at, updatedAt: s.at, deletedAt: null, ...s, medicationId: 'med-1', kind: 'count', tablets: 30 };

  it('goes down once per intake: 10 mg and a 5 mg top-up use 1½ tablets; a skipped dose uses none', () => {
    const doses = [...steady(), dose('d-06', '2026-03-06', 10, 'taken', { hh: 8 }), dose('top-06', '2026-03-06', 5, 'taken', { hh: 14 }), dose('s-07', '2026-03-07', 10, 'skipped')];
    assert.strictEqual(tabletBalance([count], doses, 10)?.onHand, 28.5);
    assert.strictEqual(tabletBalance([count], [...steady(), dose('d-06', '2026-03-06', 10, 'taken', { hh: 8 })], 10)?.onHand, 29, 'one dose, one tablet');
  });

  it('states the days left at the step in force (10 mg), not at the last intake (5 mg)', () => {
    const doses = [...steady(), dose('d-06', '2026-03-06', 10, 'taken', { hh: 8 }), dose('top-06', '2026-03-06', 5, 'taken', { hh: 14 })];
    const status = supplyStatus({ medication, changes: [count], doses, steps: [], today: '2026-03-06' });
    assert.deepStrictEqual([status.onHand, status.dose, status.daysLeft], [28.5, { mg: 10, source: 'last' }, 28]);
  });
});

describe('the entry form\'s context knows today (real journal)', () => {
  const draft = { mood: 7, dose: { mg: 10, status: 'taken' as const }, symptoms: [], tags: [], energy: null, anxiety: null, sleepHours: null, note: '', date: null, time: null };

  it('offers the step after a top-up day, names the dose once logged and offers nothing, and a plan step starting today wins', async () => {
    const clock = fixedClock('2026-03-08T08:00:00Z', 'UTC');
    const j = await testJournal(clock);
    try {
      await j.actions.logDose({ mg: 10, status: 'taken', medication: 'Escitalopram' });
      clock.set('2026-03-09T08:00:00Z');
      await j.actions.logDose({ mg: 10, status: 'taken', medication: 'Escitalopram' });
      clock.set('2026-03-09T14:00:00Z');
      await j.actions.logDose({ mg: 5, status: 'taken', medication: 'Escitalopram' });
      clock.set('2026-03-10T08:36:00Z');
      let context = await j.handlers['sidebar/context']({});
      assert.deepStrictEqual([context.offeredDose, context.lastDose, context.loggedToday], [10, 10, []], 'the first check-in of the day offers the step');
      await j.handlers['entry/save']({ draft });
      clock.set('2026-03-10T21:00:00Z');
      context = await j.handlers['sidebar/context']({});
      assert.deepStrictEqual([context.offeredDose, context.lastDose, context.loggedToday], [null, 10, [{ mg: 10, status: 'taken', time: '08:36' }]], 'the second offers none');
      await j.handlers['plan/saveStep']({ id: null, startDate: '2026-03-11', targetMg: 7.5, note: '' });
      clock.set('2026-03-11T08:00:00Z');
      context = await j.handlers['sidebar/context']({});
      assert.deepStrictEqual([context.offeredDose, context.lastDose, context.loggedToday], [7.5, 10, []], 'the plan\'s new step');
    } finally {
      await j.close();
    }
  });
});
