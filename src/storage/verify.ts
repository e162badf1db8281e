// Checks that what reached the disk is what was meant: a snapshot is read back, opened and
// quick-checked before it replaces the old one, so a write cut short can never replace the journal.
// The bytes are compared here; opening, checking and counting run in the storage worker (checks.ts).
import type { Database } from 'sql.js';
import { TABLE_NAMES, type TableName } from '../core/schemas';
import { countRows, type SnapshotChecker } from './checks';
import type { JournalFiles } from './files';
import type { Sealing } from './sealing';
import { sha256 } from './snapshotCheck';

export type RowCounts = Record<TableName, number>;

/** A written file is not what was meant to be written; the write was abandoned. */
export class VerifyError extends Error {
  constructor(
    readonly file: string,
    detail: string
  ) {
    super(`${file} did not verify after writing: ${detail}`);
    this.name = 'VerifyError';
  }
}

/** Every row of every table, tombstones included. */
export function rowCounts(db: Database): RowCounts {
  return countRows(db, TABLE_NAMES) as RowCounts;
}

/**
 * Reads `file` back and checks it is exactly `expected`, that SQLite opens it and PRAGMA
 * quick_check passes, and that every table holds `counts` rows. Throws VerifyError otherwise.
 * Returns the file's SHA-256.
 */
export async function verifySnapshotFile(files: JournalFiles, checker: SnapshotChecker, file: string, expected: Uint8Array, counts: RowCounts, sealing?: Sealing): Promise<string> {
  const onDisk = await verifySameBytes(files, file, expected);
  // A sealed file: hashed as it is on disk (the fingerprint is of the file), then opened here.
  const opened = sealing ? sealing.open('snapshot', onDisk) : { ok: true as const, plain: onDisk, sealed: false };
  if (!opened.ok) throw new VerifyError(file, `${opened.problem}: ${opened.detail}`);
  const sealedHash = opened.sealed ? await sha256(onDisk) : undefined;
  const check = await checker.check(opened.plain, { count: TABLE_NAMES, sha256: !opened.sealed });
  if (!check.ok) throw new VerifyError(file, `${check.problem}: ${check.detail}`);
  const differ = TABLE_NAMES.filter((t) => check.counts[t] !== counts[t]);
  if (differ.length > 0) throw new VerifyError(file, `row counts differ from memory in ${differ.join(', ')}`);
  const hash = sealedHash ?? check.sha256;
  if (!hash) throw new VerifyError(file, 'it could not be hashed');
  return hash;
}

/** Reads `file` back and checks it holds exactly `expected`; returns what it read. */
export async function verifySameBytes(files: JournalFiles, file: string, expected: Uint8Array): Promise<Uint8Array> {
  const bytes = await files.read(file);
  if (!bytes) throw new VerifyError(file, 'it is missing');
  if (bytes.length !== expected.length) throw new VerifyError(file, `it holds ${bytes.length} bytes, not ${expected.length}`);
  if (Buffer.compare(bytes, expected) !== 0) throw new VerifyError(file, 'its bytes differ from what was written');
  return bytes;
}
