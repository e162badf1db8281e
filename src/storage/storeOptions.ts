// What a journal store is opened with, and the names of the files it keeps beside the snapshot.
import type { SqlJsStatic } from 'sql.js';
import type { LocalDate } from '../core/time';
import type { DataKey } from './crypto/dataKey';
import type { JournalFiles } from './files';
import type { WorkerOption } from './storageWorker';

export const LOCK_NAME = 'journal.sqlite.lock';
export const BACKUP_DIR = 'backups';

export type Logger = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface StoreOptions {
  dir: string;
  sql: SqlJsStatic;
  files?: JournalFiles;
  log?: Logger;
  now?: () => number;
  /** The user's current calendar date, for naming backups. */
  today?: () => LocalDate;
  /** Compact after this much idle time following a write. */
  compactAfterMs?: number;
  /** Compact promptly once the log passes this size. */
  compactLogBytes?: number;
  /** Try to become the window that compacts (false: append only, e.g. read-mostly tools). */
  writer?: boolean;
  backups?: boolean;
  /**
   * This machine's id (1-32 lowercase letters and digits); it names the op log this machine
   * appends to. Defaults to a checksum of the host name.
   */
  machine?: string;
  /** How often changes kept in memory on a full disk are retried (also on every write). */
  retryUnsavedMs?: number;
  /** The thread that checks and hashes snapshots and backups (see WorkerOption). */
  worker?: WorkerOption;
  /**
   * The data key, unlocked by the caller from the key file (readKeyFile): needed when the folder
   * holds journal.key, else open throws JournalLockedError. Without a key file it is not used.
   */
  dataKey?: DataKey;
}
