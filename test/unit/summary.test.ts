import * as assert from 'assert';
import type { CheckIn, Dose, Symptom } from '../../src/core/schemas';
import { buildSummary, defaultRange, selectableNotes, type Summary } from '../../src/core/summary/summary';
import { onsetText, renderHtml, renderMarkdown } from '../../src/core/summary/render';
import { changeLabel } from '../../src/core/stats/doses';
import type { RowsByTable } from '../../src/core/transfer/transfer';
import { appointment, checkIn, dose, lifeEvent, note, questionnaire, step, symptom } from '../fixtures/transfer-rows';

// A hand-made journal, 2026-03-02 (Mon) to 2026-03-22 (Sun): three ISO weeks, W10, W11, W12, in
// America/New_York (DST starts on 03-08, inside the range). Morning check-ins at 08:00; evening ones
// at 21:30, which is already the next day in UTC, so only local-date grouping gives these figures.
//
// Plan: 20 mg from 02-01, 15 mg from 03-09 (agreed at the 03-02 appointment).
// Logged: 20 mg 03-01..03-09 (03-09 is still 20 although the plan says 15), 15 mg ("changed")
// from 03-10, a skipped dose on 03-12, nothing on 03-17, a dose without a check-in on 03-15.
// The one logged change is therefore 03-10: 20 → 15 mg.
const MORNING: Record<string, number> = {
  '2026-03-01': 2, // before the range: must not count
  '2026-03-02': 6,
  '2026-03-03': 7,
  '2026-03-04': 5,
  '2026-03-05': 6,
  '2026-03-06': 6,
  '2026-03-07': 7,
  '2026-03-08': 5,
  '2026-03-09': 6,
  '2026-03-10': 5,
  '2026-03-11': 4,
  '2026-03-12': 4,
  '2026-03-13': 3,
  '2026-03-14': 4,
  // 03-15: no check-in (only a deleted one, below)
  '2026-03-16': 5,
  '2026-03-17': 5,
  '2026-03-18': 6,
  '2026-03-19': 6,
  '2026-03-20': 7,
  '2026-03-21': 6,
  '2026-03-22': 6
};
const EVENING: Record<string, number> = { '2026-03-04': 7, '2026-03-13': 5, '2026-03-18': 4 };

function journal(): RowsByTable {
  const checkins: CheckIn[] = [
    ...Object.entries(MORNING).map(([d, m]) => checkIn(`ci-${d}-am`, d, m, { note: d === '2026-03-13' ? 'Dizzy getting out of the car.' : '' })),
    ...Object.entries(EVENING).map(([d, m]) => checkIn(`ci-${d}-pm`, d, m, { hh: 21, mm: 30 })),
    checkIn('ci-deleted-0315', '2026-03-15', 1, { deleted: true, note: 'deleted note' })
  ];
  const doses: Dose[] = [];
  for (let day = 1; day <= 22; day++) {
    const d = `2026-03-${String(day).padStart(2, '0')}`;
    if (d === '2026-03-17') continue;
    const mg = day <= 9 ? 20 : 15;
    doses.push(dose(`dose-${d}`, d, mg, d === '2026-03-12' ? 'skipped' : d === '2026-03-10' ? 'changed' : 'taken'));
  }
  doses.push(dose('dose-deleted-0317', '2026-03-17', 40, 'taken', { deleted: true }));
  const symptoms: Symptom[] = [
    symptom('sy-diz-0311', '2026-03-11', 'dizziness', 'Dizziness', 0), // severity 0: "none", not logged as present
    ...(
      [
        ['2026-03-13', 2],
        ['2026-03-14', 3],
        ['2026-03-16', 3],
        ['2026-03-18', 2],
        ['2026-03-19', 1],
        ['2026-03-21', 1]
      ] as const
    ).map(([d, sev]) => symptom(`sy-diz-${d}`, d, 'dizziness', 'Dizziness', sev)),
    symptom('sy-zap-0311', '2026-03-11', 'brain_zaps', 'Brain zaps', 1),
    symptom('sy-zap-0312', '2026-03-12', 'brain_zaps', 'Brain zaps', 2, { hh: 21, mm: 30 }),
    symptom('sy-nau-0305', '2026-03-05', 'nausea', 'Nausea', 3, { deleted: true })
  ];
  return {
    checkins,
    doses,
    symptoms,
    taper_steps: [step('step-20mg', '2026-02-01', 20), step('step-15mg', '2026-03-09', 15)],
    life_events: [
      lifeEvent('ev-court-0316', '2026-03-16', 'Court hearing', 'Postponed to April', { hh: 14 }),
      lifeEvent('ev-deleted-0318', '2026-03-18', 'Deleted event', '', { deleted: true }),
      lifeEvent('ev-before-0220', '2026-02-20', 'Before the range')
    ],
    notes: [
      note('note-script-0314', '2026-03-14', '<script>alert("x")</script> felt off', { hh: 12 }),
      note('note-walk-0320', '2026-03-20', 'Good walk | with Sam\n- second line', { hh: 18 })
    ],
    questionnaires: [
      questionnaire('q-phq9-0302', '2026-03-02', 'phq9', [1, 1, 1, 1, 0, 1, 1, 0, 0], { hh: 9 }),
      questionnaire('q-gad7-0316', '2026-03-16', 'gad7', [2, 1, 1, 2, 0, 1, 1], { hh: 9 })
    ],
    appointments: [
      appointment('appt-0302', '2026-03-02', 'Dr. Rivera', ['Old question from last time']),
      appointment('appt-0406', '2026-04-06', 'Dr. Rivera <Psychiatry>', ['Is the dizziness expected to pass?', '   ', 'Can we talk about the pace?'], '10:30')
    ]
  };
}

const TODAY = '2026-03-22';
const OPTIONS = { today: TODAY, medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: ['note-script-0314', 'note-walk-0320'] };
const round = (x: number | null, places = 3) => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);

describe('prescriber summary', () => {
  let s: Summary;
  before(() => {
    s = buildSummary(journal(), OPTIONS);
  });

  it('defaults to the range since the last past appointment, else the last 90 days', () => {
    // Appointments on 03-02 (past) and 04-06 (upcoming): 03-02..03-22 is 21 days.
    assert.deepStrictEqual(s.range, { from: '2026-03-02', to: TODAY, days: 21, basis: 'since-appointment' });
    // An appointment today is the one being prepared for, not a past one.
    const today = [...journal().appointments!, appointment('appt-today', TODAY, 'Dr. Rivera', [])];
    assert.strictEqual(defaultRange(today, TODAY).from, '2026-03-02');
    // No appointment: 90 days ending today. 03-22 − 89 days: −22 → 02-28, −28 → 01-31, −31 → 12-31, −8 → 2025-12-23.
    assert.deepStrictEqual(defaultRange([], TODAY), { from: '2025-12-23', to: TODAY, days: 90, basis: 'default-days' });
    // …but not before the journal's first entry: 03-01..03-22 is 22 days. An older first entry leaves the 90 days.
    assert.deepStrictEqual(defaultRange([], TODAY, '2026-03-01'), { from: '2026-03-01', to: TODAY, days: 22, basis: 'since-first-entry' });
    assert.strictEqual(defaultRange([], TODAY, '2025-06-01').from, '2025-12-23');
    // A deleted appointment does not count.
    assert.strictEqual(defaultRange([{ ...journal().appointments![0], deletedAt: '2026-03-03T00:00:00.000Z' }], TODAY).basis, 'default-days');
  });

  it('counts entries in range, ignoring deleted rows and rows outside the range', () => {
    // Check-ins: 20 mornings in range (03-02..03-22 minus 03-15) + 3 evenings = 23; 03-01 and the deleted one excluded.
    // Doses: 03-02..03-22 minus 03-17 = 20 rows (the deleted 40 mg one excluded).
    // Symptoms with severity > 0: dizziness 6 + brain zaps 2 = 8 (severity 0 and the deleted nausea excluded).
    assert.deepStrictEqual(s.counts, {
      checkIns: 23,
      daysWithCheckIn: 20,
      doses: 20,
      symptomEntries: 8,
      lifeEvents: 1,
      questionnaires: 2,
      notesAvailable: 3,
      notesIncluded: 2
    });
    // Overall mood: daily means 20 mg days sum 49 (below) + 15 mg days sum 61 = 110; 110 / 20 days = 5.5.
    assert.deepStrictEqual(s.mood, { mean: 5.5, days: 20, checkIns: 23 });
  });

  it('gives mood by dose level with days and SD, counting only days a dose was taken', () => {
    // 20 mg days (03-09 still logged 20): 03-02..03-09 daily means 6, 7, (5+7)/2=6, 6, 6, 7, 5, 6.
    //   sum 49, n = 8, mean = 49/8 = 6.125. Σx² = 36+49+36+36+36+49+25+36 = 303.
    //   SS = 303 − 49²/8 = 303 − 300.125 = 2.875; sd = √(2.875/7) = √0.410714 ≈ 0.641.
    //   single check-ins 6,7,5,7,6,6,7,5,6: min 5, max 7, 9 check-ins.
    // 15 mg days with a dose taken and a check-in: 03-10..03-22 without 03-15 (no check-in), 03-12
    //   (only a skipped dose) and 03-17 (nothing logged) = 10 days. Daily means 03-10 5, 11 4, 13
    //   (3+5)/2=4, 14 4, 16 5, 18 (6+4)/2=5, 19 6, 20 7, 21 6, 22 6: sum 52, mean 5.2.
    //   Σx² = 25+16+16+16+25+25+36+49+36+36 = 280; SS = 280 − 52²/10 = 9.6; sd = √(9.6/9) ≈ 1.033.
    //   Single check-ins: 14 in 03-10..03-22 less 03-12's and 03-17's = 12; min 3 (03-13 morning), max 7 (03-20).
    const rows = s.moodByDose.map((d) => ({ ...d, mean: round(d.mean), sd: round(d.sd) }));
    assert.deepStrictEqual(rows, [
      { mg: 20, mean: 6.125, days: 8, checkIns: 9, sd: 0.641, min: 5, max: 7 },
      { mg: 15, mean: 5.2, days: 10, checkIns: 12, sd: 1.033, min: 3, max: 7 }
    ]);
    // 03-12 and 03-17 had a check-in and no dose taken: named, never counted at 15 mg.
    assert.deepStrictEqual(s.moodDaysLeftOut, { noDose: 2, otherDose: 0, beforeFirstDose: 0 });
  });

  it('gives the weekly trend by ISO week', () => {
    // W10 03-02..03-08: 6+7+6+6+6+7+5 = 43 over 7 days → 6.143.
    // W11 03-09..03-15: 6+5+4+4+4+4 = 27 over 6 days (03-15 has none) → 4.5.
    // W12 03-16..03-22: 5+5+5+6+7+6+6 = 40 over 7 days → 5.714.
    assert.deepStrictEqual(
      s.weekly.map((w) => ({ ...w, mean: round(w.mean) })),
      [
        { week: '2026-W10', start: '2026-03-02', mean: 6.143, days: 7 },
        { week: '2026-W11', start: '2026-03-09', mean: 4.5, days: 6 },
        { week: '2026-W12', start: '2026-03-16', mean: 5.714, days: 7 }
      ]
    );
  });

  it('shows the plan next to what was logged each day, and the change', () => {
    // 03-02..03-08 taken 20, plan 20 (7 days); 03-09 taken 20, plan 15 (1 day); 03-10..03-11 15/15;
    // 03-12 only skipped; 03-13..03-16 taken 15 (03-15 without a check-in); 03-17 nothing; 03-18..03-22 15.
    const seg = (from: string, to: string, days: number, state: unknown, level: number, planned: number) => ({ from, to, days, state, level, planned });
    assert.deepStrictEqual(s.dose.segments, [
      seg('2026-03-02', '2026-03-08', 7, { kind: 'taken', mg: 20 }, 20, 20),
      seg('2026-03-09', '2026-03-09', 1, { kind: 'taken', mg: 20 }, 20, 15),
      seg('2026-03-10', '2026-03-11', 2, { kind: 'taken', mg: 15 }, 15, 15),
      seg('2026-03-12', '2026-03-12', 1, { kind: 'skipped' }, 15, 15),
      seg('2026-03-13', '2026-03-16', 4, { kind: 'taken', mg: 15 }, 15, 15),
      seg('2026-03-17', '2026-03-17', 1, { kind: 'not-logged' }, 15, 15),
      seg('2026-03-18', '2026-03-22', 5, { kind: 'taken', mg: 15 }, 15, 15)
    ]);
    const change = { date: '2026-03-10', fromMg: 20, toMg: 15, recorded: true };
    assert.deepStrictEqual(s.dose.changes, [change]);
    // Step on 03-22 is 15; last change 03-10 → 22 − 10 = day 12 of it.
    assert.deepStrictEqual(s.current, { mg: 15, lastTaken: TODAY, lastChange: change, daysSinceChange: 12, startBy: null });
    // Ending the range on 03-17 (nothing logged that day): the step is 15 and the last dose taken 03-16, said apart.
    const earlier = buildSummary(journal(), { ...OPTIONS, from: '2026-03-02', to: '2026-03-17' });
    assert.deepStrictEqual([earlier.current.mg, earlier.current.lastTaken, earlier.current.daysSinceChange], [15, '2026-03-16', 7]);
    assert.ok(renderMarkdown(earlier).includes('Dose: 15 mg a day since 2026-03-10 (20 → 15 mg; day 7 on 2026-03-17). Last dose logged 2026-03-16.'), renderMarkdown(earlier).slice(0, 600));
  });

  it('counts logged doses against the plan, each day once', () => {
    // 21 days, all with a plan. At plan: 03-02..03-08 (7) + 03-10, 11, 13, 14, 15, 16, 18, 19, 20, 21, 22 (11) = 18.
    // Above: 03-09 (20 vs 15). Skipped: 03-12. Not logged: 03-17. 18 + 1 + 1 + 1 = 21.
    const a = s.adherence;
    assert.deepStrictEqual(
      { days: a.days, planDays: a.planDays, atPlan: a.atPlan, abovePlan: a.abovePlan, belowPlan: a.belowPlan, loggedNoPlan: a.loggedNoPlan, skipped: a.skipped, notLogged: a.notLogged, aboveStep: a.aboveStep, belowStep: a.belowStep },
      { days: 21, planDays: 21, atPlan: 18, abovePlan: 1, belowPlan: 0, loggedNoPlan: 0, skipped: 1, notLogged: 1, aboveStep: 0, belowStep: 0 }
    );
    // The step table counts the same days: 1 only skipped and 1 not logged, both in the 15 mg step.
    assert.deepStrictEqual(
      s.steps.map((st) => [st.mg, st.skippedDays, st.notLoggedDays]),
      [
        [20, 0, 0],
        [15, 1, 1]
      ]
    );
    assert.deepStrictEqual(a.differences, [{ date: '2026-03-09', loggedMg: 20, plannedMg: 15 }]);
    assert.deepStrictEqual(a.skippedDates, ['2026-03-12']);
    assert.deepStrictEqual(a.notLoggedDates, ['2026-03-17']);
  });

  it('dates each symptom onset from a dose change in the 28 days before it, with the missed days before it', () => {
    // Brain zaps: 03-11 (1), 03-12 (2, logged 21:30 local = 03-13 in UTC): first 03-11, 11 − 10 = 1 day
    //   after the change; peak 2; 2 days logged; span 03-11..03-12 = 2 days. 03-04..03-10: all taken.
    // Dizziness: 03-11 has severity 0 (not counted); 03-13 (2), 14 (3), 16 (3), 18 (2), 19 (1), 21 (1):
    //   no gap of 7 days, one episode: first 03-13, 13 − 10 = 3 days after; peak 3; 6 days; span 9 days.
    //   The 7 days before it, 03-06..03-12: 03-12 only skipped.
    const change = { date: '2026-03-10', fromMg: 20, toMg: 15, recorded: true };
    const episode = (firstDate: string, lastDate: string, daysAfterChange: number, peak: number, daysLogged: number, spanDays: number, skippedBefore: string[]) => ({
      firstDate,
      lastDate,
      daysLogged,
      spanDays,
      peak,
      change,
      daysAfterChange,
      skippedBefore,
      notLoggedBefore: [],
      sameDayEvents: []
    });
    assert.deepStrictEqual(s.symptoms, [
      { key: 'brain_zaps', label: 'Brain zaps', episodes: [episode('2026-03-11', '2026-03-12', 1, 2, 2, 2, [])], loggedBefore: false },
      { key: 'dizziness', label: 'Dizziness', episodes: [episode('2026-03-13', '2026-03-21', 3, 3, 6, 9, ['2026-03-12'])], loggedBefore: false }
    ]);
  });

  it('lists life events, questionnaires and the next appointment’s questions', () => {
    assert.deepStrictEqual(s.lifeEvents, [{ date: '2026-03-16', time: '14:00', title: 'Court hearing', note: 'Postponed to April' }]);
    // PHQ-9: 1+1+1+1+0+1+1+0+0 = 6 → 5–9 "mild". GAD-7: 2+1+1+2+0+1+1 = 8 → 5–9 "mild".
    // Each is the first of its kind in range (no change yet); PHQ-9 item 9 was answered 0, GAD-7 has none.
    assert.deepStrictEqual(s.questionnaires, [
      { date: '2026-03-02', kind: 'phq9', name: 'PHQ-9', total: 6, maxTotal: 27, band: 'mild', changeFromFirst: null, item9: 0 },
      { date: '2026-03-16', kind: 'gad7', name: 'GAD-7', total: 8, maxTotal: 21, band: 'mild', changeFromFirst: null, item9: null }
    ]);
    // The upcoming 04-06 appointment wins over the past one; the blank question is dropped.
    assert.deepStrictEqual(s.questions, {
      date: '2026-04-06',
      time: '10:30',
      provider: 'Dr. Rivera <Psychiatry>',
      upcoming: true,
      questions: ['Is the dizziness expected to pass?', 'Can we talk about the pace?']
    });
    // With no upcoming appointment, the latest one is used.
    const past = buildSummary({ ...journal(), appointments: [journal().appointments![0]] }, OPTIONS);
    assert.deepStrictEqual(past.questions?.questions, ['Old question from last time']);
    assert.strictEqual(past.questions?.upcoming, false);
  });

  it('offers notes to pick from, and includes only the picked ones', () => {
    const candidates = selectableNotes(journal(), '2026-03-02', TODAY);
    assert.deepStrictEqual(
      candidates.map((n) => [n.id, n.source, n.date, n.time]),
      [
        ['ci-2026-03-13-am', 'checkin', '2026-03-13', '08:00'],
        ['note-script-0314', 'note', '2026-03-14', '12:00'],
        ['note-walk-0320', 'note', '2026-03-20', '18:00']
      ]
    );
    assert.deepStrictEqual(
      s.notes.map((n) => n.id),
      ['note-script-0314', 'note-walk-0320']
    );
    const none = buildSummary(journal(), { ...OPTIONS, includeNoteIds: [] });
    assert.deepStrictEqual(none.notes, []);
    assert.doesNotMatch(renderMarkdown(none), /Dizzy getting out|felt off|Good walk/);
    assert.doesNotMatch(renderMarkdown(s), /Dizzy getting out/, 'an unpicked check-in note stays out');
  });

  it('takes an explicit range and rejects one that ends before it starts', () => {
    // 03-09..03-15: W11 only; 03-09 at 20 mg (mean 6), 03-10, 11, 13, 14 taken at 15 mg (5+4+4+4 = 17 / 4 = 4.25);
    // 03-12 had only a skipped dose, so it is named apart and not counted at 15 mg.
    const week = buildSummary(journal(), { ...OPTIONS, from: '2026-03-09', to: '2026-03-15' });
    assert.deepStrictEqual(week.range, { from: '2026-03-09', to: '2026-03-15', days: 7, basis: 'chosen' });
    assert.deepStrictEqual(
      week.moodByDose.map((d) => [d.mg, round(d.mean), d.days]),
      [
        [20, 6, 1],
        [15, 4.25, 4]
      ]
    );
    assert.deepStrictEqual(week.moodDaysLeftOut, { noDose: 1, otherDose: 0, beforeFirstDose: 0 });
    assert.strictEqual(week.moodByDose[0].sd, null, 'one day: no SD');
    assert.throws(() => buildSummary(journal(), { ...OPTIONS, from: '2026-03-10', to: '2026-03-09' }), /starts .* after it ends/);
  });
});

describe('summary rendering', () => {
  const s = buildSummary(journal(), OPTIONS);
  const md = renderMarkdown(s);
  const html = renderHtml(s);

  it('has every section, each figure with its n', () => {
    const page1 = ['# Mood and dose summary: Escitalopram', '## Questions for this visit (2026-04-06 10:30 with Dr. Rivera \\<Psychiatry\\>)', '## Mood and dose over time', '## Days after each dose change', '## Each dose step side by side', '## Check-ups'];
    const appendix = ['# Appendix', '## Dose: plan and logged', '## Symptoms and mood after each dose change', '## Logged dose compared with the plan', '## Mood by dose level', '## Mood by week', '## Life events', '## Questionnaires, every one in range', '## Notes chosen by the patient', '## Daily table'];
    let at = -1;
    for (const h of [...page1, ...appendix]) {
      const i = md.indexOf(`\n${h}\n`) >= 0 ? md.indexOf(`\n${h}\n`) : md.startsWith(`${h}\n`) ? 0 : -1;
      assert.ok(i >= 0, `missing heading ${h}`);
      assert.ok(i > at, `${h} is in its place`);
      at = i;
    }
    // The range keeps its basis: the default range is the one since the last appointment.
    assert.ok(md.includes('Range: 2026-03-02 to 2026-03-22 (21 days), since the appointment on 2026-03-02.'));
    assert.ok(md.includes('23 check-ins on 20 of the 21 days; mood mean 5.5 (n = 20 days), rated 1–10 (10 best).'));
    // 21 days: 03-12 only skipped, 03-17 nothing logged, the other 19 taken.
    assert.ok(md.includes('Dose taken on 19 days; only a skipped dose on 1; no dose logged on 1.'));
    // Day 0 is 03-10, the first day at 15 mg; 03-22 is day 12 of it, as the plan's step (15 mg from 03-09) is on day 13.
    assert.ok(md.includes('Dose: 15 mg a day since 2026-03-10 (20 → 15 mg; day 12 on 2026-03-22). Plan: step 2 of 2, 15 mg since 2026-03-09 (day 13).'), md.slice(0, 700));
    // 6.125 → 6.1, sd 0.641 → 0.6; 5.2 → 5.2, sd 1.033 → 1.0.
    assert.ok(md.includes('| 20 mg | 6.1 (n = 8 days) | 0.6 | 5–7 (n = 9 check-ins) |'));
    assert.ok(md.includes('| 15 mg | 5.2 (n = 10 days) | 1.0 | 3–7 (n = 12 check-ins) |'));
    assert.ok(md.includes('n = 18 days; not counted: 2 more days with a check-in and no dose taken (skipped or not logged).'));
    assert.ok(md.includes('| 2026-W11 | 2026-03-09 to 2026-03-15 | 4.5 (n = 6 days) |'));
    assert.ok(md.includes('| 2026-03-09 | 1 | 20 mg | 20 mg | 15 mg |'));
    assert.ok(md.includes('| 2026-03-12 | 1 | skipped | 15 mg | 15 mg |'));
    assert.ok(md.includes('| 2026-03-17 | 1 | not logged | 15 mg | 15 mg |'));
    assert.ok(md.includes('Logged changes: 2026-03-10: 20 → 15 mg (recorded as a change).'));
    // The daily table: a day not logged reads "not logged", never the step.
    assert.ok(md.includes('| 2026-03-17 | 5.0 (5, n = 1) | not logged |'), md.slice(md.indexOf('## Daily table')));
    assert.ok(md.includes('| 2026-03-12 | 4.0 (4, n = 1) | skipped |'));
    assert.ok(md.includes('| 2026-03-16 | GAD-7 | 8 of 21 | mild |'));
  });

  it('phrases plan differences and symptom onsets as plain facts', () => {
    assert.ok(md.includes('At plan: 18 of 21 days with a plan.'));
    assert.ok(md.includes('Above plan: 1 day (2026-03-09: logged 20 mg, plan 15 mg).'));
    assert.ok(md.includes('Only a skipped dose logged: 1 day (2026-03-12).'));
    assert.ok(md.includes('No dose logged: 1 day (2026-03-17).'));
    assert.ok(md.includes('Dizziness: first logged 2026-03-13, 3 days after 20 → 15 mg (2026-03-10); 1 day with only a skipped dose in the 7 days before; logged on 6 days from 2026-03-13 to 2026-03-21, peak 3/3.'), md);
    assert.ok(md.includes('Brain zaps: first logged 2026-03-11, 1 day after 20 → 15 mg (2026-03-10); logged on 2 days from 2026-03-11 to 2026-03-12, peak 2/3.'));
    for (const out of [md, html]) {
      assert.doesNotMatch(out, /\b(error|non-?compliant|missed by|you should|withdrawal|relapse|recommend|adherent)\b/i);
    }
  });

  it('phrases an onset with no change in the 28 days before, on the day of a change, and each later episode', () => {
    const chg = (c: { fromMg: number; toMg: number }) => changeLabel(c, 'mg');
    const episode = { firstDate: '2026-03-03', lastDate: '2026-03-05', daysLogged: 2, spanDays: 3, peak: 1, change: null, daysAfterChange: null, skippedBefore: [], notLoggedBefore: [], sameDayEvents: [] };
    assert.strictEqual(
      onsetText({ key: 'k', label: 'Vertigo', loggedBefore: false, episodes: [episode] }, chg),
      'Vertigo: first logged 2026-03-03, no dose change logged in the 28 days before; logged on 2 days from 2026-03-03 to 2026-03-05, peak 1/3.'
    );
    const cut = { date: '2026-03-03', fromMg: 20, toMg: 15, recorded: true };
    const later = { date: '2026-03-20', fromMg: 15, toMg: 10, recorded: true };
    const onset = {
      key: 'k',
      label: 'Vertigo',
      loggedBefore: true,
      episodes: [
        { ...episode, change: cut, daysAfterChange: 0, sameDayEvents: [2] },
        { ...episode, firstDate: '2026-03-22', lastDate: '2026-03-22', daysLogged: 1, spanDays: 1, change: later, daysAfterChange: 2, notLoggedBefore: ['2026-03-17', '2026-03-18'], skippedBefore: ['2026-03-19'] }
      ]
    };
    assert.strictEqual(
      onsetText(onset, chg),
      'Vertigo: first logged 2026-03-03, on the day of 20 → 15 mg (2026-03-03); same day as E3; logged on 2 days from 2026-03-03 to 2026-03-05, peak 1/3. Again from 2026-03-22: 2 days after 15 → 10 mg (2026-03-20); 1 day with only a skipped dose and 2 days with no dose logged in the 7 days before; logged on 2026-03-22 only, peak 1/3. Also logged before this range.'
    );
  });

  it('ends with the footer and the questionnaire attribution', () => {
    assert.ok(md.includes('Patient-recorded data. This is not medical advice.'));
    assert.ok(md.includes('The instruments were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues'));
    const noQ = renderMarkdown(buildSummary({ ...journal(), questionnaires: [] }, OPTIONS));
    assert.ok(noQ.includes('Patient-recorded data. This is not medical advice.'));
    assert.ok(!noQ.includes('Spitzer'), 'no attribution without questionnaires');
    assert.ok(html.includes('<footer><p>Patient-recorded data. This is not medical advice.</p>'));
  });

  it('escapes user text in Markdown', () => {
    assert.ok(md.includes('\\<script\\>alert("x")\\</script\\> felt off'));
    assert.ok(md.includes('Good walk \\| with Sam  \n  \\- second line'), 'a note line starting with "-" does not become a list');
    assert.ok(md.includes('with Dr. Rivera \\<Psychiatry\\>'));
  });

  it('keeps newlines in headings, titles and labels from adding Markdown structure', () => {
    const injected = 'Dr. Rivera\n# Injected\n===\n- item\r\n> quote\u2028## Also injected';
    const build = (provider: string, title: string, label: string, medication: string) => {
      const rows = journal();
      rows.appointments = [appointment('appt-nl-0406', '2026-04-06', provider, ['Is the pace right?'], '10:30')];
      rows.life_events = [lifeEvent('ev-nl-0316', '2026-03-16', title)];
      rows.symptoms = [symptom('sy-nl-0316', '2026-03-16', 'own:nl', label, 2)];
      return renderMarkdown(buildSummary(rows, { ...OPTIONS, medicationName: medication }));
    };
    const out = build(injected, 'Moved\n# Injected title', 'Ringing\n# Injected label', 'Escitalopram\n# Injected medication');
    const plain = build('Dr. Rivera', 'Moved', 'Ringing', 'Escitalopram');
    const headings = (md: string) => md.split('\n').filter((l) => /^ {0,3}#{1,6}(\s|$)/.test(l));
    assert.strictEqual(headings(out).length, headings(plain).length, 'the same headings as with plain text: none injected');
    assert.ok(headings(out).every((h) => !/^#{1,6} (Injected|Also injected)/.test(h)), headings(out).join('\n'));
    assert.ok(headings(out)[0].startsWith('# Mood and dose summary: Escitalopram \\# Injected medication'), headings(out)[0]);
    const rules = (md: string) => md.split('\n').filter((l) => /^ {0,3}(=+|-+)\s*$/.test(l)).length;
    assert.strictEqual(rules(out), rules(plain), 'no setext underline and no extra rule');
    assert.doesNotMatch(out, /^\s*(> |- item)/m);
  });

  it('escapes user text in Markdown headings, and links the figures when their files are named', () => {
    const page = renderMarkdown(buildSummary(journal(), { ...OPTIONS, medicationName: '*Esc* [x](http://e) <b>' }), { figureLinks: { 'figure-a': 'summary-x-figure-a.svg', 'figure-b': 'summary-x-figure-b.svg' } });
    assert.ok(page.startsWith('# Mood and dose summary: \\*Esc\\* \\[x\\](http://e) \\<b\\>\n'), page.slice(0, 80));
    assert.ok(page.includes('![Mood and dose over time](summary-x-figure-a.svg)'));
    assert.ok(page.includes('![Days after each dose change](summary-x-figure-b.svg)'));
    // Without file names, the figure's text alternative stands in, with its n.
    assert.match(md, /_Daily mean mood on 20 of 21 days \(dots\)/);
  });

  it('is a self-contained HTML page with all user text escaped', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(html.includes('<style>') && html.includes('@media print'));
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; felt off'));
    assert.ok(html.includes('Dr. Rivera &lt;Psychiatry&gt;'));
    assert.ok(!html.includes('<script'), 'no script element');
    assert.ok(!html.includes('src='), 'no src attribute');
    assert.ok(!html.includes('href="http'), 'no remote link');
    assert.ok(!html.includes('<link'), 'no stylesheet link');
    assert.ok(!/url\(/.test(html), 'no CSS url()');
    // Every user-supplied field that could carry markup, hostile everywhere at once.
    const evil = '<img src=x onerror=alert(1)>';
    const rows = journal();
    rows.life_events = [lifeEvent('ev-evil-0316', '2026-03-16', evil, evil)];
    rows.symptoms = [symptom('sy-evil-0316', '2026-03-16', 'own:evil', evil, 2)];
    rows.notes = [note('note-evil-0316', '2026-03-16', evil)];
    rows.appointments = [appointment('appt-evil', '2026-04-06', evil, [evil])];
    const page = renderHtml(buildSummary(rows, { ...OPTIONS, medicationName: evil, unit: '<b>mg</b>', includeNoteIds: ['note-evil-0316'] }));
    assert.ok(!page.includes('<img') && !page.includes('<b>'), 'no user markup survives');
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
    // The figures are inline SVG, and their text is escaped too (the event label in Figure A).
    assert.strictEqual(page.split('<svg xmlns').length - 1, 2);
    assert.ok(page.includes('E1 &lt;img src=x'), 'the life-event label stays text in the SVG');
  });
});
