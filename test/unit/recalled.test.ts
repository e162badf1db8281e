import * as assert from 'assert';
import { allOverlapMessages, overlapMessage, overlapsOf, recalledProblem, type RecalledInput } from '../../src/core/recalled';
import type { RecalledPeriod } from '../../src/core/schemas';
import { buildSummary, type Summary } from '../../src/core/summary/summary';
import { summaryDoc } from '../../src/core/summary/doc';
import { htmlOf, markdownOf } from '../../src/core/summary/render';
import type { RowsByTable } from '../../src/core/transfer/transfer';
import { checkIn, dose, step } from '../fixtures/transfer-rows';
import { fixedClock } from './helpers';
import { english, testJournal } from './journalFixture';

const FIXED = '2026-01-01T00:00:00.000Z';

function period(id: string, startDate: string, endDate: string, mg: number, over: Partial<RecalledPeriod> = {}): RecalledPeriod {
  return { id, createdAt: FIXED, updatedAt: FIXED, deletedAt: null, medication: 'Escitalopram', startDate, endDate, mg, context: '', mood: null, certainty: null, ...over };
}

// A hand-made journal, 2026-03-01..2026-03-10: plan 20 mg from 03-01 and 15 mg from 03-06; 20 mg
// logged 03-01..03-05, 15 mg 03-06..03-10 with 03-08 skipped. Mood 6 on the 20 mg days, 4 on the 15 mg
// days. Mood by dose level: 20 mg → 6 on 5 days; 15 mg → 4 on 4 days (03-08 had only a skipped dose:
// no dose taken, so it is named apart, never counted at 15 mg). Adherence: 9 days at the plan, 1 skipped.
function logged(): RowsByTable {
  const days = Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
  return {
    checkins: days.map((d, i) => checkIn(`ci-${d}`, d, i < 5 ? 6 : 4)),
    doses: days.map((d, i) => dose(`do-${d}`, d, i < 5 ? 20 : 15, d === '2026-03-08' ? 'skipped' : i === 5 ? 'changed' : 'taken')),
    taper_steps: [step('step-20mg', '2026-03-01', 20), step('step-15mg', '2026-03-06', 15)]
  };
}

/** Recalled periods that could skew every figure if they were read: a 40 mg year and a 10 mg stretch inside the range. */
const RECALLED: RecalledPeriod[] = [
  period('recalled-full', '2025-01', '2025-06', 20, { mood: 5, certainty: 'roughly', context: 'Full dose' }),
  period('recalled-raise', '2025-07', '2025-09', 40, { mood: 2, certainty: 'clearly', context: 'Raised during the divorce' }),
  period('recalled-half', '2025-10', '2026-03-04', 10, { mood: 8, certainty: 'roughly', context: 'Half dose, most of the year' })
];

const OPTIONS = { today: '2026-03-10', from: '2026-03-01', to: '2026-03-10', medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: [] };

/** A summary without its recalled history: what every figure and statistic is made of. */
const figures = ({ recalled: _recalled, ...rest }: Summary) => rest;

describe('medication history as recalled: never mixed into a statistic', () => {
  const without = buildSummary(logged(), OPTIONS);
  const withHistory = buildSummary({ ...logged(), recalled_periods: RECALLED }, OPTIONS);

  it('the dose-level table is identical with and without the recalled periods (worked by hand)', () => {
    const table = (s: Summary) => s.moodByDose.map((d) => [d.mg, d.mean, d.days]);
    assert.deepStrictEqual(table(without), [
      [20, 6, 5],
      [15, 4, 4]
    ]);
    assert.deepStrictEqual(without.moodDaysLeftOut, { noDose: 1, otherDose: 0, beforeFirstDose: 0 });
    assert.deepStrictEqual(table(withHistory), table(without));
    // The rendered "Mood by dose level" section is the same text too.
    const section = (s: Summary) => {
      const md = markdownOf(summaryDoc(s));
      const start = md.indexOf('## Mood by dose level');
      return md.slice(start, md.indexOf('\n## ', start + 1));
    };
    assert.ok(section(without).includes('20 mg'), section(without));
    assert.strictEqual(section(withHistory), section(without));
  });

  it('daily statistics, dose means, adherence, steps and counts are identical with and without them', () => {
    assert.deepStrictEqual(figures(withHistory), figures(without));
    assert.deepStrictEqual(without.recalled, []);
    assert.deepStrictEqual(
      withHistory.recalled.map((r) => r.period.id),
      ['recalled-full', 'recalled-raise', 'recalled-half']
    );
    // Adherence stays the logged days' own: 9 days at the plan and 1 skipped, none of them recalled.
    assert.deepStrictEqual([withHistory.adherence.atPlan, withHistory.adherence.skipped, withHistory.adherence.notLogged], [9, 1, 0]);
  });

  it('the Charts tab and the Plan tab read the same figures with and without them', async () => {
    const clock = fixedClock('2026-03-10T12:00:00Z', 'UTC');
    const j = await testJournal(clock);
    try {
      const rows = logged();
      await j.store.write(rows.checkins!.map((row) => ({ table: 'checkins' as const, row })));
      await j.store.write(rows.doses!.map((row) => ({ table: 'doses' as const, row })));
      await j.store.write(rows.taper_steps!.map((row) => ({ table: 'taper_steps' as const, row })));
      const charts = await j.handlers['charts/data']({ range: 'all' });
      const plan = await j.handlers['plan/data']({});
      await j.store.write(RECALLED.map((row) => ({ table: 'recalled_periods' as const, row })));
      const { recalled, ...chartsAfter } = await j.handlers['charts/data']({ range: 'all' });
      const { history, overlaps, ...planAfter } = await j.handlers['plan/data']({});
      // "All" now starts at the first recalled period, so compare the logged range's figures.
      assert.deepStrictEqual(chartsAfter.moodByDose, charts.moodByDose);
      assert.deepStrictEqual(
        chartsAfter.days.filter((d) => d.date >= '2026-03-01'),
        charts.days
      );
      assert.ok(chartsAfter.days.filter((d) => d.date < '2026-03-01').every((d) => d.mean === null && d.dose === null), 'no recalled day becomes a logged day');
      assert.strictEqual(recalled?.length, 3);
      const { history: h0, overlaps: o0, ...planBefore } = plan;
      assert.deepStrictEqual([h0, o0], [[], []]);
      assert.deepStrictEqual(planAfter, planBefore);
      assert.strictEqual(history.length, 3);
      assert.strictEqual(overlaps.length, 1, 'the half dose runs into the logged doses');
    } finally {
      await j.close();
    }
  });
});

describe('medication history as recalled: on the dashboard', () => {
  it('draws them on the timeline, and every figure (changes, steps, associations) is the same with and without them', async () => {
    const clock = fixedClock('2026-03-10T12:00:00Z', 'UTC');
    const j = await testJournal(clock);
    try {
      const rows = logged();
      await j.store.write(rows.checkins!.map((row) => ({ table: 'checkins' as const, row })));
      await j.store.write(rows.doses!.map((row) => ({ table: 'doses' as const, row })));
      await j.store.write(rows.taper_steps!.map((row) => ({ table: 'taper_steps' as const, row })));
      const before = await j.handlers['dashboard/data']({});
      await j.store.write(RECALLED.map((row) => ({ table: 'recalled_periods' as const, row })));
      const after = await j.handlers['dashboard/data']({});
      const { timeline: tBefore, ...figuresBefore } = before;
      const { timeline: tAfter, ...figuresAfter } = after;
      assert.deepStrictEqual(figuresAfter, figuresBefore);
      assert.strictEqual(tBefore.recalled, undefined);
      assert.deepStrictEqual(tAfter.recalled?.map((r) => r.id), ['recalled-full', 'recalled-raise', 'recalled-half']);
      // The timeline reaches back to the first recalled month, with no logged value on those days.
      assert.strictEqual(tAfter.from, '2025-01-01');
      assert.deepStrictEqual(tAfter.days.filter((d) => d.date >= '2026-03-01'), tBefore.days);
      assert.ok(tAfter.days.filter((d) => d.date < '2026-03-01').every((d) => d.mean === null && d.dose === null), 'no recalled day becomes a logged day');
    } finally {
      await j.close();
    }
  });
});

describe('medication history as recalled: overlaps are named, never rejected', () => {
  const unit = 'mg';

  it('names both recalled periods, and the days they share', () => {
    const a = period('a', '2025-01', '2025-06', 20);
    const b = period('b', '2025-06-10', '2025-08', 30);
    const found = overlapsOf(a, [a, b], []);
    assert.deepStrictEqual(
      found.map((o) => [o.kind, o.from, o.to]),
      [['period', '2025-06-10', '2025-06-30']]
    );
    assert.strictEqual(
      overlapMessage(a, found[0], unit, english),
      'The recalled period Escitalopram 20 mg, 2025-01 to 2025-06 overlaps the recalled period Escitalopram 30 mg, 2025-06-10 to 2025-08 from 2025-06-10 to 2025-06-30. Both are kept; edit either one if that is not what you meant.'
    );
  });

  it('names the period and the logged doses it runs into, counting days with a dose taken', () => {
    const p = period('p', '2026-02', '2026-03-04', 10);
    const doses = logged().doses!;
    const found = overlapsOf(p, [p], doses);
    assert.deepStrictEqual(
      found.map((o) => [o.kind, o.from, o.to]),
      [['logged', '2026-03-01', '2026-03-04']]
    );
    assert.strictEqual(
      overlapMessage(p, found[0], unit, english),
      'The recalled period Escitalopram 10 mg, 2026-02 to 2026-03-04 overlaps the doses logged from 2026-03-01 to 2026-03-04 (4 days with a dose). Both are kept: figures count only the logged doses, and the period is shown as recalled.'
    );
  });

  it('is no overlap: another medication at the same time, a deleted period, a skipped dose, touching months', () => {
    const p = period('p', '2025-01', '2025-03', 20);
    const other = period('o', '2025-02', '2025-02', 50, { medication: 'Bupropion' });
    const gone = period('g', '2025-02', '2025-02', 30, { deletedAt: FIXED });
    const next = period('n', '2025-04', '2025-05', 30);
    const skipped = { ...dose('d', '2025-02-10', 20, 'skipped') };
    assert.deepStrictEqual(overlapsOf(p, [p, other, gone, next], [skipped]), []);
  });

  it('says each pair once, from the earlier period, and every overlap with the logged doses', () => {
    const list = [period('a', '2025-01', '2025-06', 20), period('b', '2025-05', '2025-08', 30), period('c', '2026-02-20', '2026-03-02', 10)];
    const messages = allOverlapMessages(list, logged().doses!, unit, english);
    assert.deepStrictEqual(
      messages.map((m) => m.id),
      ['a', 'c']
    );
    assert.match(messages[0].message, /20 mg, 2025-01 to 2025-06 overlaps the recalled period Escitalopram 30 mg, 2025-05 to 2025-08/);
    assert.match(messages[1].message, /overlaps the doses logged from 2026-03-01 to 2026-03-02 \(2 days with a dose\)/);
  });

  it('saves an overlapping period all the same, returning a message for each overlap', async () => {
    const clock = fixedClock('2026-03-10T12:00:00Z', 'UTC');
    const j = await testJournal(clock);
    try {
      const input: RecalledInput = { medication: 'Escitalopram', startDate: '2025-01', endDate: '2025-06', mg: 20, context: '', mood: null, certainty: null };
      const first = await j.actions.saveRecalledPeriod({ ...input, id: null });
      assert.deepStrictEqual(first.overlaps, []);
      assert.match(first.message, /marked as recalled/);
      const second = await j.actions.saveRecalledPeriod({ ...input, id: null, startDate: '2025-06', endDate: '2025-09', mg: 30 });
      assert.strictEqual(second.overlaps.length, 1);
      assert.match(second.overlaps[0], /30 mg, Jun 2025 to Sep 2025 overlaps the recalled period Escitalopram 20 mg, Jan 2025 to Jun 2025 from Jun 1, 2025 to Jun 30, 2025/);
      assert.ok(j.store.get('recalled_periods', first.id) && j.store.get('recalled_periods', second.id), 'both are kept');
    } finally {
      await j.close();
    }
  });

  it('refuses only what cannot be a period, saying what to change', () => {
    const ok: RecalledInput = { medication: 'Escitalopram', startDate: '2025-03', endDate: '2025-05-14', mg: 10, context: '', mood: 6, certainty: 'roughly' };
    const today = '2026-03-10';
    assert.strictEqual(recalledProblem(ok, today, english), undefined);
    assert.match(recalledProblem({ ...ok, endDate: '2025-02' }, today, english)!, /ends \(2025-02\) before it starts \(2025-03\)/);
    assert.match(recalledProblem({ ...ok, startDate: 'March' }, today, english)!, /as a month \(2025-03\) or a day/);
    assert.match(recalledProblem({ ...ok, endDate: '2026-04' }, today, english)!, /ends after today/);
    assert.match(recalledProblem({ ...ok, certainty: null }, today, english)!, /roughly or clearly/);
    // The month of today is the past too: it started before today.
    assert.strictEqual(recalledProblem({ ...ok, endDate: '2026-03' }, today, english), undefined);
  });
});

describe('medication history as recalled: the summary section', () => {
  const s = buildSummary({ ...logged(), recalled_periods: RECALLED }, OPTIONS);
  const doc = summaryDoc(s);

  it('lists every period with its dates, dose, context and recalled mood, "as recalled by the patient"', () => {
    for (const text of [markdownOf(doc), htmlOf(doc)]) {
      assert.match(text, /Medication history \(as recalled\)/);
      assert.match(text, /as recalled by the patient/i);
      for (const want of ['2025-01 to 2025-06', '2025-07 to 2025-09', '2025-10 to 2026-03-04', '40 mg', 'Raised during the divorce', '2 of 10, clearly', '8 of 10, roughly']) {
        assert.ok(text.includes(want), `${want} in the summary`);
      }
    }
    // Page 1 points to it in one line, marked as recalled.
    const pointer = doc.page1.find((b) => b.kind === 'muted' && b.text.startsWith('Before the journal, as recalled by the patient'));
    assert.ok(pointer, 'page 1 says there is recalled history');
  });

  it('names the overlap with the logged doses, and says it is not counted', () => {
    const md = markdownOf(doc);
    assert.match(md, /2025-10 to 2026-03-04 \(10 mg\) overlaps the doses logged from 2026-03-01 to 2026-03-04 \(4 days with a dose\); only the logged doses are counted/);
    assert.match(md, /Not counted in any figure, table or statistic/);
  });

  it("draws the periods before the range on Figure A as a hatched inset, with a legend", () => {
    const figA = doc.figures[0];
    assert.ok(figA.prims.some((p) => p.mark === 'recalled-band'), 'a recalled band');
    assert.ok(figA.prims.some((p) => p.t === 'text' && p.text === 'As recalled (hatched)'), 'a legend entry');
    assert.match(figA.desc, /as recalled before the range/);
    const plain = summaryDoc(buildSummary(logged(), OPTIONS)).figures[0];
    assert.ok(!plain.prims.some((p) => p.mark?.startsWith('recalled')), 'no band without recalled history');
  });

  it('leaves the section out when there is no recalled history', () => {
    const md = markdownOf(summaryDoc(buildSummary(logged(), OPTIONS)));
    assert.doesNotMatch(md, /as recalled/i);
  });
});
