// The journal on disk: an SQLite snapshot (sql.js, in memory) plus append-only op logs, one per
// machine. A change is acknowledged only after its log record is fsync'd, so a crash can never lose
// it; compaction folds the logs into a new snapshot in the background, at a cost independent of the
// number of check-ins the user makes.
import * as os from 'os';
import * as path from 'path';
import type { Database, SqlJsStatic } from 'sql.js';
import { errorForLog } from '../core/logSafely';
import { BadRowError, TABLE_NAMES, validateRow, type Op, type RowTypes, type TableName } from '../core/schemas';
import type { LocalDate } from '../core/time';
import { Backups } from './backups';
import { stampLocalEdits } from './clockStamp';
import type { SnapshotChecker } from './checks';
import { writeVerifiedSnapshot } from './compaction';
import { CompactionTimer } from './compactionTimer';
import { ConflictCopies } from './conflictCopies';
import { isLaterEpoch, nextEpoch, readEpoch, writeEpoch, type Epoch } from './epoch';
import { adoptIdentity, identitiesIn, identityOps, mintIdentity, readIdentity, type JournalIdentity } from './journalIdentity';
import { DiskFullError, isDiskFull, SymlinkError } from './fileErrors';
import type { FileIdentity, JournalFiles } from './files';
import { LogSet, machineIdFromHost } from './logSet';
import { migrate, SCHEMA_VERSION } from './migrations';
import { NodeFiles } from './nodeFiles';
import { decodeLog, encodeChange } from './opLog';
import { applyRestore, beforeRestorePath, planRestore } from './restore';
import { openSnapshot } from './snapshotCheck';
import { quarantine, sameFile, SNAPSHOT_NAME } from './snapshotFiles';
import { confirmTrust, CorruptJournalError, DamageGuard, loadSnapshot } from './snapshotLoad';
import { storageChecker, type WorkerOption } from './storageWorker';
import { JournalRows } from './journalRows';
import { readAllOps, type SqlValue } from './tables';
import { UnsavedChanges, type UnsavedState } from './unsaved';
import { NotWriterError, type StoreNotice, type WriteOptions, type WriteResult } from './writeResult';
import { WriterLock } from './writerLock';
import { WriterRole, type RoleChange } from './writerRole';
import { StoreEvents, type ChangeEvent } from './storeEvents';

export { HASH_NAME, quarantine, replaceSnapshot, SNAPSHOT_NAME } from './snapshotFiles';
export { LEGACY_LOG_NAME, logName } from './logSet';
export { MERGED_DIR } from './conflictCopies';
export { NotWriterError, type StoreNotice, type WriteOptions, type WriteResult } from './writeResult';
export { DiskFullError, SymlinkError } from './fileErrors';
export { CorruptJournalError } from './snapshotLoad';
export type { UnsavedState } from './unsaved';
export type { ChangeEvent } from './storeEvents';

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
}

export class JournalStore {
  readonly snapshotPath: string;
  readonly logPath: string;
  readonly backupDir: string;
  private readonly files: JournalFiles;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly role: WriterRole;
  private readonly rows: JournalRows;
  private readonly events: StoreEvents;
  private readonly logs: LogSet;
  private readonly copies: ConflictCopies;
  private epoch: Epoch | undefined;
  private readonly backups: Backups;
  private readonly unsaved: UnsavedChanges<WriteResult>;
  private snapshotId: FileIdentity | undefined;
  private appendedSinceCompaction = 0;
  private readonly compaction: CompactionTimer;
  private readonly checker: SnapshotChecker;
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private blocked: CorruptJournalError | undefined;
  /** Turns SQLite's "malformed" into recovery; nothing is compacted from a damaged database. */
  private readonly guard: DamageGuard;
  /** Settles once a snapshot trusted by its identity has had its hash checked; compaction waits. */
  private trustConfirmed: Promise<void> = Promise.resolve();
  private closed = false;
  /** The id was made in this session and is in no file yet: it goes with the next record, or the next snapshot. */
  private identityUnrecorded = false;
  /** The folder itself could not be created (a full disk); it is created before the first append. */
  private folderMissing = false;

  private constructor(
    private readonly opts: StoreOptions,
    db: Database
  ) {
    this.files = opts.files ?? new NodeFiles();
    this.log = opts.log ?? (() => undefined);
    this.now = opts.now ?? Date.now;
    this.events = new StoreEvents((m) => this.log('error', m));
    this.guard = new DamageGuard(this.files, opts.dir, (m) => this.log('error', m));
    this.rows = new JournalRows(db, (e) => this.reportBadRow(e), (m) => this.log('warn', m), this.guard);
    this.snapshotPath = path.join(opts.dir, SNAPSHOT_NAME);
    this.logs = new LogSet(this.files, opts.dir, opts.machine ?? machineIdFromHost(os.hostname()));
    this.logPath = this.logs.ownPath;
    this.backupDir = path.join(opts.dir, BACKUP_DIR);
    this.copies = new ConflictCopies(this.files, opts.dir, opts.sql, (m) => this.log('warn', m));
    this.role = new WriterRole(opts.writer === false ? undefined : new WriterLock(this.files, path.join(opts.dir, LOCK_NAME), { now: this.now }));
    this.checker = storageChecker(opts.sql, opts.worker);
    this.backups = new Backups(this.files, this.checker, this.backupDir);
    this.compaction = new CompactionTimer(
      () =>
        this.compact().catch((e) => {
          this.events.link(e);
          this.log('error', `Compaction failed; changes stay safe in the log: ${errorForLog(e)}`);
        }),
      opts.compactAfterMs ?? 3000,
      opts.compactLogBytes ?? 512 * 1024
    );
    this.unsaved = new UnsavedChanges({
      append: (record) => this.append(record),
      commit: (ops, record, at) => this.commit(ops, record, at),
      describe: (cause, count, bytes) => this.diskFull(cause, count, bytes),
      retryMs: opts.retryUnsavedMs ?? 15_000,
      onError: (message) => this.log('error', message)
    });
  }

  /**
   * Opens the journal in `dir`, creating it if absent. Throws CorruptJournalError, after copying the
   * bad file aside, when the snapshot is not a journal this version can read.
   */
  static async open(opts: StoreOptions): Promise<JournalStore> {
    const files = opts.files ?? new NodeFiles();
    files.protect?.(opts.dir); // no link is followed anywhere in the data folder (safePaths.ts)
    const info = (m: string) => opts.log?.('info', m);
    const loaded = await loadSnapshot(files, opts.sql, opts.dir, [path.join(opts.dir, BACKUP_DIR)], opts.now ?? Date.now, info);
    const { db, identity, existed } = loaded;
    const store = new JournalStore({ ...opts, files }, db);
    const from = migrate(db);
    if (from !== SCHEMA_VERSION) store.log('info', `Journal schema upgraded from version ${from} to ${SCHEMA_VERSION}.`);
    store.snapshotId = identity;
    store.epoch = readEpoch(db);
    store.folderMissing = loaded.diskFull !== undefined;
    const tables = new Set<TableName>();
    await store.readLogs(tables);
    // Reading needs no room on the disk; on a full disk the journal opens read-only, in full.
    let full = loaded.diskFull ?? (await store.mergeConflictCopies(tables));
    try {
      store.identityUnrecorded = mintIdentity(db, store.now()) !== undefined;
    } catch {
      // A snapshot damaged where its id is: the damage is found and reported on the usual paths.
    }
    if (!full && store.role.hasLock) {
      const role = await store.tryBecomeWriter();
      full = role.diskFull;
      if (role.acquired) await store.settleBackupCopies();
      // Fold what an earlier session left in the log (or a migration) into the snapshot soon.
      if (role.acquired && (!existed || from !== SCHEMA_VERSION || store.appendedSinceCompaction > 0)) store.scheduleCompaction(0);
    }
    if (full) await store.openedReadOnly(full);
    // After the caller has the store (and its listeners): hashing must not delay the open.
    store.trustConfirmed = new Promise((r) => setTimeout(r, 0))
      .then(() => confirmTrust(files, opts.dir, loaded, store.guard))
      .catch((e) => store.log('warn', `Could not confirm the snapshot's fingerprint: ${errorForLog(e)}`));
    return store;
  }

  /** Which journal this is, whatever machine or copy it is read from (journalIdentity.ts). */
  get identity(): JournalIdentity | undefined {
    return readIdentity(this.rows.db);
  }

  get isWriter(): boolean {
    return this.role.isWriter;
  }

  /** Non-null while the snapshot (on disk, or as loaded) is damaged; compaction waits. */
  get problem(): CorruptJournalError | undefined {
    return this.guard.damaged ?? this.blocked;
  }

  /** Changes kept in memory because the disk is full, and why. */
  get unsavedState(): UnsavedState {
    return this.unsaved.state;
  }

  onUnsavedChange(listener: (s: UnsavedState) => void): () => void {
    return this.unsaved.onChange(listener);
  }

  /** Writes the changes kept in memory on a full disk; true when none wait any more. */
  retryUnsaved(): Promise<boolean> {
    return this.unsaved.retry();
  }

  /** SQLite reported the loaded journal damaged while running: it must be closed and recovered. */
  onCorrupt(listener: (e: CorruptJournalError) => void): () => void {
    return this.guard.onDamage(listener);
  }

  onDidChange(listener: (e: ChangeEvent) => void): () => void {
    return this.events.onDidChange(listener);
  }

  onBadRow(listener: (e: BadRowError) => void): () => void {
    return this.events.onBadRow(listener);
  }

  /** Things to tell the user once; those raised while opening reach the first listener. */
  onNotice(listener: (n: StoreNotice) => void): () => void {
    return this.events.onNotice(listener);
  }

  /**
   * Durably records one change (one or more rows, applied together). Resolves after the record is
   * fsync'd to the log and applied in memory; rejects, changing nothing, if a row is invalid. Each
   * row is stamped as a local edit (see clockStamp.ts) unless `keepStamps`; the result lists any op
   * that changed nothing because a newer version of its row is already here. Callers must tell the
   * user about those.
   * On a full disk it rejects with DiskFullError: the change is kept in memory and written (then
   * applied) as soon as a retry succeeds, before any later change. See onUnsavedChange.
   */
  async write(ops: Op[], options: WriteOptions = {}): Promise<WriteResult> {
    if (this.closed) throw new Error('The journal is closed.');
    if (ops.length === 0) return { applied: [], notApplied: [] };
    const valid = ops.map((op) => this.checked(op));
    const stamped = options.keepStamps ? valid : stampLocalEdits(valid, (op) => this.rows.currentStamp(op)).map((op) => this.checked(op));
    const identity = this.identityUnrecorded ? this.identity : undefined;
    return this.unsaved.save(stamped, encodeChange(identity ? [...stamped, ...identityOps(identity)] : stamped));
  }

  /** A change whose record is durable in the log: apply it in memory and tell listeners. */
  private commit(stamped: Op[], record: Uint8Array, at: FileIdentity | void): WriteResult {
    this.appendedSinceCompaction += record.length;
    this.identityUnrecorded = false;
    const notApplied: Op[] = [];
    const tables = this.rows.apply([stamped], { notApplied });
    this.logs.appended(record.length, at);
    this.events.emit({ tables, source: 'local' });
    this.scheduleCompaction();
    if (notApplied.length > 0) {
      this.log('warn', `${notApplied.length} of ${stamped.length} change(s) did not apply; a newer version is already in the journal: ${notApplied.map((o) => `${o.table} ${o.row.id}`).join(', ')}`);
    }
    return { applied: stamped.filter((op) => !notApplied.includes(op)), notApplied };
  }

  /** Appends to this machine's log, first creating the folder if a full disk kept it from being made. */
  private async append(record: Uint8Array): Promise<FileIdentity | undefined> {
    if (this.folderMissing) {
      await this.files.mkdirp(this.opts.dir);
      this.folderMissing = false;
    }
    await this.files.appendDurable(this.logPath, record);
    // Tells the log set whether the record lies right after what it read (LogSet.appended).
    return this.files.lastAppend?.(this.logPath);
  }

  /** The disk was full while the journal opened: say so once; the lock is tried again later. */
  private async openedReadOnly(cause: unknown): Promise<void> {
    this.role.becomeReadOnly(cause);
    const free = await this.files.freeSpace?.(this.opts.dir).catch(() => undefined);
    const needed = Math.max((this.snapshotId?.size ?? 0) + this.appendedSinceCompaction, 1024 * 1024);
    this.log('error', `The disk is full (${(cause as NodeJS.ErrnoException).code}): the journal opened read-only; new entries wait in memory until there is room.`);
    this.events.notice({ kind: 'read-only', dir: this.opts.dir, freeBytes: free, neededBytes: needed });
  }

  /** Takes the writer lock (or room on the disk again) when it can. */
  private async tryBecomeWriter(heartbeat = false): Promise<RoleChange> {
    const change = heartbeat ? await this.role.heartbeat() : await this.role.tryBecome();
    if (change.recovered) {
      this.log('info', 'There is room on the disk again; this window writes the journal.');
      if (this.appendedSinceCompaction > 0) this.scheduleCompaction();
    }
    return change;
  }

  private async diskFull(cause: unknown, unsaved: number, unsavedBytes: number): Promise<DiskFullError> {
    const free = await this.files.freeSpace?.(this.opts.dir).catch(() => undefined);
    // A compaction writes a whole new snapshot beside the old one before removing anything.
    const needed = Math.max((this.snapshotId?.size ?? 0) + this.appendedSinceCompaction + unsavedBytes, 1024 * 1024);
    this.log('error', `The disk is full (${(cause as NodeJS.ErrnoException).code}); ${unsaved} change(s) wait in memory.`);
    return new DiskFullError(this.opts.dir, free, needed, unsaved, cause);
  }

  put<T extends TableName>(table: T, row: RowTypes[T], options?: WriteOptions): Promise<WriteResult> {
    return this.write([{ table, row } as Op], options);
  }

  /** Rows of `table` matching an optional SQL condition, validated; bad rows are reported, not returned. */
  select<T extends TableName>(table: T, where = '', params: SqlValue[] = [], tail = ''): RowTypes[T][] {
    return this.rows.select(table, where, params, tail);
  }

  get<T extends TableName>(table: T, id: string): RowTypes[T] | undefined {
    return this.rows.select(table, 'id = ?', [id])[0];
  }

  /** A read-only query for aggregates; returns plain value rows. Never use it to change rows. */
  query(sql: string, params: SqlValue[] = []): SqlValue[][] {
    return this.rows.query(sql, params);
  }

  integrityCheck(): string {
    return String(this.rows.query('PRAGMA integrity_check')[0]?.[0] ?? '');
  }

  /**
   * Picks up changes made by other windows or synced in from outside: a replaced snapshot is merged
   * row by row (newer updated_at wins) and new log records are applied. Returns true if rows changed.
   */
  refresh(): Promise<boolean> {
    return this.exclusive(async () => {
      if (this.closed) return false;
      // A change moves from the live log, to a compacting log, to the snapshot, in that order;
      // reading them in the same order means none is missed while another window compacts.
      const tables = new Set<TableName>();
      try {
        await this.readLogs(tables);
        const id = await this.files.identity(this.snapshotPath);
        if (id && !sameFile(id, this.snapshotId)) await this.mergeSnapshotFromDisk(tables);
        await this.mergeConflictCopies(tables);
        if (!this.isWriter && (await this.tryBecomeWriter()).acquired && this.role.hasLock) this.scheduleCompaction(0);
        await this.settleBackupCopies();
      } catch (e) {
        this.events.link(e);
        throw e;
      }
      if (tables.size > 0) this.events.emit({ tables, source: 'external' });
      return tables.size > 0;
    });
  }

  /** Writes a new snapshot and clears the log (even while held). Only the window holding the writer lock does this. */
  compact(): Promise<void> {
    this.compaction.cancel();
    return this.exclusive(() => this.checker.hold(() => this.compactNow()));
  }

  /**
   * Holds compaction while a long write runs (an import): none starts until every hold is released
   * (holds nest), then one is scheduled as usual. Every change is still durable in the log before
   * its write resolves. Call the returned release once, in a finally.
   */
  holdCompaction(): () => void {
    const release = this.compaction.hold();
    return () => {
      if (release() && this.appendedSinceCompaction > 0) this.scheduleCompaction();
    };
  }

  /** Keeps the writer lock alive; call every few seconds. Returns whether this window is the writer. */
  async heartbeat(): Promise<boolean> {
    if (this.closed) return this.isWriter;
    return (await this.tryBecomeWriter(true)).acquired;
  }

  /** Compacts if this is the writer, releases the lock and frees memory. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.compaction.cancel();
    if (!(await this.unsaved.retry())) {
      this.log('error', `Closing with ${this.unsaved.state.count} change(s) that could not be saved: the disk is full.`);
    }
    this.unsaved.dispose();
    await this.guard.forgetting;
    await this.exclusive(async () => {
      await this.compactNow().catch((e) => this.log('error', `Final compaction failed; the log keeps every change: ${errorForLog(e)}`));
      this.closed = true;
    });
    await this.role.release();
    await this.checker.close();
    this.rows.close();
    this.files.dispose?.();
  }

  /** The newest backup that opens and passes PRAGMA quick_check, if any. */
  async latestBackup(): Promise<string | undefined> {
    return (await this.backups.valid())[0]?.path;
  }

  /**
   * Replaces the journal with a backup, as a new epoch (see restore.ts): other windows reload it
   * instead of merging, and no copy of the old rows can bring them back. The journal as it was,
   * with everything this window can see, is kept next to it first; returns that file's path.
   * Entries written anywhere after this (even by a window that has not noticed yet) are kept.
   */
  restoreFrom(backupPath: string): Promise<string> {
    return this.exclusive(async () => {
      if (this.closed) throw new Error('The journal is closed.');
      if (!(await this.tryBecomeWriter()).acquired) throw new NotWriterError();
      const bytes = await this.files.read(backupPath);
      if (!bytes) throw new Error(`The backup ${backupPath} no longer exists.`);
      const check = openSnapshot(this.opts.sql, bytes);
      if (!check.ok) throw new Error(`The backup ${backupPath} cannot be used: ${check.detail}.`);
      const restored = check.db;
      try {
        const now = this.now();
        const pending = await this.logs.beginCompaction(`${now}-${process.pid}`);
        const tables = new Set<TableName>(TABLE_NAMES);
        await this.readLogs(tables);
        const id = await this.files.identity(this.snapshotPath);
        if (id && !sameFile(id, this.snapshotId)) await this.mergeSnapshotFromDisk(tables);
        const kept = beforeRestorePath(this.snapshotPath, now);
        await this.files.writeAtomic(kept, this.rows.db.export());
        const plan = planRestore(this.rows.db, restored, now);
        const epoch = nextEpoch(this.epoch, now);
        applyRestore(restored, plan, epoch);
        // A restored journal is still this journal.
        const identity = this.identity;
        if (identity) adoptIdentity(restored, identity);
        if (!(await this.role.confirm())) throw new NotWriterError();
        // Written and read back like a compaction's snapshot before anything else changes.
        this.snapshotId = (await writeVerifiedSnapshot(this.files, this.checker, this.opts.dir, restored)).identity;
        this.replaceDb(restored, epoch);
        this.blocked = undefined;
        for (const file of pending) await this.files.remove(file);
        // Entries other windows appended meanwhile land on top of the restored journal.
        this.appendedSinceCompaction = 0;
        await this.readLogs(tables);
        this.log('info', `Restored ${path.basename(backupPath)} as a new journal epoch: ${plan.removed} row(s) hidden, ${plan.reverted} row(s) back to their backup version. The journal as it was is kept at ${kept}.`);
        this.events.emit({ tables, source: 'local' });
        return kept;
      } catch (e) {
        if (this.rows.db !== restored) restored.close();
        throw e;
      }
    });
  }

  /**
   * Folds the logs into a new snapshot. The snapshot is verified before it replaces the old one,
   * and logs are deleted only after that; on any failure the old snapshot and every log stay.
   */
  private async compactNow(): Promise<void> {
    await this.trustConfirmed;
    if (this.closed || this.problem || !this.isWriter) return;
    const started = this.now();
    // Only this machine's logs are folded away; other machines' logs stay until their owner compacts.
    const pending = await this.logs.beginCompaction(`${started}-${process.pid}`);
    const tables = new Set<TableName>();
    await this.readLogs(tables);
    const id = await this.files.identity(this.snapshotPath);
    if (id && !sameFile(id, this.snapshotId)) await this.mergeSnapshotFromDisk(tables);
    if (this.blocked) return;
    // Confirm the lock right before replacing the snapshot: a window that was asleep past its
    // heartbeat may have been replaced as the writer, and must not overwrite the new writer's work.
    if (!(await this.role.confirm())) return;
    const { bytes: snapshot, identity, exportMs } = await writeVerifiedSnapshot(this.files, this.checker, this.opts.dir, this.rows.db).catch((e: unknown) => {
      throw this.guard.translate(e);
    });
    this.snapshotId = identity;
    this.identityUnrecorded = false;
    for (const file of pending) await this.files.remove(file);
    this.appendedSinceCompaction = 0;
    if (tables.size > 0) this.events.emit({ tables, source: 'external' });
    if (this.opts.backups !== false && this.opts.today) {
      const written = await this.backups.write(snapshot, this.opts.today());
      if (written.length > 0) this.log('info', `Backup written: ${written.join(', ')}`);
    }
    this.log('info', `Compacted the journal in ${this.now() - started} ms (${snapshot.length} bytes; the export held this thread ${Math.round(exportMs)} ms).`);
  }

  private scheduleCompaction(delay?: number): void {
    if (this.closed || !this.isWriter) return;
    this.compaction.schedule(this.appendedSinceCompaction, delay);
  }

  /** What is new in every machine's log (live, and any left by a compaction that was interrupted). */
  private async readLogs(tables: Set<TableName>): Promise<void> {
    const mine = await this.logs.readNew((file, bytes) => this.applyLogBytes(file, bytes, tables));
    this.appendedSinceCompaction = Math.max(this.appendedSinceCompaction, mine);
  }

  /**
   * Folds sync tools' conflict copies in, durably, and moves them to merged/; clears copies of the
   * fingerprint. Returns the error when the disk was full: the copies' rows are shown at once, and
   * recorded (then moved) on a later pass.
   */
  private async mergeConflictCopies(tables: Set<TableName>): Promise<unknown> {
    const outcome = await this.copies.merge({
      winners: (changes, orHeld) => {
        const valid = changes.map((ops) => this.rows.valid(ops));
        const winners: Op[] = [];
        const outranked: Op[] = [];
        this.rows.apply(valid, { winners, notApplied: orHeld ? outranked : undefined, dryRun: true });
        return orHeld ? valid.flat().filter((op) => !outranked.includes(op)) : winners;
      },
      record: async (ops) => {
        const record = encodeChange(ops);
        await this.append(record);
        this.appendedSinceCompaction += record.length;
        for (const t of this.rows.apply([ops])) tables.add(t);
      },
      show: (ops) => {
        for (const t of this.rows.apply([ops])) tables.add(t);
      }
    });
    if (outcome.link) this.events.link(outcome.link);
    if (outcome.epoch && isLaterEpoch(outcome.epoch, this.epoch)) {
      // A restore made on another machine, whose snapshot lost the file name to an older one: its
      // rows are merged above (they outrank the old ones); record its epoch and say so.
      writeEpoch(this.rows.db, outcome.epoch);
      this.epoch = outcome.epoch;
      this.events.notice({ kind: 'restored-elsewhere' });
    }
    if (outcome.moved > 0) {
      this.events.notice({ kind: 'merged-copies', count: outcome.moved, folder: this.copies.mergedDir });
      this.scheduleCompaction();
    }
    return outcome.diskFull;
  }

  /** The window that writes backups clears sync tools' copies of them (see Backups.settleCopies). */
  private async settleBackupCopies(): Promise<void> {
    if (!this.isWriter || this.opts.backups === false) return;
    try {
      const settled = await this.backups.settleCopies();
      if (settled.length > 0) this.log('info', `Cleared ${settled.length} sync conflict cop(ies) of backups: ${settled.join(', ')}`);
    } catch (e) {
      // Tried again on the next refresh; a link is named to the user.
      this.events.link(e);
      if (!isDiskFull(e) && !(e instanceof SymlinkError)) throw e;
    }
  }

  /** Applies every intact record in one transaction; returns the bytes fully consumed. */
  private applyLogBytes(file: string, bytes: Uint8Array, tables: Set<TableName>): number {
    const decoded = decodeLog(bytes);
    if (decoded.badRecords > 0) {
      this.log('warn', `Ignored ${decoded.badRecords} damaged record(s) in ${file} (a write cut short by a crash leaves one).`);
    }
    for (const t of this.rows.apply(decoded.changes.map((ops) => this.rows.valid(ops)))) tables.add(t);
    for (const identity of identitiesIn(decoded.changes)) adoptIdentity(this.rows.db, identity);
    return decoded.consumed;
  }

  /** The op with its row validated; throws BadRowError, naming table and id, when it is invalid. */
  private checked(op: Op): Op {
    return { table: op.table, row: validateRow(op.table, op.row) } as Op;
  }

  /** Another window or a sync tool replaced the snapshot: take every row it has that is newer. */
  private async mergeSnapshotFromDisk(tables: Set<TableName>): Promise<void> {
    const id = await this.files.identity(this.snapshotPath);
    const bytes = await this.files.read(this.snapshotPath);
    if (!bytes) return;
    const check = openSnapshot(this.opts.sql, bytes);
    if (!check.ok) {
      if (!this.blocked) {
        const copy = await quarantine(this.files, this.snapshotPath, this.now);
        this.blocked = new CorruptJournalError(this.snapshotPath, copy, check.problem, check.detail);
        this.log('error', `${this.blocked.message} It was copied to ${copy}. Compaction is paused; every change stays in the log.`);
      }
      return;
    }
    const other = check.db;
    let adopted = false;
    try {
      migrate(other);
      const epoch = readEpoch(other);
      const [mine, theirs] = [this.identity, readIdentity(other)];
      if (isLaterEpoch(epoch, this.epoch)) {
        adopted = true; // the store owns `other` from here on
        await this.reload(other, epoch, tables);
        if (mine) adoptIdentity(this.rows.db, mine);
      } else {
        for (const t of this.rows.apply(readAllOps(other).map((ops) => this.rows.valid(ops)))) tables.add(t);
        if (theirs) adoptIdentity(this.rows.db, theirs);
      }
    } finally {
      if (!adopted) other.close();
    }
    this.snapshotId = id;
    this.blocked = undefined;
  }

  /**
   * A backup was restored in another window (a later epoch on disk): take the restored journal as
   * it is, then every log on top, rather than merging this window's rows back into it.
   */
  private async reload(db: Database, epoch: Epoch | undefined, tables: Set<TableName>): Promise<void> {
    this.replaceDb(db, epoch);
    for (const t of TABLE_NAMES) tables.add(t);
    this.logs.reset();
    await this.readLogs(tables);
    this.log('info', 'The journal was restored from a backup in another window; reloaded it from disk.');
    this.events.notice({ kind: 'restored-elsewhere' });
  }

  private replaceDb(db: Database, epoch: Epoch | undefined): void {
    this.rows.replace(db);
    this.epoch = epoch;
  }

  private reportBadRow(e: BadRowError): void {
    this.log('warn', e.forLog);
    this.events.badRow(e);
  }

  /** Runs one refresh or compaction at a time; writes never wait for these. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.exclusiveTail.then(fn, fn);
    this.exclusiveTail = run.catch(() => undefined);
    return run;
  }
}
