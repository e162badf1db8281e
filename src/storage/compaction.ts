// The last step of a compaction: the in-memory journal becomes the snapshot on disk. The new file
// is written beside the old one, read back, opened and quick-checked, and its row counts compared
// with memory, all before it replaces the old snapshot. Only then is its fingerprint recorded, and
// only after that may the caller delete the logs it folded in. Only the export runs on this thread
// whatever the size; the check and the hash run in the storage worker (checks.ts). In an encrypted
// journal the file is sealed here, and the bytes read back are hashed and opened on this thread
// (about 10-20 ms per MB), then only the plaintext goes to the worker: no key ever leaves this thread.
import * as path from 'path';
import type { Database } from 'sql.js';
import type { SnapshotChecker } from './checks';
import type { FileIdentity, JournalFiles } from './files';
import type { Sealing } from './sealing';
import { recordFingerprint, SNAPSHOT_NAME } from './snapshotFiles';
import { rowCounts, verifySnapshotFile, VerifyError } from './verify';

export interface WrittenSnapshot {
  /** The journal as exported (plaintext, for the backups to seal as their own kind). */
  bytes: Uint8Array;
  identity: FileIdentity;
  /** How long counting and exporting held this thread. */
  exportMs: number;
}

/** Throws, leaving the old snapshot in place and no temp file, if any step fails. */
export async function writeVerifiedSnapshot(files: JournalFiles, checker: SnapshotChecker, dir: string, db: Database, sealing?: Sealing): Promise<WrittenSnapshot> {
  const file = path.join(dir, SNAPSHOT_NAME);
  const started = performance.now();
  const counts = rowCounts(db);
  const bytes = db.export();
  const exportMs = performance.now() - started;
  const onDisk = sealing ? sealing.seal('snapshot', bytes) : bytes;
  let hash = '';
  await files.writeAtomic(file, onDisk, { verify: async (tmp) => void (hash = await verifySnapshotFile(files, checker, tmp, onDisk, counts, sealing)) });
  const identity = await files.identity(file);
  if (!identity || identity.size !== onDisk.length) throw new VerifyError(file, 'it changed right after it was written');
  await recordFingerprint(files, dir, hash, identity);
  return { bytes, identity, exportMs };
}
