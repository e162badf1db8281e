// What the read models need from the store: validated, typed reads. Code outside src/storage reads
// through the read models and writes through the journal actions, never through SQL of its own.
// The finished views also need a few settings: the same getters as services/settings.ts, named here
// so no read model depends on VS Code. Their shapes are the pages' wire types (src/webviews/…,
// inferred from the zod schemas both sides check), imported as types only: erased at build, so a
// read model never loads webview code, and tsc holds each view to its schema.
import type { CrisisResource } from '../../core/safety';
import type { JournalStore } from '../journalStore';

export type JournalReader = Pick<JournalStore, 'select' | 'get' | 'query'>;

export interface ViewSettings {
  medicationName(): string;
  unit(): string;
  defaultDose(): number | null;
  moodLabels(): readonly string[];
  supportResources(): CrisisResource[];
  checkupIntervalDays(): number;
  symptomReviewEnabled(): boolean;
}
