// The figures as numbers and as SVG structure: one marker per change and per event, axes and labels,
// a dot per day with a check-in, the rolling median where it is defined, Figure B's cells, and
// user text that stays text.
import * as assert from 'assert';
import { afterChangeFigure, courseText, selectForPage } from '../../src/core/figures/afterChange';
import type { Figure, Mark } from '../../src/core/figures/display';
import { MOOD_DOSE_LAYOUT, moodDoseLayout } from '../../src/core/figures/moodDose';
import { toSvg } from '../../src/core/figures/svg';
import { FIGURE_A_MAX } from '../../src/core/summary/page1Fit';
import { buildSummary } from '../../src/core/summary/summary';
import { summaryDoc } from '../../src/core/summary/doc';
import { CUTS, EVENT, eventIncreaseItem9, symptomsAfterCuts } from '../fixtures/handJournals';
import { HEAVY_END, HEAVY_START, heavyYear } from '../fixtures/heavyYear';

const of = (f: Figure, mark: Mark) => f.prims.filter((p) => p.mark === mark);
const texts = (f: Figure, mark?: Mark) => f.prims.flatMap((p) => (p.t === 'text' && (!mark || p.mark === mark) ? [p.text] : []));
const count = (svg: string, needle: string) => svg.split(needle).length - 1;

describe('Figure A: mood and dose over time', () => {
  const s = buildSummary(symptomsAfterCuts(), { today: CUTS.to, from: CUTS.from, to: CUTS.to, medicationName: 'Escitalopram', unit: 'mg' });
  const [figA] = summaryDoc(s).figures;
  // Figure A grows into the room page 1 has: the panels at its height.
  const L = moodDoseLayout(figA.height);
  const plotW = figA.width - L.left - L.right;
  const dayW = plotW / 50;
  const yMood = (m: number) => L.moodTop + L.moodHeight - ((m - 1) / 9) * L.moodHeight;

  it('grows into the room page 1 has, up to about 40% of a Letter page, with every label at 8 pt or more', () => {
    assert.ok(figA.height > MOOD_DOSE_LAYOUT.height && figA.height <= FIGURE_A_MAX, `${figA.height} pt`);
    const small = figA.prims.flatMap((p) => (p.t === 'text' && p.size < 8 ? [`${p.text} (${p.size} pt)`] : []));
    assert.deepStrictEqual(small, []);
  });

  it('draws a dot per day with a check-in at its mean, on the right day', () => {
    const dots = of(figA, 'mood-dot');
    assert.strictEqual(dots.length, 47, '50 days, no check-in on the last 3');
    // 01-14 is day 13, mood 3.
    const dot = dots[13];
    assert.ok(dot.t === 'circle');
    assert.ok(Math.abs(dot.cx - (L.left + 13.5 * dayW)) < 1e-6 && Math.abs(dot.cy - yMood(3)) < 1e-6);
  });

  it('draws the rolling median from the third day on, through the hand-worked values', () => {
    const [line] = of(figA, 'rolling-median');
    assert.ok(line.t === 'line');
    assert.strictEqual(line.points.length, 48, 'days 2..49: defined from 01-03 on, and to the end (days 47–49 still have 4 days)');
    // 01-17 (day 16): 5; 01-03 (day 2): 7.
    assert.ok(Math.abs(line.points[16 - 2][1] - yMood(5)) < 1e-6);
    assert.ok(Math.abs(line.points[0][1] - yMood(7)) < 1e-6);
  });

  it('draws the dose taken and planned as step lines, dotted across a day without a dose taken, one marker per change, labelled', () => {
    const logged = of(figA, 'dose-logged');
    // 01-20 (day 19) had only a skipped dose: the solid line stops there and goes on from day 20.
    assert.strictEqual(logged.length, 2, 'broken at the skipped day');
    assert.ok(logged[0].t === 'line' && logged[1].t === 'line');
    // Days 0–18: 20 mg to day 10, then 15 → 4 points; days 20–49: 15 to day 35, then 10 → 4 points.
    assert.deepStrictEqual([logged[0].points.length, logged[1].points.length], [4, 4]);
    const xDay = (i: number) => L.left + i * dayW;
    assert.ok(Math.abs(logged[0].points[3][0] - xDay(19)) < 1e-6 && Math.abs(logged[1].points[0][0] - xDay(20)) < 1e-6);
    const untaken = of(figA, 'dose-untaken');
    assert.strictEqual(untaken.length, 1, 'one dotted stretch, over day 19 only');
    assert.ok(untaken[0].t === 'line' && untaken[0].stroke.dash && Math.abs(untaken[0].points[0][0] - xDay(19)) < 1e-6 && Math.abs(untaken[0].points[1][0] - xDay(20)) < 1e-6);
    assert.ok(texts(figA, 'legend').includes('No dose taken') && texts(figA, 'legend').includes('Dose taken'));
    assert.strictEqual(of(figA, 'dose-planned').length, 1);
    assert.strictEqual(of(figA, 'change-marker').length, 2);
    assert.deepStrictEqual(texts(figA, 'marker-label'), ['→ 15 mg', '→ 10 mg']);
    assert.ok(texts(figA, 'axis').includes('Mood') && texts(figA, 'axis').includes('Dose') && texts(figA, 'axis').includes('PHQ-9'));
    assert.strictEqual(of(figA, 'phq9-band').length, 5, 'the five PHQ-9 bands');
    assert.strictEqual(of(figA, 'phq9-point').filter((p) => p.t === 'circle').length, 2);
    assert.match(figA.desc, /on 47 of 50 days/);
  });

  it('is an SVG with a title, a text alternative, axes and one marker per change and per event', () => {
    const e = buildSummary(eventIncreaseItem9(), { today: EVENT.to, from: EVENT.from, to: EVENT.to, medicationName: 'Escitalopram', unit: 'mg' });
    const svg = toSvg(summaryDoc(e).figures[0]);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.match(svg, /role="img" aria-labelledby="figure-a-title figure-a-desc"/);
    assert.match(svg, /<title id="figure-a-title">Mood and dose over time<\/title>/);
    assert.strictEqual(count(svg, 'class="change-marker"'), 1);
    assert.strictEqual(count(svg, 'class="event-marker"'), 1);
    assert.strictEqual(count(svg, 'class="axis"') >= 5, true);
    // The event title is text: escaped, never markup.
    assert.ok(svg.includes('E1 &lt;script&gt;alert(&quot;x&quot;)&lt;'), 'the escaped title (cut to fit) labels the marker');
    assert.ok(!svg.includes('<script'), 'no script element');
  });
});

describe('Figure B: the days after each dose change', () => {
  const s = buildSummary(symptomsAfterCuts(), { today: CUTS.to, from: CUTS.from, to: CUTS.to, medicationName: 'Escitalopram', unit: 'mg' });
  const figB = summaryDoc(s).figures[1];

  it('shades one cell per day logged, marks skipped doses, and says the facts in words', () => {
    // Cut 1: dizziness 3 days + brain zaps 1 day; cut 2: dizziness 3 days.
    assert.strictEqual(of(figB, 'severity-cell').length, 7);
    assert.deepStrictEqual(texts(figB, 'skipped-dose'), ['×']);
    assert.deepStrictEqual(texts(figB, 'group-label'), ['2026-01-11 · 20 → 15 mg', '2026-02-05 · 15 → 10 mg']);
    assert.deepStrictEqual(texts(figB, 'row-text'), [
      'Shown: days 0–24, to the next change; × on day 9',
      'onset day 2, peak day 3 (severe), last logged day 4',
      'logged on day 5 only (mild)',
      'Shown: days 0–14, to the end of the range',
      'onset day 2, peak day 3 (severe), last logged day 4'
    ]);
    assert.deepStrictEqual(texts(figB, 'row-label'), ['Dizziness', 'Brain zaps', 'Dizziness']);
  });

  it('caps page 1 to the latest changes and the symptoms with the most days, and counts the rest', () => {
    const heavy = buildSummary(heavyYear(), { today: HEAVY_END, from: HEAVY_START, to: HEAVY_END, medicationName: 'Escitalopram', unit: 'mg' });
    const pick = selectForPage(heavy.afterChanges, 8);
    assert.strictEqual(heavy.afterChanges.length, 8);
    assert.deepStrictEqual(
      pick.windows.map((w) => w.change.date),
      heavy.afterChanges.slice(-2).map((w) => w.change.date)
    );
    const shown = pick.windows.reduce((a, w) => a + w.symptoms.length, 0);
    assert.strictEqual(shown + pick.windows.length, 8, 'two change rows and six symptom rows');
    assert.strictEqual(pick.hiddenChanges, 6);
    assert.strictEqual(pick.hiddenRows, heavy.afterChanges.reduce((a, w) => a + w.symptoms.length, 0) - shown);
    assert.match(summaryDoc(heavy).page1.map((b) => ('caption' in b ? b.caption : '')).join(' '), /6 earlier changes and \d+ more rows in the appendix\./);
    const fig = afterChangeFigure(pick.windows, 'mg');
    assert.ok(fig.height < 150, `Figure B stays small: ${fig.height} pt`);
  });

  it('words a single day, and a peak on the day of onset', () => {
    const base = { key: 'k', label: 'x', severities: [], loggedBefore: false };
    assert.strictEqual(courseText({ ...base, onsetDay: 3, peakDay: 3, peak: 1, lastDay: 3, daysLogged: 1 }), 'logged on day 3 only (mild)');
    assert.strictEqual(courseText({ ...base, onsetDay: 1, peakDay: 1, peak: 2, lastDay: 6, daysLogged: 4 }), 'onset and peak day 1 (moderate), last logged day 6');
    // Three separate days never read as one span from the first to the last.
    const sparse = [null, null, 1, null, null, null, null, null, null, 3, null, null, null, null, null, null, 2];
    assert.strictEqual(courseText({ ...base, severities: sparse, onsetDay: 2, peakDay: 9, peak: 3, lastDay: 16, daysLogged: 3 }), 'logged on days 2, 9 and 16; peak day 9 (severe)');
  });
});
