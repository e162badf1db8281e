// Medication history as recalled: the periods, and the logged doses they could overlap. Read apart
// from the doses, so no statistic that reads the doses can ever count a recalled period.
import { byStart } from '../../core/recalled';
import type { Dose, RecalledPeriod } from '../../core/schemas';
import { LIVE } from '../live';
import type { JournalReader } from './reader';

/** Every live recalled period, oldest first. */
export function recalledPeriods(store: JournalReader): RecalledPeriod[] {
  return byStart(store.select('recalled_periods', LIVE));
}

/** Doses taken or changed to from `from` to `to` (local dates), for the overlap messages. */
export function dosesBetween(store: JournalReader, from: string, to: string): Dose[] {
  return store.select('doses', `${LIVE} AND status != 'skipped' AND local_date BETWEEN ? AND ?`, [from, to], 'ORDER BY at');
}
