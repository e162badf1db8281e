// The journal's data model. Every row written or read back goes through these schemas, so a bad
// row is caught with its table and id instead of quietly breaking a chart or a summary.
import { z } from 'zod';
import { QUESTIONNAIRE_KINDS, scoringProblem } from './questionnaires';
import { isLocalDate } from './time';

import { DOSE_STATUSES, MG_MAX, MOOD_MAX, MOOD_MIN, NOTE_MAX, SEVERITY_MAX, TAGS_MAX, TAG_MAX } from './limits';

export { DOSE_STATUSES, MG_MAX, MOOD_MAX, MOOD_MIN, NOTE_MAX, SEVERITY_MAX };

// Regular expressions rather than Date parsing: every row read back is validated, so these run
// tens of thousands of times when a summary reads a year of entries.
const isoInstant = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/, 'an ISO-8601 UTC instant');
export const localDateSchema = z.string().refine(isLocalDate, 'a YYYY-MM-DD date');
const id = z.string().min(8).max(64);
const text = (max: number) => z.string().max(max);
const scale = z.number().int().min(MOOD_MIN).max(MOOD_MAX);
export const mgSchema = z.number().finite().min(0).max(MG_MAX);
export const tagSchema = z.string().trim().min(1).max(TAG_MAX);

const base = {
  id,
  createdAt: isoInstant,
  updatedAt: isoInstant,
  deletedAt: isoInstant.nullable()
};

const stamped = {
  at: isoInstant,
  localDate: localDateSchema,
  utcOffset: z.number().int().min(-16 * 60).max(16 * 60)
};

export const checkInSchema = z.object({
  ...base,
  ...stamped,
  mood: scale,
  energy: scale.nullable(),
  anxiety: scale.nullable(),
  sleepHours: z.number().min(0).max(24).nullable(),
  note: text(NOTE_MAX),
  tags: z.array(tagSchema).max(TAGS_MAX)
});

export const doseStatusSchema = z.enum(DOSE_STATUSES);

export const doseSchema = z.object({
  ...base,
  ...stamped,
  medicationId: id.nullable(),
  medication: text(80),
  mg: mgSchema,
  status: doseStatusSchema,
  checkinId: id.nullable()
});

export const medicationSchema = z.object({
  ...base,
  name: z.string().trim().min(1).max(80),
  unit: z.string().trim().min(1).max(12),
  form: text(40)
});

export const taperStepSchema = z.object({
  ...base,
  medicationId: id.nullable(),
  startDate: localDateSchema,
  targetMg: mgSchema,
  note: text(500)
});

export const SYMPTOM_SOURCES = ['checkin', 'review', 'panel'] as const;

export const symptomSchema = z.object({
  ...base,
  ...stamped,
  key: z.string().min(1).max(60),
  label: text(80),
  severity: z.number().int().min(0).max(SEVERITY_MAX),
  checkinId: id.nullable(),
  source: z.enum(SYMPTOM_SOURCES)
});

export const lifeEventSchema = z.object({
  ...base,
  ...stamped,
  title: z.string().trim().min(1).max(120),
  note: text(NOTE_MAX)
});

export const noteSchema = z.object({
  ...base,
  ...stamped,
  text: z.string().trim().min(1).max(NOTE_MAX)
});

export const appointmentSchema = z.object({
  ...base,
  date: localDateSchema,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable(),
  provider: text(120),
  questions: z.array(text(500)).max(100),
  outcome: text(NOTE_MAX).nullable(),
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
    answers: z.array(z.number().int().min(0).max(3)).min(7).max(9),
    total: z.number().int().min(0).max(27),
    band: z.string().max(40),
    difficulty: z.number().int().min(0).max(3).nullable()
  })
  .superRefine((q, ctx) => {
    const problem = scoringProblem(q);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });

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

export const rowSchemas = {
  checkins: checkInSchema,
  doses: doseSchema,
  medications: medicationSchema,
  taper_steps: taperStepSchema,
  symptoms: symptomSchema,
  life_events: lifeEventSchema,
  notes: noteSchema,
  appointments: appointmentSchema,
  questionnaires: questionnaireSchema
} as const;

export type TableName = keyof typeof rowSchemas;
export const TABLE_NAMES = Object.keys(rowSchemas) as TableName[];

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
}

export type AnyRow = RowTypes[TableName];

/** One durable change: the full new state of a row (deletes are tombstones, so also upserts). */
export type Op = { [T in TableName]: { table: T; row: RowTypes[T] } }[TableName];

/** A validation failure that names the row, so the user can find and fix it. */
export class BadRowError extends Error {
  constructor(
    readonly table: string,
    readonly rowId: string,
    readonly detail: string
  ) {
    super(`Row ${rowId} in table "${table}" is not valid: ${detail}`);
    this.name = 'BadRowError';
  }
}

export function validateRow<T extends TableName>(table: T, row: unknown): RowTypes[T] {
  const result = rowSchemas[table].safeParse(row);
  if (!result.success) {
    const rowId = typeof row === 'object' && row && 'id' in row ? String((row as { id: unknown }).id) : '(no id)';
    throw new BadRowError(table, rowId, describeIssues(result.error));
  }
  return result.data as RowTypes[T];
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
    .join('; ');
}
