// The summary's statistics on hand-made journals (test/fixtures/handJournals.ts); every expected
// value is worked out by hand in the comments.
import * as assert from 'assert';
import { changeWindows } from '../../src/core/stats/afterChange';
import { doseSteps } from '../../src/core/stats/steps';
import { median, quantile, quartiles, rollingMedian, windowStat } from '../../src/core/stats/quantiles';
import { dailyMood } from '../../src/core/stats/mood';
import { buildSummary, defaultRange } from '../../src/core/summary/summary';
import { renderMarkdown } from '../../src/core/summary/render';
import { CUTS, EVENT, eventIncreaseItem9, symptomsAfterCuts } from '../fixtures/handJournals';

const r3 = (x: number | null | undefined) => (x === null || x === undefined ? x : Math.round(x * 1000) / 1000);

describe('summary statistics: quantiles (type 7, linear interpolation between order statistics)', () => {
  it('interpolates between order statistics', () => {
    // 1,2,3,4 (any order): h = 3·p. p = .25 → h .75 → 1 + .75·1 = 1.75; median h 1.5 → 2.5; p = .75 → h 2.25 → 3.25.
    assert.deepStrictEqual(quartiles([4, 1, 3, 2]), { q1: 1.75, median: 2.5, q3: 3.25 });
    // 3,5,5,7,10: h = 4p. q1 h 1 → 5; median h 2 → 5; q3 h 3 → 7; p = .9 → h 3.6 → 7 + .6·3 = 8.8.
    assert.deepStrictEqual(quartiles([10, 5, 3, 7, 5]), { q1: 5, median: 5, q3: 7 });
    assert.strictEqual(r3(quantile([10, 5, 3, 7, 5], 0.9)), 8.8);
    assert.strictEqual(median([6]), 6);
    assert.strictEqual(median([]), null);
    assert.strictEqual(quartiles([]), null);
  });

  it('says "too few" below three days instead of a number', () => {
    assert.deepStrictEqual(windowStat([5, 6]), { n: 2, tooFew: true });
    assert.deepStrictEqual(windowStat([]), { n: 0, tooFew: true });
    // 4,5,6: median 5, q1 h .5 → 4.5, q3 h 1.5 → 5.5.
    assert.deepStrictEqual(windowStat([6, 4, 5]), { n: 3, tooFew: false, q1: 4.5, median: 5, q3: 5.5 });
  });

  it('rolls a trailing 7-day median over the days with a check-in, from three of them on', () => {
    const days = dailyMood(symptomsAfterCuts().checkins!, CUTS.from, CUTS.to);
    const rolling = rollingMedian(days);
    const at = (date: string) => rolling.find((p) => p.date === date)!;
    // 01-01, 01-02: one and two days in the window → none. 01-03: 7,7,7 → 7.
    assert.deepStrictEqual([at('2026-01-01').median, at('2026-01-02').median, at('2026-01-03').median], [null, null, 7]);
    // 01-17 (day 16): days 10–16 → 5,4,4,3,5,5,6 → sorted 3,4,4,5,5,5,6 → 5.
    assert.deepStrictEqual(at('2026-01-17'), { date: '2026-01-17', median: 5, n: 7 });
    // 01-14 (day 13): days 7–13 → 7,7,7,5,4,4,3 → sorted 3,4,4,5,7,7,7 → 5.
    assert.strictEqual(at('2026-01-14').median, 5);
    // 02-19 (day 49): days 43–49 hold check-ins only on 43–46 → 6,6,6,6 → 6, n = 4.
    assert.deepStrictEqual(at('2026-02-19'), { date: '2026-02-19', median: 6, n: 4 });
  });
});

describe('summary statistics: each dose step', () => {
  const win = (w: { stat: { tooFew: boolean; n: number; median?: number }; firstDay: number; lastDay: number } | null) =>
    w === null ? null : `${w.stat.tooFew ? 'too few' : w.stat.median} (${w.stat.n}) days ${w.firstDay}–${w.lastDay}`;

  it('gives dates, days, check-in days, median with IQR, mean ± SD, the lowest week and the two windows', () => {
    const j = symptomsAfterCuts();
    const steps = doseSteps({ checkins: j.checkins!, doses: j.doses!, symptoms: j.symptoms!, lifeEvents: [] }, CUTS.from, CUTS.to);
    const rows = steps.map((s) => ({
      mg: s.mg,
      from: s.from,
      to: s.to,
      days: s.days,
      startedOn: s.startedOn,
      startBy: s.startBy,
      checkIn: s.daysWithCheckIn,
      mood: s.mood.tooFew ? 'too few' : [s.mood.q1, s.mood.median, s.mood.q3],
      mean: r3(s.mean),
      sd: r3(s.sd),
      lowestWeek: s.lowestWeek && `${s.lowestWeek.median} to ${s.lowestWeek.date}`,
      early: win(s.early),
      late: win(s.late),
      symptomDays: s.symptomDays,
      skipped: s.skippedDays,
      notLogged: s.notLoggedDays
    }));
    assert.deepStrictEqual(rows, [
      // 20 mg, 01-01..01-10: the first dose ever logged, not recorded as a change, so day 0 is not in
      //   the log: "by 2026-01-01", no windows. Ten days of 7 → median 7 (7–7), mean 7, SD 0; every
      //   week within the step has median 7, the first from 01-03 (3 days with a check-in).
      { mg: 20, from: '2026-01-01', to: '2026-01-10', days: 10, startedOn: null, startBy: '2026-01-01', checkIn: 10, mood: [7, 7, 7], mean: 7, sd: 0, lowestWeek: '7 to 2026-01-03', early: null, late: null, symptomDays: 0, skipped: 0, notLogged: 0 },
      // 15 mg, 01-11..02-04 (25 days), recorded as a change on 01-11: values 3, 4×2, 5×6, 6×9, 7×7.
      //   Sorted x[0..24]: median h 12 → 6; q1 h 6 → x[6] = 5; q3 h 18 → x[18] = 7. Mean 144/25 = 5.76.
      //   SS = 7.6176 + 2·3.0976 + 6·0.5776 + 9·0.0576 + 7·1.5376 = 28.56 → SD √(28.56/24) ≈ 1.091.
      //   Lowest week within the step: 01-13 holds days 0–2 of it (5, 4, 4) → median 4; no later week is
      //   lower (01-14: 5,4,4,3 → 4; 01-15: 5,4,4,3,5 → 4; 01-16: 3,4,4,5,5,5 → 4.5; then 5 and up).
      //   Days 0–14: 5,4,4,3,5,5,6,5,5,6,6,5,6,6,6 → sorted 3,4,4,5,5,5,5,5,5,6,… → h 7 → 5 (n 15).
      //   Day 15 on (15–24): 6,7,6,7,7,6,7,7,7,7 → h 4.5 → 7 (n 10). Symptom-days 01-13..16 = 4;
      //   01-20 only skipped.
      { mg: 15, from: '2026-01-11', to: '2026-02-04', days: 25, startedOn: '2026-01-11', startBy: null, checkIn: 25, mood: [5, 6, 7], mean: 5.76, sd: 1.091, lowestWeek: '4 to 2026-01-13', early: '5 (15) days 0–14', late: '7 (10) days 15–24', symptomDays: 4, skipped: 1, notLogged: 0 },
      // 10 mg, 02-05..02-19 (15 days, check-ins on 12): 4,4,5,3,4,5,5,6,6,6,6,6 → sorted 3,4,4,4,5,5,5,6,6,6,6,6:
      //   median h 5.5 → 5; q1 h 2.75 → 4; q3 h 8.25 → 6. Mean 60/12 = 5; SS = 1+1+0+4+1+0+0+1·5 = 12 →
      //   SD √(12/11) ≈ 1.044. Lowest week: 02-07 (4,4,5 → 4). All within days 0–14; day 15 not reached.
      //   Symptom-days 02-07, 08, 09 = 3. A dose is logged every day to 02-19, so none unlogged.
      { mg: 10, from: '2026-02-05', to: '2026-02-19', days: 15, startedOn: '2026-02-05', startBy: null, checkIn: 12, mood: [4, 5, 6], mean: 5, sd: 1.044, lowestWeek: '4 to 2026-02-07', early: '5 (12) days 0–14', late: null, symptomDays: 3, skipped: 0, notLogged: 0 }
    ]);
  });

  it('continues the day count of a step that began before the range, and says when the log does not show its start', () => {
    const j = symptomsAfterCuts();
    // From 01-15: the 15 mg step began 01-11 (recorded), so 01-15 is its day 4: days 4–14 in range.
    // Moods days 4–14: 5,5,6,5,5,6,6,5,6,6,6 → sorted 5×4, 6×7 → h 5 → 6 (n 11).
    const [first] = doseSteps({ checkins: j.checkins!, doses: j.doses!, symptoms: j.symptoms!, lifeEvents: [] }, '2026-01-15', CUTS.to);
    assert.deepStrictEqual([first.mg, first.from, first.startedOn, win(first.early)], [15, '2026-01-15', '2026-01-11', '6 (11) days 4–14']);
    const e = eventIncreaseItem9();
    // From 03-05: the 10 mg level was in force when the first dose was logged (03-01), not recorded as a change.
    const steps = doseSteps({ checkins: e.checkins!, doses: e.doses!, symptoms: e.symptoms!, lifeEvents: e.life_events! }, '2026-03-05', EVENT.to);
    assert.deepStrictEqual(
      steps.map((s) => [s.mg, s.startedOn, s.startBy, s.change && `${s.change.fromMg}→${s.change.toMg}`, s.days, s.lifeEvents, s.symptomDays, win(s.early)]),
      [
        [10, null, '2026-03-01', null, 10, 1, 1, null],
        // 03-15..03-28: 14 days, days 0–13, all 6 → 6 (14).
        [15, '2026-03-15', null, '10→15', 14, 0, 1, '6 (14) days 0–13']
      ]
    );
  });
});

describe('summary statistics: the days after each dose change', () => {
  it('gives onset, peak and last day of each symptom relative to each change, and the windows', () => {
    const j = symptomsAfterCuts();
    const windows = changeWindows({ checkins: j.checkins!, doses: j.doses!, symptoms: j.symptoms! }, CUTS.from, CUTS.to);
    const plain = windows.map((w) => ({
      change: `${w.change.date} ${w.change.fromMg}→${w.change.toMg}`,
      end: [w.endDay, w.endReason],
      early: w.early.tooFew ? `too few (${w.early.n})` : [w.early.q1, w.early.median, w.early.q3, w.early.n],
      earlyLastDay: w.earlyLastDay,
      late: w.late === null ? 'not reached' : w.late.tooFew ? `too few (${w.late.n})` : [w.late.q1, w.late.median, w.late.q3, w.late.n],
      skipped: w.skippedDays,
      notLogged: w.notLoggedDays,
      symptoms: w.symptoms.map((s) => [s.label, s.onsetDay, s.peakDay, s.peak, s.lastDay, s.daysLogged, s.loggedBefore])
    }));
    assert.deepStrictEqual(plain, [
      {
        // 01-11; the next change is 02-05, so the window stops on 02-04 = day 24.
        change: '2026-01-11 20→15',
        end: [24, 'next-change'],
        // Days 0–14 (n 15): q1 h 3.5 between x[3] = 5 and x[4] = 5 → 5; median 5; q3 h 10.5 → 6.
        // Days 15–24 (n 10): 6,6,6,7,… → q1 h 2.25 → 6 + .25·1 = 6.25; median 7; q3 h 6.75 → 7.
        early: [5, 5, 6, 15],
        earlyLastDay: 14,
        late: [6.25, 7, 7, 10],
        skipped: [9], // 01-20
        notLogged: [],
        // Dizziness 01-13 (day 2) 1, 01-14 (3) 3, 01-15 (4) 2. Brain zaps 01-16 (day 5) 1.
        symptoms: [
          ['Dizziness', 2, 3, 3, 4, 3, false],
          ['Brain zaps', 5, 5, 1, 5, 1, false]
        ]
      },
      {
        // 02-05, no later change: the range ends 02-19 = day 14.
        change: '2026-02-05 15→10',
        end: [14, 'range-end'],
        early: [4, 5, 6, 12],
        earlyLastDay: 14,
        late: 'not reached',
        skipped: [],
        notLogged: [],
        // Dizziness 02-07 (day 2) 1, 02-08 (3) 2 and 3 → 3, 02-09 (4) 2.
        symptoms: [['Dizziness', 2, 3, 3, 4, 3, false]]
      }
    ]);
    assert.deepStrictEqual(windows[1].symptoms[0].severities, [null, null, 1, 3, 2, null, null, null, null, null, null, null, null, null, null]);
  });

  it('marks a symptom also logged in the 7 days before the change, and an increase is a change too', () => {
    const j = eventIncreaseItem9();
    const [w] = changeWindows({ checkins: j.checkins!, doses: j.doses!, symptoms: j.symptoms! }, EVENT.from, EVENT.to);
    // 03-15 10 → 15 mg; irritability 03-12 (3 days before) and 03-16 (day 1, severity 2). Range ends 03-28 = day 13.
    assert.deepStrictEqual([w.change, w.endDay, w.endReason, w.earlyLastDay, w.late], [{ date: '2026-03-15', fromMg: 10, toMg: 15, recorded: true }, 13, 'range-end', 13, null]);
    assert.deepStrictEqual(w.symptoms.map((s) => [s.label, s.onsetDay, s.peak, s.loggedBefore]), [['Irritability', 1, 2, true]]);
  });
});

describe('summary: check-ups against the first in range, and the support lines', () => {
  it('gives the change from the first of each questionnaire and shows item 9 as answered', () => {
    const support = [{ name: 'Test line', contact: 'Call 000', link: '' }];
    const s = buildSummary(eventIncreaseItem9(), { today: EVENT.to, from: EVENT.from, to: EVENT.to, medicationName: 'Escitalopram', unit: 'mg', support });
    // PHQ-9 03-02: 1+1+1+1+0+0+1+0+0 = 5; 03-16: 2+2+1+1+1+1+1+0+1 = 10 → +5, item 9 = 1. GAD-7 1+1+1+1+0+1+0 = 5, first.
    assert.deepStrictEqual(
      s.questionnaires.map((q) => [q.date, q.name, q.total, q.band, q.changeFromFirst, q.item9]),
      [
        ['2026-03-02', 'PHQ-9', 5, 'mild', null, 0],
        ['2026-03-16', 'PHQ-9', 10, 'moderate', 5, 1],
        ['2026-03-16', 'GAD-7', 5, 'mild', null, null]
      ]
    );
    assert.deepStrictEqual(s.support, support);
    const md = renderMarkdown(s);
    assert.ok(md.includes('PHQ-9 item 9 answered 1 of 3 (“Several days”) on 2026-03-16.'));
    // First, highest and latest, each with its date and its age on the day the summary is made (03-28).
    assert.ok(md.includes('|  | PHQ-9 (n = 2) | GAD-7 (n = 1) |'), md);
    assert.ok(md.includes('| First in range | 5/27 mild, 2026-03-02 (3 weeks ago) | 5/21 mild, 2026-03-16 (12 days ago) |'));
    assert.ok(md.includes('| Highest | 10/27 moderate, 2026-03-16 (12 days ago) | (only one) |'));
    assert.ok(md.includes('| Latest | 10/27 moderate, 2026-03-16 (12 days ago) | (only one) |'));
    assert.ok(md.includes('Support lines: Test line: Call 000.'));
    // Item 9 above 0 is stated in the header, before "Questions for this visit", beside the support lines.
    const header = md.slice(0, md.indexOf('Questions for this visit'));
    assert.ok(header.includes('PHQ-9 item 9 (“Thoughts that you would be better off dead, or of hurting yourself in some way”) was answered “Several days” (1 of 3) on 2026-03-16.'), header);
    assert.ok(header.includes('Support lines: Test line: Call 000.'));
    // Without an item 9 answer above 0, no support lines in the footer.
    const clean = buildSummary({ ...eventIncreaseItem9(), questionnaires: [] }, { today: EVENT.to, from: EVENT.from, to: EVENT.to, medicationName: 'Escitalopram', unit: 'mg', support });
    assert.strictEqual(clean.support, null);
    assert.ok(!renderMarkdown(clean).includes('Support lines'));
  });
});

describe('summary: the range keeps its basis', () => {
  it('labels a range taken from defaultRange by its basis, all the way to the header', () => {
    const rows = symptomsAfterCuts();
    rows.appointments = [...rows.appointments!, { ...rows.appointments![0], id: 'appt-cuts-past', date: '2026-01-20' }];
    const today = '2026-02-19';
    const def = defaultRange(rows.appointments, today);
    assert.deepStrictEqual(def, { from: '2026-01-20', to: today, days: 31, basis: 'since-appointment' });
    // The range picker passes only the dates of the default range: its basis survives.
    const s = buildSummary(rows, { today, from: def.from, to: def.to, medicationName: 'Escitalopram', unit: 'mg' });
    assert.deepStrictEqual(s.range, def);
    assert.ok(renderMarkdown(s).includes('Range: 2026-01-20 to 2026-02-19 (31 days), since the appointment on 2026-01-20.'));
    // Any other range is the user's choice, and says nothing more. Check-ins run 01-21..02-16: 27 of the 30 days.
    const chosen = buildSummary(rows, { today, from: '2026-01-21', to: today, medicationName: 'Escitalopram', unit: 'mg' });
    assert.strictEqual(chosen.range.basis, 'chosen');
    assert.ok(renderMarkdown(chosen).includes('Range: 2026-01-21 to 2026-02-19 (30 days). 27 check-ins on 27 of the 30 days'), renderMarkdown(chosen));
  });
});
