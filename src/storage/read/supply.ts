// The tablet supply's rows: medications with their tablet strength, refills and counts, and the doses
// taken (those before the first refill or count never change the count, but set the step in force).
import type { Dose, Medication, SupplyChange, TaperStep } from '../../core/schemas';
import { LIVE } from '../live';
import { medications, taperSteps } from './plan';
import type { JournalReader } from './reader';

export interface SupplyRows {
  medications: Medication[];
  changes: SupplyChange[];
  /** Every dose taken or changed (none before the first supply row is recorded: nothing to estimate). */
  doses: Dose[];
  steps: TaperStep[];
}

export function supplyRows(store: JournalReader): SupplyRows {
  const changes = store.select('tablet_supply', LIVE, [], 'ORDER BY at');
  // Every dose taken: the count needs those since the first supply row, the step in force all of them.
  const doses = changes.length ? store.select('doses', `${LIVE} AND status != 'skipped'`, [], 'ORDER BY at') : [];
  return { medications: medications(store), changes, doses, steps: taperSteps(store) };
}
