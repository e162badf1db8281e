// The hand-made journals of test/fixtures/doseDayJournals.ts through the whole summary (page 1, the
// appendix, the figures) and the dashboard's figures: every number worked out by hand below, and
// the counts of skipped and unlogged days the same everywhere they appear.
import * as assert from 'assert';
import { chartSeries } from '../../src/core/charts/chartSeries';
import { dashboard } from '../../src/core/charts/dashboard';
import type { Figure, Mark } from '../../src/core/figures/display';
import type { LocalDate } from '../../src/core/time';
import { buildSummary, type Summary } from '../../src/core/summary/summary';
import { summaryDoc } from '../../src/core/summary/doc';
import { markdownOf } from '../../src/core/summary/render';
import type { RowsByTable } from '../../src/core/transfer/transfer';
import { GAP, gapThenSymptoms, LATE, lateOnset, MID, midStep, OTHER, otherMedication, SKIP, skippedThenTaken, TOP_UP, topUp, TWO_A_DAY, twoCheckIns } from '../fixtures/doseDayJournals';

const OPTIONS = { medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: [] };
const of = (f: Figure, mark: Mark) => f.prims.filter((p) => p.mark === mark);
const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

interface Read {
  s: Summary;
  page1: string;
  appendix: string;
  figA: Figure;
  dash: ReturnType<typeof dashboard>;
}

function read(rows: RowsByTable, range: { from: LocalDate; to: LocalDate }): Read {
  const s = buildSummary(rows, { ...OPTIONS, today: range.to, from: range.from, to: range.to });
  const doc = summaryDoc(s);
  const md = markdownOf(doc);
  const at = md.indexOf('\n# Appendix');
  const series = chartSeries({ checkins: rows.checkins ?? [], doses: rows.doses ?? [], events: rows.life_events ?? [], symptoms: [] }, range.from, range.to, 'mg');
  const dash = dashboard({ timeline: series, checkins: rows.checkins ?? [], doses: rows.doses ?? [], symptoms: rows.symptoms ?? [], lifeEvents: rows.life_events ?? [], steps: rows.taper_steps ?? [] });
  return { s, page1: md.slice(0, at), appendix: md.slice(at), figA: doc.figures[0], dash };
}

/** Skipped-only and unlogged days, counted by every part that counts them: all must agree. */
function assertCountsAgree(r: Read, skipped: number, notLogged: number): void {
  const { s, dash } = r;
  const sum = (list: readonly { skippedDays: number; notLoggedDays: number }[], k: 'skippedDays' | 'notLoggedDays') => list.reduce((a, x) => a + x[k], 0);
  const counts = {
    adherence: [s.adherence.skipped, s.adherence.notLogged],
    summarySteps: [sum(s.steps, 'skippedDays'), sum(s.steps, 'notLoggedDays')],
    dailyTable: [s.daily.filter((d) => d.dose.kind === 'skipped').length, s.daily.filter((d) => d.dose.kind === 'not-logged').length],
    dashboardSteps: [sum(dash.steps, 'skippedDays'), sum(dash.steps, 'notLoggedDays')],
    dashboardDays: [dash.timeline.days.filter((d) => d.skipped).length, dash.timeline.days.filter((d) => d.taken === null && !d.skipped).length]
  };
  for (const [where, pair] of Object.entries(counts)) assert.deepStrictEqual(pair, [skipped, notLogged], `${where} counts ${pair} skipped/not logged days`);
}

describe('hand-made journals: a morning dose plus a top-up', () => {
  const r = read(topUp(), TOP_UP);

  it('reads 05-04 as 15 mg (10 + 5) on the 10 mg step: one day above it, never two changes', () => {
    // Every day 10 mg; 05-04 10 + 5 = 15. The first dose is not recorded as a change, so the step's start is "by 05-01".
    assert.deepStrictEqual(r.s.dose.changes, []);
    assert.deepStrictEqual([r.s.adherence.aboveStep, r.s.adherence.belowStep], [1, 0]);
    assert.deepStrictEqual(
      r.s.steps.map((x) => [x.mg, x.from, x.days, x.startedOn, x.startBy]),
      [[10, '2026-05-01', 10, null, '2026-05-01']]
    );
    // Mood by dose: 9 days at 10 mg (mood 6); 05-04 is another dose for one day, named apart.
    assert.deepStrictEqual(
      r.s.moodByDose.map((d) => [d.mg, d.mean, d.days]),
      [[10, 6, 9]]
    );
    assert.deepStrictEqual(r.s.moodDaysLeftOut, { noDose: 0, otherDose: 1, beforeFirstDose: 0 });
    assertCountsAgree(r, 0, 0);
  });

  it('says so on page 1, in the appendix, in Figure A and on the dashboard', () => {
    assert.ok(r.page1.includes('Dose: 10 mg a day since at least 2026-05-01 (the first dose logged); no change logged. No taper plan recorded.'), r.page1);
    assert.ok(r.page1.includes('A dose was taken on each of the 10 days.'));
    assert.ok(r.appendix.includes('| 2026-05-04 | 1 | 15 mg (10 + 5) | 10 mg | no plan |'), r.appendix);
    assert.ok(r.appendix.includes('| 2026-05-04 | 6.0 (6, n = 1) | 15 mg (10 + 5) | – |'));
    assert.ok(r.appendix.includes('A different dose for one day, above the step: 1 day (2026-05-04: 15 mg (10 + 5), step 10 mg).'));
    assert.ok(r.appendix.includes('n = 9 days; not counted: 1 more day at another dose for one day.'));
    assert.ok(r.appendix.includes('No change of logged dose in this range.'));
    assert.strictEqual(of(r.figA, 'change-marker').length, 0, 'no change marked');
    assert.strictEqual(of(r.figA, 'dose-other').length, 1, 'the one day at 15 mg is marked on its day');
    assert.deepStrictEqual(r.dash.changes, []);
    assert.deepStrictEqual(
      r.dash.steps.map((x) => x.mg),
      [10]
    );
    const may4 = r.dash.timeline.days.find((d) => d.date === '2026-05-04')!;
    assert.deepStrictEqual([may4.dose, may4.taken], [10, 15], 'the dashboard draws the step at 10 and what was taken, 15');
  });
});

describe('hand-made journals: two check-ins a day with the default reminders', () => {
  const r = read(twoCheckIns(), TWO_A_DAY);

  it('counts 14 check-ins on 7 days and one dose a day', () => {
    // Each day (5 + 7) / 2 = 6 from 2 check-ins; one 10 mg intake a day, with the morning check-in.
    assert.ok(r.page1.includes('14 check-ins on 7 of the 7 days; mood mean 6.0 (n = 7 days)'), r.page1);
    assert.ok(r.page1.includes('A dose was taken on each of the 7 days.'));
    assert.deepStrictEqual(
      r.s.moodByDose.map((d) => [d.mg, d.mean, d.days, d.checkIns, d.min, d.max]),
      [[10, 6, 7, 14, 5, 7]]
    );
    assert.ok(r.s.dose.days.every((d) => d.total === 10), 'one 10 mg intake each day, never 20');
    assertCountsAgree(r, 0, 0);
  });
});

describe('hand-made journals: six days with nothing logged, then symptoms', () => {
  const r = read(gapThenSymptoms(), GAP);

  it('shows the six days as not logged everywhere, and counts them', () => {
    // 06-01..06-24 = 24 days: 18 taken, 06-11..06-16 not logged.
    assertCountsAgree(r, 0, 6);
    assert.deepStrictEqual(r.s.adherence.notLoggedDates, ['2026-06-11', '2026-06-12', '2026-06-13', '2026-06-14', '2026-06-15', '2026-06-16']);
    assert.ok(r.page1.includes('18 check-ins on 18 of the 24 days'));
    assert.ok(r.page1.includes('Dose taken on 18 days; no dose logged on 6.'), r.page1);
    for (const d of ['2026-06-11', '2026-06-16']) assert.ok(r.appendix.includes(`| ${d} | – | not logged |`), d);
    assert.ok(r.appendix.includes('| 2026-06-11 to 2026-06-16 | 6 | not logged | 20 mg | no plan |'));
    // Mood by dose counts only the 18 days taken at 20 mg: (16 · 6 + 4 + 4) / 18 = 104 / 18 ≈ 5.778.
    assert.deepStrictEqual(
      r.s.moodByDose.map((d) => [d.mg, r3(d.mean), d.days]),
      [[20, 5.778, 18]]
    );
    // Figure A: solid 06-01..06-10 and 06-17..06-24, dotted across the six days.
    assert.strictEqual(of(r.figA, 'dose-logged').length, 2);
    assert.strictEqual(of(r.figA, 'dose-untaken').length, 1);
  });

  it('names the unlogged days before the symptom, and no change it cannot name', () => {
    // 06-17: no change ever logged; the 7 days before (06-10..06-16) hold 06-10 taken and 6 with nothing.
    assert.ok(
      r.appendix.includes('Brain zaps: first logged 2026-06-17, no dose change logged in the 28 days before; 6 days with no dose logged in the 7 days before; logged on 2 days from 2026-06-17 to 2026-06-18, peak 2/3.'),
      r.appendix
    );
    // No dose change in range: page 1 lists the symptoms in Figure B's place.
    assert.ok(r.page1.includes('## Symptoms logged in this range (no dose change in it)'));
    assert.ok(r.page1.includes('| Brain zaps | 2 days, 2026-06-17 to 2026-06-18 | 2/3 | none logged |'), r.page1);
  });
});

describe('hand-made journals: skipped, then taken', () => {
  const r = read(skippedThenTaken(), SKIP);

  it('counts 07-03 as taken and 07-05 as skipped, the same in every table', () => {
    assertCountsAgree(r, 1, 0);
    assert.deepStrictEqual(r.s.adherence.skippedDates, ['2026-07-05']);
    assert.ok(r.page1.includes('Dose taken on 6 days; only a skipped dose on 1.'));
    assert.ok(r.appendix.includes('| 2026-07-03 | 6.0 (6, n = 1) | 10 mg, one skipped |'), r.appendix);
    assert.ok(r.appendix.includes('| 2026-07-05 | 5.0 (5, n = 1) | skipped |'));
    assert.ok(r.appendix.includes('Only a skipped dose logged: 1 day (2026-07-05).'));
    // The step table's cell: 1 skipped, 0 not logged.
    assert.ok(r.page1.includes('| 1 / 0 |'));
    // 6 days at 10 mg, mood 6; 07-05 named apart.
    assert.deepStrictEqual(
      r.s.moodByDose.map((d) => [d.mg, d.mean, d.days]),
      [[10, 6, 6]]
    );
    assert.deepStrictEqual(r.s.moodDaysLeftOut, { noDose: 1, otherDose: 0, beforeFirstDose: 0 });
  });
});

describe('hand-made journals: a journal that starts mid-step', () => {
  const r = read(midStep(), MID);

  it('says the step began before the journal, and never restarts its day count', () => {
    // Range 01-01..01-25: 01-01..01-04 before the first dose (4 days, nothing logged), then 10 mg 01-05..01-25 (21 days).
    assert.deepStrictEqual(
      r.s.steps.map((x) => [x.mg, x.from, x.days, x.startedOn, x.startBy, x.early, x.notLoggedDays]),
      [
        [null, '2026-01-01', 4, null, null, null, 4],
        [10, '2026-01-05', 21, null, '2026-01-05', null, 0]
      ]
    );
    assert.ok(r.page1.includes('| 10 mg | by 2026-01-05 | 21 (21) | 7.0 (7.0–7.0) | 7.0 ± 0.0 | 7.0 (01-07) | n/a | n/a | 0 | 0 / 0 | 0 |'), r.page1);
    // The lowest week: from 01-07, the first day with 3 check-ins in its 7 days (01-05..01-07).
    assert.ok(r.page1.includes('| none logged | 2026-01-01 | 4 (0) | too few days | – | – | – | – | 0 | 0 / 4 | 0 |'));
    // The plan's step began 2025-12-20: 01-25 is day 36 of it (12 days to 01-01, then 24).
    assert.ok(r.page1.includes('Dose: 10 mg a day since at least 2026-01-05 (the first dose logged); no change logged. Plan: step 1 of 1, 10 mg since 2025-12-20 (day 36).'));
    assert.ok(r.page1.includes('Dose taken on 21 days; no dose logged on 4.'));
    assertCountsAgree(r, 0, 4);
  });
});

describe('hand-made journals: a symptom 100 days after a change, beside a life event', () => {
  const r = read(lateOnset(), LATE);

  it('names no change for it, and the life event the same day', () => {
    // 02-01 → 05-12: 28 (to 03-01) + 31 (to 04-01) + 30 (to 05-01) + 11 = 100 days: more than 28.
    const [nausea] = r.s.symptoms;
    assert.deepStrictEqual([nausea.episodes[0].change, nausea.episodes[0].sameDayEvents], [null, [0]]);
    assert.ok(
      r.appendix.includes('Nausea: first logged 2026-05-12, no dose change logged in the 28 days before; same day as E1; logged on 2 days from 2026-05-12 to 2026-05-13, peak 2/3.'),
      r.appendix
    );
    assert.ok(r.page1.includes('| Nausea | 2 days, 2026-05-12 to 2026-05-13 | 2/3 | E1, the same day |'));
  });

  it('counts the step from its change before the range: day 59 on the range’s first day', () => {
    // 02-01 → 04-01 = 59 days, so days 0–14 are before the range, and 04-01..05-20 are days 59–108.
    const [st] = r.s.steps;
    assert.deepStrictEqual([st.mg, st.startedOn, st.early, st.late && [st.late.firstDay, st.late.lastDay, st.late.stat.n]], [10, '2026-02-01', null, [59, 108, 50]]);
    assert.ok(r.page1.includes('| 10 mg | 2026-02-01 | 50 (50) | 6.0 (6.0–6.0) | 6.0 ± 0.0 | 6.0 (04-03) | before the range | 6.0 (50) from day 59 |'), r.page1);
    assert.ok(r.page1.includes('Dose: 10 mg a day since 2026-02-01 (20 → 10 mg; day 108 on 2026-05-20).'));
    assertCountsAgree(r, 0, 0);
  });
});

describe('hand-made journals: a recalled period of another medication', () => {
  const r = read(otherMedication(), OTHER);

  it('names it, keeps it off the logged medication’s mg axis, and counts no recalled day', () => {
    assert.ok(r.page1.includes('Before the journal, as recalled by the patient: Sertraline 50 mg 2025-06 to 2025-12; 20 mg 2026-01 to 2026-02 (in the appendix).'), r.page1);
    // The axis's top: escitalopram's 20 mg as recalled → 20; sertraline's 50 mg never stretches it.
    const ticks = r.figA.prims.flatMap((p) => (p.t === 'text' && p.mark === 'tick' && p.text.endsWith(' mg') ? [p.text] : []));
    assert.deepStrictEqual(ticks, ['0 mg', '20 mg']);
    assert.ok(
      r.figA.prims.some((p) => p.t === 'text' && p.mark === 'recalled-label' && p.text.startsWith('Sertraline')),
      'its name is on the figure'
    );
    // 14 days in range, 14 with a check-in: nothing from the recalled months.
    assert.ok(r.page1.includes('14 check-ins on 14 of the 14 days'));
    assertCountsAgree(r, 0, 0);
  });
});
