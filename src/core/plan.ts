// The rows of the plan the user and their prescriber agreed on: medications, taper steps and
// appointments, new or edited. It records the plan; it never proposes one.
import { baseRow } from './entries';
import type { Appointment, Medication, TabletSplit, TaperStep } from './schemas';
import type { LocalDate } from './time';

export interface MedicationInput {
  name: string;
  unit: string;
  form: string;
  /** Tablet strength and split; left as they are on an edit that does not give them. */
  tabletMg?: number | null;
  split?: TabletSplit;
}

export interface TaperStepInput {
  startDate: LocalDate;
  targetMg: number;
  note: string;
}

export interface AppointmentInput {
  date: LocalDate;
  time: string | null;
  provider: string;
  questions: readonly string[];
  outcome: string | null;
}

const edited = <T extends { updatedAt: string }>(existing: T, fields: Partial<T>, now: number): T => ({ ...existing, ...fields, updatedAt: new Date(now).toISOString() });

/** A new medication, or `existing` with the new fields. */
export function buildMedication(input: MedicationInput, existing: Medication | undefined, now: number): Medication {
  const fields = {
    name: input.name.trim(),
    unit: input.unit.trim(),
    form: input.form.trim(),
    tabletMg: input.tabletMg !== undefined ? input.tabletMg : (existing?.tabletMg ?? null),
    split: input.split ?? existing?.split ?? 'none'
  };
  return existing ? edited(existing, fields, now) : { ...baseRow(now), ...fields };
}

/** A new plan step (for `medicationId`), or `existing` with the new fields. */
export function buildTaperStep(input: TaperStepInput, existing: TaperStep | undefined, medicationId: string | null, now: number): TaperStep {
  const fields = { startDate: input.startDate, targetMg: input.targetMg, note: input.note.trim() };
  return existing ? edited(existing, fields, now) : { ...baseRow(now), medicationId, ...fields };
}

/**
 * A new appointment, or `existing` with the new fields. Questions are trimmed and empty ones
 * dropped; an outcome noted on an edit counts as the follow-up question answered.
 */
export function buildAppointment(input: AppointmentInput, existing: Appointment | undefined, now: number): Appointment {
  const fields = {
    date: input.date.trim(),
    time: input.time?.trim() || null,
    provider: input.provider.trim(),
    questions: input.questions.map((q) => q.trim()).filter(Boolean),
    outcome: input.outcome?.trim() || null
  };
  return existing ? edited(existing, { ...fields, outcomeAsked: existing.outcomeAsked || fields.outcome !== null }, now) : { ...baseRow(now), ...fields, outcomeAsked: false };
}

/** The appointment with one more question for the provider. */
export function withQuestion(appointment: Appointment, question: string, now: number): Appointment {
  return edited(appointment, { questions: [...appointment.questions, question.trim()] }, now);
}

/** The appointment with its follow-up question asked and, if given, what was decided. */
export function withOutcome(appointment: Appointment, outcome: string | null, now: number): Appointment {
  const text = outcome?.trim() || null;
  return edited(appointment, { outcomeAsked: true, ...(text ? { outcome: text } : {}) }, now);
}
