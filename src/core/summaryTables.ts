// The summary's tables and limits shared by page 1 (summaryDoc.ts) and the appendix
// (summaryAppendix.ts): the block type every writer serialises, the page-1 caps, the dose-step
// table and the check-up rows.
import type { Figure } from './figures/display';
import type { WindowStat } from './quantiles';
import { ANSWERS } from './questionnaires';
import type { QuestionnaireResult, Summary } from './summary';
import { mgText, one, signed } from './summaryWords';

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

export const STEP_HEAD = ['Dose', 'From', 'Days', 'Check-in days', 'Median (IQR)', 'Mean ± SD (n)', 'Days 0–14 (n)', 'Day 15+ (n)', 'Symptom-days', 'Skipped', 'Events'];
export const STEP_WIDTHS = [36, 56, 28, 40, 56, 62, 52, 52, 48, 44, 34];

/** "5.5 (12)" or "too few (2)": a window's median and its n, short enough for a table cell. */
const cell = (w: WindowStat) => (w.tooFew ? `too few days (${w.n})` : `${one(w.median)} (${w.n})`);

/** The dose-step table's rows (all steps, oldest first). */
export function stepRows(s: Summary): string[][] {
  return s.steps.map((st) => [
    mgText(st.mg, s.medication.unit, 'none logged'),
    st.from,
    String(st.days),
    String(st.daysWithCheckIn),
    st.mood.tooFew ? 'too few days' : `${one(st.mood.median)} (${one(st.mood.q1)}–${one(st.mood.q3)})`,
    st.mean === null ? '– (0)' : st.sd === null ? `${one(st.mean)} (${st.daysWithCheckIn})` : `${one(st.mean)} ± ${one(st.sd)} (${st.daysWithCheckIn})`,
    cell(st.early),
    cell(st.late),
    String(st.symptomDays),
    String(st.skippedDoses),
    String(st.lifeEvents)
  ]);
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
