// A change made in this window: validated, stamped as a local edit, fsync'd to this machine's log,
// then applied in memory and announced ('write'). On a full disk it waits in memory (unsaved.ts)
// and is written, before any later change, as soon as there is room.
import { validateRow, type Op } from '../core/schemas';
import { stampLocalEdits } from './clockStamp';
import { DiskFullError } from './fileErrors';
import type { FileIdentity, JournalFiles } from './files';
import { identityOps, readIdentity } from './journalIdentity';
import type { JournalRows } from './journalRows';
import type { LogSet } from './logSet';
import { readChange } from './keyFolder';
import { KEY_CHANGE_NAME, KEY_FILE_NAME } from './safePaths';
import type { Sealing } from './sealing';
import type { StoreEvents } from './storeEvents';
import type { Logger } from './storeOptions';
import { UnsavedChanges } from './unsaved';
import type { WriteOptions, WriteResult } from './writeResult';

export interface WriteParts {
  dir: string;
  files: JournalFiles;
  rows: JournalRows;
  logs: LogSet;
  sealing: Sealing;
  events: StoreEvents;
  log: Logger;
  retryMs: number;
  /** Bytes the journal takes on disk now: the snapshot and what is not folded into it yet. */
  footprint(): number;
  /** A record of `bytes` is durable in this machine's log, to be folded into the snapshot. */
  recorded(bytes: number): void;
  scheduleCompaction(): void;
}

export class LocalWrites {
  readonly unsaved: UnsavedChanges<WriteResult>;
  /** The id was made in this session and is in no file yet: it goes with the next record, or the next snapshot. */
  identityUnrecorded = false;
  /** The folder itself could not be created (a full disk); it is created before the first append. */
  folderMissing = false;

  constructor(private readonly p: WriteParts) {
    this.unsaved = new UnsavedChanges({
      append: (record) => this.append(record),
      commit: (ops, record, at) => this.commit(ops, record, at),
      describe: (cause, count, bytes) => this.diskFull(cause, count, bytes),
      retryMs: p.retryMs,
      onError: (message) => p.log('error', message)
    });
  }

  /** See JournalStore.write. */
  save(ops: Op[], options: WriteOptions): Promise<WriteResult> {
    const valid = ops.map(checked);
    const stamped = options.keepStamps ? valid : stampLocalEdits(valid, (op) => this.p.rows.currentStamp(op)).map(checked);
    const identity = this.identityUnrecorded ? readIdentity(this.p.rows.db) : undefined;
    return this.unsaved.save(stamped, this.p.sealing.encodeChange(identity ? [...stamped, ...identityOps(identity)] : stamped));
  }

  /** Appends to this machine's log, first creating the folder if a full disk kept it from being made. */
  async append(record: Uint8Array): Promise<FileIdentity | undefined> {
    const { files } = this.p;
    if (this.folderMissing) {
      await files.mkdirp(this.p.dir);
      this.folderMissing = false;
    }
    await files.appendDurable(this.p.logs.ownPath, record);
    if (this.p.sealing.on && isSealedRecord(record)) await this.unsealIfTurnedOff(record);
    // Tells the log set whether the record lies right after what it read (LogSet.appended).
    return files.lastAppend?.(this.p.logs.ownPath);
  }

  /**
   * Another window began turning encryption off, perhaps after this record was sealed: its key file
   * may go before this window follows, and a record sealed with it would then need a key no one asks
   * for. The same change (records are idempotent) is appended again as plaintext before it counts.
   * The check comes after the append, so a window turning off that scans after writing its marker
   * either sees the sealed record (and folds it with the key) or this window sees the marker.
   */
  private async unsealIfTurnedOff(record: Uint8Array): Promise<void> {
    const { files, dir, sealing } = this.p;
    // One listing in the usual case (the key file there, no change under way): cheaper than two lookups.
    const names = await files.list(dir);
    if (names.includes(KEY_FILE_NAME) && (!names.includes(KEY_CHANGE_NAME) || (await readChange(files, dir)) !== 'off')) return;
    const key = sealing.dataKey;
    const [ops] = sealing.decodeLog(record).changes;
    sealing.use(key, false);
    if (ops) await files.appendDurable(this.p.logs.ownPath, sealing.encodeChange(ops));
  }

  /** A change whose record is durable in the log: apply it in memory and tell listeners. */
  private commit(stamped: Op[], record: Uint8Array, at: FileIdentity | void): WriteResult {
    this.p.recorded(record.length);
    this.identityUnrecorded = false;
    const notApplied: Op[] = [];
    const tables = this.p.rows.apply([stamped], { notApplied });
    this.p.logs.appended(record.length, at);
    this.p.events.emit({ tables, source: 'local', reason: 'write' });
    this.p.scheduleCompaction();
    if (notApplied.length > 0) {
      this.p.log('warn', `${notApplied.length} of ${stamped.length} change(s) did not apply; a newer version is already in the journal: ${notApplied.map((o) => `${o.table} ${o.row.id}`).join(', ')}`);
    }
    return { applied: stamped.filter((op) => !notApplied.includes(op)), notApplied };
  }

  private async diskFull(cause: unknown, unsaved: number, unsavedBytes: number): Promise<DiskFullError> {
    const free = await this.p.files.freeSpace?.(this.p.dir).catch(() => undefined);
    // A compaction writes a whole new snapshot beside the old one before removing anything.
    const needed = Math.max(this.p.footprint() + unsavedBytes, 1024 * 1024);
    this.p.log('error', `The disk is full (${(cause as NodeJS.ErrnoException).code}); ${unsaved} change(s) wait in memory.`);
    return new DiskFullError(this.p.dir, free, needed, unsaved, cause);
  }
}

/** A sealed op-log record ("\nmdje:…"), told from a plaintext one by its first letter after the newline. */
function isSealedRecord(record: Uint8Array): boolean {
  return record[1] === 0x6d; // 'm': plaintext records start with a hex checksum
}

/** The op with its row validated; throws BadRowError, naming table and id, when it is invalid. */
function checked(op: Op): Op {
  return { table: op.table, row: validateRow(op.table, op.row) } as Op;
}
