// The Plan tab's rows: the agreed taper steps, the doses logged against them and the medications.
import type { Dose, Medication, TaperStep } from '../../core/schemas';
import { LIVE } from '../live';
import type { JournalReader } from './reader';

export interface PlanRows {
  steps: TaperStep[];
  /** Every live dose, oldest first (adherence and the last change need the whole history). */
  doses: Dose[];
  medications: Medication[];
}

export function taperSteps(store: JournalReader): TaperStep[] {
  return store.select('taper_steps', LIVE, [], 'ORDER BY start_date');
}

export function medications(store: JournalReader): Medication[] {
  return store.select('medications', LIVE, [], 'ORDER BY created_at');
}

/** The medication new plan steps belong to: the first one entered, if any. */
export function firstMedicationId(store: JournalReader): string | null {
  return store.select('medications', LIVE, [], 'ORDER BY created_at LIMIT 1')[0]?.id ?? null;
}

export function planRows(store: JournalReader): PlanRows {
  return { steps: taperSteps(store), doses: store.select('doses', LIVE, [], 'ORDER BY at'), medications: medications(store) };
}
