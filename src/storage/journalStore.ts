// The journal on disk: an SQLite snapshot (sql.js, in memory) plus append-only op logs, one per
// machine. A change is acknowledged only after its log record is fsync'd, so a crash can never lose
// it; compaction folds the logs into a new snapshot in the background, at a cost independent of the
// number of check-ins the user makes. The store wires its jobs together: a change made here
// (localWrites.ts), catching up with other windows and machines (diskSync.ts), compaction
// (compactor.ts) and restoring a backup (epochRestore.ts). Each change fires one ChangeEvent.
import * as os from 'os';
import * as path from 'path';
import type { Database } from 'sql.js';
import { errorForLog } from '../core/logSafely';
import { BadRowError, type Op, type RowTypes, type TableName } from '../core/schemas';
import { Backups } from './backups';
import type { SnapshotChecker } from './checks';
import { Compactor, type CompactorParts } from './compactor';
import { ConflictCopies, MERGED_DIR } from './conflictCopies';
import type { DataKey } from './crypto/dataKey';
import { DiskSync } from './diskSync';
import { readEpoch } from './epoch';
import { restoreAsEpoch } from './epochRestore';
import { mintIdentity, readIdentity, type JournalIdentity } from './journalIdentity';
import type { JournalFiles } from './files';
import { LogSet, machineIdFromHost } from './logSet';
import { migrate, SCHEMA_VERSION } from './migrations';
import { NodeFiles } from './nodeFiles';
import { confirmTrust, CorruptJournalError, DamageGuard, loadSnapshot } from './snapshotLoad';
import { storageChecker } from './storageWorker';
import { BACKUP_DIR, LOCK_NAME, type Logger, type StoreOptions } from './storeOptions';
import { JournalRows } from './journalRows';
import { LocalWrites, type WriteParts } from './localWrites';
import type { SqlValue } from './tables';
import type { UnsavedState } from './unsaved';
import { NotWriterError, type StoreNotice, type WriteOptions, type WriteResult } from './writeResult';
import { WriterLock } from './writerLock';
import { WriterRole, type RoleChange } from './writerRole';
import { StoreEvents, type ChangeEvent } from './storeEvents';
import { unlockFolder, type EncryptionState } from './keyFolder';
import type { JournalLockedError, Sealing } from './sealing';
import { StoreEncryption } from './storeEncryption';

export { HASH_NAME, quarantine, replaceSnapshot, SNAPSHOT_NAME } from './snapshotFiles';
export { LEGACY_LOG_NAME, logName } from './logSet';
export { MERGED_DIR } from './conflictCopies';
export { NotWriterError, type StoreNotice, type WriteOptions, type WriteResult } from './writeResult';
export { DiskFullError, SymlinkError } from './fileErrors';
export { CorruptJournalError } from './snapshotLoad';
export type { UnsavedState } from './unsaved';
export type { ChangeEvent, ChangeReason } from './storeEvents';
export { BACKUP_DIR, LOCK_NAME, type Logger, type StoreOptions } from './storeOptions';
export { EncryptionChangeError, JournalLockedError, readKeyFile, type EncryptionState } from './keyFolder';

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
  private readonly backups: Backups;
  private readonly checker: SnapshotChecker;
  /** Turns SQLite's "malformed" into recovery; nothing is compacted from a damaged database. */
  private readonly guard: DamageGuard;
  /** What the jobs below share: the store's parts, and the steps of the store they call back. */
  private readonly parts: CompactorParts & WriteParts;
  private readonly writes: LocalWrites; // changes made here, and those waiting for disk space (localWrites.ts)
  private readonly sync: DiskSync; // what this window last took from the folder, and how it catches up (diskSync.ts)
  private readonly compactor: Compactor; // folds the logs into the snapshot in the background (compactor.ts)
  private readonly encryptionSwitch: StoreEncryption;
  private locked: JournalLockedError | undefined; // another window turned encryption on; no key here: no more writes
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly opts: StoreOptions,
    db: Database,
    private readonly sealing: Sealing
  ) {
    this.files = opts.files ?? new NodeFiles();
    this.log = opts.log ?? (() => undefined);
    this.now = opts.now ?? Date.now;
    this.events = new StoreEvents((m) => this.log('error', m), (m) => this.log('warn', m));
    this.guard = new DamageGuard(this.files, opts.dir, (m) => this.log('error', m));
    this.rows = new JournalRows(db, (e) => this.events.badRow(e), (m) => this.log('warn', m), this.guard);
    this.logs = new LogSet(this.files, opts.dir, opts.machine ?? machineIdFromHost(os.hostname()));
    this.logPath = this.logs.ownPath;
    this.backupDir = path.join(opts.dir, BACKUP_DIR);
    this.role = new WriterRole(opts.writer === false ? undefined : new WriterLock(this.files, path.join(opts.dir, LOCK_NAME), { now: this.now }));
    this.checker = storageChecker(opts.sql, opts.worker);
    this.backups = new Backups(this.files, this.checker, this.backupDir, sealing);
    this.parts = {
      dir: opts.dir, sql: opts.sql, files: this.files, rows: this.rows, logs: this.logs, sealing, events: this.events, log: this.log, now: this.now,
      backups: this.backups, checker: this.checker, guard: this.guard, today: opts.today, writesBackups: opts.backups !== false,
      afterMs: opts.compactAfterMs ?? 3000, logBytes: opts.compactLogBytes ?? 512 * 1024, retryMs: opts.retryUnsavedMs ?? 15_000,
      copies: new ConflictCopies(this.files, opts.dir, opts.sql, (m) => this.log('warn', m), sealing),
      isWriter: () => this.isWriter,
      mayCompact: () => !this.closed && this.isWriter,
      damaged: () => this.problem !== undefined,
      footprint: () => (this.sync.snapshotId?.size ?? 0) + this.compactor.unfolded,
      ownLogBytes: (mine) => (this.compactor.unfolded = Math.max(this.compactor.unfolded, mine)),
      recorded: (bytes) => (this.compactor.unfolded += bytes),
      appendRecord: async (record) => {
        await this.writes.append(record);
        this.compactor.unfolded += record.length;
      },
      scheduleCompaction: () => this.compactor.schedule(),
      confirmWriter: () => this.role.confirm(),
      folded: () => (this.compactor.unfolded = 0),
      identityRecorded: () => (this.writes.identityUnrecorded = false),
      foldedIn: (tables) => this.events.emit({ tables, source: 'external', reason: 'sync' })
    };
    this.writes = new LocalWrites(this.parts);
    this.sync = new DiskSync(this.parts);
    this.snapshotPath = this.sync.snapshotPath;
    this.compactor = new Compactor(this.parts, this.sync, () =>
      this.compact().catch((e) => {
        this.events.link(e);
        this.log('error', `Compaction failed; changes stay safe in the log: ${errorForLog(e)}`);
      })
    );
    this.encryptionSwitch = new StoreEncryption({
      dir: opts.dir, backupDir: this.backupDir, mergedDir: path.join(opts.dir, MERGED_DIR), files: this.files, sealing, logs: this.logs, log: this.log,
      db: () => this.rows.db, compact: () => this.compactor.compactNow(),
      whyNot: async () => (this.closed ? 'closed' : this.writes.unsaved.state.count > 0 ? 'unsaved' : this.problem ? 'damaged' : !(await this.tryBecomeWriter()).acquired ? 'not-writer' : undefined)
    });
  }

  /**
   * Opens the journal in `dir`, creating it if absent. Throws CorruptJournalError, after copying the
   * bad file aside, when the snapshot is not a journal this version can read. With journal.key in
   * `dir` it needs `opts.dataKey`: JournalLockedError without it, KeyMismatchError for another one.
   */
  static async open(opts: StoreOptions): Promise<JournalStore> {
    const files = opts.files ?? new NodeFiles();
    files.protect?.(opts.dir); // no link is followed anywhere in the data folder (safePaths.ts)
    const info = (m: string) => opts.log?.('info', m);
    const { sealing, change } = await unlockFolder(files, opts.dir, opts.dataKey);
    const loaded = await loadSnapshot(files, opts.sql, opts.dir, [path.join(opts.dir, BACKUP_DIR)], opts.now ?? Date.now, info, sealing);
    const { db, identity, existed } = loaded;
    const store = new JournalStore({ ...opts, files }, db, sealing);
    const from = migrate(db);
    if (from !== SCHEMA_VERSION) store.log('info', `Journal schema upgraded from version ${from} to ${SCHEMA_VERSION}.`);
    store.sync.snapshotId = identity;
    store.sync.epoch = readEpoch(db);
    store.writes.folderMissing = loaded.diskFull !== undefined;
    const tables = new Set<TableName>();
    await store.sync.readLogs(tables);
    // Reading needs no room on the disk; on a full disk the journal opens read-only, in full.
    let full = loaded.diskFull ?? (await store.sync.mergeConflictCopies(tables));
    try {
      store.writes.identityUnrecorded = mintIdentity(db, store.now()) !== undefined;
    } catch {
      // A snapshot damaged where its id is: the damage is found and reported on the usual paths.
    }
    if (!full && store.role.hasLock) {
      const role = await store.tryBecomeWriter();
      full = role.diskFull;
      if (role.acquired) await store.sync.settleBackupCopies();
      // Fold what an earlier session left in the log (or a migration) into the snapshot soon.
      if (role.acquired && (!existed || from !== SCHEMA_VERSION || store.compactor.unfolded > 0)) store.compactor.schedule(0);
      // A plaintext snapshot in an encrypted journal is sealed by the next compaction; a key change cut short is finished.
      if (role.acquired && existed && sealing.on && !loaded.sealed) store.compactor.schedule(0);
      if (role.acquired && change) setTimeout(() => void store.exclusive(() => store.encryptionSwitch.resume()).catch((e) => store.log('error', `Could not finish turning encryption ${change}: ${errorForLog(e)}`)), 0);
    }
    if (full) await store.openedReadOnly(full);
    // After the caller has the store (and its listeners): hashing must not delay the open.
    store.compactor.trustConfirmed = new Promise((r) => setTimeout(r, 0))
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
    return this.guard.damaged ?? this.sync.blocked;
  }

  /** Changes kept in memory because the disk is full, and why. */
  get unsavedState(): UnsavedState {
    return this.writes.unsaved.state;
  }

  onUnsavedChange(listener: (s: UnsavedState) => void): () => void {
    return this.writes.unsaved.onChange(listener);
  }

  /** Writes the changes kept in memory on a full disk; true when none wait any more. */
  retryUnsaved(): Promise<boolean> {
    return this.writes.unsaved.retry();
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
    if (this.locked) throw this.locked;
    if (ops.length === 0) return { applied: [], notApplied: [] };
    return this.writes.save(ops, options);
  }

  /** The disk was full while the journal opened: say so once; the lock is tried again later. */
  private async openedReadOnly(cause: unknown): Promise<void> {
    this.role.becomeReadOnly(cause);
    const free = await this.files.freeSpace?.(this.opts.dir).catch(() => undefined);
    const needed = Math.max(this.parts.footprint(), 1024 * 1024);
    this.log('error', `The disk is full (${(cause as NodeJS.ErrnoException).code}): the journal opened read-only; new entries wait in memory until there is room.`);
    this.events.notice({ kind: 'read-only', dir: this.opts.dir, freeBytes: free, neededBytes: needed });
  }

  /** Takes the writer lock (or room on the disk again) when it can. */
  private async tryBecomeWriter(heartbeat = false): Promise<RoleChange> {
    const change = heartbeat ? await this.role.heartbeat() : await this.role.tryBecome();
    if (change.recovered) {
      this.log('info', 'There is room on the disk again; this window writes the journal.');
      if (this.compactor.unfolded > 0) this.compactor.schedule();
    }
    return change;
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
      const tables = new Set<TableName>();
      this.locked ??= await this.encryptionSwitch.follow();
      if (this.locked) throw this.locked;
      try {
        await this.sync.catchUp(tables);
        await this.sync.mergeConflictCopies(tables);
        if (!this.isWriter && (await this.tryBecomeWriter()).acquired && this.role.hasLock) this.compactor.schedule(0);
        await this.sync.settleBackupCopies();
      } catch (e) {
        this.events.link(e);
        throw e;
      }
      if (tables.size > 0) this.events.emit({ tables, source: 'external', reason: 'sync' });
      return tables.size > 0;
    });
  }

  /** Writes a new snapshot and clears the log (even while held). Only the window holding the writer lock does this. */
  compact(): Promise<void> {
    this.compactor.cancel();
    return this.exclusive(async () => void (await this.compactor.compactNow()));
  }

  /**
   * Holds compaction while a long write runs (an import): none starts until every hold is released
   * (holds nest), then one is scheduled as usual. Every change is still durable in the log before
   * its write resolves. Call the returned release once, in a finally.
   */
  holdCompaction(): () => void {
    return this.compactor.hold();
  }

  /** Keeps the writer lock alive; call every few seconds. Returns whether this window is the writer. */
  async heartbeat(): Promise<boolean> {
    if (this.closed) return this.isWriter;
    return (await this.tryBecomeWriter(true)).acquired;
  }

  /** Compacts if this is the writer, releases the lock and frees memory. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.compactor.cancel();
    if (!(await this.writes.unsaved.retry())) {
      this.log('error', `Closing with ${this.writes.unsaved.state.count} change(s) that could not be saved: the disk is full.`);
    }
    this.writes.unsaved.dispose();
    await this.guard.forgetting;
    await this.exclusive(async () => {
      await this.compactor.compactNow().catch((e) => this.log('error', `Final compaction failed; the log keeps every change: ${errorForLog(e)}`));
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
      const { kept, tables } = await restoreAsEpoch(this.parts, this.sync, backupPath);
      this.events.emit({ tables, source: 'local', reason: 'restore' });
      return kept;
    });
  }

  /** 'on' while new files and records are sealed with the data key. */
  get encryption(): EncryptionState {
    return this.encryptionSwitch.state;
  }

  /** `plain` as it may be kept in the data folder (a summary): sealed as `kind` while encryption is on. */
  sealedForFolder(kind: Parameters<Sealing['seal']>[0], plain: Uint8Array): Uint8Array {
    return this.sealing.seal(kind, plain);
  }

  /** Throws the EncryptionChangeError (naming the file) turning encryption on or off would throw now; changes nothing. */
  checkEncryptionChange(): Promise<void> {
    return this.exclusive(() => this.encryptionSwitch.check());
  }

  /** Encrypts with `dataKey`, which `keyFile` (createKeyFile) wraps, by storeEncryption.ts's crash-safe steps. Resumable. */
  turnOnEncryption(keyFile: Uint8Array, dataKey: DataKey): Promise<void> {
    return this.exclusive(() => this.encryptionSwitch.turnOn(keyFile, dataKey));
  }

  /** Decrypts the journal in place (the same steps as turning on), then removes the key file. */
  turnOffEncryption(): Promise<void> {
    return this.exclusive(() => this.encryptionSwitch.turnOff());
  }

  /** Writes the journal as this window has it as a plain SQLite file at `target` (0600), for sqlite3. */
  exportDecryptedCopy(target: string): Promise<void> {
    return this.exclusive(() => this.encryptionSwitch.exportCopy(target));
  }

  /** Runs one refresh or compaction at a time; writes never wait for these. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.exclusiveTail.then(fn, fn);
    this.exclusiveTail = run.catch(() => undefined);
    return run;
  }
}
