import * as assert from 'assert';
import {
  adherence,
  dailyMood,
  daysSinceLastChange,
  daysWithoutLevel,
  doseChanges,
  doseTimeline,
  levelsByDay,
  moodByDose,
  sampleSd,
  symptomOnsets,
  weeklyMood
} from '../../src/core/stats';
import { datesIn } from '../../src/core/time';
import { checkIn, dose, step, symptom } from '../fixtures/transfer-rows';

const DELETED = { deleted: true };

describe('stats: empty input and empty ranges', () => {
  it('gives empty or zero results, never NaN', () => {
    assert.deepStrictEqual(datesIn('2026-03-05', '2026-03-04'), [], 'from after to');
    assert.deepStrictEqual(dailyMood([], '2026-03-05', '2026-03-04'), []);
    assert.deepStrictEqual(dailyMood([], '2026-03-01', '2026-03-01'), [{ date: '2026-03-01', mean: null, min: null, max: null, n: 0 }]);
    assert.deepStrictEqual(moodByDose([], []), []);
    assert.deepStrictEqual(weeklyMood([], '2026-03-02', '2026-03-03'), [{ week: '2026-W10', start: '2026-03-02', mean: null, days: 0 }]);
    assert.deepStrictEqual(doseTimeline([], [], '2026-03-05', '2026-03-04'), { days: [], segments: [], changes: [] });
    const a = adherence([], [], '2026-03-01', '2026-03-02');
    assert.deepStrictEqual([a.days, a.planDays, a.atPlan, a.notLogged], [2, 0, 0, 2]);
    assert.deepStrictEqual(symptomOnsets([], [], '2026-03-01', '2026-03-31'), []);
    assert.strictEqual(daysSinceLastChange([], '2026-03-01'), null);
  });

  it('computes the sample SD, and none below two values', () => {
    // 2,4,4,4,5,5,7,9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, /(8−1) → √(32/7) ≈ 2.138.
    assert.strictEqual(Math.round(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])! * 1000) / 1000, 2.138);
    assert.strictEqual(sampleSd([5]), null);
    assert.strictEqual(sampleSd([]), null);
  });
});

describe('stats: deleted rows', () => {
  it('are ignored by every figure', () => {
    const checkins = [checkIn('ci-a-0301', '2026-03-01', 6), checkIn('ci-x-0301', '2026-03-01', 1, DELETED)];
    const doses = [dose('do-a-0301', '2026-03-01', 20), dose('do-x-0302', '2026-03-02', 5, 'changed', DELETED)];
    const steps = [step('st-a-0301', '2026-03-01', 20), { ...step('st-x-0302', '2026-03-02', 1), deletedAt: '2026-03-02T00:00:00.000Z' }];
    const symptoms = [symptom('sy-x-0302', '2026-03-02', 'nausea', 'Nausea', 3, DELETED)];
    assert.deepStrictEqual(dailyMood(checkins, '2026-03-01', '2026-03-01')[0], { date: '2026-03-01', mean: 6, min: 6, max: 6, n: 1 });
    assert.deepStrictEqual(doseChanges(doses), [], 'the deleted 5 mg dose is no change');
    assert.deepStrictEqual(
      moodByDose(checkins, doses).map((d) => [d.mg, d.mean, d.days]),
      [[20, 6, 1]]
    );
    const a = adherence(doses, steps, '2026-03-01', '2026-03-02');
    assert.deepStrictEqual([a.atPlan, a.notLogged, a.planDays], [1, 1, 2], 'the deleted 1 mg step is no plan');
    assert.deepStrictEqual(symptomOnsets(symptoms, doses, '2026-03-01', '2026-03-31'), []);
  });
});

describe('stats: dose level of a day (carry-forward rule)', () => {
  const doses = [
    dose('do-0301', '2026-03-01', 20),
    // 03-02, 03-03: nothing logged → 20 carries forward
    dose('do-0304-skip', '2026-03-04', 20, 'skipped'), // only skipped → still 20
    dose('do-0305-am', '2026-03-05', 20, 'taken', { hh: 8 }),
    dose('do-0305-pm', '2026-03-05', 15, 'changed', { hh: 20 }), // the last of the day wins → 15
    dose('do-0306-am', '2026-03-06', 15, 'taken', { hh: 8 }),
    dose('do-0306-skip', '2026-03-06', 10, 'skipped', { hh: 20 }) // a later skipped dose changes nothing
  ];

  it('uses the last non-skipped dose of the day, else the last level before', () => {
    const levels = levelsByDay(doses, '2026-02-28', '2026-03-07');
    assert.deepStrictEqual(
      [...levels],
      [
        ['2026-02-28', null], // before the first dose ever logged
        ['2026-03-01', 20],
        ['2026-03-02', 20],
        ['2026-03-03', 20],
        ['2026-03-04', 20],
        ['2026-03-05', 15],
        ['2026-03-06', 15],
        ['2026-03-07', 15]
      ]
    );
    assert.deepStrictEqual(levelsByDay(doses, '2026-04-01', '2026-04-01').get('2026-04-01'), 15, 'carried from long before the range');
  });

  it('assigns mood days by that rule and leaves out days before any dose', () => {
    // 02-28 (mood 3): no dose yet. 03-02 (7) and 03-04 (5) carry 20 mg; 03-05 (4) is 15 mg.
    const checkins = [checkIn('ci-0228', '2026-02-28', 3), checkIn('ci-0302', '2026-03-02', 7), checkIn('ci-0304', '2026-03-04', 5), checkIn('ci-0305', '2026-03-05', 4)];
    assert.deepStrictEqual(moodByDose(checkins, doses), [
      // 20 mg: (7 + 5) / 2 = 6; sd = √(((7−6)² + (5−6)²) / 1) = √2 ≈ 1.414.
      { mg: 20, mean: 6, days: 2, checkIns: 2, sd: Math.SQRT2, min: 5, max: 7 },
      { mg: 15, mean: 4, days: 1, checkIns: 1, sd: null, min: 4, max: 4 }
    ]);
    assert.strictEqual(daysWithoutLevel(checkins, doses), 1);
    assert.deepStrictEqual(
      moodByDose(checkins, doses, '2026-03-03', '2026-03-31').map((d) => [d.mg, d.days]),
      [
        [20, 1],
        [15, 1]
      ],
      'a range keeps only its days, but the level still carries in from before it'
    );
  });

  it('lists level changes, not the first level, and counts days since the last', () => {
    const more = [...doses, dose('do-0310', '2026-03-10', 15), dose('do-0320', '2026-03-20', 10, 'changed')];
    assert.deepStrictEqual(doseChanges(more), [
      { date: '2026-03-05', fromMg: 20, toMg: 15 },
      { date: '2026-03-20', fromMg: 15, toMg: 10 }
    ]);
    assert.strictEqual(daysSinceLastChange(more, '2026-03-19'), 14, '03-05 → 03-19; the 03-20 change is later');
    assert.strictEqual(daysSinceLastChange(more, '2026-03-20'), 0);
    assert.strictEqual(daysSinceLastChange(more, '2026-03-01'), null);
  });
});

describe('stats: mood per local day', () => {
  it('groups by the local date, not the UTC date', () => {
    // 23:30 in New York on 03-01 is 04:30 UTC on 03-02.
    const late = checkIn('ci-late-0301', '2026-03-01', 4, { hh: 23, mm: 30 });
    assert.ok(late.at.startsWith('2026-03-02T04:30'));
    const days = dailyMood([checkIn('ci-am-0301', '2026-03-01', 8), late], '2026-03-01', '2026-03-02');
    // 03-01: (8 + 4) / 2 = 6 from 2 check-ins; 03-02: none.
    assert.deepStrictEqual(days, [
      { date: '2026-03-01', mean: 6, min: 4, max: 8, n: 2 },
      { date: '2026-03-02', mean: null, min: null, max: null, n: 0 }
    ]);
  });

  it('averages daily means per ISO week, cut to the range', () => {
    // Range Sun 03-01 .. Tue 03-10. W09 holds only 03-01 (mood 2). W10: 03-02 (4, 6 → 5) and 03-05 (8)
    // → (5 + 8) / 2 = 6.5 over 2 days. W11: 03-09 (3) only → 3.
    const checkins = [
      checkIn('ci-0301', '2026-03-01', 2),
      checkIn('ci-0302-a', '2026-03-02', 4),
      checkIn('ci-0302-b', '2026-03-02', 6, { hh: 20 }),
      checkIn('ci-0305', '2026-03-05', 8),
      checkIn('ci-0309', '2026-03-09', 3),
      checkIn('ci-0311', '2026-03-11', 10) // after the range
    ];
    assert.deepStrictEqual(weeklyMood(checkins, '2026-03-01', '2026-03-10'), [
      { week: '2026-W09', start: '2026-02-23', mean: 2, days: 1 },
      { week: '2026-W10', start: '2026-03-02', mean: 6.5, days: 2 },
      { week: '2026-W11', start: '2026-03-09', mean: 3, days: 1 }
    ]);
  });
});

describe('stats: plan compared with logged doses', () => {
  it('puts each day in one group', () => {
    const steps = [step('st-0303', '2026-03-03', 20), step('st-0305', '2026-03-05', 15)];
    const doses = [
      dose('do-0301', '2026-03-01', 20), // no plan yet → loggedNoPlan
      dose('do-0303', '2026-03-03', 20), // at plan
      dose('do-0304', '2026-03-04', 10), // below 20
      dose('do-0305', '2026-03-05', 20), // above 15
      dose('do-0306-skip', '2026-03-06', 15, 'skipped', { hh: 8 }),
      dose('do-0306', '2026-03-06', 15, 'taken', { hh: 20 }), // skipped then taken: counts as taken, at plan
      dose('do-0307-skip', '2026-03-07', 15, 'skipped')
      // 03-02 and 03-08: nothing
    ];
    const a = adherence(doses, steps, '2026-03-01', '2026-03-08');
    assert.deepStrictEqual(a, {
      days: 8,
      planDays: 6,
      atPlan: 2,
      abovePlan: 1,
      belowPlan: 1,
      loggedNoPlan: 1,
      skipped: 1,
      notLogged: 2,
      differences: [
        { date: '2026-03-04', loggedMg: 10, plannedMg: 20 },
        { date: '2026-03-05', loggedMg: 20, plannedMg: 15 }
      ],
      skippedDates: ['2026-03-07'],
      notLoggedDates: ['2026-03-02', '2026-03-08']
    });
    // 2 + 1 + 1 + 1 + 1 + 2 = 8: every day counted once.
    assert.strictEqual(a.atPlan + a.abovePlan + a.belowPlan + a.loggedNoPlan + a.skipped + a.notLogged, a.days);
  });
});

describe('stats: symptom onsets', () => {
  const doses = [dose('do-0201', '2026-02-01', 20), dose('do-0225', '2026-02-25', 15, 'changed'), dose('do-0310', '2026-03-10', 10, 'changed')];

  it('counts days from the latest change on or before the first day logged, even before the range', () => {
    const symptoms = [
      symptom('sy-zap-0302', '2026-03-02', 'brain_zaps', '', 2), // empty label → the built-in label
      symptom('sy-zap-0304', '2026-03-04', 'brain_zaps', '', 1),
      symptom('sy-diz-0310', '2026-03-10', 'dizziness', 'Dizziness', 1), // same day as a change
      symptom('sy-ring-0220', '2026-02-20', 'own:ringing', 'Ringing ears', 1), // before the range
      symptom('sy-ring-0303', '2026-03-03', 'own:ringing', 'Ringing ears', 2)
    ];
    const onsets = symptomOnsets(symptoms, doses, '2026-03-01', '2026-03-31');
    assert.deepStrictEqual(
      onsets.map((o) => [o.label, o.firstDate, o.change && `${o.change.fromMg}→${o.change.toMg}`, o.daysAfterChange, o.peak, o.daysLogged, o.spanDays, o.loggedBefore]),
      [
        // 03-02 − 02-25 = 5 days (02-25 → 03-01 is 4, +1); peak 2; 2 days; span 03-02..03-04 = 3.
        ['Brain zaps (electric-shock sensations)', '2026-03-02', '20→15', 5, 2, 2, 3, false],
        // 03-03 − 02-25 = 6 days; it was also logged on 02-20, before the range.
        ['Ringing ears', '2026-03-03', '20→15', 6, 2, 1, 1, true],
        ['Dizziness', '2026-03-10', '15→10', 0, 1, 1, 1, false]
      ]
    );
  });

  it('also dates the first day logged after each later change in the range', () => {
    // Dizziness 02-27, 03-01 (after 20 → 15 on 02-25), then 03-12, 03-14 (after 15 → 10 on 03-10).
    const symptoms = ['2026-02-27', '2026-03-01', '2026-03-12', '2026-03-14'].map((d) => symptom(`sy-diz-${d}`, d, 'dizziness', 'Dizziness', 1));
    const [o] = symptomOnsets(symptoms, doses, '2026-02-26', '2026-03-31');
    // 02-27 − 02-25 = 2 days; 03-12 − 03-10 = 2 days.
    assert.deepStrictEqual([o.firstDate, o.daysAfterChange], ['2026-02-27', 2]);
    assert.deepStrictEqual(o.afterLaterChanges, [{ change: { date: '2026-03-10', fromMg: 15, toMg: 10 }, firstDate: '2026-03-12', daysAfterChange: 2 }]);
    // A change after the range's end is not shown.
    assert.deepStrictEqual(symptomOnsets(symptoms, doses, '2026-02-26', '2026-03-09')[0].afterLaterChanges, []);
  });

  it('has no change to refer to when none was logged before the symptom', () => {
    const [o] = symptomOnsets([symptom('sy-diz-0120', '2026-01-20', 'dizziness', 'Dizziness', 1)], doses, '2026-01-01', '2026-01-31');
    assert.strictEqual(o.change, null);
    assert.strictEqual(o.daysAfterChange, null);
  });
});
