// Turning encryption on or off, after the compaction that rewrites the snapshot and folds the own
// logs away: every other file the journal keeps (backups, before-restore and damaged-snapshot copies,
// the copies in merged/) is rewritten to match, one at a time, each through the same atomic write
// and read-back as a backup. A file is replaced only by a verified one, so a crash at any point
// leaves each file whole, sealed or not, and both kinds read with the key; the change is resumed.
import * as path from 'path';
import { isSealedFile, type FileKind } from './crypto/sealed';
import type { JournalFiles } from './files';
import { encodeChange } from './opLog';
import type { Sealing } from './sealing';
import { SNAPSHOT_NAME } from './snapshotFiles';
import { verifySameBytes } from './verify';
import { listBackups } from './backups';

export interface RestOutcome {
  rewritten: string[];
  /** Files left as they are: damaged, or sealed with another key. */
  kept: string[];
}

/** Rewrites every file below so it is sealed exactly when `sealing.on`. */
export async function rewriteRest(files: JournalFiles, dir: string, backupDir: string, mergedDir: string, sealing: Sealing): Promise<RestOutcome> {
  const out: RestOutcome = { rewritten: [], kept: [] };
  for (const b of await listBackups(files, backupDir)) await rewrite(files, b.path, 'backup', sealing, out);
  for (const name of await files.list(dir)) {
    if (name.startsWith(`${SNAPSHOT_NAME}.before-restore-`)) await rewrite(files, path.join(dir, name), 'before-restore', sealing, out);
    else if (name.startsWith(`${SNAPSHOT_NAME}.corrupt-`)) await rewrite(files, path.join(dir, name), 'conflict-copy', sealing, out);
  }
  if (await files.identity(mergedDir)) {
    for (const name of await files.list(mergedDir)) await rewrite(files, path.join(mergedDir, name), 'conflict-copy', sealing, out);
  }
  return out;
}

async function rewrite(files: JournalFiles, file: string, kind: FileKind, sealing: Sealing, out: RestOutcome): Promise<void> {
  const bytes = await files.read(file);
  if (!bytes) return;
  const next = sealing.on ? sealed(bytes, kind, sealing) : unsealed(bytes, sealing);
  if (next === 'keep') out.kept.push(file);
  if (next === 'keep' || next === 'same') return;
  await files.writeAtomic(file, next, { verify: async (tmp) => void (await verifySameBytes(files, tmp, next)) });
  out.rewritten.push(file);
}

/** A file or log whose every record is sealed stays; plaintext (or a plaintext log) is sealed whole. */
function sealed(bytes: Uint8Array, kind: FileKind, sealing: Sealing): Uint8Array | 'same' | 'keep' {
  if (isSealedFile(bytes)) return 'same';
  if (isLogText(bytes) && sealing.decodeLog(bytes).plainRecords === 0) return 'same';
  return sealing.seal(kind, bytes);
}

/** A sealed file opened whole; a log of sealed lines written again as plaintext lines. */
function unsealed(bytes: Uint8Array, sealing: Sealing): Uint8Array | 'same' | 'keep' {
  if (isSealedFile(bytes)) {
    const opened = sealing.open('any', bytes);
    return opened.ok ? opened.plain : 'keep';
  }
  if (!isLogText(bytes)) return 'same';
  const decoded = sealing.decodeLog(bytes);
  if (decoded.plainRecords === decoded.changes.length && decoded.keptRecords === 0) return 'same';
  if (decoded.keptRecords > 0) return 'keep';
  const parts = decoded.changes.map((ops) => encodeChange(ops));
  const plain = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    plain.set(p, at);
    at += p.length;
  }
  return plain;
}

/** Op-log text: records start after a newline (opLog.ts); a snapshot starts with the SQLite header. */
function isLogText(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes[0] === 0x0a;
}
