// What the read models need from the store: validated, typed reads. Code outside src/storage reads
// through the read models and writes through the journal actions, never through SQL of its own.
import type { JournalStore } from '../journalStore';

export type JournalReader = Pick<JournalStore, 'select' | 'get' | 'query'>;
