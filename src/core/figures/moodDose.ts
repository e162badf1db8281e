// Figure A: mood and dose over time. Dots for each day's mean mood, a line for the 7-day rolling
// median, the logged dose as a step line and the planned dose as a dashed step line, vertical markers
// for dose changes and life events with short labels, and beneath, on the same time axis, a strip
// with the PHQ-9 totals over their bands. Medication history as recalled, when there is any before
// the range, gets an inset of its own on the left (recalledInset.ts). Pure: data in, display list out.
import type { DoseDay } from '../stats/doseDays';
import { formatMg } from '../entries';
import { monthShort, plural, t } from '../summary/lang';
import { PHQ9 } from '../questionnaires';
import { addDays, daysBetween, parseLocalDate, type LocalDate } from '../time';
import { fitText, INK, textWidth, type Figure, type Prim } from './display';
import { breakMarks, insetPrims, insetSpan, legendSwatch, type RecalledBand } from './recalledInset';

export interface MoodDoseInput {
  from: LocalDate;
  to: LocalDate;
  unit: string;
  /**
   * One entry per day in range, oldest first: the day's mean mood, and its dose as the dose-day
   * model reads it (core/doseDays.ts): the step in force, and what was taken that day, if anything.
   */
  days: readonly { date: LocalDate; mean: number | null; planned: number | null; dose: Pick<DoseDay, 'kind' | 'level' | 'total' | 'deviation'> }[];
  rolling: readonly { date: LocalDate; median: number | null }[];
  changes: readonly { date: LocalDate; fromMg: number; toMg: number }[];
  events: readonly { date: LocalDate; title: string }[];
  phq9: readonly { date: LocalDate; total: number }[];
  /** Medication history as recalled; only the part before `from` is drawn, in an inset of its own. */
  recalled?: readonly RecalledBand[];
  /** The logged medication: a recalled period of another one is named and kept off the dose axis. */
  medication?: string;
  width?: number;
  /** Taller than MOOD_DOSE_LAYOUT.height when page 1 has room (the panels share the extra). */
  height?: number;
}

/** Labels and ticks at 8 pt: Figure A is drawn at its own size on the PDF page, never scaled down. */
const LABEL = 8;
const TICK = 8;
/** Baselines of the two rows of marker labels above the mood panel. */
const LABEL_ROWS = [8, 17];
/** Width an event's title may take in its label (as many characters as 72 pt held at 7.5 pt). */
const EVENT_TITLE_W = 77;
/** A title this short is tried whole first. */
const EVENT_TITLE_FULL = 40;

/** The smallest layout, exported for tests that check where things fall: mood, dose and PHQ-9 panels share one time axis. */
export const MOOD_DOSE_LAYOUT = { left: 40, right: 40, moodTop: 20, moodHeight: 78, doseTop: 102, doseHeight: 26, ticksY: 138, stripTop: 143, stripHeight: 22, legendY: 177, height: 181 };
/** The share of the inset for medication history as recalled, and the gap that marks the break. */
const INSET_SHARE = 0.18;
const BREAK_GAP = 10;

/** The layout at `height` (at least MOOD_DOSE_LAYOUT's): mood gets 60% of the extra, dose 25%, the PHQ-9 strip 15%. */
export function moodDoseLayout(height: number = MOOD_DOSE_LAYOUT.height): typeof MOOD_DOSE_LAYOUT {
  const B = MOOD_DOSE_LAYOUT;
  const extra = Math.max(0, height - B.height);
  const moodHeight = B.moodHeight + extra * 0.6;
  const doseHeight = B.doseHeight + extra * 0.25;
  const stripHeight = B.stripHeight + extra * 0.15;
  const doseTop = B.moodTop + moodHeight + (B.doseTop - B.moodTop - B.moodHeight);
  const ticksY = doseTop + doseHeight + (B.ticksY - B.doseTop - B.doseHeight);
  const stripTop = ticksY + (B.stripTop - B.ticksY);
  const legendY = stripTop + stripHeight + (B.legendY - B.stripTop - B.stripHeight);
  return { ...B, moodHeight, doseTop, doseHeight, ticksY, stripTop, stripHeight, legendY, height: legendY + (B.height - B.legendY) };
}

/** Figure A, and the life events (by index) whose label on it is cut or only their number: the caption's key gives them in full. */
export function moodDoseFigure(input: MoodDoseInput): Figure & { shortenedEvents: number[] } {
  const L = moodDoseLayout(input.height);
  const width = input.width ?? 535;
  // With recalled history before the range, the range's panels start right of an inset for it.
  const span = insetSpan(input.recalled ?? [], input.from, input.medication);
  const insetW = span ? Math.round((width - MOOD_DOSE_LAYOUT.left - MOOD_DOSE_LAYOUT.right) * INSET_SHARE) : 0;
  const left = span ? L.left + insetW + BREAK_GAP : L.left;
  const plotW = width - left - L.right;
  const right = left + plotW;
  const moodBottom = L.moodTop + L.moodHeight;
  const doseBottom = L.doseTop + L.doseHeight;
  const stripBottom = L.stripTop + L.stripHeight;
  const nDays = Math.max(1, daysBetween(input.from, input.to) + 1);
  const dayW = plotW / nDays;
  const xOf = (date: LocalDate) => left + daysBetween(input.from, date) * dayW;
  const xMid = (date: LocalDate) => xOf(date) + dayW / 2;
  const yMood = (m: number) => moodBottom - ((m - 1) / 9) * L.moodHeight;
  // The dose axis holds the logged medication only: another medication's recalled mg never stretches it.
  const levels = [...input.days.flatMap((d) => [d.dose.level, d.dose.total, d.planned]), ...(span ? span.bands.filter((b) => b.same).map((b) => b.band.mg) : [])].filter(
    (x): x is number => x !== null
  );
  const maxMg = niceMax(levels.length ? Math.max(...levels) : 10);
  const yMg = (mg: number) => doseBottom - (mg / maxMg) * (L.doseHeight - 4);
  const p: Prim[] = [];

  // Panels: mood 1–10, dose 0–max, PHQ-9 0–27; each framed, with its name on the left.
  for (const m of [1, 4, 7, 10]) {
    p.push({ t: 'line', mark: 'grid', points: [[left, yMood(m)], [right, yMood(m)]], stroke: { color: INK.grid, width: 0.5 } });
    p.push({ t: 'text', mark: 'tick', x: L.left - 3, y: yMood(m) + 2.5, text: String(m), size: TICK, anchor: 'end', fill: INK.muted });
  }
  for (const mg of [0, maxMg]) p.push({ t: 'text', mark: 'tick', x: right + 3, y: yMg(mg) + 2.5, text: `${formatMg(mg)} ${input.unit}`, size: TICK, fill: INK.dose });
  p.push({ t: 'text', mark: 'axis', x: L.left - 3, y: L.moodTop + L.moodHeight / 2 - 4, text: t('Mood'), size: TICK, anchor: 'end', bold: true, fill: INK.text });
  p.push({ t: 'text', mark: 'axis', x: L.left - 3, y: L.moodTop + L.moodHeight / 2 + 5, text: '(1–10)', size: TICK, anchor: 'end', fill: INK.muted });
  p.push({ t: 'text', mark: 'axis', x: L.left - 3, y: L.doseTop + L.doseHeight / 2 + 2.5, text: t('Dose'), size: TICK, anchor: 'end', bold: true, fill: INK.dose });
  p.push({ t: 'rect', mark: 'axis', x: left, y: L.moodTop, w: plotW, h: L.moodHeight, stroke: { color: INK.axis, width: 0.6 } });
  p.push({ t: 'rect', mark: 'axis', x: left, y: L.doseTop, w: plotW, h: L.doseHeight, stroke: { color: INK.axis, width: 0.6 } });

  // The recalled inset, its break from the range, and its label row kept clear of marker labels.
  const labelRows: [number, number][][] = [[], []];
  let ticksFrom = -Infinity;
  if (span) {
    const frame = { left: L.left, width: insetW, labelY: LABEL_ROWS[0], rowGap: LABEL_ROWS[1] - LABEL_ROWS[0], moodTop: L.moodTop, moodBottom, doseTop: L.doseTop, doseBottom, ticksY: L.ticksY, yMood, yMg };
    p.push(...insetPrims(span, frame), ...breakMarks(L.left + insetW + BREAK_GAP / 2, [moodBottom, doseBottom]));
    labelRows[0].push([0, L.left + insetW]);
    labelRows[1].push([0, L.left + insetW]);
    ticksFrom = L.left + insetW + 4;
  }

  // Time ticks under the dose panel, shared by all three panels (none running into the inset's dates).
  for (const t of timeTicks(input.from, input.to)) {
    const x = xOf(t.date);
    if (x - textWidth(t.label, TICK) / 2 < ticksFrom) continue;
    p.push({ t: 'line', mark: 'tick', points: [[x, doseBottom], [x, doseBottom + 2.5]], stroke: { color: INK.axis, width: 0.6 } });
    p.push({ t: 'text', mark: 'tick', x, y: L.ticksY, text: t.label, size: TICK, anchor: 'middle', fill: INK.muted });
  }

  // Markers first, so the data is drawn over them; labels in two rows above the mood panel.
  const place = (x: number, text: string, rows: number[], fill: string): number | undefined => {
    const w = textWidth(text, LABEL) + 3;
    const x0 = Math.min(Math.max(x - 1, 0), width - w);
    for (const row of rows) {
      if (labelRows[row].every(([a, b]) => x0 + w < a || x0 > b)) {
        labelRows[row].push([x0, x0 + w]);
        p.push({ t: 'text', mark: 'marker-label', x: x0, y: LABEL_ROWS[row], text, size: LABEL, fill });
        return row;
      }
    }
    return undefined;
  };
  // One line per marker, through all three panels.
  const marker = (x: number, mark: 'change-marker' | 'event-marker', stroke: { color: string; width: number; dash?: number[] }) => {
    p.push({ t: 'line', mark, points: [[x, L.moodTop - 2], [x, stripBottom]], stroke });
  };
  for (const c of input.changes) {
    const x = xOf(c.date);
    marker(x, 'change-marker', { color: INK.change, width: 0.9 });
    // Without the unit when the full label finds no room.
    if (place(x, `→ ${formatMg(c.toMg)} ${input.unit}`, [0, 1], INK.change) === undefined) place(x, `→ ${formatMg(c.toMg)}`, [0, 1], INK.change);
  }
  const shortenedEvents: number[] = [];
  input.events.forEach((e, i) => {
    const x = xMid(e.date);
    marker(x, 'event-marker', { color: INK.event, width: 0.9, dash: [1.2, 1.8] });
    const number = `E${i + 1}`;
    const title = e.title.replace(/\s+/g, ' ');
    // The whole title where there is room for it, else cut to a short label, else the number alone.
    let fitted = title.length <= EVENT_TITLE_FULL ? title : fitText(title, EVENT_TITLE_W, LABEL);
    let placed = place(x, `${number} ${fitted}`, [1, 0], INK.event);
    if (placed === undefined && fitted === title) {
      fitted = fitText(title, EVENT_TITLE_W, LABEL);
      placed = place(x, `${number} ${fitted}`, [1, 0], INK.event);
    }
    if (placed === undefined) place(x, number, [1, 0], INK.event);
    if (placed === undefined || fitted !== title) shortenedEvents.push(i);
  });

  // Dose: the step in force, solid on days a dose was taken and dotted across days without one
  // (skipped only, or nothing logged), so no unlogged day reads as taken; a day at another dose is
  // a short bar at what was taken. Then the plan (dashed, thin) over it, so both show where they agree.
  const taken = (d: MoodDoseInput['days'][number]) => d.dose.kind === 'taken';
  p.push(...stepLines(input.days.map((d) => (taken(d) ? d.dose.level : null)), xOf, input.days, yMg, 'dose-logged', { color: INK.dose, width: 2.2 }));
  p.push(...stepLines(input.days.map((d) => (taken(d) ? null : d.dose.level)), xOf, input.days, yMg, 'dose-untaken', { color: INK.dose, width: 1.2, dash: [1, 2] }));
  for (const d of input.days) {
    if (!d.dose.deviation) continue;
    const y = yMg(d.dose.total!);
    p.push({ t: 'rect', mark: 'dose-other', x: xOf(d.date), y: y - 1.2, w: Math.max(2, dayW), h: 2.4, fill: INK.dose });
  }
  p.push(...stepLines(input.days.map((d) => d.planned), xOf, input.days, yMg, 'dose-planned', { color: INK.planned, width: 0.9, dash: [3, 2] }));

  // Mood: one dot per day with a check-in, then the rolling median over them.
  const r = Math.max(1.1, Math.min(2.2, dayW * 0.45));
  for (const d of input.days) if (d.mean !== null) p.push({ t: 'circle', mark: 'mood-dot', cx: xMid(d.date), cy: yMood(d.mean), r, fill: INK.mood });
  let run: [number, number][] = [];
  const flush = () => {
    if (run.length > 1) p.push({ t: 'line', mark: 'rolling-median', points: run, stroke: { color: INK.rolling, width: 1.6 } });
    run = [];
  };
  for (const pt of input.rolling) {
    if (pt.median === null) flush();
    else run.push([xMid(pt.date), yMood(pt.median)]);
  }
  flush();

  // The PHQ-9 strip: the bands as shaded stripes, each total as a labelled point.
  const yPhq = (v: number) => stripBottom - (v / PHQ9.maxTotal) * L.stripHeight;
  PHQ9.bands.forEach((b, i) => {
    const top = yPhq(i === PHQ9.bands.length - 1 ? PHQ9.maxTotal : b.max + 1);
    p.push({ t: 'rect', mark: 'phq9-band', x: left, y: top, w: plotW, h: yPhq(b.min) - top, fill: INK.bands[i] });
  });
  p.push({ t: 'rect', mark: 'axis', x: left, y: L.stripTop, w: plotW, h: L.stripHeight, stroke: { color: INK.axis, width: 0.6 } });
  for (const v of [0, 27]) p.push({ t: 'text', mark: 'tick', x: right + 3, y: yPhq(v) + 2.5, text: String(v), size: TICK, fill: INK.muted });
  p.push({ t: 'text', mark: 'axis', x: left - 3, y: L.stripTop + L.stripHeight / 2 + 2.5, text: 'PHQ-9', size: TICK, anchor: 'end', bold: true, fill: INK.text });
  let free = -Infinity;
  for (const q of input.phq9) {
    const x = xMid(q.date);
    p.push({ t: 'circle', mark: 'phq9-point', cx: x, cy: yPhq(q.total), r: 2, fill: INK.text });
    // Label a total where it does not run into the one before; every total is in the check-up tables.
    if (x + 3 < free) continue;
    p.push({ t: 'text', mark: 'phq9-point', x: x + 3, y: Math.max(L.stripTop + 8, yPhq(q.total) + 2.5), text: String(q.total), size: TICK, bold: true, fill: INK.text });
    free = x + 3 + textWidth(String(q.total), TICK, true) + 3;
  }
  if (!input.phq9.length) p.push({ t: 'text', mark: 'legend', x: left + plotW / 2, y: L.stripTop + L.stripHeight / 2 + 2.5, text: t('No PHQ-9 in this range'), size: TICK, anchor: 'middle', fill: INK.muted });

  p.push(...legend(L.legendY, span ? 4 : L.left, Boolean(span), input.days.some((d) => d.dose.deviation), width));
  const moodDays = input.days.filter((d) => d.mean !== null).length;
  const recalledDesc = span
    ? ` ${t('Medication history as recalled before the range ({0}, {1} to {2}) is hatched in a separate inset on the left; it is not counted in any figure.', plural(span.bands.length, t('{0} period', span.bands.length), t('{0} periods', span.bands.length)), span.from, span.to)}`
    : '';
  return {
    shortenedEvents,
    id: 'figure-a',
    width,
    height: L.height,
    title: t('Mood and dose over time'),
    desc: `${t(
      'Daily mean mood on {0} of {1} (dots) with a 7-day rolling median (line); the dose step in force (solid on days a dose was taken, dotted on days without one, a short bar on a day at another dose) and planned dose (dashed); {2} and {3} marked; PHQ-9 totals (n = {4}) beneath.',
      moodDays,
      plural(input.days.length, t('{0} day', input.days.length), t('{0} days', input.days.length)),
      plural(input.changes.length, t('{0} dose change', input.changes.length), t('{0} dose changes', input.changes.length)),
      plural(input.events.length, t('{0} life event', input.events.length), t('{0} life events', input.events.length)),
      input.phq9.length
    )}${recalledDesc}`,
    prims: p
  };
}

function stepLines(values: readonly (number | null)[], xOf: (d: LocalDate) => number, days: readonly { date: LocalDate }[], y: (v: number) => number, mark: 'dose-logged' | 'dose-untaken' | 'dose-planned', stroke: { color: string; width: number; dash?: number[] }): Prim[] {
  const out: Prim[] = [];
  let pts: [number, number][] = [];
  const end = () => {
    if (pts.length > 1) out.push({ t: 'line', mark, points: pts, stroke });
    pts = [];
  };
  values.forEach((v, i) => {
    if (v === null) return end();
    const x0 = xOf(days[i].date);
    const x1 = i + 1 < days.length ? xOf(days[i + 1].date) : x0 + (i > 0 ? x0 - xOf(days[i - 1].date) : 1);
    const prev = pts[pts.length - 1];
    if (prev && prev[1] !== y(v)) pts.push([x0, y(v)]);
    else if (!prev) pts.push([x0, y(v)]);
    if (i + 1 === values.length || values[i + 1] !== v) pts.push([x1, y(v)]);
  });
  end();
  return out;
}

function legend(yBase: number, x0: number, recalled: boolean, otherDose: boolean, width: number): Prim[] {
  const out: Prim[] = [];
  const y = yBase - 2.5;
  const items: [(x: number) => Prim[], string][] = [
    [(x) => [{ t: 'circle', mark: 'legend', cx: x + 5, cy: y, r: 2, fill: INK.mood }], t('Daily mean mood')],
    [(x) => [{ t: 'line', mark: 'legend', points: [[x, y], [x + 10, y]], stroke: { color: INK.rolling, width: 1.6 } }], t('7-day median')],
    [(x) => [{ t: 'line', mark: 'legend', points: [[x, y], [x + 10, y]], stroke: { color: INK.dose, width: 2.2 } }], t('Dose taken')],
    [(x) => [{ t: 'line', mark: 'legend', points: [[x, y], [x + 10, y]], stroke: { color: INK.dose, width: 1.2, dash: [1, 2] } }], t('No dose taken')]
  ];
  if (otherDose) items.push([(x) => [{ t: 'rect', mark: 'legend', x: x + 2, y: y - 1.2, w: 6, h: 2.4, fill: INK.dose }], t('Another dose that day')]);
  items.push(
    [(x) => [{ t: 'line', mark: 'legend', points: [[x, y], [x + 10, y]], stroke: { color: INK.planned, width: 0.9, dash: [3, 2] } }], t('Plan')],
    [(x) => [{ t: 'line', mark: 'legend', points: [[x + 5, y - 4], [x + 5, y + 3]], stroke: { color: INK.change, width: 0.9 } }], t('Dose change')],
    [(x) => [{ t: 'line', mark: 'legend', points: [[x + 5, y - 4], [x + 5, y + 3]], stroke: { color: INK.event, width: 0.9, dash: [1.2, 1.8] } }], t('Life event')]
  );
  if (recalled) items.push([(x) => legendSwatch(x, y + 1), t('As recalled (hatched)')]);
  // The gap between items shrinks until the legend fits the figure's width: no entry is ever cut.
  const total = items.reduce((a, [, text]) => a + 14 + textWidth(text, LABEL), 0);
  const gap = Math.max(4, Math.min(12, (width - x0 - total) / Math.max(1, items.length - 1)));
  let x = x0;
  for (const [draw, text] of items) {
    out.push(...draw(x));
    out.push({ t: 'text', mark: 'legend', x: x + 14, y: yBase, text, size: LABEL, fill: INK.text });
    x += 14 + textWidth(text, LABEL) + gap;
  }
  return out;
}

/** A round top for the dose axis: 10, 20, 25, 40, 50, … above the highest dose. */
function niceMax(v: number): number {
  for (let e = 0; e < 6; e++) for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8]) if (step * 10 ** e >= v) return step * 10 ** e;
  return v;
}

/** Month starts for ranges over 75 days, Mondays otherwise (every other Monday past 35 days). */
function timeTicks(from: LocalDate, to: LocalDate): { date: LocalDate; label: string }[] {
  const days = daysBetween(from, to) + 1;
  const out: { date: LocalDate; label: string }[] = [];
  const [fy, fm] = parseLocalDate(from);
  if (days > 75) {
    const every = days > 400 ? 3 : days > 200 ? 2 : 1;
    for (let y = fy, m = fm + 1, i = 0; ; m++) {
      if (m > 12) {
        m = 1;
        y++;
      }
      const date = `${y}-${String(m).padStart(2, '0')}-01`;
      if (date > to) break;
      if (i++ % every === 0) out.push({ date, label: m === 1 ? `${monthShort(1)} ${y}` : monthShort(m) });
    }
    return out;
  }
  const every = days > 35 ? 14 : 7;
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    const [y, m, d] = parseLocalDate(date);
    if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1 && (out.length === 0 || daysBetween(out[out.length - 1].date, date) >= every)) out.push({ date, label: t('{0} {1}', monthShort(m), d) });
  }
  return out;
}

