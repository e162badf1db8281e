// The summary's tables and limits shared by page 1 (summaryDoc.ts) and the appendix
// (summaryAppendix.ts): the block type every writer serialises, the page-1 caps, the dose-step
// table and the check-up rows.
import type { Figure } from '../figures/display';
import type { QuestionnaireResult, Summary } from './summary';
import { STEP_WIDTHS, stepHead, stepRow } from '../charts/stepTable';
import { days as dayCount, plural, signed, t } from './words';
import { phq9Text } from './lang';
import { symptomName } from '../symptoms';
import { bandLabel } from '../questionnaireText';
import { daysBetween, type LocalDate } from '../time';

export type Block =
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'muted'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean; start?: number }
  /** `widths`: relative column widths, for the page layouts. */
  | { kind: 'table'; head: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'figure'; figure: Figure; caption: string };

/** Page-1 caps: the first three questions (each cut to 100 characters), the four latest dose steps, eight rows of Figure B. */
export const PAGE1 = { questions: 3, questionChars: 100, steps: 4, figureBRows: 8 };

/** The dose-step table's head (core/stepTable.ts, shared with the dashboard), in the summary's language. */
export const STEP_HEAD = (): string[] => stepHead(t);
export { STEP_WIDTHS };

/** The dose-step table's rows (all steps, oldest first). */
export function stepRows(s: Summary): string[][] {
  return s.steps.map((st) => stepRow(st, s.medication.unit, t));
}

export function checkupRow(q: QuestionnaireResult): string[] {
  return [q.date, q.name, t('{0} of {1}', q.total, q.maxTotal), bandWord(q.band), q.changeFromFirst === null ? t('first in range') : signed(q.changeFromFirst)];
}

export const CHECKUP_HEAD = (): string[] => [t('Date'), t('Questionnaire'), t('Score'), t('Band'), t('Change from first')];

/** A stored band ("moderately severe") in the summary's words. */
export const bandWord = (band: string): string => bandLabel(band, t);

/** "today", "3 days ago", "4 weeks ago", "5 months ago": how old a check-up is on the day the summary is made. */
export function ageText(date: LocalDate, today: LocalDate): string {
  const days = daysBetween(date, today);
  if (days <= 0) return t('today');
  if (days === 1) return t('yesterday');
  if (days < 14) return plural(days, t('{0} day ago', days), t('{0} days ago', days));
  const weeks = Math.floor(days / 7);
  if (days < 61) return plural(weeks, t('{0} week ago', weeks), t('{0} weeks ago', weeks));
  const months = Math.floor(days / 30.44);
  return plural(months, t('{0} month ago', months), t('{0} months ago', months));
}

/** Page 1's check-up table: a column per questionnaire (with its n), a row each for its first, highest and latest in range, each with its date and age. */
export function checkupSummary(list: readonly QuestionnaireResult[], today: LocalDate): { head: string[]; rows: string[][] } {
  const kinds = [...new Set(list.map((q) => q.kind))];
  const at = (q: QuestionnaireResult) => `${q.total}/${q.maxTotal} ${bandWord(q.band)}, ${q.date} (${ageText(q.date, today)})`;
  const cols = kinds.map((k) => {
    const of = list.filter((q) => q.kind === k);
    // The first of the highest, so a later equal score does not hide when it was first reached.
    const highest = of.reduce((a, q) => (q.total > a.total ? q : a));
    return { name: `${of[0].name} (n = ${of.length})`, cells: [at(of[0]), of.length > 1 ? at(highest) : t('(only one)'), of.length > 1 ? at(of[of.length - 1]) : t('(only one)')] };
  });
  return {
    head: ['', ...cols.map((c) => c.name)],
    rows: [t('First in range'), t('Highest'), t('Latest')].map((label, i) => [label, ...cols.map((c) => c.cells[i])])
  };
}

/** PHQ-9 item 9 answers above 0 in range, by answer, with their dates. */
export function item9Answers(list: readonly QuestionnaireResult[]): { answer: number; dates: LocalDate[] }[] {
  const byAnswer = new Map<number, LocalDate[]>();
  for (const q of list) if (q.kind === 'phq9' && (q.item9 ?? 0) > 0) byAnswer.set(q.item9!, [...(byAnswer.get(q.item9!) ?? []), q.date]);
  return [...byAnswer].sort((a, b) => b[0] - a[0]).map(([answer, dates]) => ({ answer, dates }));
}

/**
 * With no dose change in range, page 1 lists each symptom logged, its days and peak, beside the
 * life event nearest its first day (number and days apart), so the symptoms still have a context.
 */
export function symptomsWithoutChange(s: Summary): string[][] {
  return s.symptoms.map((o) => {
    const days = o.episodes.reduce((a, e) => a + e.daysLogged, 0);
    const first = o.episodes[0].firstDate;
    const last = o.episodes[o.episodes.length - 1].lastDate;
    const peak = Math.max(...o.episodes.map((e) => e.peak));
    let nearest = -1;
    s.lifeEvents.forEach((e, i) => {
      if (nearest < 0 || Math.abs(daysBetween(e.date, first)) < Math.abs(daysBetween(s.lifeEvents[nearest].date, first))) nearest = i;
    });
    const event = nearest < 0 ? t('none logged') : eventDistance(nearest, daysBetween(s.lifeEvents[nearest].date, first));
    const when = first === last ? first : t('{0} to {1}', first, last);
    const runs = o.episodes.length > 1 ? t('{0} in {1} runs', dayCount(days), o.episodes.length) : dayCount(days);
    return [symptomName(o.key, o.label, t), `${runs}, ${when}`, `${peak}/3`, event];
  });
}

function eventDistance(i: number, daysBeforeOnset: number): string {
  const e = `E${i + 1}`;
  if (daysBeforeOnset === 0) return t('{0}, the same day', e);
  const n = Math.abs(daysBeforeOnset);
  return daysBeforeOnset > 0 ? plural(n, t('{0}, {1} day before the first day', e, n), t('{0}, {1} days before the first day', e, n)) : plural(n, t('{0}, {1} day after it', e, n), t('{0}, {1} days after it', e, n));
}

/** "PHQ-9 item 9 answered 1 of 3 (“Several days”) on 2026-03-16." for each answer above 0, or that none was. */
export function item9Lines(list: readonly QuestionnaireResult[]): string[] {
  const phq = list.filter((q) => q.kind === 'phq9');
  if (!phq.length) return [];
  const above = phq.filter((q) => (q.item9 ?? 0) > 0);
  if (!above.length) return [t('PHQ-9 item 9 answered 0 (“{0}”) on every PHQ-9 in range (n = {1}).', phq9Text().answers[0], phq.length)];
  const byAnswer = new Map<number, string[]>();
  for (const q of above) byAnswer.set(q.item9!, [...(byAnswer.get(q.item9!) ?? []), q.date]);
  return [...byAnswer].map(([a, dates]) => t('PHQ-9 item 9 answered {0} of 3 (“{1}”) on {2}.', a, phq9Text().answers[a], dates.join(', ')));
}
