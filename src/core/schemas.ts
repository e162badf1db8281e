// The journal's data model. Every row written or read back goes through these schemas, so a bad
// row is caught with its table and id instead of quietly breaking a chart or a summary.
// zod/mini, like the panel's protocol: the same checks at a fraction of the bundle, with zod's
// English messages configured here so a bad row is reported in words.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { idForLog, issueFields, tableForLog } from './logSafely';
import { QUESTIONNAIRE_KINDS, scoringProblem } from './questionnaires';
import type { TableName } from './tableNames';
import { firstDayOf, isLocalDate, isMonthOrDay, lastDayOf } from './time';

import {
  DOSE_STATUSES,
  EVENT_TITLE_MAX,
  FORM_MAX,
  HHMM,
  MEDICATION_MAX,
  MG_MAX,
  MOOD_MAX,
  MOOD_MIN,
  NOTE_MAX,
  PROVIDER_MAX,
  QUESTION_MAX,
  QUESTIONS_MAX,
  RECALL_CERTAINTIES,
  RECALLED_CONTEXT_MAX,
  SEVERITY_MAX,
  SLEEP_MAX,
  STEP_NOTE_MAX,
  SYMPTOM_KEY_MAX,
  SUPPLY_KINDS,
  SYMPTOM_LABEL_MAX,
  TABLETS_MAX,
  TABLET_SPLITS,
  TAGS_MAX,
  TAG_MAX,
  UNIT_MAX
} from './limits';

export { DOSE_STATUSES, MG_MAX, MOOD_MAX, MOOD_MIN, NOTE_MAX, SEVERITY_MAX };

z.config(en());

// Regular expressions rather than Date parsing: every row read back is validated, so these run
// tens of thousands of times when a summary reads a year of entries.
const isoInstant = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/, 'an ISO-8601 UTC instant'));
export const localDateSchema = z.string().check(z.refine(isLocalDate, 'a YYYY-MM-DD date'));
const id = z.string().check(z.minLength(8), z.maxLength(64));
const text = (max: number) => z.string().check(z.maxLength(max));
const trimmed = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const scale = int(MOOD_MIN, MOOD_MAX);
export const mgSchema = z.number().check(z.minimum(0), z.maximum(MG_MAX));
export const tagSchema = trimmed(TAG_MAX);

const base = {
  id,
  createdAt: isoInstant,
  updatedAt: isoInstant,
  deletedAt: z.nullable(isoInstant)
};

const stamped = {
  at: isoInstant,
  localDate: localDateSchema,
  utcOffset: int(-16 * 60, 16 * 60)
};

export const checkInSchema = z.object({
  ...base,
  ...stamped,
  mood: scale,
  energy: z.nullable(scale),
  anxiety: z.nullable(scale),
  sleepHours: z.nullable(z.number().check(z.minimum(0), z.maximum(SLEEP_MAX))),
  note: text(NOTE_MAX),
  tags: z.array(tagSchema).check(z.maxLength(TAGS_MAX))
});

export const doseStatusSchema = z.enum(DOSE_STATUSES);

export const doseSchema = z.object({
  ...base,
  ...stamped,
  medicationId: z.nullable(id),
  medication: text(MEDICATION_MAX),
  mg: mgSchema,
  status: doseStatusSchema,
  checkinId: z.nullable(id)
});

export const tabletMgSchema = z.number().check(z.positive(), z.maximum(MG_MAX));
/** Tablets in a refill or a count: halves and quarters, never less than none. */
export const tabletsSchema = z.number().check(z.minimum(0), z.maximum(TABLETS_MAX), z.refine((n) => Number.isInteger(n * 4), 'a whole number of quarter tablets'));

export const medicationSchema = z.object({
  ...base,
  name: trimmed(MEDICATION_MAX),
  unit: trimmed(UNIT_MAX),
  form: text(FORM_MAX),
  // Added in schema v3: rows written before (old exports, another machine's older log) get the defaults.
  /** The strength of one tablet, in the medication's unit; null when not recorded. */
  tabletMg: z._default(z.nullable(tabletMgSchema), null),
  split: z._default(z.enum(TABLET_SPLITS), 'none')
});

export const taperStepSchema = z.object({
  ...base,
  medicationId: z.nullable(id),
  startDate: localDateSchema,
  targetMg: mgSchema,
  note: text(STEP_NOTE_MAX)
});

export const SYMPTOM_SOURCES = ['checkin', 'review', 'panel'] as const;

export const symptomSchema = z.object({
  ...base,
  ...stamped,
  key: z.string().check(z.minLength(1), z.maxLength(SYMPTOM_KEY_MAX)),
  label: text(SYMPTOM_LABEL_MAX),
  severity: int(0, SEVERITY_MAX),
  checkinId: z.nullable(id),
  source: z.enum(SYMPTOM_SOURCES)
});

export const lifeEventSchema = z.object({
  ...base,
  ...stamped,
  title: trimmed(EVENT_TITLE_MAX),
  note: text(NOTE_MAX)
});

export const noteSchema = z.object({
  ...base,
  ...stamped,
  text: trimmed(NOTE_MAX)
});

/** A refill (tablets added) or a count (tablets on hand, correcting the running total) of one medication. */
export const supplySchema = z.object({
  ...base,
  ...stamped,
  medicationId: id,
  kind: z.enum(SUPPLY_KINDS),
  tablets: tabletsSchema
});

/**
 * The inbox's ledger: one row per line read from the phone inbox (id: the line's id, see
 * core/inbox/identity.ts), with the rows it made ("table:id"), so a line is read once and a line
 * edited after import replaces what it made (same timeId, new id).
 */
export const inboxLineSchema = z.object({
  ...base,
  timeId: text(40),
  rows: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(64)),
  importedAt: isoInstant
});

export const monthOrDaySchema = z.string().check(z.refine(isMonthOrDay, 'a YYYY-MM month or a YYYY-MM-DD date'));

/**
 * A period before the journal as the user recalls it: never a logged dose, so no statistic reads it.
 * A recalled mood always says how sure the user is of it.
 */
export const recalledPeriodSchema = z
  .object({
    ...base,
    medication: trimmed(MEDICATION_MAX),
    startDate: monthOrDaySchema,
    endDate: monthOrDaySchema,
    mg: mgSchema,
    context: text(RECALLED_CONTEXT_MAX),
    mood: z.nullable(scale),
    certainty: z.nullable(z.enum(RECALL_CERTAINTIES))
  })
  .check(
    z.superRefine((p, ctx) => {
      if ((p.mood === null) !== (p.certainty === null)) ctx.addIssue({ code: 'custom', path: ['certainty'], message: 'a recalled mood and its certainty go together', input: p });
      if (isMonthOrDay(p.startDate) && isMonthOrDay(p.endDate) && firstDayOf(p.startDate) > lastDayOf(p.endDate)) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'the period ends before it starts', input: p });
    })
  );

export const appointmentSchema = z.object({
  ...base,
  date: localDateSchema,
  time: z.nullable(z.string().check(z.regex(HHMM))),
  provider: text(PROVIDER_MAX),
  questions: z.array(text(QUESTION_MAX)).check(z.maxLength(QUESTIONS_MAX)),
  outcome: z.nullable(text(NOTE_MAX)),
  outcomeAsked: z.boolean()
});

export { QUESTIONNAIRE_KINDS };

// The answers, total and band must agree with the scoring (questionnaires.ts): a row that says
// "minimal" over a total of 20 would mislead a prescriber reading the summary.
export const questionnaireSchema = z
  .object({
    ...base,
    ...stamped,
    kind: z.enum(QUESTIONNAIRE_KINDS),
    answers: z.array(int(0, 3)).check(z.minLength(7), z.maxLength(9)),
    total: int(0, 27),
    band: text(40),
    difficulty: z.nullable(int(0, 3))
  })
  .check(
    z.superRefine((q, ctx) => {
      const problem = scoringProblem(q);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message, input: q });
    })
  );

export type CheckIn = z.infer<typeof checkInSchema>;
export type Dose = z.infer<typeof doseSchema>;
export type DoseStatus = z.infer<typeof doseStatusSchema>;
export type Medication = z.infer<typeof medicationSchema>;
export type TaperStep = z.infer<typeof taperStepSchema>;
export type Symptom = z.infer<typeof symptomSchema>;
export type LifeEvent = z.infer<typeof lifeEventSchema>;
export type Note = z.infer<typeof noteSchema>;
export type Appointment = z.infer<typeof appointmentSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type SupplyChange = z.infer<typeof supplySchema>;
export type RecalledPeriod = z.infer<typeof recalledPeriodSchema>;
export type InboxLineRow = z.infer<typeof inboxLineSchema>;
export type TabletSplit = Medication['split'];
export type RecallCertainty = NonNullable<RecalledPeriod['certainty']>;

export const rowSchemas = {
  checkins: checkInSchema,
  doses: doseSchema,
  medications: medicationSchema,
  taper_steps: taperStepSchema,
  symptoms: symptomSchema,
  life_events: lifeEventSchema,
  notes: noteSchema,
  appointments: appointmentSchema,
  questionnaires: questionnaireSchema,
  recalled_periods: recalledPeriodSchema,
  tablet_supply: supplySchema,
  inbox_lines: inboxLineSchema
} as const;

export { TABLE_NAMES, TRANSFER_TABLES, type TableName } from './tableNames';
// Every table has its schema, and every schema is a table (a compile error otherwise).
const everyTable: Record<TableName, unknown> = rowSchemas;
const onlyTables: Record<keyof typeof rowSchemas, unknown> = {} as Record<TableName, unknown>;
void everyTable;
void onlyTables;

export interface RowTypes {
  checkins: CheckIn;
  doses: Dose;
  medications: Medication;
  taper_steps: TaperStep;
  symptoms: Symptom;
  life_events: LifeEvent;
  notes: Note;
  appointments: Appointment;
  questionnaires: Questionnaire;
  recalled_periods: RecalledPeriod;
  tablet_supply: SupplyChange;
  inbox_lines: InboxLineRow;
}

export type AnyRow = RowTypes[TableName];

/** One durable change: the full new state of a row (deletes are tombstones, so also upserts). */
export type Op = { [T in TableName]: { table: T; row: RowTypes[T] } }[TableName];

/**
 * A validation failure that names the row, so the user can find and fix it. The message and
 * `detail` say what is wrong in words, for the user, and may quote the row's values ("the total 6
 * is not the sum of the answers (21)"); `forLog` names only the row's id, its table and each
 * failing field with zod's issue code, and is the only part that goes into the log.
 */
export class BadRowError extends Error {
  readonly forLog: string;

  constructor(
    readonly table: string,
    readonly rowId: string,
    readonly detail: string,
    fields: string,
    /** zod's issues (codes, paths and limits, never the input), to say the detail in another language. */
    readonly issues: readonly z.core.$ZodRawIssue[] = []
  ) {
    super(`Row ${rowId} in table "${table}" is not valid: ${detail}`);
    this.name = 'BadRowError';
    this.forLog = `Row ${idForLog(rowId)} in table "${tableForLog(table)}" is not valid: ${fields}`;
  }
}

export function validateRow<T extends TableName>(table: T, row: unknown): RowTypes[T] {
  const result = rowSchemas[table].safeParse(row);
  if (!result.success) {
    const rowId = typeof row === 'object' && row && 'id' in row ? String((row as { id: unknown }).id) : '(no id)';
    throw new BadRowError(table, rowId, describeIssues(result.error), issueFields(result.error.issues), result.error.issues.map((i) => ({ ...i, input: sameType(valueAt(row, i.path)) }) as z.core.$ZodRawIssue));
  }
  return result.data as RowTypes[T];
}

function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let v = row;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** A value of the same type with nothing of the original in it: zod's words say "received text" from it. */
function sameType(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (Array.isArray(v)) return [];
  return { string: '', number: 0, boolean: false, bigint: 0n, object: {} }[typeof v as 'string'] ?? undefined;
}

/** For the user: each failing field and what is wrong with it, in words. Never for the log. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
    .join('; ');
}
