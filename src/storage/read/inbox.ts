// What reading the phone inbox needs from the journal: its ledger (core/inbox/ledger.ts), the dose
// a "dose skipped" without an amount names, and the words the inbox's completions offer.
import { doseOffer } from '../../core/doseOffer';
import type { LedgerView } from '../../core/inbox/ledger';
import type { OwnSymptom } from '../../core/inbox/types';
import type { LocalDate } from '../../core/time';
import { LIVE } from '../live';
import { ownSymptoms, recentTags } from './journal';
import { taperSteps } from './plan';
import type { JournalReader } from './reader';

export function inboxLedger(store: JournalReader): LedgerView {
  return {
    byId: (id) => store.get('inbox_lines', id),
    liveByTimeId: (timeId) => store.select('inbox_lines', `${LIVE} AND time_id = ?`, [timeId]),
    row: (table, id) => store.get(table, id)
  };
}

/**
 * The dose in force on `date`, as the palette's "Skipped this dose" item names it: the dose it would
 * offer, else the step in force, else the day's last logged intake; null when nothing is known.
 */
export function doseInForce(store: JournalReader, date: LocalDate, fallback: number | null): number | null {
  const offer = doseOffer({ doses: store.select('doses', LIVE, [], 'ORDER BY at'), steps: taperSteps(store), today: date, fallback });
  return offer.offered ?? offer.previous ?? offer.loggedToday[offer.loggedToday.length - 1]?.mg ?? null;
}

/** The user's own symptoms and recent tags, for the inbox's reader and its completions. */
export function inboxWords(store: JournalReader): { ownSymptoms: OwnSymptom[]; tags: string[] } {
  return { ownSymptoms: ownSymptoms(store), tags: recentTags(store, 30) };
}
