// The last step of a compaction: the in-memory journal becomes the snapshot on disk. The new file
// is written beside the old one, read back, opened and quick-checked, and its row counts compared
// with memory, all before it replaces the old snapshot. Only then is its fingerprint recorded, and
// only after that may the caller delete the logs it folded in. Only the export runs on this thread
// whatever the size; the check and the hash run in the storage worker (checks.ts).
import * as path from 'path';
import type { Database } from 'sql.js';
import type { SnapshotChecker } from './checks';
import type { FileIdentity, JournalFiles } from './files';
import { recordFingerprint, SNAPSHOT_NAME } from './snapshotFiles';
import { rowCounts, verifySnapshotFile, VerifyError } from './verify';

export interface WrittenSnapshot {
  bytes: Uint8Array;
  identity: FileIdentity;
  /** How long counting and exporting held this thread. */
  exportMs: number;
}

/** Throws, leaving the old snapshot in place and no temp file, if any step fails. */
export async function writeVerifiedSnapshot(files: JournalFiles, checker: SnapshotChecker, dir: string, db: Database): Promise<WrittenSnapshot> {
  const file = path.join(dir, SNAPSHOT_NAME);
  const started = performance.now();
  const counts = rowCounts(db);
  const bytes = db.export();
  const exportMs = performance.now() - started;
  let hash = '';
  await files.writeAtomic(file, bytes, { verify: async (tmp) => void (hash = await verifySnapshotFile(files, checker, tmp, bytes, counts)) });
  const identity = await files.identity(file);
  if (!identity || identity.size !== bytes.length) throw new VerifyError(file, 'it changed right after it was written');
  await recordFingerprint(files, dir, hash, identity);
  return { bytes, identity, exportMs };
}
