// The journal on disk: an SQLite snapshot (sql.js, in memory) plus an append-only op log.
// A change is acknowledged only after its log record is fsync'd, so a crash can never lose it;
// compaction folds the log into a new snapshot in the background, at a cost independent of the
// number of check-ins the user makes.
import * as path from 'path';
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { BadRowError, TABLE_NAMES, validateRow, type AnyRow, type Op, type RowTypes, type TableName } from '../core/schemas';
import type { LocalDate } from '../core/time';
import { Backups } from './backups';
import { writeVerifiedSnapshot } from './compaction';
import { DiskFullError } from './fileErrors';
import type { FileIdentity, JournalFiles } from './files';
import { migrate, SCHEMA_VERSION } from './migrations';
import { NodeFiles } from './nodeFiles';
import { decodeLog, encodeChange } from './opLog';
import { openSnapshot } from './snapshotCheck';
import { quarantine, sameFile, SNAPSHOT_NAME } from './snapshotFiles';
import { confirmTrust, CorruptJournalError, DamageGuard, loadSnapshot } from './snapshotLoad';
import { rowDecoder, selectColumns, toParams, upsertSql, type SqlValue } from './tables';
import { UnsavedChanges, type UnsavedState } from './unsaved';
import { WriterLock } from './writerLock';

export { HASH_NAME, quarantine, replaceSnapshot, SNAPSHOT_NAME } from './snapshotFiles';
export { DiskFullError, SymlinkError } from './fileErrors';
export { CorruptJournalError } from './snapshotLoad';
export type { UnsavedState } from './unsaved';

export const LOG_NAME = 'journal.sqlite.oplog';
export const LOCK_NAME = 'journal.sqlite.lock';
export const BACKUP_DIR = 'backups';
const COMPACTING = `${LOG_NAME}.compacting-`;

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
  /** How often changes kept in memory on a full disk are retried (also on every write). */
  retryUnsavedMs?: number;
}

export interface ChangeEvent {
  tables: ReadonlySet<TableName>;
  /** 'local' for writes made through this store, 'external' for another window or a synced file. */
  source: 'local' | 'external';
}

export class JournalStore {
  readonly snapshotPath: string;
  readonly logPath: string;
  readonly backupDir: string;
  private readonly files: JournalFiles;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly lock: WriterLock | undefined;
  private readonly upserts = new Map<TableName, Statement>();
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private readonly badRowListeners = new Set<(e: BadRowError) => void>();
  private readonly backups: Backups;
  private readonly unsaved: UnsavedChanges<void>;
  /**
   * Rows already validated, by table and id. The in-memory database changes only through
   * applyChanges, which records what it wrote, so a row whose updated_at still matches needs no
   * second validation; anything else (e.g. loaded from the snapshot) is validated on first read.
   */
  private readonly validated = new Map<string, AnyRow>();
  private snapshotId: FileIdentity | undefined;
  private logCursor: { ino: number | undefined; offset: number } = { ino: undefined, offset: 0 };
  private appendedSinceCompaction = 0;
  private compactTimer: ReturnType<typeof setTimeout> | undefined;
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private blocked: CorruptJournalError | undefined;
  /** Turns SQLite's "malformed" into recovery; nothing is compacted from a damaged database. */
  private readonly guard: DamageGuard;
  /** Settles once a snapshot trusted by its identity has had its hash checked; compaction waits. */
  private trustConfirmed: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly opts: StoreOptions,
    private db: Database
  ) {
    this.files = opts.files ?? new NodeFiles();
    this.log = opts.log ?? (() => undefined);
    this.now = opts.now ?? Date.now;
    this.snapshotPath = path.join(opts.dir, SNAPSHOT_NAME);
    this.logPath = path.join(opts.dir, LOG_NAME);
    this.backupDir = path.join(opts.dir, BACKUP_DIR);
    this.lock = opts.writer === false ? undefined : new WriterLock(this.files, path.join(opts.dir, LOCK_NAME), { now: this.now });
    this.backups = new Backups(this.files, opts.sql, this.backupDir);
    this.guard = new DamageGuard(this.files, opts.dir, (m) => this.log('error', m));
    this.unsaved = new UnsavedChanges({
      append: (record) => this.files.appendDurable(this.logPath, record),
      commit: (ops, record) => this.commit(ops, record),
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
    const info = (m: string) => opts.log?.('info', m);
    const loaded = await loadSnapshot(files, opts.sql, opts.dir, [path.join(opts.dir, BACKUP_DIR)], opts.now ?? Date.now, info);
    const { db, identity, existed } = loaded;
    const store = new JournalStore({ ...opts, files }, db);
    const from = migrate(db);
    if (from !== SCHEMA_VERSION) store.log('info', `Journal schema upgraded from version ${from} to ${SCHEMA_VERSION}.`);
    store.snapshotId = identity;
    await store.replayLogs();
    if (store.lock && (await store.lock.tryAcquire())) {
      // Fold what an earlier session left in the log (or a migration) into the snapshot soon.
      if (!existed || from !== SCHEMA_VERSION || store.appendedSinceCompaction > 0) store.scheduleCompaction(0);
    }
    // After the caller has the store (and its listeners): hashing must not delay the open.
    store.trustConfirmed = new Promise((r) => setTimeout(r, 0))
      .then(() => confirmTrust(files, opts.dir, loaded, store.guard))
      .catch((e) => store.log('warn', `Could not confirm the snapshot's fingerprint: ${(e as Error).message ?? e}`));
    return store;
  }

  get isWriter(): boolean {
    return this.lock?.held ?? true;
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
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onBadRow(listener: (e: BadRowError) => void): () => void {
    this.badRowListeners.add(listener);
    return () => this.badRowListeners.delete(listener);
  }

  /**
   * Durably records one change (one or more rows, applied together). Resolves after the record is
   * fsync'd to the log and applied in memory; rejects, changing nothing, if a row is invalid.
   * On a full disk it rejects with DiskFullError: the change is kept in memory and written (then
   * applied) as soon as a retry succeeds, before any later change. See onUnsavedChange.
   */
  async write(ops: Op[]): Promise<void> {
    if (this.closed) throw new Error('The journal is closed.');
    if (ops.length === 0) return;
    const valid = ops.map((op) => ({ table: op.table, row: validateRow(op.table, op.row) }) as Op);
    await this.unsaved.save(valid, encodeChange(valid));
  }

  /** A change whose record is durable in the log: apply it in memory and tell listeners. */
  private commit(valid: Op[], record: Uint8Array): void {
    this.appendedSinceCompaction += record.length;
    const tables = this.applyChanges([valid]);
    this.emit({ tables, source: 'local' });
    this.scheduleCompaction();
  }

  private async diskFull(cause: unknown, unsaved: number, unsavedBytes: number): Promise<DiskFullError> {
    const free = await this.files.freeSpace?.(this.opts.dir).catch(() => undefined);
    // A compaction writes a whole new snapshot beside the old one before removing anything.
    const needed = Math.max((this.snapshotId?.size ?? 0) + this.appendedSinceCompaction + unsavedBytes, 1024 * 1024);
    this.log('error', `The disk is full (${(cause as NodeJS.ErrnoException).code}); ${unsaved} change(s) wait in memory.`);
    return new DiskFullError(this.opts.dir, free, needed, unsaved, cause);
  }

  put<T extends TableName>(table: T, row: RowTypes[T]): Promise<void> {
    return this.write([{ table, row } as Op]);
  }

  /** Rows of `table` matching an optional SQL condition, validated; bad rows are reported, not returned. */
  select<T extends TableName>(table: T, where = '', params: SqlValue[] = [], tail = ''): RowTypes[T][] {
    const sql = `SELECT ${selectColumns(table)} FROM ${table}${where ? ` WHERE ${where}` : ''}${tail ? ` ${tail}` : ''}`;
    const stmt = this.guard.run(() => this.db.prepare(sql));
    const out: RowTypes[T][] = [];
    try {
      stmt.bind(params);
      const decode = rowDecoder(table, stmt.getColumnNames());
      while (this.guard.run(() => stmt.step())) {
        const raw = decode(stmt.get() as SqlValue[]);
        const key = `${table}:${String(raw.id)}`;
        const known = this.validated.get(key);
        if (known && known.updatedAt === raw.updatedAt) {
          out.push(known as RowTypes[T]);
          continue;
        }
        try {
          const row = validateRow(table, raw);
          this.validated.set(key, row);
          out.push(row);
        } catch (e) {
          if (e instanceof BadRowError) this.reportBadRow(e);
          else throw e;
        }
      }
    } finally {
      stmt.free();
    }
    return out;
  }

  get<T extends TableName>(table: T, id: string): RowTypes[T] | undefined {
    return this.select(table, 'id = ?', [id])[0];
  }

  /** A read-only query for aggregates; returns plain value rows. Never use it to change rows. */
  query(sql: string, params: SqlValue[] = []): SqlValue[][] {
    const stmt = this.guard.run(() => this.db.prepare(sql));
    const out: SqlValue[][] = [];
    try {
      stmt.bind(params);
      while (this.guard.run(() => stmt.step())) out.push(stmt.get() as SqlValue[]);
    } finally {
      stmt.free();
    }
    return out;
  }

  integrityCheck(): string {
    return String(this.db.exec('PRAGMA integrity_check')[0]?.values[0]?.[0] ?? '');
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
      await this.readLogTail(tables);
      for (const file of await this.compactingLogs()) {
        const bytes = await this.files.read(file);
        if (bytes) this.applyLogBytes(file, bytes, tables);
      }
      const id = await this.files.identity(this.snapshotPath);
      if (id && !sameFile(id, this.snapshotId)) await this.mergeSnapshotFromDisk(tables);
      if (this.lock && !this.lock.held && (await this.lock.tryAcquire())) this.scheduleCompaction(0);
      if (tables.size > 0) this.emit({ tables, source: 'external' });
      return tables.size > 0;
    });
  }

  /** Writes a new snapshot and clears the log. Only the window holding the writer lock does this. */
  compact(): Promise<void> {
    clearTimeout(this.compactTimer);
    this.compactTimer = undefined;
    return this.exclusive(() => this.compactNow());
  }

  /** Keeps the writer lock alive; call every few seconds. Returns whether this window is the writer. */
  async heartbeat(): Promise<boolean> {
    if (!this.lock || this.closed) return this.isWriter;
    return this.lock.held ? this.lock.heartbeat() : this.lock.tryAcquire();
  }

  /** Compacts if this is the writer, releases the lock and frees memory. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.compactTimer);
    if (!(await this.unsaved.retry())) {
      this.log('error', `Closing with ${this.unsaved.state.count} change(s) that could not be saved: the disk is full.`);
    }
    this.unsaved.dispose();
    await this.guard.forgetting;
    await this.exclusive(async () => {
      await this.compactNow().catch((e) => this.log('error', `Final compaction failed; the log keeps every change: ${e}`));
      this.closed = true;
    });
    await this.lock?.release();
    for (const stmt of this.upserts.values()) stmt.free();
    this.upserts.clear();
    this.db.close();
    this.validated.clear();
    this.files.dispose?.();
  }

  /** The newest backup that opens and passes PRAGMA quick_check, if any. */
  async latestBackup(): Promise<string | undefined> {
    return (await this.backups.valid())[0]?.path;
  }

  /**
   * Folds the logs into a new snapshot. The snapshot is verified before it replaces the old one,
   * and logs are deleted only after that; on any failure the old snapshot and every log stay.
   */
  private async compactNow(): Promise<void> {
    await this.trustConfirmed;
    if (this.closed || this.problem || !this.isWriter) return;
    const started = this.now();
    if (await this.files.identity(this.logPath)) {
      await this.files.rename(this.logPath, `${this.logPath}${COMPACTING.slice(LOG_NAME.length)}${started}-${process.pid}`);
    }
    const tables = new Set<TableName>();
    const pending = await this.compactingLogs();
    for (const file of pending) this.applyLogBytes(file, (await this.files.read(file)) ?? new Uint8Array(), tables);
    const id = await this.files.identity(this.snapshotPath);
    if (id && !sameFile(id, this.snapshotId)) await this.mergeSnapshotFromDisk(tables);
    if (this.blocked) return;
    // Confirm the lock right before replacing the snapshot: a window that was asleep past its
    // heartbeat may have been replaced as the writer, and must not overwrite the new writer's work.
    if (this.lock && !(await this.lock.heartbeat())) return;
    const { bytes: snapshot, identity } = await writeVerifiedSnapshot(this.files, this.opts.sql, this.opts.dir, this.db).catch((e: unknown) => {
      throw this.guard.translate(e);
    });
    this.snapshotId = identity;
    for (const file of pending) await this.files.remove(file);
    // The live log now starts afresh; re-reading it from the start is harmless (records are upserts).
    this.logCursor = { ino: undefined, offset: 0 };
    this.appendedSinceCompaction = 0;
    if (tables.size > 0) this.emit({ tables, source: 'external' });
    if (this.opts.backups !== false && this.opts.today) {
      const written = await this.backups.write(snapshot, this.opts.today());
      if (written.length > 0) this.log('info', `Backup written: ${written.join(', ')}`);
    }
    this.log('info', `Compacted the journal in ${this.now() - started} ms (${snapshot.length} bytes).`);
  }

  private scheduleCompaction(delay = this.opts.compactAfterMs ?? 3000): void {
    if (this.closed || !this.isWriter) return;
    if (this.appendedSinceCompaction >= (this.opts.compactLogBytes ?? 512 * 1024)) delay = 0;
    clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      this.compact().catch((e) => this.log('error', `Compaction failed; changes stay safe in the log: ${e}`));
    }, delay);
    (this.compactTimer as { unref?: () => void }).unref?.();
  }

  /** On open: every log file (live, and any left by a compaction that was interrupted). */
  private async replayLogs(): Promise<void> {
    const tables = new Set<TableName>();
    for (const file of await this.compactingLogs()) {
      const bytes = (await this.files.read(file)) ?? new Uint8Array();
      this.applyLogBytes(file, bytes, tables);
      this.appendedSinceCompaction += bytes.length;
    }
    await this.readLogTail(tables);
  }

  private async compactingLogs(): Promise<string[]> {
    const names = await this.files.list(this.opts.dir);
    return names.filter((n) => n.startsWith(COMPACTING)).sort().map((n) => path.join(this.opts.dir, n));
  }

  private async readLogTail(tables: Set<TableName>): Promise<void> {
    const id = await this.files.identity(this.logPath);
    if (!id) {
      this.logCursor = { ino: undefined, offset: 0 };
      return;
    }
    if (id.ino !== this.logCursor.ino || id.size < this.logCursor.offset) this.logCursor = { ino: id.ino, offset: 0 };
    const bytes = await this.files.readFrom(this.logPath, this.logCursor.offset);
    if (!bytes || bytes.length === 0) return;
    const consumed = this.applyLogBytes(this.logPath, bytes, tables);
    if (this.logCursor.offset === 0) this.appendedSinceCompaction = Math.max(this.appendedSinceCompaction, id.size);
    this.logCursor.offset += consumed;
  }

  /** Applies every intact record in one transaction; returns the bytes fully consumed. */
  private applyLogBytes(file: string, bytes: Uint8Array, tables: Set<TableName>): number {
    const decoded = decodeLog(bytes);
    if (decoded.badRecords > 0) {
      this.log('warn', `Ignored ${decoded.badRecords} damaged record(s) in ${file} (a write cut short by a crash leaves one).`);
    }
    const changes = decoded.changes.map((ops) => ops.map((op) => this.validOp(op)).filter((op): op is Op => op !== undefined));
    for (const t of this.applyChanges(changes)) tables.add(t);
    return decoded.consumed;
  }

  /** The op with its row as validated (and normalised) by zod, or undefined (reported) when bad. */
  private validOp(op: Op): Op | undefined {
    if (!op || !TABLE_NAMES.includes(op.table)) {
      // Never the record itself: it may hold health data. A real table name is safe to show.
      const table = typeof op?.table === 'string' && /^[a-z_]{1,40}$/.test(op.table) ? `"${op.table}"` : '(not a table name)';
      this.log('warn', `Ignored a log record for an unknown table ${table}.`);
      return undefined;
    }
    try {
      return { table: op.table, row: validateRow(op.table, op.row) } as Op;
    } catch (e) {
      if (e instanceof BadRowError) this.reportBadRow(e);
      return undefined;
    }
  }

  private applyChanges(changes: Op[][]): Set<TableName> {
    const tables = new Set<TableName>();
    if (changes.length === 0) return tables;
    this.db.run('BEGIN');
    try {
      for (const ops of changes) {
        for (const op of ops) {
          this.upsert(op.table).run(toParams(op.table, op.row as never));
          if (this.db.getRowsModified() > 0) {
            tables.add(op.table);
            this.validated.set(`${op.table}:${op.row.id}`, op.row);
          }
        }
      }
      this.db.run('COMMIT');
    } catch (e) {
      try {
        this.db.run('ROLLBACK');
      } catch {
        // A damaged database may refuse the rollback too; the error below says why.
      }
      throw this.guard.translate(e);
    }
    return tables;
  }

  private upsert(table: TableName): Statement {
    let stmt = this.upserts.get(table);
    if (!stmt) {
      stmt = this.db.prepare(upsertSql(table));
      this.upserts.set(table, stmt);
    }
    return stmt;
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
    try {
      migrate(other);
      const changes: Op[][] = [];
      for (const table of TABLE_NAMES) {
        const ops: Op[] = [];
        const result = other.exec(`SELECT ${selectColumns(table)} FROM ${table}`)[0];
        const decode = result ? rowDecoder(table, result.columns) : undefined;
        for (const values of result?.values ?? []) {
          const op = this.validOp({ table, row: decode!(values as SqlValue[]) } as Op);
          if (op) ops.push(op);
        }
        changes.push(ops);
      }
      for (const t of this.applyChanges(changes)) tables.add(t);
    } finally {
      other.close();
    }
    this.snapshotId = id;
    this.blocked = undefined;
  }

  private reportBadRow(e: BadRowError): void {
    this.log('warn', e.message);
    for (const l of this.badRowListeners) l(e);
  }

  private emit(e: ChangeEvent): void {
    if (e.tables.size === 0) return;
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        this.log('error', `A journal change listener failed: ${err}`);
      }
    }
  }

  /** Runs one refresh or compaction at a time; writes never wait for these. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.exclusiveTail.then(fn, fn);
    this.exclusiveTail = run.catch(() => undefined);
    return run;
  }
}
