// The tablet supply's rows: medications with their tablet strength, refills and counts, and the doses
// logged since the first refill or count (the doses before it never change the count).
import type { Dose, Medication, SupplyChange, TaperStep } from '../core/schemas';
import { medications, taperSteps } from './planQueries';
import type { JournalReader } from './reader';

const LIVE = 'deleted_at IS NULL';

export interface SupplyRows {
  medications: Medication[];
  changes: SupplyChange[];
  /** Doses from the first supply row on, plus the last one before it (the dose an estimate may assume). */
  doses: Dose[];
  steps: TaperStep[];
}

export function supplyRows(store: JournalReader): SupplyRows {
  const changes = store.select('tablet_supply', LIVE, [], 'ORDER BY at');
  // To the second: "…:00Z" and "…:00.000Z" are the same instant but sort apart as text.
  const since = changes[0]?.at.slice(0, 19);
  const doses = since
    ? store.select('doses', `${LIVE} AND status != 'skipped' AND (at >= ? OR at = (SELECT max(at) FROM doses WHERE ${LIVE} AND status != 'skipped' AND at < ?))`, [since, since], 'ORDER BY at')
    : store.select('doses', `${LIVE} AND status != 'skipped'`, [], 'ORDER BY at DESC LIMIT 1');
  return { medications: medications(store), changes, doses, steps: taperSteps(store) };
}
