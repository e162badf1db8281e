// The heavy checks a compaction runs on a whole snapshot: opening it, PRAGMA quick_check, counting
// rows and hashing it. They take seconds of CPU on a large journal, so the store runs them in a
// worker thread (storageWorker.ts); this file is what both the worker and the in-thread fallback run,
// so a file is judged exactly the same either way. It must stay free of zod and src/core, which the
// worker bundle does not carry.
import { createHash } from 'crypto';
import type { SqlJsStatic } from 'sql.js';
import { LIVE } from './live';
import { openSnapshot, type SnapshotProblem } from './snapshotCheck';

export interface CheckRequest {
  /** Tables whose rows (tombstones included) to count. */
  count?: readonly string[];
  /** Also count check-ins not deleted (for the backup list). */
  checkIns?: boolean;
  /** Also return the SHA-256 of the bytes. */
  sha256?: boolean;
}

export type CheckResult =
  | { ok: true; counts: Record<string, number>; checkIns?: number; sha256?: string }
  | { ok: false; problem: SnapshotProblem; detail: string };

/** Runs the checks; implementations take `bytes` over (the caller must not use them again). */
export interface SnapshotChecker {
  check(bytes: Uint8Array, request: CheckRequest): Promise<CheckResult>;
  /** Runs `work` (a compaction's several checks) with the checker kept ready between them. */
  hold<T>(work: () => Promise<T>): Promise<T>;
  /** Frees what the checker holds (the worker thread); later checks fail. */
  close(): Promise<void>;
}

/** Opens `bytes`, runs PRAGMA quick_check and what `request` asks for. Synchronous: seconds on a large journal. */
export function checkBytes(SQL: SqlJsStatic, bytes: Uint8Array, request: CheckRequest): CheckResult {
  // Hashed before opening: sql.js may use the bytes as its file and change them.
  const hash = request.sha256 ? createHash('sha256').update(bytes).digest('hex') : undefined;
  const check = openSnapshot(SQL, bytes, 'quick');
  if (!check.ok) return { ok: false, problem: check.problem, detail: check.detail };
  try {
    const counts = countRows(check.db, request.count ?? []);
    const checkIns = request.checkIns ? Number(check.db.exec(`SELECT count(*) FROM checkins WHERE ${LIVE}`)[0]?.values[0]?.[0] ?? 0) : undefined;
    return { ok: true, counts, checkIns, sha256: hash };
  } catch (e) {
    return { ok: false, problem: 'unreadable', detail: String((e as Error).message ?? e) };
  } finally {
    check.db.close();
  }
}

/** Rows in each of `tables`, in one statement. */
export function countRows(db: { exec(sql: string): { values: unknown[][] }[] }, tables: readonly string[]): Record<string, number> {
  if (tables.length === 0) return {};
  const values = db.exec(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})`).join(', ')}`)[0]?.values[0] ?? [];
  return Object.fromEntries(tables.map((t, i) => [t, Number(values[i] ?? 0)]));
}

/** The checks on this thread: for tests that ask for it, and for callers outside the store. */
export function inThreadChecker(SQL: SqlJsStatic): SnapshotChecker {
  let closed = false;
  return {
    check: async (bytes, request) => {
      if (closed) throw new Error('The snapshot checker is closed.');
      return checkBytes(SQL, bytes, request);
    },
    hold: (work) => work(),
    close: async () => {
      closed = true;
    }
  };
}
