// The summary laid out once, as blocks, for every output: page 1 ("at a glance": header, questions,
// Figure A, Figure B, the dose steps side by side, check-ups) and the appendix (summaryAppendix.ts).
// The Markdown, HTML and PDF writers only serialise these blocks, so all three say the same thing.
// Page 1 is capped so it fits one US Letter and one A4 page whatever the range; what is left out
// is counted on page 1 and given in full in the appendix.
import { selectForPage, afterChangeFigure } from '../figures/afterChange';
import type { Figure } from '../figures/display';
import { MOOD_DOSE_LAYOUT, moodDoseFigure } from '../figures/moodDose';
import { FIGURE_A_MAX, page1Room, type Page1Box } from './page1Fit';
import { ANSWERS, ATTRIBUTION, PHQ9 } from '../questionnaires';
import { stepNote } from '../charts/stepTable';
import type { Summary } from './summary';
import { appendixBlocks } from './appendix';
import { historyBlocks, historyPointer } from './history';
import { checkupSummary, item9Answers, item9Lines, PAGE1, STEP_HEAD, STEP_WIDTHS, stepRows, symptomsWithoutChange, type Block } from './tables';
import { changeWith, mgText, one, plural } from './words';

export type { Block } from './tables';

export interface SummaryStrings {
  title: string;
  notAdvice: string;
  questions: string;
  figureA: string;
  figureB: string;
  steps: string;
  checkups: string;
  appendix: string;
  footer: string;
}

export const DEFAULT_STRINGS: SummaryStrings = {
  title: 'Mood and dose summary',
  notAdvice: 'Patient-recorded. Not medical advice.',
  questions: 'Questions for this visit',
  figureA: 'Mood and dose over time',
  figureB: 'Days after each dose change',
  steps: 'Each dose step side by side',
  checkups: 'Check-ups',
  appendix: 'Appendix',
  footer: 'Patient-recorded data. This is not medical advice.'
};

export interface SummaryDoc {
  /** The document title (PDF metadata, HTML <title>). */
  title: string;
  page1: Block[];
  appendix: Block[];
  /** Closes page 1: the support lines (after a PHQ-9 item 9 answer above 0) and the questionnaires' attribution. */
  page1Footer: string[];
  /** Closes the document: the not-advice line, then the same lines. */
  footer: string[];
  figures: Figure[];
}

const BASIS: Record<Summary['range']['basis'], (s: Summary) => string> = {
  'since-appointment': (s) => `, since the appointment on ${s.range.from}`,
  'default-days': (s) => `, the last ${plural(s.range.days, 'day')}`,
  'since-first-entry': (s) => `, since the first entry on ${s.range.from}`,
  chosen: () => ''
};

/**
 * `page`: what page 1 is laid out for. A PDF passes its size, so Figure A takes the room that page
 * has; the HTML and Markdown (printed at either size) take the smaller of Letter and A4.
 */
export function summaryDoc(s: Summary, strings: Partial<SummaryStrings> = {}, page: Page1Box = 'print'): SummaryDoc {
  const t = { ...DEFAULT_STRINGS, ...strings };
  const unit = s.medication.unit;
  const chg = changeWith(unit);
  const figureA = (height: number) =>
    moodDoseFigure({
      from: s.range.from,
      to: s.range.to,
      unit,
      days: s.daily,
      rolling: s.rolling,
      changes: s.dose.changes,
      events: s.lifeEvents,
      phq9: s.questionnaires.filter((q) => q.kind === 'phq9'),
      recalled: s.recalled.map((r) => r.period),
      medication: s.medication.name,
      height
    });
  let figA = figureA(MOOD_DOSE_LAYOUT.height);
  const figABlock = (): Block => ({ kind: 'figure', figure: figA, caption: figureACaption(s, figA.shortenedEvents) });
  const page1Footer: string[] = [];
  if (s.questionnaires.length) page1Footer.push(ATTRIBUTION);
  const layout = (figureBRows: number, steps: number) => {
    const pick = selectForPage(s.afterChanges, figureBRows);
    const figB = afterChangeFigure(pick.windows, unit);
    const blocks: Block[] = [
      { kind: 'h1', text: `${t.title}: ${s.medication.name}` },
      ...header(s, t, chg),
      ...historyPointer(s),
      ...questionBlocks(s, t),
      { kind: 'h2', text: t.figureA },
      figABlock(),
      ...figureBBlocks(s, t, figB, pick, figureBRows),
      ...stepBlocks(s, t, steps),
      ...checkupBlocks(s, t)
    ];
    return { pick, figB, blocks, steps };
  };
  // Page 1 stays one page: when its header carries more (item 9, the support lines), Figure B and
  // the step table give up rows first; what they leave out is counted and in the appendix.
  let chosen = layout(PAGE1.figureBRows, PAGE1.steps);
  for (const [rows, steps] of PAGE1_FALLBACKS) {
    if (page1Room(chosen.blocks, page1Footer, page) >= 0) break;
    chosen = layout(rows, steps);
  }
  const { pick, figB, blocks: page1, steps: stepsShown } = chosen;
  // Figure A grows into what page 1 has left, up to about 40% of the page. Its caption can change
  // with its size (which labels fit), so the room is measured again once.
  for (let i = 0; i < 3; i++) {
    const room = page1Room(page1, page1Footer, page);
    if ((room >= 0 && room < 1) || (room >= 0 && figA.height >= FIGURE_A_MAX) || (room < 0 && figA.height <= MOOD_DOSE_LAYOUT.height)) break;
    figA = figureA(Math.max(MOOD_DOSE_LAYOUT.height, Math.min(FIGURE_A_MAX, figA.height + Math.floor(room))));
    page1[page1.findIndex((b) => b.kind === 'figure')] = figABlock();
  }
  return {
    title: `${t.title}: ${s.medication.name}, ${s.range.from} to ${s.range.to}`,
    page1,
    appendix: [{ kind: 'h1', text: t.appendix }, ...appendixBlocks(s, pick, historyBlocks(s), stepsShown)],
    page1Footer,
    footer: [t.footer, ...supportLine(s), ...page1Footer],
    figures: [figA, figB]
  };
}

function supportLine(s: Summary): string[] {
  return s.support?.length ? [`Support lines: ${s.support.map((r) => `${r.name}: ${r.contact}`).join(' · ')}.`] : [];
}

/** The dose line: the step in force, from when (day 0 = the first day at it), and the plan's step. */
function doseLine(s: Summary, chg: ReturnType<typeof changeWith>): string {
  const unit = s.medication.unit;
  const c = s.current;
  const to = s.range.to;
  let dose: string;
  if (c.mg === null) dose = `Dose: none logged as of ${to}.`;
  else if (c.lastChange) dose = `Dose: ${mgText(c.mg, unit, '')} a day since ${c.lastChange.date} (${chg(c.lastChange)}; day ${c.daysSinceChange ?? 0} on ${to}).`;
  else dose = `Dose: ${mgText(c.mg, unit, '')} a day since at least ${c.startBy} (the first dose logged); no change logged.`;
  if (c.mg !== null && c.lastTaken && c.lastTaken < to) dose += ` Last dose logged ${c.lastTaken}.`;
  const plan = s.planStep
    ? ` Plan: step ${s.planStep.index} of ${s.planStep.count}, ${mgText(s.planStep.targetMg, unit, '')} since ${s.planStep.startDate} (day ${s.planStep.day}).`
    : ' No taper plan recorded.';
  return dose + plan;
}

function header(s: Summary, t: SummaryStrings, chg: ReturnType<typeof changeWith>): Block[] {
  const a = s.adherence;
  const mood = s.mood.mean === null ? 'no check-ins in this range' : `mood mean ${one(s.mood.mean)} (n = ${plural(s.mood.days, 'day')}), rated 1–10 (10 best)`;
  const checkIns = `${plural(s.counts.checkIns, 'check-in')} on ${s.counts.daysWithCheckIn} of the ${plural(s.range.days, 'day')}`;
  const taken = a.days - a.skipped - a.notLogged;
  const doses =
    taken === a.days
      ? `A dose was taken on each of the ${plural(a.days, 'day')}.`
      : [`Dose taken on ${plural(taken, 'day')}`, a.skipped ? `only a skipped dose on ${a.skipped}` : '', a.notLogged ? `no dose logged on ${a.notLogged}` : ''].filter(Boolean).join('; ') + '.';
  const out: Block[] = [
    { kind: 'p', text: doseLine(s, chg) },
    { kind: 'p', text: `Range: ${s.range.from} to ${s.range.to} (${plural(s.range.days, 'day')})${BASIS[s.range.basis](s)}. ${checkIns}; ${mood}. ${doses}` }
  ];
  // Item 9 above 0 anywhere in range: said here, in its own words and answer, beside the support lines.
  const answers = item9Answers(s.questionnaires);
  if (answers.length) {
    const said = answers.map((a) => `“${ANSWERS[a.answer]}” (${a.answer} of 3) on ${a.dates.join(', ')}`).join('; ');
    out.push({ kind: 'strong', text: `PHQ-9 item 9 (“${PHQ9.items[8]}”) was answered ${said}.` });
    out.push(...supportLine(s).map((text) => ({ kind: 'p' as const, text })));
  }
  out.push({ kind: 'strong', text: `${t.notAdvice} Prepared ${s.today}.` });
  return out;
}

function questionBlocks(s: Summary, t: SummaryStrings): Block[] {
  const q = s.questions;
  if (!q?.questions.length) return [{ kind: 'h2', text: t.questions }, { kind: 'muted', text: 'No questions recorded for the next appointment.' }];
  const when = `${q.date}${q.time ? ` ${q.time}` : ''}${q.provider ? ` with ${q.provider}` : ''}`;
  const cut = q.questions.some((x) => x.length > PAGE1.questionChars);
  const shown = q.questions.slice(0, PAGE1.questions).map((x) => (x.length > PAGE1.questionChars ? `${x.slice(0, PAGE1.questionChars - 1).trimEnd()}…` : x));
  const more = q.questions.length - shown.length;
  const out: Block[] = [
    // Never cut: a long provider name wraps. Questions of another appointment say whose they are.
    { kind: 'h2', text: `${t.questions} (${q.upcoming ? '' : q.date >= s.today ? 'recorded for ' : 'from '}${when})` },
    { kind: 'list', ordered: true, items: shown }
  ];
  if (more > 0 || cut) out.push({ kind: 'muted', text: more > 0 ? `${plural(more, 'more question')}${cut ? ', and every question in full,' : ''} in the appendix.` : 'Every question in full in the appendix.' });
  return out;
}

/** How many life events the caption's key names in full; the rest are in the appendix under the same numbers. */
const KEY_EVENTS = 4;

function figureACaption(s: Summary, shortened: readonly number[]): string {
  const phq = s.questionnaires.filter((q) => q.kind === 'phq9').length;
  // A label cut on the figure is given in full here: the first few, the rest in the appendix.
  const keyed = shortened.slice(0, KEY_EVENTS).map((i) => `E${i + 1} ${s.lifeEvents[i].title.replace(/\s+/g, ' ')}`);
  const more = shortened.length - keyed.length;
  const key = keyed.length ? ` ${keyed.join('; ')}${more > 0 ? `; ${more} more in the appendix` : ''}.` : '';
  return `Mood: ${s.mood.checkIns} ${s.mood.checkIns === 1 ? 'check-in' : 'check-ins'} on ${s.mood.days} of the ${plural(s.range.days, 'day')}; line: 7-day median (3+ days with a check-in); dose dotted: none taken. PHQ-9 n = ${phq}.${key}`;
}

/** Figure B's rows and the step table's rows, in the order page 1 gives them up when it is full. */
const PAGE1_FALLBACKS: readonly (readonly [number, number])[] = [
  [7, 4],
  [6, 4],
  [5, 4],
  [5, 3],
  [4, 3],
  [4, 2],
  [3, 2]
];

function figureBBlocks(s: Summary, t: SummaryStrings, figB: Figure, pick: ReturnType<typeof selectForPage>, maxRows: number): Block[] {
  if (s.afterChanges.length) return [{ kind: 'h2', text: t.figureB }, { kind: 'figure', figure: figB, caption: figureBCaption(s, pick) }];
  // No change in range: the symptoms logged, with their days, beside the nearest life events.
  const rows = symptomsWithoutChange(s);
  return [
    { kind: 'h2', text: 'Symptoms logged in this range (no dose change in it)' },
    rows.length
      ? { kind: 'table', head: ['Symptom', 'Days logged', 'Peak', 'Nearest life event'], rows: rows.slice(0, maxRows), widths: [110, 170, 40, 200] }
      : { kind: 'muted', text: 'No symptoms logged in this range.' },
    ...(rows.length > maxRows ? [{ kind: 'muted' as const, text: `${plural(rows.length - maxRows, 'more symptom')} in the appendix.` }] : [])
  ];
}

function figureBCaption(s: Summary, pick: ReturnType<typeof selectForPage>): string {
  const n = s.afterChanges.length;
  const rows = s.afterChanges.reduce((a, w) => a + w.symptoms.length, 0);
  const base = `Day 0: first day at the new dose. ${plural(n, 'change')} in range, ${plural(rows, 'symptom row')}.`;
  const hidden = [pick.hiddenChanges ? plural(pick.hiddenChanges, 'earlier change') : '', pick.hiddenRows ? plural(pick.hiddenRows, 'more row') : ''].filter(Boolean);
  return hidden.length ? `${base} ${hidden.join(' and ')} in the appendix.` : base;
}

function stepBlocks(s: Summary, t: SummaryStrings, maxSteps: number): Block[] {
  const rows = stepRows(s);
  const shown = rows.slice(-maxSteps);
  const out: Block[] = [{ kind: 'h2', text: t.steps }];
  if (!rows.length) return [...out, { kind: 'muted', text: 'No days in this range.' }];
  out.push({ kind: 'table', head: STEP_HEAD, rows: shown, widths: STEP_WIDTHS });
  const more = rows.length - shown.length;
  out.push({ kind: 'muted', text: stepNote() + (more > 0 ? ` ${plural(more, 'earlier step')} in the appendix.` : '') });
  return out;
}

function checkupBlocks(s: Summary, t: SummaryStrings): Block[] {
  const out: Block[] = [{ kind: 'h2', text: t.checkups }];
  if (!s.questionnaires.length) return [...out, { kind: 'muted', text: 'No PHQ-9 or GAD-7 in this range.' }];
  const table = checkupSummary(s.questionnaires, s.today);
  out.push({ kind: 'table', head: table.head, rows: table.rows, widths: [60, ...table.head.slice(1).map(() => 230)] });
  const lines = item9Lines(s.questionnaires);
  out.push({ kind: 'p', text: [...lines, 'Every check-up is in the appendix.'].join(' ') });
  return out;
}
