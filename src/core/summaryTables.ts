// The summary's tables and limits shared by page 1 (summaryDoc.ts) and the appendix
// (summaryAppendix.ts): the block type every writer serialises, the page-1 caps, the dose-step
// table and the check-up rows.
import type { Figure } from './figures/display';
import { ANSWERS } from './questionnaires';
import type { QuestionnaireResult, Summary } from './summary';
import { STEP_WIDTHS, stepHead, stepRow } from './stepTable';
import { signed } from './summaryWords';

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

/** The dose-step table (core/stepTable.ts, shared with the dashboard), in the summary's English. */
export const STEP_HEAD = stepHead();
export { STEP_WIDTHS };

/** The dose-step table's rows (all steps, oldest first). */
export function stepRows(s: Summary): string[][] {
  return s.steps.map((st) => stepRow(st, s.medication.unit));
}

export function checkupRow(q: QuestionnaireResult): string[] {
  return [q.date, q.name, `${q.total} of ${q.maxTotal}`, q.band, q.changeFromFirst === null ? 'first in range' : signed(q.changeFromFirst)];
}

export const CHECKUP_HEAD = ['Date', 'Questionnaire', 'Score', 'Band', 'Change from first'];

/** "PHQ-9 item 9 answered 1 of 3 (“Several days”) on 2026-03-16." for each answer above 0, or that none was. */
export function item9Lines(list: readonly QuestionnaireResult[]): string[] {
  const phq = list.filter((q) => q.kind === 'phq9');
  if (!phq.length) return [];
  const above = phq.filter((q) => (q.item9 ?? 0) > 0);
  if (!above.length) return [`PHQ-9 item 9 answered 0 (“${ANSWERS[0]}”) on every PHQ-9 in range (n = ${phq.length}).`];
  const byAnswer = new Map<number, string[]>();
  for (const q of above) byAnswer.set(q.item9!, [...(byAnswer.get(q.item9!) ?? []), q.date]);
  return [...byAnswer].map(([a, dates]) => `PHQ-9 item 9 answered ${a} of 3 (“${ANSWERS[a]}”) on ${dates.join(', ')}.`);
}
