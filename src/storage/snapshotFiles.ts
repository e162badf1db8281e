// The snapshot file's lifecycle outside the database itself: copying a bad file aside, replacing
// it on the user's choice, and the fingerprint that lets a snapshot we wrote skip the full check.
import * as path from 'path';
import type { FileIdentity, JournalFiles } from './files';
import { sha256 } from './snapshotCheck';
import { verifySameBytes } from './verify';

export const SNAPSHOT_NAME = 'journal.sqlite';

/**
 * Fingerprint of the last snapshot this extension wrote and verified: its SHA-256 and its file
 * identity. A file is trusted (its integrity check skipped) only if its bytes hash the same: a file
 * damaged in place keeps its inode, size and modification time, so identity alone proves nothing.
 */
export const HASH_NAME = 'journal.sqlite.sha256';

interface Fingerprint {
  sha256: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

export async function recordFingerprint(files: JournalFiles, dir: string, snapshot: Uint8Array, identity: FileIdentity): Promise<void> {
  const print: Fingerprint = { sha256: await sha256(snapshot), ...identity };
  await files.writeAtomic(path.join(dir, HASH_NAME), new TextEncoder().encode(JSON.stringify(print)));
}

/** Copies a bad snapshot aside, leaving the original byte-for-byte intact. */
export async function quarantine(files: JournalFiles, file: string, now: () => number): Promise<string | undefined> {
  const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
  const copy = `${file}.corrupt-${stamp}`;
  try {
    await files.copy(file, copy);
    return copy;
  } catch {
    return undefined; // e.g. the same second already has a copy; the original still stands
  }
}

/** Whether `bytes` are exactly the last snapshot this extension wrote (see HASH_NAME). */
export async function isOwnSnapshot(files: JournalFiles, dir: string, bytes: Uint8Array): Promise<boolean> {
  const recorded = await files.read(path.join(dir, HASH_NAME));
  if (!recorded) return false;
  let print: Partial<Fingerprint>;
  try {
    print = JSON.parse(new TextDecoder().decode(recorded)) as Partial<Fingerprint>;
  } catch {
    return false;
  }
  return print.size === bytes.length && typeof print.sha256 === 'string' && print.sha256 === (await sha256(bytes));
}

/** After SQLite found the loaded snapshot malformed: the next open runs the full check. */
export async function forgetFingerprint(files: JournalFiles, dir: string): Promise<void> {
  await files.remove(path.join(dir, HASH_NAME));
}

export function sameFile(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return !!a && !!b && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Replaces the snapshot with a backup (or removes it, to start a new journal), after the caller
 * has made sure the current file is copied aside. The op log is kept, so recent changes survive.
 */
export async function replaceSnapshot(files: JournalFiles, dir: string, backupPath: string | undefined): Promise<void> {
  const target = path.join(dir, SNAPSHOT_NAME);
  if (backupPath) {
    const bytes = await files.read(backupPath);
    if (!bytes) throw new Error(`The backup ${backupPath} no longer exists.`);
    await files.writeAtomic(target, bytes, { verify: async (tmp) => void (await verifySameBytes(files, tmp, bytes)) });
  } else {
    await files.remove(target);
  }
}
