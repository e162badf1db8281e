// The journal in memory (sql.js): changes are applied newest-wins (the rule is in tables.ts), each
// batch in one transaction, and rows are read back validated against their schemas.
import type { Database, Statement } from 'sql.js';
import { BadRowError, TABLE_NAMES, validateRow, type AnyRow, type Op, type RowTypes, type TableName } from '../core/schemas';
import { isIdentityOp } from './journalIdentity';
import { rowDecoder, selectColumns, toParams, upsertSql, type SqlValue } from './tables';

export interface ApplyOptions {
  /** Collects the ops that changed a row. */
  winners?: Op[];
  /** Collects the ops outranked by a newer version of their row (an identical row counts as applied). */
  notApplied?: Op[];
  /** Roll back instead of committing: to learn the winners without changing anything. */
  dryRun?: boolean;
}

/** Turns SQLite's "malformed" errors into recovery (snapshotLoad.ts DamageGuard). */
export interface SqlGuard {
  run<T>(fn: () => T): T;
  translate(e: unknown): unknown;
}

const unguarded: SqlGuard = { run: (fn) => fn(), translate: (e) => e };

export class JournalRows {
  private readonly upserts = new Map<TableName, Statement>();
  private readonly stampQueries = new Map<TableName, Statement>();
  /**
   * Rows already validated, by table and id. The database changes only through apply(), which
   * records what it wrote, so a row whose updated_at still matches needs no second validation;
   * anything else (e.g. loaded from the snapshot) is validated on first read.
   */
  private readonly validated = new Map<TableName, Map<unknown, AnyRow>>();

  constructor(
    private current: Database,
    private readonly reportBadRow: (e: BadRowError) => void,
    private readonly warn: (message: string) => void,
    private readonly guard: SqlGuard = unguarded
  ) {}

  get db(): Database {
    return this.current;
  }

  /** Rows of `table` matching an optional SQL condition, validated; bad rows are reported, not returned. */
  select<T extends TableName>(table: T, where = '', params: SqlValue[] = [], tail = ''): RowTypes[T][] {
    const from = `FROM ${table}${where ? ` WHERE ${where}` : ''}${tail ? ` ${tail}` : ''}`;
    return this.known(table, from, params) ?? this.read(table, from, params);
  }

  /**
   * The rows, when every one of them was validated before and is unchanged: read by id and
   * updated_at alone, which is most of what a read of years of rows costs otherwise (sql.js turning
   * each column into JS). Undefined when any row needs reading in full.
   */
  private known<T extends TableName>(table: T, from: string, params: SqlValue[]): RowTypes[T][] | undefined {
    const cache = this.cache(table);
    const stmt = this.guard.run(() => this.current.prepare(`SELECT id, updated_at ${from}`));
    const out: RowTypes[T][] = [];
    try {
      stmt.bind(params);
      while (this.guard.run(() => stmt.step())) {
        const [id, updatedAt] = stmt.get() as SqlValue[];
        const known = cache.get(id);
        if (!known || known.updatedAt !== updatedAt) return undefined;
        out.push(known as RowTypes[T]);
      }
    } finally {
      stmt.free();
    }
    return out;
  }

  private read<T extends TableName>(table: T, from: string, params: SqlValue[]): RowTypes[T][] {
    const cache = this.cache(table);
    const stmt = this.guard.run(() => this.current.prepare(`SELECT ${selectColumns(table)} ${from}`));
    const out: RowTypes[T][] = [];
    try {
      stmt.bind(params);
      const decode = rowDecoder(table, stmt.getColumnNames());
      while (this.guard.run(() => stmt.step())) {
        const raw = decode(stmt.get() as SqlValue[]);
        const known = cache.get(raw.id);
        if (known && known.updatedAt === raw.updatedAt) {
          out.push(known as RowTypes[T]);
          continue;
        }
        try {
          const row = validateRow(table, raw);
          cache.set(raw.id, row);
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

  /** A read-only query for aggregates; returns plain value rows. Never use it to change rows. */
  query(sql: string, params: SqlValue[] = []): SqlValue[][] {
    const stmt = this.guard.run(() => this.current.prepare(sql));
    const out: SqlValue[][] = [];
    try {
      stmt.bind(params);
      while (this.guard.run(() => stmt.step())) out.push(stmt.get() as SqlValue[]);
    } finally {
      stmt.free();
    }
    return out;
  }

  /** Applies changes in one transaction; returns the tables that changed. */
  apply(changes: Op[][], opts: ApplyOptions = {}): Set<TableName> {
    const tables = new Set<TableName>();
    if (changes.length === 0) return tables;
    this.current.run('BEGIN');
    try {
      for (const ops of changes) {
        for (const op of ops) {
          this.upsert(op.table).run(toParams(op.table, op.row as never));
          if (this.current.getRowsModified() > 0) {
            tables.add(op.table);
            opts.winners?.push(op);
            if (!opts.dryRun) this.cache(op.table).set(op.row.id, op.row);
          } else if (opts.notApplied && !this.holds(op)) {
            opts.notApplied.push(op);
          }
        }
      }
      this.current.run(opts.dryRun ? 'ROLLBACK' : 'COMMIT');
    } catch (e) {
      try {
        this.current.run('ROLLBACK');
      } catch {
        // A damaged database may refuse the rollback too; the error below says why.
      }
      throw this.guard.translate(e);
    }
    return tables;
  }

  /** The ops whose rows are valid (validated and normalised by zod); bad ones are reported and left out. */
  valid(ops: Op[]): Op[] {
    const out: Op[] = [];
    for (const op of ops) {
      if (isIdentityOp(op)) continue; // the journal's id, read by the store itself
      if (!op || !TABLE_NAMES.includes(op.table)) {
        this.warn('Ignored a log record for an unknown table.');
        continue;
      }
      try {
        out.push({ table: op.table, row: validateRow(op.table, op.row) } as Op);
      } catch (e) {
        if (e instanceof BadRowError) this.reportBadRow(e);
        else throw e;
      }
    }
    return out;
  }

  /** The stored version's updated_at, which a local edit of that row must come after. */
  currentStamp(op: Op): string | undefined {
    let stmt = this.stampQueries.get(op.table);
    if (!stmt) this.stampQueries.set(op.table, (stmt = this.current.prepare(`SELECT updated_at FROM ${op.table} WHERE id = ?`)));
    try {
      stmt.bind([op.row.id]);
      return stmt.step() ? String(stmt.get()[0]) : undefined;
    } finally {
      stmt.reset();
    }
  }

  /** Takes `db` as the journal (a restore), closing the one held until now. */
  replace(db: Database): void {
    this.freeStatements();
    this.current.close();
    this.current = db;
    this.validated.clear();
  }

  close(): void {
    this.freeStatements();
    this.current.close();
    this.validated.clear();
  }

  /** The validated rows of one table, by id. */
  private cache(table: TableName): Map<unknown, AnyRow> {
    let rows = this.validated.get(table);
    if (!rows) this.validated.set(table, (rows = new Map()));
    return rows;
  }

  /** Whether the stored row is exactly `op`'s, so an upsert that changed nothing still counts as applied. */
  private holds(op: Op): boolean {
    const result = this.current.exec(`SELECT ${selectColumns(op.table)} FROM ${op.table} WHERE id = ?`, [op.row.id])[0];
    if (!result) return false;
    const stored = rowDecoder(op.table, result.columns)(result.values[0] as SqlValue[]);
    return JSON.stringify(toParams(op.table, stored as never)) === JSON.stringify(toParams(op.table, op.row as never));
  }

  private upsert(table: TableName): Statement {
    let stmt = this.upserts.get(table);
    if (!stmt) this.upserts.set(table, (stmt = this.current.prepare(upsertSql(table))));
    return stmt;
  }

  private freeStatements(): void {
    for (const stmt of [...this.upserts.values(), ...this.stampQueries.values()]) stmt.free();
    this.upserts.clear();
    this.stampQueries.clear();
  }
}
