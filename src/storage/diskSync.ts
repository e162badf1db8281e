// Catching the in-memory journal up with its folder: new records in every machine's log, a snapshot
// another window or a sync tool replaced (merged row by row, or reloaded when a backup was restored
// there), and sync tools' conflict copies. Remembers what it last took from disk.
import * as path from 'path';
import type { Database, SqlJsStatic } from 'sql.js';
import { TABLE_NAMES, type Op, type TableName } from '../core/schemas';
import type { Backups } from './backups';
import type { ConflictCopies } from './conflictCopies';
import { isLaterEpoch, readEpoch, writeEpoch, type Epoch } from './epoch';
import { isDiskFull, SymlinkError } from './fileErrors';
import type { FileIdentity, JournalFiles } from './files';
import { adoptIdentity, identitiesIn, readIdentity } from './journalIdentity';
import type { JournalRows } from './journalRows';
import type { LogSet } from './logSet';
import { migrate } from './migrations';
import type { Sealing } from './sealing';
import { quarantine, sameFile, SNAPSHOT_NAME } from './snapshotFiles';
import { CorruptJournalError } from './snapshotLoad';
import type { StoreEvents } from './storeEvents';
import { readAllOps } from './tables';
import type { Logger } from './storeOptions';

/** What the sync works with: the store's parts, and the store's own steps it calls back. */
export interface SyncParts {
  dir: string;
  sql: SqlJsStatic;
  files: JournalFiles;
  rows: JournalRows;
  logs: LogSet;
  sealing: Sealing;
  copies: ConflictCopies;
  backups: Backups;
  events: StoreEvents;
  log: Logger;
  now: () => number;
  /** False when this store writes no backups. */
  writesBackups: boolean;
  isWriter(): boolean;
  /** This machine's logs hold this many bytes in all (read just now). */
  ownLogBytes(bytes: number): void;
  /** Appends a record to this machine's log, durably, and counts it towards the next compaction. */
  appendRecord(record: Uint8Array): Promise<void>;
  scheduleCompaction(): void;
}

export class DiskSync {
  readonly snapshotPath: string;
  /** The snapshot file this window last read or wrote; another one on disk is merged. */
  snapshotId: FileIdentity | undefined;
  epoch: Epoch | undefined;
  /** The snapshot on disk is damaged: it is not merged, and compaction waits. */
  blocked: CorruptJournalError | undefined;
  /** Other machines' logs found holding plaintext records while the journal is encrypted (encryption.ts). */
  readonly plainLogs = new Set<string>();
  /** Files whose unreadable encrypted records were reported, by name → count. */
  private readonly toldKept = new Map<string, number>();

  constructor(private readonly p: SyncParts) {
    this.snapshotPath = path.join(p.dir, SNAPSHOT_NAME);
  }

  /**
   * Reads what is new in every log, then merges the snapshot if another window or a sync tool has
   * replaced it. A change moves from the live log, to a compacting log, to the snapshot, in that
   * order; reading them in the same order means none is missed while another window compacts.
   */
  async catchUp(tables: Set<TableName>): Promise<void> {
    await this.readLogs(tables);
    const id = await this.p.files.identity(this.snapshotPath);
    if (id && !sameFile(id, this.snapshotId)) await this.mergeSnapshotFromDisk(tables);
  }

  /** What is new in every machine's log (live, and any left by a compaction that was interrupted). */
  async readLogs(tables: Set<TableName>): Promise<void> {
    this.p.ownLogBytes(await this.p.logs.readNew((file, bytes) => this.applyLogBytes(file, bytes, tables)));
  }

  /**
   * Folds sync tools' conflict copies in, durably, and moves them to merged/; clears copies of the
   * fingerprint. Returns the error when the disk was full: the copies' rows are shown at once, and
   * recorded (then moved) on a later pass.
   */
  async mergeConflictCopies(tables: Set<TableName>): Promise<unknown> {
    const { rows, events } = this.p;
    const outcome = await this.p.copies.merge({
      winners: (changes, orHeld) => {
        const valid = changes.map((ops) => rows.valid(ops));
        const winners: Op[] = [];
        const outranked: Op[] = [];
        rows.apply(valid, { winners, notApplied: orHeld ? outranked : undefined, dryRun: true });
        return orHeld ? valid.flat().filter((op) => !outranked.includes(op)) : winners;
      },
      record: async (ops) => {
        await this.p.appendRecord(this.p.sealing.encodeChange(ops));
        for (const t of rows.apply([ops])) tables.add(t);
      },
      show: (ops) => {
        for (const t of rows.apply([ops])) tables.add(t);
      }
    }, this.p.sealing.on ? [...this.plainLogs] : []);
    for (const file of [...this.plainLogs]) if (!(await this.p.files.identity(file))) this.plainLogs.delete(file);
    if (outcome.link) events.link(outcome.link);
    if (outcome.epoch && isLaterEpoch(outcome.epoch, this.epoch)) {
      // A restore made on another machine, whose snapshot lost the file name to an older one: its
      // rows are merged above (they outrank the old ones); record its epoch and say so.
      writeEpoch(rows.db, outcome.epoch);
      this.epoch = outcome.epoch;
      events.notice({ kind: 'restored-elsewhere' });
    }
    if (outcome.moved > 0) {
      events.notice({ kind: 'merged-copies', count: outcome.moved, folder: this.p.copies.mergedDir });
      this.p.scheduleCompaction();
    }
    return outcome.diskFull;
  }

  /** The window that writes backups clears sync tools' copies of them (see Backups.settleCopies). */
  async settleBackupCopies(): Promise<void> {
    if (!this.p.isWriter() || !this.p.writesBackups) return;
    try {
      const settled = await this.p.backups.settleCopies();
      if (settled.length > 0) this.p.log('info', `Cleared ${settled.length} sync conflict cop(ies) of backups: ${settled.join(', ')}`);
    } catch (e) {
      // Tried again on the next refresh; a link is named to the user.
      this.p.events.link(e);
      if (!isDiskFull(e) && !(e instanceof SymlinkError)) throw e;
    }
  }

  /** The journal in memory becomes `db`, of `epoch` (a restore here or elsewhere). */
  replaceDb(db: Database, epoch: Epoch | undefined): void {
    this.p.rows.replace(db);
    this.epoch = epoch;
  }

  /** Applies every intact record in one transaction; returns the bytes fully consumed. */
  private applyLogBytes(file: string, bytes: Uint8Array, tables: Set<TableName>): number {
    const { rows } = this.p;
    const decoded = this.p.sealing.decodeLog(bytes);
    if (decoded.badRecords > 0) {
      this.p.log('warn', `Ignored ${decoded.badRecords} damaged record(s) in ${file} (a write cut short by a crash leaves one).`);
    }
    if (decoded.keptRecords > 0) this.reportKept(file, decoded.keptRecords);
    if (decoded.plainRecords > 0 && this.p.sealing.on) {
      // Plaintext in an encrypted journal: our own log is rewritten by the next compaction; another
      // machine's is merged and sealed into merged/ (encryption.ts).
      if (this.p.logs.ownsFile(file)) this.p.scheduleCompaction();
      else this.plainLogs.add(file);
    }
    for (const t of rows.apply(decoded.changes.map((ops) => rows.valid(ops)))) tables.add(t);
    for (const identity of identitiesIn(decoded.changes)) adoptIdentity(rows.db, identity);
    return decoded.consumed;
  }

  /** Encrypted records this key cannot read are kept in their file and named to the user once per file. */
  private reportKept(file: string, count: number): void {
    const before = this.toldKept.get(file) ?? 0;
    this.toldKept.set(file, before + count);
    this.p.log('warn', `Kept ${count} encrypted record(s) in ${file} that this journal's key cannot open; they are not applied and not removed.`);
    if (before === 0) this.p.events.notice({ kind: 'unreadable-encrypted', file, count, reason: this.p.sealing.dataKey ? 'foreign-key' : 'locked' });
  }

  /** Another window or a sync tool replaced the snapshot: take every row it has that is newer. */
  private async mergeSnapshotFromDisk(tables: Set<TableName>): Promise<void> {
    const { files, rows } = this.p;
    const id = await files.identity(this.snapshotPath);
    const bytes = await files.read(this.snapshotPath);
    if (!bytes) return;
    const check = this.p.sealing.openSnapshot(this.p.sql, 'snapshot', bytes);
    if (!check.ok) {
      if (!this.blocked) {
        const copy = await quarantine(files, this.snapshotPath, this.p.now);
        this.blocked = new CorruptJournalError(this.snapshotPath, copy, check.problem, check.detail);
        this.p.log('error', `${this.blocked.message} It was copied to ${copy}. Compaction is paused; every change stays in the log.`);
      }
      return;
    }
    const other = check.db;
    let adopted = false;
    try {
      migrate(other);
      const epoch = readEpoch(other);
      const [mine, theirs] = [readIdentity(rows.db), readIdentity(other)];
      if (isLaterEpoch(epoch, this.epoch)) {
        adopted = true; // the store owns `other` from here on
        await this.reload(other, epoch, tables);
        if (mine) adoptIdentity(rows.db, mine);
      } else {
        for (const t of rows.apply(readAllOps(other).map((ops) => rows.valid(ops)))) tables.add(t);
        if (theirs) adoptIdentity(rows.db, theirs);
      }
    } finally {
      if (!adopted) other.close();
    }
    this.snapshotId = id;
    this.blocked = undefined;
    // A plaintext snapshot arrived by sync into an encrypted journal: the next compaction replaces it.
    if (this.p.sealing.on && !check.sealed) this.p.scheduleCompaction();
  }

  /**
   * A backup was restored in another window (a later epoch on disk): take the restored journal as
   * it is, then every log on top, rather than merging this window's rows back into it.
   */
  private async reload(db: Database, epoch: Epoch | undefined, tables: Set<TableName>): Promise<void> {
    this.replaceDb(db, epoch);
    for (const t of TABLE_NAMES) tables.add(t);
    this.p.logs.reset();
    await this.readLogs(tables);
    this.p.log('info', 'The journal was restored from a backup in another window; reloaded it from disk.');
    this.p.events.notice({ kind: 'restored-elsewhere' });
  }
}
