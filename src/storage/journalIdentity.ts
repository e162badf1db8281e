// Which journal this is: an id made once, when the journal is created, kept in the snapshot's `meta`
// table (so compaction, backups and restores carry it) and written through the op log too, with the
// first change made before the first snapshot (so a machine that has another machine's log before
// its snapshot learns the same id). When two copies
// disagree (two machines each started the journal before their first sync), the earliest wins,
// then the smaller id: every copy picks the same one in any order. The extension remembers which
// ids this user created or chose to open (services/journalOwner.ts).
import type { Database } from 'sql.js';
import { newId } from '../core/ids';
import type { Op } from '../core/schemas';

export interface JournalIdentity {
  id: string;
  /** When the journal was started (for a journal older than ids: its first row). */
  createdAt: string;
}

const KEY = 'journal';
/** The op log's pseudo-table for the identity; earlier versions skip it as an unknown table. */
export const IDENTITY_TABLE = 'journal_identity';
const ID = /^[A-Za-z0-9-]{8,80}$/;

/** A well-formed identity from untrusted input (a file, a log record), or undefined. */
export function asIdentity(value: unknown): JournalIdentity | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { id, createdAt } = value as Partial<JournalIdentity>;
  if (typeof id !== 'string' || !ID.test(id) || typeof createdAt !== 'string' || !Number.isFinite(Date.parse(createdAt))) return undefined;
  return { id, createdAt };
}

export function newIdentity(now: number): JournalIdentity {
  return { id: newId(), createdAt: new Date(now).toISOString() };
}

/** Whether `a` outranks `b`: the earlier start, then the smaller id. */
export function outranks(a: JournalIdentity, b: JournalIdentity | undefined): boolean {
  if (!b) return true;
  const [ta, tb] = [Date.parse(a.createdAt), Date.parse(b.createdAt)];
  return ta === tb ? a.id < b.id : ta < tb;
}

export function readIdentity(db: Database): JournalIdentity | undefined {
  try {
    const value = db.exec(`SELECT value FROM meta WHERE key = '${KEY}'`)[0]?.values[0]?.[0];
    return typeof value === 'string' ? asIdentity(JSON.parse(value)) : undefined;
  } catch {
    return undefined; // no meta table (an empty database) or a damaged value
  }
}

/** Records `identity` in `db` when it outranks the one there; true when it changed. */
export function adoptIdentity(db: Database, identity: JournalIdentity): boolean {
  if (!outranks(identity, readIdentity(db))) return false;
  db.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ('${KEY}', ?)`, [JSON.stringify({ id: identity.id, createdAt: identity.createdAt })]);
  return true;
}

/**
 * A new journal (or an empty one from before ids) gets its id; returns it, or undefined when it had
 * one. Throws when the database cannot be read (damage), changing nothing.
 */
export function mintIdentity(db: Database, now: number): JournalIdentity | undefined {
  const value = db.exec(`SELECT value FROM meta WHERE key = '${KEY}'`)[0]?.values[0]?.[0];
  if (value !== undefined && readIdentity(db)) return undefined;
  const identity = newIdentity(now);
  adoptIdentity(db, identity);
  return identity;
}

/** The op-log record that carries the identity. */
export function identityOps(identity: JournalIdentity): Op[] {
  return [{ table: IDENTITY_TABLE, row: { id: identity.id, createdAt: identity.createdAt } }] as unknown as Op[];
}

export function isIdentityOp(op: unknown): boolean {
  return !!op && typeof op === 'object' && (op as { table?: unknown }).table === IDENTITY_TABLE;
}

/** The identities carried by decoded log records (the rows stay where they are). */
export function identitiesIn(changes: Op[][]): JournalIdentity[] {
  return changes.flatMap((ops) => ops.flatMap((op) => (isIdentityOp(op) ? (asIdentity((op as { row?: unknown }).row) ?? []) : [])));
}

/**
 * v4's migration: a journal made before ids takes one from its first row (every table, deleted rows
 * too), so every machine that upgrades the same journal gives it the same id. An empty journal gets
 * a new id when it opens.
 */
export const LEGACY_IDENTITY_SQL = (tables: readonly string[]) =>
  `INSERT OR IGNORE INTO meta (key, value)
   SELECT '${KEY}', json_object('id', 'first-' || lower(hex(substr(id, 1, 32))), 'createdAt', created_at) FROM (
     ${tables.map((t) => `SELECT id, created_at FROM ${t}`).join(' UNION ALL ')}
   ) ORDER BY created_at, id LIMIT 1;`;
