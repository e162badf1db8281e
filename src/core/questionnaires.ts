// PHQ-9 and GAD-7, word for word from the project's clinical reference (../shared/clinical-reference.md):
// items, answer scale, scoring bands and attribution. Do not edit wording or cut-offs here without
// the reference changing first.
import { daysBetween, type LocalDate } from './time';

export const QUESTIONNAIRE_KINDS = ['phq9', 'gad7'] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];

export const ATTRIBUTION =
  'The instruments were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission is required to reproduce, translate, display or distribute them.';

export const ANSWERS: readonly string[] = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

export const DIFFICULTY_QUESTION =
  'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?';
export const DIFFICULTY_ANSWERS: readonly string[] = ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult'];

interface Band {
  min: number;
  max: number;
  band: string;
}

export interface QuestionnaireDef {
  kind: QuestionnaireKind;
  name: string;
  stem: string;
  items: readonly string[];
  bands: readonly Band[];
  maxTotal: number;
  hasDifficulty: boolean;
}

export const PHQ9: QuestionnaireDef = {
  kind: 'phq9',
  name: 'PHQ-9',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed. Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead, or of hurting yourself in some way'
  ],
  bands: [
    { min: 0, max: 4, band: 'minimal' },
    { min: 5, max: 9, band: 'mild' },
    { min: 10, max: 14, band: 'moderate' },
    { min: 15, max: 19, band: 'moderately severe' },
    { min: 20, max: 27, band: 'severe' }
  ],
  maxTotal: 27,
  hasDifficulty: true
};

export const GAD7: QuestionnaireDef = {
  kind: 'gad7',
  name: 'GAD-7',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: [
    'Feeling nervous, anxious, or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid, as if something awful might happen'
  ],
  bands: [
    { min: 0, max: 4, band: 'minimal' },
    { min: 5, max: 9, band: 'mild' },
    { min: 10, max: 14, band: 'moderate' },
    { min: 15, max: 21, band: 'severe' }
  ],
  maxTotal: 21,
  hasDifficulty: false
};

export const QUESTIONNAIRES: Record<QuestionnaireKind, QuestionnaireDef> = { phq9: PHQ9, gad7: GAD7 };

/** Both questionnaires ask about the last two weeks: they are never offered more often than that. */
export const RECALL_WINDOW_DAYS = 14;
/** The recall period is two weeks, so a questionnaire is offered every 14 days by default. */
export const DEFAULT_INTERVAL_DAYS = RECALL_WINDOW_DAYS;

export interface Score {
  total: number;
  band: string;
  /** PHQ-9 item 9 above 0: the safety response applies whatever the total. */
  safetyItem: boolean;
}

export function score(kind: QuestionnaireKind, answers: readonly number[]): Score {
  const def = QUESTIONNAIRES[kind];
  if (answers.length !== def.items.length) throw new RangeError(`${def.name} needs ${def.items.length} answers, got ${answers.length}`);
  if (answers.some((a) => !Number.isInteger(a) || a < 0 || a > 3)) throw new RangeError(`${def.name} answers must be 0, 1, 2 or 3`);
  const total = answers.reduce((a, b) => a + b, 0);
  return { total, band: bandOf(kind, total), safetyItem: kind === 'phq9' && answers[8] > 0 };
}

export function bandOf(kind: QuestionnaireKind, total: number): string {
  const band = QUESTIONNAIRES[kind].bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new RangeError(`${total} is outside the ${QUESTIONNAIRES[kind].name} range`);
  return band.band;
}

/**
 * Why a stored or imported result disagrees with its scoring (answer count, total, band), as a
 * sentence naming the field and the fix; undefined when it agrees. Rows are checked with this on
 * every read and write (schemas.ts), so a bad row is reported with its id, never shown as valid.
 */
export function scoringProblem(q: { kind: QuestionnaireKind; answers: readonly number[]; total: number; band: string }): { field: 'answers' | 'total' | 'band'; message: string } | undefined {
  const def = QUESTIONNAIRES[q.kind];
  if (q.answers.length !== def.items.length) {
    return { field: 'answers', message: `${def.name} has ${def.items.length} questions but this result has ${q.answers.length} answers; it needs one answer (0 to 3) per question` };
  }
  const sum = q.answers.reduce((a, b) => a + b, 0);
  if (q.total !== sum) return { field: 'total', message: `the total ${q.total} is not the sum of the answers (${sum}); set it to ${sum}` };
  const band = bandOf(q.kind, sum);
  if (q.band !== band) return { field: 'band', message: `"${q.band}" is not the ${def.name} band for a total of ${sum}; it is "${band}"` };
  return undefined;
}

/** PHQ-2 is PHQ-9 items 1–2; 3 or more is a positive screen. */
export function phq2(answers: readonly number[]): { total: number; positive: boolean } {
  const total = answers[0] + answers[1];
  return { total, positive: total >= 3 };
}

/** Whether a questionnaire is due: never taken, or last taken `intervalDays` or more ago. */
export function isDue(lastTaken: LocalDate | undefined, today: LocalDate, intervalDays = DEFAULT_INTERVAL_DAYS): boolean {
  return lastTaken === undefined || daysBetween(lastTaken, today) >= Math.max(1, intervalDays);
}
