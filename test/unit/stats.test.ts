import * as assert from 'assert';
import { doseRecord } from '../../src/core/stats/doseDays';
import { adherence, daysSinceLastChange, doseChanges, doseTimeline, moodByDose } from '../../src/core/stats/doses';
import { symptomOnsets } from '../../src/core/stats/onsets';
import { dailyMood, sampleSd, weeklyMood } from '../../src/core/stats/mood';
import { datesIn } from '../../src/core/time';
import { checkIn, dose, step, symptom } from '../fixtures/transfer-rows';

const DELETED = { deleted: true };

describe('stats: empty input and empty ranges', () => {
  it('gives empty or zero results, never NaN', () => {
    assert.deepStrictEqual(datesIn('2026-03-05', '2026-03-04'), [], 'from after to');
    assert.deepStrictEqual(dailyMood([], '2026-03-05', '2026-03-04'), []);
    assert.deepStrictEqual(dailyMood([], '2026-03-01', '2026-03-01'), [{ date: '2026-03-01', mean: null, min: null, max: null, n: 0 }]);
    assert.deepStrictEqual(moodByDose([], [], '2026-03-01', '2026-03-31'), { levels: [], leftOut: { noDose: 0, otherDose: 0, beforeFirstDose: 0 } });
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
      moodByDose(checkins, doses, '2026-03-01', '2026-03-02').levels.map((d) => [d.mg, d.mean, d.days]),
      [[20, 6, 1]]
    );
    const a = adherence(doses, steps, '2026-03-01', '2026-03-02');
    assert.deepStrictEqual([a.atPlan, a.notLogged, a.planDays], [1, 1, 2], 'the deleted 1 mg step is no plan');
    assert.deepStrictEqual(symptomOnsets(symptoms, doses, '2026-03-01', '2026-03-31'), []);
  });
});

describe('stats: the dose-day model (a day is taken, skipped only or not logged; steps are not carried as doses)', () => {
  const doses = [
    dose('do-0301', '2026-03-01', 20),
    // 03-02, 03-03: nothing logged → not logged, step still 20
    dose('do-0304-skip', '2026-03-04', 20, 'skipped'), // only skipped → skipped, step still 20
    dose('do-0305-am', '2026-03-05', 20, 'taken', { hh: 8 }),
    dose('do-0305-pm', '2026-03-05', 15, 'changed', { hh: 20 }), // "changed to 15": the step becomes 15 that day; the day's total is 35
    dose('do-0306-am', '2026-03-06', 15, 'taken', { hh: 8 }),
    dose('do-0306-skip', '2026-03-06', 10, 'skipped', { hh: 20 }) // a later skipped dose: still taken (15)
  ];

  it('reads each day as taken (with its total), skipped only, or not logged, with the step in force', () => {
    const days = doseRecord(doses).days('2026-02-28', '2026-03-07');
    assert.deepStrictEqual(
      days.map((d) => [d.date, d.kind, d.total, d.level, d.deviation]),
      [
        ['2026-02-28', 'not-logged', null, null, false], // before the first dose ever logged
        ['2026-03-01', 'taken', 20, 20, false],
        ['2026-03-02', 'not-logged', null, 20, false], // never shown as taken
        ['2026-03-03', 'not-logged', null, 20, false],
        ['2026-03-04', 'skipped', null, 20, false],
        // 20 + 15 = 35 taken, against the step of 15 the user recorded: a day above the step, not a step of 35.
        ['2026-03-05', 'taken', 35, 15, true],
        ['2026-03-06', 'taken', 15, 15, false], // skipped later the same day: the day is taken
        ['2026-03-07', 'not-logged', null, 15, false]
      ]
    );
    assert.deepStrictEqual(days[5].intakes, [20, 15]);
    assert.strictEqual(days[6].skippedToo, true);
    assert.strictEqual(doseRecord(doses).levelOn('2026-04-01'), 15, 'the step holds after the last dose; the days are not taken');
  });

  it('leaves out of mood by dose the days without a dose taken, at another dose, and before the first dose, and names them', () => {
    // 02-28 (mood 3): no dose yet. 03-01 (8): 20 mg taken. 03-02 (7) and 03-04 (5): no dose taken.
    // 03-05 (4): 35 taken on a 15 mg step → another dose. 03-06 (6): 15 mg taken.
    const checkins = [
      checkIn('ci-0228', '2026-02-28', 3),
      checkIn('ci-0301', '2026-03-01', 8),
      checkIn('ci-0302', '2026-03-02', 7),
      checkIn('ci-0304', '2026-03-04', 5),
      checkIn('ci-0305', '2026-03-05', 4),
      checkIn('ci-0306', '2026-03-06', 6)
    ];
    assert.deepStrictEqual(moodByDose(checkins, doses, '2026-02-28', '2026-03-31'), {
      levels: [
        { mg: 20, mean: 8, days: 1, checkIns: 1, sd: null, min: 8, max: 8 },
        { mg: 15, mean: 6, days: 1, checkIns: 1, sd: null, min: 6, max: 6 }
      ],
      leftOut: { noDose: 2, otherDose: 1, beforeFirstDose: 1 }
    });
    assert.deepStrictEqual(
      moodByDose(checkins, doses, '2026-03-03', '2026-03-31').levels.map((d) => [d.mg, d.days]),
      [[15, 1]],
      'a range keeps only its days; the step still comes from before it'
    );
  });

  it('lists step changes, not the first level, and counts days since the last', () => {
    const more = [...doses, dose('do-0310', '2026-03-10', 15), dose('do-0320', '2026-03-20', 10, 'changed')];
    assert.deepStrictEqual(doseChanges(more), [
      { date: '2026-03-05', fromMg: 20, toMg: 15, recorded: true },
      { date: '2026-03-20', fromMg: 15, toMg: 10, recorded: true }
    ]);
    assert.strictEqual(daysSinceLastChange(more, '2026-03-19'), 14, '03-05 → 03-19; the 03-20 change is later');
    assert.strictEqual(daysSinceLastChange(more, '2026-03-20'), 0);
    assert.strictEqual(daysSinceLastChange(more, '2026-03-01'), null);
  });

  it('changes the step where a new total holds on two logged days in a row, and not for one day', () => {
    const d = (date: string, mg: number, status: 'taken' | 'changed' | 'skipped' = 'taken') => dose(`do-${date}-${mg}-${status}`, date, mg, status);
    // 10 10 | 15 (one day) | 10 | 5 5 (held, no status) | gap | 5 | 7.5 (recorded) 7.5
    const rows = [d('2026-05-01', 10), d('2026-05-02', 10), d('2026-05-03', 15), d('2026-05-04', 10), d('2026-05-05', 5), d('2026-05-06', 5), d('2026-05-09', 5), d('2026-05-10', 7.5, 'changed'), d('2026-05-11', 7.5)];
    assert.deepStrictEqual(doseChanges(rows), [
      { date: '2026-05-05', fromMg: 10, toMg: 5, recorded: false },
      { date: '2026-05-10', fromMg: 5, toMg: 7.5, recorded: true }
    ]);
    const r = doseRecord(rows);
    assert.deepStrictEqual([r.day('2026-05-03').deviation, r.day('2026-05-03').level], [true, 10], '05-03 is one day at 15 on the 10 mg step');
    // Two days in a row that differ from the step but not from each other's level (15 then 5) are no change.
    const split = [d('2026-06-01', 10), d('2026-06-02', 15), d('2026-06-03', 5), d('2026-06-04', 10)];
    assert.deepStrictEqual(doseChanges(split), []);
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
    // Steps: 20 from 03-01; 03-04 (10) and 03-05 (20) return to 20, so 03-04 is one day below the
    // step; 03-06 is taken at 15 and 03-07 only skipped, so 15 does not hold on two logged days: a day below too.
    assert.deepStrictEqual(a, {
      days: 8,
      planDays: 6,
      atPlan: 2,
      abovePlan: 1,
      belowPlan: 1,
      loggedNoPlan: 1,
      skipped: 1,
      notLogged: 2,
      aboveStep: 0,
      belowStep: 2,
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

describe('stats: symptom onsets, as episodes', () => {
  const doses = [dose('do-0201', '2026-02-01', 20), dose('do-0225', '2026-02-25', 15, 'changed'), dose('do-0310', '2026-03-10', 10, 'changed')];
  const view = (o: ReturnType<typeof symptomOnsets>[number]) =>
    o.episodes.map((e) => [o.label, e.firstDate, e.change && `${e.change.fromMg}→${e.change.toMg}`, e.daysAfterChange, e.peak, e.daysLogged, e.spanDays]);

  it('counts days from a change in the 28 days before each episode, even one before the range', () => {
    const symptoms = [
      symptom('sy-zap-0302', '2026-03-02', 'brain_zaps', '', 2), // empty label → the built-in label
      symptom('sy-zap-0304', '2026-03-04', 'brain_zaps', '', 1),
      symptom('sy-diz-0310', '2026-03-10', 'dizziness', 'Dizziness', 1), // same day as a change
      symptom('sy-ring-0220', '2026-02-20', 'own:ringing', 'Ringing ears', 1), // before the range
      symptom('sy-ring-0303', '2026-03-03', 'own:ringing', 'Ringing ears', 2)
    ];
    const onsets = symptomOnsets(symptoms, doses, '2026-03-01', '2026-03-31');
    assert.deepStrictEqual(onsets.map(view), [
      // 03-02 − 02-25 = 5 days (02-25 → 03-01 is 4, +1); peak 2; 2 days; span 03-02..03-04 = 3.
      [['Brain zaps (electric-shock sensations)', '2026-03-02', '20→15', 5, 2, 2, 3]],
      // 03-03 − 02-25 = 6 days; it was also logged on 02-20, before the range.
      [['Ringing ears', '2026-03-03', '20→15', 6, 2, 1, 1]],
      [['Dizziness', '2026-03-10', '15→10', 0, 1, 1, 1]]
    ]);
    assert.deepStrictEqual(onsets.map((o) => o.loggedBefore), [false, true, false]);
  });

  it('describes runs 7 or more symptom-free days apart as separate episodes, each with its own change', () => {
    // Dizziness 02-27, 03-01 (after 20 → 15 on 02-25), then 03-12, 03-14 (after 15 → 10 on 03-10):
    // 03-01 → 03-12 leaves 10 days without it, so two episodes. 02-27 − 02-25 = 2; 03-12 − 03-10 = 2.
    const symptoms = ['2026-02-27', '2026-03-01', '2026-03-12', '2026-03-14'].map((d) => symptom(`sy-diz-${d}`, d, 'dizziness', 'Dizziness', 1));
    const [o] = symptomOnsets(symptoms, doses, '2026-02-26', '2026-03-31');
    assert.deepStrictEqual(view(o), [
      ['Dizziness', '2026-02-27', '20→15', 2, 1, 2, 3],
      ['Dizziness', '2026-03-12', '15→10', 2, 1, 2, 3]
    ]);
    // Six symptom-free days (03-02..03-07) keep one episode.
    const close = ['2026-03-01', '2026-03-08'].map((d) => symptom(`sy-nau-${d}`, d, 'nausea', 'Nausea', 1));
    assert.strictEqual(symptomOnsets(close, doses, '2026-03-01', '2026-03-31')[0].episodes.length, 1);
  });

  it('names no change logged more than 28 days before', () => {
    const [o] = symptomOnsets([symptom('sy-diz-0120', '2026-01-20', 'dizziness', 'Dizziness', 1)], doses, '2026-01-01', '2026-01-31');
    assert.deepStrictEqual([o.episodes[0].change, o.episodes[0].daysAfterChange], [null, null], 'no change before it at all');
    // 03-10 → 04-07 is 28 days: named. 03-10 → 04-08 is 29 days: not named, however it was the latest.
    const at = (date: string) => symptomOnsets([symptom(`sy-diz-${date}`, date, 'dizziness', 'Dizziness', 1)], doses, '2026-04-01', '2026-04-30')[0].episodes[0];
    assert.deepStrictEqual([at('2026-04-07').change?.date, at('2026-04-07').daysAfterChange], ['2026-03-10', 28]);
    assert.deepStrictEqual([at('2026-04-08').change, at('2026-04-08').daysAfterChange], [null, null]);
  });

  it('names the days without a dose taken in the 7 days before, and a life event the same day', () => {
    // Doses 20 mg daily 01-01..01-10, then nothing 01-11..01-16 (six days), a skipped dose 01-17, symptom 01-18.
    const rows = [...Array.from({ length: 10 }, (_, i) => dose(`do-01${String(i + 1).padStart(2, '0')}`, `2026-01-${String(i + 1).padStart(2, '0')}`, 20)), dose('do-0117-skip', '2026-01-17', 20, 'skipped')];
    const events = [{ date: '2026-01-05' }, { date: '2026-01-18' }];
    const [o] = symptomOnsets([symptom('sy-zap-0118', '2026-01-18', 'brain_zaps', 'Brain zaps', 2)], rows, '2026-01-01', '2026-01-31', events);
    const e = o.episodes[0];
    // The 7 days before 01-18 are 01-11..01-17: six with nothing logged, one with only a skipped dose.
    assert.deepStrictEqual(e.notLoggedBefore, ['2026-01-11', '2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16']);
    assert.deepStrictEqual(e.skippedBefore, ['2026-01-17']);
    assert.deepStrictEqual(e.sameDayEvents, [1], 'the second event (E2) is the same day');
    assert.strictEqual(e.change, null);
  });
});
