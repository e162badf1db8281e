// The snapshot file's lifecycle outside the database itself: copying a bad file aside, replacing
// it on the user's choice, and the fingerprint that lets a snapshot we wrote skip the full check.
import * as path from 'path';
import type { DataKey } from './crypto/dataKey';
import { SymlinkError } from './fileErrors';
import { Sealing } from './sealing';
import type { FileIdentity, JournalFiles } from './files';
import { sha256 } from './snapshotCheck';
import { verifySameBytes } from './verify';

export const SNAPSHOT_NAME = 'journal.sqlite';

/**
 * Fingerprint of the last snapshot this extension wrote and verified: its SHA-256 and its file
 * identity. A file whose bytes hash the same is trusted (its integrity check skipped). A file with
 * the same identity is trusted at once, but only provisionally: a file damaged in place keeps its
 * inode, size and modification time, so its hash is checked right after the journal opens.
 */
export const HASH_NAME = 'journal.sqlite.sha256';

interface Fingerprint {
  sha256: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/** Records `hash`, the SHA-256 of the snapshot just written and verified, with its file identity. */
export async function recordFingerprint(files: JournalFiles, dir: string, hash: string, identity: FileIdentity): Promise<void> {
  const print: Fingerprint = { sha256: hash, ...identity };
  await files.writeAtomic(path.join(dir, HASH_NAME), new TextEncoder().encode(JSON.stringify(print)));
}

/** Copies a bad snapshot aside, leaving the original byte-for-byte intact. */
export async function quarantine(files: JournalFiles, file: string, now: () => number): Promise<string | undefined> {
  const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
  const copy = `${file}.corrupt-${stamp}`;
  try {
    await files.copy(file, copy);
    return copy;
  } catch (e) {
    if (e instanceof SymlinkError) throw e; // a link in the copy's place: say so, write nothing
    return undefined; // e.g. the same second already has a copy; the original still stands
  }
}

export type Trust =
  /** Not the snapshot we wrote (or no fingerprint): run the full integrity check. */
  | { kind: 'none' }
  /** Same bytes as the snapshot we wrote. */
  | { kind: 'hash' }
  /** Same inode, size and time: trusted now, its hash still to be confirmed against `sha256`. */
  | { kind: 'identity'; sha256: string };

/** How far `bytes`, read from a file with `identity`, can be trusted as the snapshot we wrote. */
export async function trustOf(files: JournalFiles, dir: string, bytes: Uint8Array, identity: FileIdentity | undefined): Promise<Trust> {
  const recorded = await files.read(path.join(dir, HASH_NAME));
  if (!recorded) return { kind: 'none' };
  let print: Partial<Fingerprint>;
  try {
    print = JSON.parse(new TextDecoder().decode(recorded)) as Partial<Fingerprint>;
  } catch {
    return { kind: 'none' };
  }
  if (typeof print.sha256 !== 'string' || print.size !== bytes.length) return { kind: 'none' };
  if (identity && print.ino === identity.ino && print.size === identity.size && print.mtimeMs === identity.mtimeMs) return { kind: 'identity', sha256: print.sha256 };
  return print.sha256 === (await sha256(bytes)) ? { kind: 'hash' } : { kind: 'none' };
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
 * An encrypted journal needs its `key`: the backup is sealed again as the snapshot.
 */
export async function replaceSnapshot(files: JournalFiles, dir: string, backupPath: string | undefined, key?: DataKey): Promise<void> {
  const target = path.join(dir, SNAPSHOT_NAME);
  if (backupPath) {
    const read = await files.read(backupPath);
    if (!read) throw new Error(`The backup ${backupPath} no longer exists.`);
    const sealing = new Sealing(key);
    const opened = key ? sealing.open('any', read) : undefined;
    if (opened && !opened.ok) throw new Error(`The backup ${backupPath} cannot be used: ${opened.detail}.`);
    const bytes = opened ? sealing.seal('snapshot', opened.plain) : read;
    await files.writeAtomic(target, bytes, { verify: async (tmp) => void (await verifySameBytes(files, tmp, bytes)) });
  } else {
    await files.remove(target);
  }
}
