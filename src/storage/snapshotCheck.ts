// Decides whether a snapshot file is a journal this version can safely open. Anything else is left
// exactly as it is; the caller copies it aside and asks the user what to do.
import { createHash } from 'crypto';
import type { Database, SqlJsStatic } from 'sql.js';
import { APP_ID, SCHEMA_VERSION, userVersion } from './migrations';

/** The last three are an encrypted file this store cannot read: kept as it is, never recovered over (sealing.ts). */
export type SnapshotProblem = 'empty' | 'not-sqlite' | 'truncated' | 'unreadable' | 'integrity' | 'newer-schema' | 'foreign-schema' | 'foreign-key' | 'newer-format' | 'locked';

export type SnapshotCheck = { ok: true; db: Database; version: number } | { ok: false; problem: SnapshotProblem; detail: string };

const HEADER = 'SQLite format 3\u0000';

/**
 * How much to check: 'full' runs PRAGMA integrity_check (seconds on a large journal), 'quick' runs
 * PRAGMA quick_check, and 'trusted' skips both, for bytes that hash exactly to a snapshot this
 * extension wrote and verified (see snapshotFiles.ts).
 */
export type CheckLevel = 'full' | 'quick' | 'trusted';

/** Opens and checks a snapshot. */
export function openSnapshot(SQL: SqlJsStatic, bytes: Uint8Array, level: CheckLevel = 'full'): SnapshotCheck {
  const trusted = level === 'trusted';
  if (bytes.length === 0) return fail('empty', 'the file is empty');
  if (bytes.length < 100 || new TextDecoder().decode(bytes.subarray(0, 16)) !== HEADER) {
    return fail('not-sqlite', 'the file does not start with the SQLite header');
  }
  const pageSizeRaw = (bytes[16] << 8) | bytes[17];
  const pageSize = pageSizeRaw === 1 ? 65536 : pageSizeRaw;
  const pageCount = ((bytes[28] << 24) | (bytes[29] << 16) | (bytes[30] << 8) | bytes[31]) >>> 0;
  if (pageSize < 512 || bytes.length % pageSize !== 0 || (pageCount > 0 && bytes.length < pageCount * pageSize)) {
    return fail('truncated', `the file is ${bytes.length} bytes, which is not a whole number of its ${pageSize}-byte pages`);
  }
  let db: Database;
  try {
    // For a Node Buffer, sql.js keeps `bytes` itself as its file (Buffer.slice makes no copy), so
    // the database's writes change them: callers must not use them afterwards. Copying instead
    // would cost as much as the rest of a cold open of a large journal.
    db = new SQL.Database(bytes);
  } catch (e) {
    return fail('unreadable', String((e as Error).message ?? e));
  }
  try {
    if (!trusted) {
      const pragma = level === 'quick' ? 'quick_check' : 'integrity_check';
      const integrity = String(db.exec(`PRAGMA ${pragma}`)[0]?.values[0]?.[0] ?? '');
      if (integrity !== 'ok') return closeAnd(db, fail('integrity', `PRAGMA ${pragma} said: ${integrity.slice(0, 200)}`));
    }
    const version = userVersion(db);
    // A snapshot this extension wrote and nobody touched is known to be a journal: skip the schema look.
    if (trusted && version >= 1 && version <= SCHEMA_VERSION) return { ok: true, db, version };
    if (version > SCHEMA_VERSION) {
      return closeAnd(db, fail('newer-schema', `it was written by a newer version of the extension (schema ${version}, this version reads up to ${SCHEMA_VERSION})`));
    }
    const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values.map((v) => String(v[0])) ?? [];
    if (tables.length === 0 && version === 0) return { ok: true, db, version };
    const app = tables.includes('meta') ? db.exec("SELECT value FROM meta WHERE key = 'app'")[0]?.values[0]?.[0] : undefined;
    if (app !== APP_ID) return closeAnd(db, fail('foreign-schema', `it is an SQLite database, but not a Mood & Dose journal (tables: ${tables.slice(0, 5).join(', ')})`));
    return { ok: true, db, version };
  } catch (e) {
    return closeAnd(db, fail('unreadable', String((e as Error).message ?? e)));
  }
}

function fail(problem: SnapshotProblem, detail: string): SnapshotCheck {
  return { ok: false, problem, detail };
}

function closeAnd(db: Database, result: SnapshotCheck): SnapshotCheck {
  db.close();
  return result;
}

/**
 * Hex SHA-256. Node's hash runs about ten times faster than Web Crypto's digest on a large
 * snapshot (60 ms against 600 ms for 70 MB, once warm).
 */
export async function sha256(bytes: Uint8Array): Promise<string> {
  return createHash('sha256').update(bytes).digest('hex');
}


/** SQLite's words for a damaged database (SQLITE_CORRUPT, SQLITE_NOTADB), met while running queries. */
export function isMalformedError(e: unknown): boolean {
  return /malformed|SQLITE_CORRUPT|file is not a database|database corruption/i.test(String((e as Error)?.message ?? e));
}
