// The summary laid out once, as blocks, for every output: page 1 ("at a glance": header, questions,
// Figure A, Figure B, the dose steps side by side, check-ups) and the appendix (summaryAppendix.ts).
// The Markdown, HTML and PDF writers only serialise these blocks, so all three say the same thing.
// Page 1 is capped so it fits one US Letter and one A4 page whatever the range; what is left out
// is counted on page 1 and given in full in the appendix.
import { selectForPage, afterChangeFigure } from './figures/afterChange';
import { fitText, type Figure } from './figures/display';
import { MOOD_DOSE_LAYOUT, moodDoseFigure } from './figures/moodDose';
import { FIGURE_A_MAX, page1Spare, type Page1Box } from './page1Fit';
import { ATTRIBUTION } from './questionnaires';
import type { QuestionnaireResult, Summary } from './summary';
import { appendixBlocks } from './summaryAppendix';
import { historyBlocks, historyPointer } from './summaryHistory';
import { item9Lines, PAGE1, STEP_HEAD, STEP_WIDTHS, stepRows, type Block } from './summaryTables';
import { changeWith, mgText, one, plural, signed } from './summaryWords';

export type { Block } from './summaryTables';

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
  'default-days': (s) => `, the last ${s.range.days} days`,
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
      height
    });
  let figA = figureA(MOOD_DOSE_LAYOUT.height);
  const pick = selectForPage(s.afterChanges, PAGE1.figureBRows);
  const figB = afterChangeFigure(pick.windows, unit);
  const figABlock = (): Block => ({ kind: 'figure', figure: figA, caption: figureACaption(s) });
  const page1: Block[] = [
    { kind: 'h1', text: `${t.title}: ${s.medication.name}` },
    ...header(s, t, chg),
    ...historyPointer(s),
    ...questionBlocks(s, t),
    { kind: 'h2', text: t.figureA },
    figABlock(),
    { kind: 'h2', text: t.figureB },
    { kind: 'figure', figure: figB, caption: figureBCaption(s, pick) },
    ...stepBlocks(s, t),
    ...checkupBlocks(s, t)
  ];
  const page1Footer: string[] = [];
  if (s.support?.length) page1Footer.push(`Support lines: ${s.support.map((r) => `${r.name}: ${r.contact}`).join(' · ')}.`);
  if (s.questionnaires.length) page1Footer.push(ATTRIBUTION);
  // Figure A grows into what page 1 has left, up to about 40% of the page.
  const spare = page1Spare(page1, page1Footer, page);
  if (spare > 0) {
    figA = figureA(Math.min(FIGURE_A_MAX, MOOD_DOSE_LAYOUT.height + spare));
    page1[page1.findIndex((b) => b.kind === 'figure')] = figABlock();
  }
  return {
    title: `${t.title}: ${s.medication.name}, ${s.range.from} to ${s.range.to}`,
    page1,
    appendix: [{ kind: 'h1', text: t.appendix }, ...appendixBlocks(s, pick, historyBlocks(s))],
    page1Footer,
    footer: [t.footer, ...page1Footer],
    figures: [figA, figB]
  };
}

function header(s: Summary, t: SummaryStrings, chg: ReturnType<typeof changeWith>): Block[] {
  const unit = s.medication.unit;
  const last = s.current.lastChange;
  const since = s.current.lastLogged && s.current.lastLogged < s.range.to ? ` (last logged ${s.current.lastLogged})` : '';
  const change = last ? `; last change ${chg(last)} on ${last.date}, ${plural(s.current.daysSinceChange ?? 0, 'day')} before` : '; no change logged';
  const plan = s.planStep
    ? ` Plan: step ${s.planStep.index} of ${s.planStep.count}, ${mgText(s.planStep.targetMg, unit, '')} since ${s.planStep.startDate} (day ${s.planStep.daysOn} of the step).`
    : ' No taper plan recorded.';
  const mood = s.mood.mean === null ? 'no check-ins in this range (n = 0 days)' : `mean ${one(s.mood.mean)} (n = ${plural(s.mood.days, 'day')})`;
  return [
    { kind: 'p', text: `Dose logged as of ${s.range.to}: ${mgText(s.current.mg, unit, 'none logged')}${since}${change}.${plan}` },
    { kind: 'p', text: `Range: ${s.range.from} to ${s.range.to} (${plural(s.range.days, 'day')})${BASIS[s.range.basis](s)}. Check-ins: ${s.counts.checkIns} on ${s.counts.daysWithCheckIn} of ${plural(s.range.days, 'day')}. Mood: ${mood}, rated 1–10 (10 best).` },
    { kind: 'strong', text: `${t.notAdvice} Prepared ${s.today}.` }
  ];
}

function questionBlocks(s: Summary, t: SummaryStrings): Block[] {
  const q = s.questions;
  if (!q?.questions.length) return [{ kind: 'h2', text: t.questions }, { kind: 'muted', text: 'No questions recorded for the next appointment.' }];
  const when = `${q.date}${q.time ? ` ${q.time}` : ''}${q.provider ? ` with ${q.provider}` : ''}`;
  const cut = q.questions.some((x) => x.length > PAGE1.questionChars);
  const shown = q.questions.slice(0, PAGE1.questions).map((x) => (x.length > PAGE1.questionChars ? `${x.slice(0, PAGE1.questionChars - 1).trimEnd()}…` : x));
  const more = q.questions.length - shown.length;
  const out: Block[] = [
    { kind: 'h2', text: `${t.questions} (${q.upcoming ? '' : 'from '}${fitText(when, 260, 9)})` },
    { kind: 'list', ordered: true, items: shown }
  ];
  if (more > 0 || cut) out.push({ kind: 'muted', text: more > 0 ? `${plural(more, 'more question')}${cut ? ', and every question in full,' : ''} in the appendix.` : 'Every question in full in the appendix.' });
  return out;
}

function figureACaption(s: Summary): string {
  const phq = s.questionnaires.filter((q) => q.kind === 'phq9').length;
  return `Mood n = ${s.mood.days} of ${plural(s.range.days, 'day')}; line: median of the last 7 days (3+ with a check-in). ${plural(s.dose.changes.length, 'change')}, ${plural(s.lifeEvents.length, 'event')} (E1… in the appendix). PHQ-9 n = ${phq}.`;
}

function figureBCaption(s: Summary, pick: ReturnType<typeof selectForPage>): string {
  const n = s.afterChanges.length;
  const rows = s.afterChanges.reduce((a, w) => a + w.symptoms.length, 0);
  const base = `Day 0: first day at the new dose. ${plural(n, 'change')} in range, ${plural(rows, 'symptom row')}.`;
  const hidden = [pick.hiddenChanges ? plural(pick.hiddenChanges, 'earlier change') : '', pick.hiddenRows ? plural(pick.hiddenRows, 'more row') : ''].filter(Boolean);
  return hidden.length ? `${base} ${hidden.join(' and ')} in the appendix.` : base;
}

function stepBlocks(s: Summary, t: SummaryStrings): Block[] {
  const rows = stepRows(s);
  const shown = rows.slice(-PAGE1.steps);
  const out: Block[] = [{ kind: 'h2', text: t.steps }];
  if (!rows.length) return [...out, { kind: 'muted', text: 'No days in this range.' }];
  out.push({ kind: 'table', head: STEP_HEAD, rows: shown, widths: STEP_WIDTHS });
  const more = rows.length - shown.length;
  out.push({
    kind: 'muted',
    text:
      'Daily mean mood; n = days with a check-in; days counted from the day the dose began.' + (more > 0 ? ` ${plural(more, 'earlier step')} in the appendix.` : '')
  });
  return out;
}

/** Page 1's check-up table: one row per questionnaire, its first and latest in range and the change between them. */
function checkupSummaryRows(list: readonly QuestionnaireResult[]): string[][] {
  const kinds = [...new Set(list.map((q) => q.kind))];
  return kinds.map((k) => {
    const of = list.filter((q) => q.kind === k);
    const first = of[0];
    const latest = of[of.length - 1];
    const at = (q: QuestionnaireResult) => `${q.date}: ${q.total} of ${q.maxTotal}, ${q.band}`;
    return [first.name, at(first), of.length > 1 ? at(latest) : '(only one)', latest.changeFromFirst === null ? '–' : signed(latest.changeFromFirst), String(of.length)];
  });
}

function checkupBlocks(s: Summary, t: SummaryStrings): Block[] {
  const out: Block[] = [{ kind: 'h2', text: t.checkups }];
  if (!s.questionnaires.length) return [...out, { kind: 'muted', text: 'No PHQ-9 or GAD-7 in this range.' }];
  out.push({ kind: 'table', head: ['Questionnaire', 'First in range', 'Latest', 'Change from first', 'n'], rows: checkupSummaryRows(s.questionnaires), widths: [62, 140, 140, 78, 24] });
  const lines = item9Lines(s.questionnaires);
  out.push({ kind: 'p', text: [...lines, 'Every check-up is in the appendix.'].join(' ') });
  return out;
}
