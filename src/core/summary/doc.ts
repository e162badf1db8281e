// The summary laid out once, as blocks, for every output: page 1 ("at a glance": header, questions,
// Figure A, Figure B, the dose steps side by side, check-ups) and the appendix (summaryAppendix.ts).
// The Markdown, HTML and PDF writers only serialise these blocks, so all three say the same thing.
// Page 1 is capped so it fits one US Letter and one A4 page whatever the range; what is left out
// is counted on page 1 and given in full in the appendix.
import { selectForPage, afterChangeFigure } from '../figures/afterChange';
import type { Figure } from '../figures/display';
import { MOOD_DOSE_LAYOUT, moodDoseFigure } from '../figures/moodDose';
import { FIGURE_A_MAX, page1Room, type Page1Box } from './page1Fit';
import { stepNote } from '../charts/stepTable';
import type { Summary } from './summary';
import { appendixBlocks } from './appendix';
import { historyBlocks, historyPointer } from './history';
import { checkupSummary, item9Answers, item9Lines, PAGE1, STEP_HEAD, STEP_WIDTHS, stepRows, symptomsWithoutChange, type Block } from './tables';
import { both, changeWith, days, mgText, one, plural, t } from './words';
import { resourceWords } from '../safety';
import { attributions, ENGLISH, phq9Text, summaryLocale, writtenIn, type SummaryLanguage } from './lang';

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

/** The headings, in the summary's language (English unless it is written in another). */
export function defaultStrings(): SummaryStrings {
  return {
    title: t('Mood and dose summary'),
    notAdvice: t('Patient-recorded. Not medical advice.'),
    questions: t('Questions for this visit'),
    figureA: t('Mood and dose over time'),
    figureB: t('Days after each dose change'),
    steps: t('Each dose step side by side'),
    checkups: t('Check-ups'),
    appendix: t('Appendix'),
    footer: t('Patient-recorded data. This is not medical advice.')
  };
}

export const DEFAULT_STRINGS: SummaryStrings = writtenIn(ENGLISH, defaultStrings);

export interface SummaryDoc {
  /** The document title (PDF metadata, HTML <title>). */
  title: string;
  /** The language it is written in (the HTML's lang, the PDF's). */
  locale: string;
  /** The PDF's subject line, in that language. */
  subject: string;
  /** The PDF's note on characters its font cannot show; {0} is the mark put in their place. */
  glyphNote: string;
  /** The PDF's page numbers: {0} the page, {1} how many. */
  pageOf: string;
  page1: Block[];
  appendix: Block[];
  /** Closes page 1: the support lines (after a PHQ-9 item 9 answer above 0) and the questionnaires' attribution. */
  page1Footer: string[];
  /** Closes the document: the not-advice line, then the same lines. */
  footer: string[];
  figures: Figure[];
}

const BASIS: Record<Summary['range']['basis'], (s: Summary) => string> = {
  'since-appointment': (s) => t(', since the appointment on {0}', s.range.from),
  'default-days': (s) => plural(s.range.days, t(', the last {0} day', s.range.days), t(', the last {0} days', s.range.days)),
  'since-first-entry': (s) => t(', since the first entry on {0}', s.range.from),
  chosen: () => ''
};

/**
 * `page`: what page 1 is laid out for. A PDF passes its size, so Figure A takes the room that page
 * has; the HTML and Markdown (printed at either size) take the smaller of Letter and A4.
 */
export function summaryDoc(s: Summary, strings: Partial<SummaryStrings> = {}, page: Page1Box = 'print', lang: SummaryLanguage = ENGLISH): SummaryDoc {
  return writtenIn(lang, () => layOut(s, strings, page));
}

function layOut(s: Summary, strings: Partial<SummaryStrings>, page: Page1Box): SummaryDoc {
  const h = { ...defaultStrings(), ...strings };
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
  if (s.questionnaires.length) page1Footer.push(...attributions(s.questionnaires.map((q) => q.kind)));
  const layout = (figureBRows: number, steps: number) => {
    const pick = selectForPage(s.afterChanges, figureBRows);
    const figB = afterChangeFigure(pick.windows, unit);
    const blocks: Block[] = [
      { kind: 'h1', text: `${h.title}: ${s.medication.name}` },
      ...header(s, h, chg),
      ...historyPointer(s),
      ...questionBlocks(s, h),
      { kind: 'h2', text: h.figureA },
      figABlock(),
      ...figureBBlocks(s, h, figB, pick, figureBRows),
      ...stepBlocks(s, h, steps),
      ...checkupBlocks(s, h)
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
    title: t('{0}: {1}, {2} to {3}', h.title, s.medication.name, s.range.from, s.range.to),
    locale: summaryLocale(),
    subject: t('Patient-recorded mood and dose summary. Not medical advice.'),
    pageOf: t('page {0} of {1}'),
    glyphNote: t("{0} stands for a character this PDF's font cannot show (for example an emoji or a CJK character); the Markdown and HTML summaries show it as written."),
    page1,
    appendix: [{ kind: 'h1', text: h.appendix }, ...appendixBlocks(s, pick, historyBlocks(s), stepsShown)],
    page1Footer,
    footer: [h.footer, ...supportLine(s), ...page1Footer],
    figures: [figA, figB]
  };
}

function supportLine(s: Summary): string[] {
  return s.support?.length ? [t('Support lines: {0}.', s.support.map((r) => resourceWords(r, t)).map((r) => `${r.name}: ${r.contact}`).join(' · '))] : [];
}

/** The dose line: the step in force, from when (day 0 = the first day at it), and the plan's step. */
function doseLine(s: Summary, chg: ReturnType<typeof changeWith>): string {
  const unit = s.medication.unit;
  const c = s.current;
  const to = s.range.to;
  let dose: string;
  if (c.mg === null) dose = t('Dose: none logged as of {0}.', to);
  else if (c.lastChange) dose = t('Dose: {0} a day since {1} ({2}; day {3} on {4}).', mgText(c.mg, unit, ''), c.lastChange.date, chg(c.lastChange), c.daysSinceChange ?? 0, to);
  else dose = t('Dose: {0} a day since at least {1} (the first dose logged); no change logged.', mgText(c.mg, unit, ''), c.startBy ?? '');
  if (c.mg !== null && c.lastTaken && c.lastTaken < to) dose += ` ${t('Last dose logged {0}.', c.lastTaken)}`;
  const plan = s.planStep
    ? t('Plan: step {0} of {1}, {2} since {3} (day {4}).', s.planStep.index, s.planStep.count, mgText(s.planStep.targetMg, unit, ''), s.planStep.startDate, s.planStep.day)
    : t('No taper plan recorded.');
  return `${dose} ${plan}`;
}

function header(s: Summary, h: SummaryStrings, chg: ReturnType<typeof changeWith>): Block[] {
  const a = s.adherence;
  const mood = s.mood.mean === null ? t('no check-ins in this range') : t('mood mean {0} (n = {1}), rated 1–10 (10 best)', one(s.mood.mean), days(s.mood.days));
  const checkIns = plural(s.counts.checkIns, t('{0} check-in on {1} of the {2}', s.counts.checkIns, s.counts.daysWithCheckIn, days(s.range.days)), t('{0} check-ins on {1} of the {2}', s.counts.checkIns, s.counts.daysWithCheckIn, days(s.range.days)));
  const taken = a.days - a.skipped - a.notLogged;
  const doses =
    taken === a.days
      ? plural(a.days, t('A dose was taken on the {0} day.', a.days), t('A dose was taken on each of the {0} days.', a.days))
      : [t('Dose taken on {0}', days(taken)), a.skipped ? t('only a skipped dose on {0}', a.skipped) : '', a.notLogged ? t('no dose logged on {0}', a.notLogged) : ''].filter(Boolean).join('; ') + '.';
  const out: Block[] = [
    { kind: 'p', text: doseLine(s, chg) },
    { kind: 'p', text: `${t('Range: {0} to {1} ({2}){3}.', s.range.from, s.range.to, days(s.range.days), BASIS[s.range.basis](s))} ${checkIns}; ${mood}. ${doses}` }
  ];
  // Item 9 above 0 anywhere in range: said here, in its own words and answer, beside the support lines.
  const answers = item9Answers(s.questionnaires);
  if (answers.length) {
    const said = answers.map((a) => t('“{0}” ({1} of 3) on {2}', phq9Text().answers[a.answer], a.answer, a.dates.join(', '))).join('; ');
    out.push({ kind: 'strong', text: t('PHQ-9 item 9 (“{0}”) was answered {1}.', phq9Text().items[8], said) });
    out.push(...supportLine(s).map((text) => ({ kind: 'p' as const, text })));
  }
  out.push({ kind: 'strong', text: `${h.notAdvice} ${t('Prepared {0}.', s.today)}` });
  return out;
}

function questionBlocks(s: Summary, h: SummaryStrings): Block[] {
  const q = s.questions;
  if (!q?.questions.length) return [{ kind: 'h2', text: h.questions }, { kind: 'muted', text: t('No questions recorded for the next appointment.') }];
  const at = `${q.date}${q.time ? ` ${q.time}` : ''}`;
  const when = q.provider ? t('{0} with {1}', at, q.provider) : at;
  const cut = q.questions.some((x) => x.length > PAGE1.questionChars);
  const shown = q.questions.slice(0, PAGE1.questions).map((x) => (x.length > PAGE1.questionChars ? `${x.slice(0, PAGE1.questionChars - 1).trimEnd()}…` : x));
  const more = q.questions.length - shown.length;
  const out: Block[] = [
    // Never cut: a long provider name wraps. Questions of another appointment say whose they are.
    { kind: 'h2', text: `${h.questions} (${q.upcoming ? when : q.date >= s.today ? t('recorded for {0}', when) : t('from {0}', when)})` },
    { kind: 'list', ordered: true, items: shown }
  ];
  if (more > 0 || cut)
    out.push({
      kind: 'muted',
      text:
        more > 0
          ? cut
            ? plural(more, t('{0} more question, and every question in full, in the appendix.', more), t('{0} more questions, and every question in full, in the appendix.', more))
            : plural(more, t('{0} more question in the appendix.', more), t('{0} more questions in the appendix.', more))
          : t('Every question in full in the appendix.')
    });
  return out;
}

/** How many life events the caption's key names in full; the rest are in the appendix under the same numbers. */
const KEY_EVENTS = 4;

function figureACaption(s: Summary, shortened: readonly number[]): string {
  const phq = s.questionnaires.filter((q) => q.kind === 'phq9').length;
  // A label cut on the figure is given in full here: the first few, the rest in the appendix.
  const keyed = shortened.slice(0, KEY_EVENTS).map((i) => `E${i + 1} ${s.lifeEvents[i].title.replace(/\s+/g, ' ')}`);
  const more = shortened.length - keyed.length;
  const key = keyed.length ? ` ${keyed.join('; ')}${more > 0 ? `; ${t('{0} more in the appendix', more)}` : ''}.` : '';
  const mood = plural(s.mood.checkIns, t('Mood: {0} check-in on {1} of the {2}', s.mood.checkIns, s.mood.days, days(s.range.days)), t('Mood: {0} check-ins on {1} of the {2}', s.mood.checkIns, s.mood.days, days(s.range.days)));
  return `${mood}; ${t('line: 7-day median (3+ days with a check-in); dose dotted: none taken. PHQ-9 n = {0}.', phq)}${key}`;
}

/** Figure B's rows and the step table's rows, in the order page 1 gives them up when it is full. */
const PAGE1_FALLBACKS: readonly (readonly [number, number])[] = [
  [7, 4],
  [6, 4],
  [5, 4],
  [5, 3],
  [4, 3],
  [4, 2],
  [3, 2],
  // Only a longer language (Spanish) gets this far.
  [3, 1],
  [2, 1]
];

function figureBBlocks(s: Summary, h: SummaryStrings, figB: Figure, pick: ReturnType<typeof selectForPage>, maxRows: number): Block[] {
  if (s.afterChanges.length) return [{ kind: 'h2', text: h.figureB }, { kind: 'figure', figure: figB, caption: figureBCaption(s, pick) }];
  // No change in range: the symptoms logged, with their days, beside the nearest life events.
  const rows = symptomsWithoutChange(s);
  return [
    { kind: 'h2', text: t('Symptoms logged in this range (no dose change in it)') },
    rows.length
      ? { kind: 'table', head: [t('Symptom'), t('Days logged'), t('Peak'), t('Nearest life event')], rows: rows.slice(0, maxRows), widths: [110, 170, 40, 200] }
      : { kind: 'muted', text: t('No symptoms logged in this range.') },
    ...(rows.length > maxRows ? [{ kind: 'muted' as const, text: plural(rows.length - maxRows, t('{0} more symptom in the appendix.', rows.length - maxRows), t('{0} more symptoms in the appendix.', rows.length - maxRows)) }] : [])
  ];
}

function figureBCaption(s: Summary, pick: ReturnType<typeof selectForPage>): string {
  const n = s.afterChanges.length;
  const rows = s.afterChanges.reduce((a, w) => a + w.symptoms.length, 0);
  const base = t('Day 0: first day at the new dose. {0} in range, {1}.', plural(n, t('{0} change', n), t('{0} changes', n)), plural(rows, t('{0} symptom row', rows), t('{0} symptom rows', rows)));
  const hidden = [
    pick.hiddenChanges ? plural(pick.hiddenChanges, t('{0} earlier change', pick.hiddenChanges), t('{0} earlier changes', pick.hiddenChanges)) : '',
    pick.hiddenRows ? plural(pick.hiddenRows, t('{0} more row', pick.hiddenRows), t('{0} more rows', pick.hiddenRows)) : ''
  ].filter(Boolean);
  return hidden.length ? `${base} ${t('{0} in the appendix.', both(hidden))}` : base;
}

function stepBlocks(s: Summary, h: SummaryStrings, maxSteps: number): Block[] {
  const rows = stepRows(s);
  const shown = rows.slice(-maxSteps);
  const out: Block[] = [{ kind: 'h2', text: h.steps }];
  if (!rows.length) return [...out, { kind: 'muted', text: t('No days in this range.') }];
  out.push({ kind: 'table', head: STEP_HEAD(), rows: shown, widths: STEP_WIDTHS });
  const more = rows.length - shown.length;
  out.push({ kind: 'muted', text: stepNote(t) + (more > 0 ? ` ${plural(more, t('{0} earlier step in the appendix.', more), t('{0} earlier steps in the appendix.', more))}` : '') });
  return out;
}

function checkupBlocks(s: Summary, h: SummaryStrings): Block[] {
  const out: Block[] = [{ kind: 'h2', text: h.checkups }];
  if (!s.questionnaires.length) return [...out, { kind: 'muted', text: t('No PHQ-9 or GAD-7 in this range.') }];
  const table = checkupSummary(s.questionnaires, s.today);
  out.push({ kind: 'table', head: table.head, rows: table.rows, widths: [60, ...table.head.slice(1).map(() => 230)] });
  const lines = item9Lines(s.questionnaires);
  out.push({ kind: 'p', text: [...lines, t('Every check-up is in the appendix.')].join(' ') });
  return out;
}
