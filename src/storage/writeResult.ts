// What a write reports back, and the other outcomes of the store that its callers must act on.
import type { Op } from '../core/schemas';

export interface WriteOptions {
  /** Keep the rows' own updatedAt (rows made elsewhere, e.g. an import) instead of stamping them as local edits. */
  keepStamps?: boolean;
}

export interface WriteResult {
  /** The ops as written; local edits carry their new stamps. */
  applied: Op[];
  /** Ops that changed nothing: a newer version of the same row is already in the journal. */
  notApplied: Op[];
}

/** Things the user should hear about once; the service turns each into one message. */
export type StoreNotice =
  | { kind: 'restored-elsewhere' }
  | { kind: 'merged-copies'; count: number; folder: string }
  /** The disk was full while the journal opened: everything is shown, new entries wait in memory. */
  | { kind: 'read-only'; dir: string; freeBytes: number | undefined; neededBytes: number }
  /** A link where the journal writes stopped a write (a compaction, a backup, a merge). */
  | { kind: 'link'; file: string; target: string | undefined }
  /**
   * Encrypted records or files this store cannot read (another data key: another machine turned
   * encryption on while apart; or a newer format): kept, never removed, not applied.
   */
  | { kind: 'unreadable-encrypted'; file: string; count: number; reason: 'foreign-key' | 'newer-format' | 'locked' };

/** Only the window holding the writer lock may restore a backup. */
export class NotWriterError extends Error {
  constructor() {
    super('Another window is writing to this journal.');
    this.name = 'NotWriterError';
  }
}
