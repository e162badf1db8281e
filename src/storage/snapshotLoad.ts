// Loading the snapshot when a journal opens, and noticing damage later: a file that is not a
// journal this version can read is copied aside and reported (CorruptJournalError), and so is a
// loaded database that SQLite finds "malformed" while running, so both go through recovery.
import * as os from 'os';
import * as path from 'path';
import type { Database, SqlJsStatic } from 'sql.js';
import { isDiskFull } from './fileErrors';
import type { FileIdentity, JournalFiles } from './files';
import { removeLeftovers } from './leftovers';
import { JournalLockedError, UNREADABLE_HERE, type Sealing } from './sealing';
import { isMalformedError, sha256, type SnapshotProblem } from './snapshotCheck';
import { forgetFingerprint, quarantine, sameFile, SNAPSHOT_NAME, trustOf } from './snapshotFiles';

/** The snapshot cannot be opened safely. The original is untouched and a copy sits at `copy`. */
export class CorruptJournalError extends Error {
  constructor(
    readonly file: string,
    readonly copy: string | undefined,
    readonly problem: SnapshotProblem,
    readonly detail: string
  ) {
    super(`The journal file ${file} cannot be opened: ${detail}.`);
    this.name = 'CorruptJournalError';
  }
}

export interface LoadedSnapshot {
  db: Database;
  /** Identity of the file as read; undefined when there was none. */
  identity: FileIdentity | undefined;
  /** False when the journal is new (no snapshot file yet). */
  existed: boolean;
  /** Trusted by its identity alone: the hash it must still be confirmed against (see confirmTrust). */
  unconfirmed?: string;
  /** The folder could not be created: the disk is full (the journal opens read-only, empty). */
  diskFull?: unknown;
  /** The file on disk is encrypted. */
  sealed?: boolean;
}

/**
 * Prepares the folder (removing crash leftovers) and loads the snapshot, or an empty database when
 * there is none. The snapshot this extension last wrote and verified skips the full integrity
 * check: by its hash, or provisionally by its unchanged identity (hashing 70 MB in a fresh process
 * costs as much as the rest of the open, so that hash is checked just after, see confirmTrust).
 * Anything else gets the full check.
 */
export async function loadSnapshot(
  files: JournalFiles,
  SQL: SqlJsStatic,
  dir: string,
  cleanDirs: string[],
  now: () => number,
  log: (message: string) => void,
  sealing: Sealing
): Promise<LoadedSnapshot> {
  try {
    await files.mkdirp(dir);
  } catch (e) {
    if (!isDiskFull(e)) throw e;
    return { db: new SQL.Database(), identity: undefined, existed: false, diskFull: e };
  }
  await refuseLinks(files, dir, cleanDirs);
  const leftovers = await removeLeftovers(files, [dir, ...cleanDirs], { now, host: os.hostname() });
  if (leftovers.length > 0) log(`Removed ${leftovers.length} file(s) left by an interrupted write: ${leftovers.join(', ')}`);
  const file = path.join(dir, SNAPSHOT_NAME);
  // Identity before content: if another window replaces the file in between, the next refresh
  // sees a different identity and merges the newer file.
  const identity = await files.identity(file);
  const bytes = await files.read(file);
  if (bytes === undefined) return { db: new SQL.Database(), identity, existed: false };
  const trust = await trustOf(files, dir, bytes, identity);
  // The trust is in the file as it is on disk (sealed or not); SQLite gets the plaintext.
  const check = sealing.openSnapshot(SQL, 'snapshot', bytes, trust.kind === 'none' ? 'full' : 'trusted');
  if (!check.ok) {
    // Another key or a newer format is not damage: nothing is copied aside or recovered over.
    if (check.problem === 'locked') throw new JournalLockedError(dir, undefined, undefined);
    if (UNREADABLE_HERE.includes(check.problem) && 'error' in check && check.error) throw check.error;
    const copy = await quarantine(files, file, now);
    throw new CorruptJournalError(file, copy, check.problem, check.detail);
  }
  return { db: check.db, identity, existed: true, unconfirmed: trust.kind === 'identity' ? trust.sha256 : undefined, sealed: check.sealed };
}

/**
 * Hashes a snapshot that was trusted by its identity alone, reading it again from disk in small
 * pieces (the bytes loaded at open now belong to the database). A mismatch means the file was
 * changed in place without its inode, size or time changing: it is reported as damage, which
 * sends the journal to the full check and recovery.
 */
export async function confirmTrust(files: JournalFiles, dir: string, loaded: LoadedSnapshot, guard: DamageGuard): Promise<void> {
  const expected = loaded.unconfirmed;
  if (!expected) return;
  loaded.unconfirmed = undefined;
  const file = path.join(dir, SNAPSHOT_NAME);
  const actual = files.sha256 ? await files.sha256(file) : await files.read(file).then((b) => b && sha256(b));
  if (actual === expected) return;
  // Replaced since it was loaded? Then a refresh merges the new file, with its own full check.
  if (!sameFile(await files.identity(file).catch(() => undefined), loaded.identity)) return;
  guard.damage(`its bytes no longer match the fingerprint recorded when it was written, though its size and time are unchanged`);
}

/**
 * Every journal file in the folder (`journal.*`) and the folders inside it (backups) is checked up
 * front, so a link shipped in a repository stops the journal with a message naming it, before
 * anything is read or written through it.
 */
async function refuseLinks(files: JournalFiles, dir: string, subDirs: string[]): Promise<void> {
  const names = await files.list(dir);
  for (const name of names) if (name.startsWith('journal.')) await files.identity(path.join(dir, name));
  for (const sub of subDirs) await files.identity(sub);
}

/**
 * Wraps SQLite calls on the loaded database. The first "malformed" error becomes a
 * CorruptJournalError, reported once to the listeners, and the fingerprint is dropped so the next
 * open runs the full integrity check instead of trusting the file.
 */
export class DamageGuard {
  private error: CorruptJournalError | undefined;
  private readonly listeners = new Set<(e: CorruptJournalError) => void>();
  /** Settles once the fingerprint is gone. */
  forgetting: Promise<void> = Promise.resolve();

  constructor(
    private readonly files: JournalFiles,
    private readonly dir: string,
    private readonly log: (message: string) => void
  ) {}

  get damaged(): CorruptJournalError | undefined {
    return this.error;
  }

  /** A listener added after the damage was found hears of it at once. */
  onDamage(listener: (e: CorruptJournalError) => void): () => void {
    this.listeners.add(listener);
    const found = this.error;
    if (found) queueMicrotask(() => this.listeners.has(listener) && listener(found));
    return () => this.listeners.delete(listener);
  }

  run<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw this.translate(e);
    }
  }

  /** The error to throw for `e`: itself, or the CorruptJournalError when SQLite found damage. */
  translate(e: unknown): unknown {
    if (!isMalformedError(e)) return e;
    return this.damage(`SQLite found it damaged while reading it (${String((e as Error).message ?? e).slice(0, 120)})`);
  }

  /** Records damage to the loaded snapshot (once) and tells the listeners. */
  damage(detail: string): CorruptJournalError {
    if (!this.error) {
      this.error = new CorruptJournalError(path.join(this.dir, SNAPSHOT_NAME), undefined, 'integrity', detail);
      this.log(`${this.error.message} Compaction is stopped; every change stays in the log.`);
      this.forgetting = forgetFingerprint(this.files, this.dir).catch(() => undefined);
      for (const l of this.listeners) l(this.error);
    }
    return this.error;
  }
}
