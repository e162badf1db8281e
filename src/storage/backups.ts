// Rolling backups in .mood-journal/backups/: the 7 daily and the 4 weekly copies written last, each
// written with the same atomic method as the journal itself and read back before it counts. A copy
// that does not open or fails PRAGMA quick_check (say, cut short by a full disk) counts as missing
// and is written again.
// Which copies are newest is decided by the order they were written in, carried in each name
// (`daily-2026-05-04.0042.sqlite`: the 42nd written here), never by the date in the name: a clock
// that ran a year ahead names its copies a year ahead, and they must not outrank today's.
// In an encrypted journal each copy is sealed (kind 'backup'); a plaintext one still reads.
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { TABLE_NAMES } from '../core/schemas';
import { isoWeek, type LocalDate } from '../core/time';
import { inThreadChecker, type SnapshotChecker } from './checks';
import { CopyNames } from './conflictCopies';
import type { DataKey } from './crypto/dataKey';
import type { FileIdentity, JournalFiles } from './files';
import { Sealing } from './sealing';
import { verifySameBytes } from './verify';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

const DAILY = /^daily-(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.sqlite$/;
const WEEKLY = /^weekly-(\d{4}-W\d{2})(?:\.(\d+))?\.sqlite$/;
/** Sync tools' copies of a backup, in every naming the journal knows for its own files. */
const COPIES = new CopyNames('(?:daily-\\d{4}-\\d{2}-\\d{2}|weekly-\\d{4}-W\\d{2})(?:\\.\\d+)?', '.sqlite');

/** Which tool made `name` as a copy of a backup, if it is one. */
export function backupCopyOf(name: string): ReturnType<CopyNames['of']> {
  return COPIES.of(name);
}

export interface BackupFile {
  name: string;
  path: string;
  kind: 'daily' | 'weekly';
  /** The day or ISO week it was taken, by the clock of the time. */
  label: string;
  /** Its place in the order backups were written here (0: written before the order was kept). */
  order: number;
}

export interface BackupInfo extends BackupFile {
  valid: boolean;
  /** Why it cannot be restored, when not valid. */
  problem?: string;
  /** Check-ins not deleted, and rows in all tables (tombstones included), when valid. */
  checkIns?: number;
  rows?: number;
  /** When the copy was written. */
  mtimeMs?: number;
}

/**
 * The backups of one journal. Remembers which copies it has checked, so each is read only once.
 * Copies are opened and checked by `checker` (the store's: in its worker thread).
 */
export class Backups {
  /** Path to the identity of a copy known to be valid (written and verified here, or checked). */
  private readonly known = new Map<string, string>();
  private readonly checker: SnapshotChecker;

  constructor(
    private readonly files: JournalFiles,
    checker: SnapshotChecker | SqlJsStatic,
    readonly dir: string,
    /** The store's: seals what is written, opens what is checked. */
    private readonly sealing = new Sealing()
  ) {
    this.checker = 'check' in checker ? checker : inThreadChecker(checker);
  }

  /**
   * Writes today's daily and this week's weekly copy unless a valid one exists that was not written
   * while the clock ran ahead, then prunes. Both copies written now share the next write order.
   * `plain` is the snapshot as exported; each copy is sealed as a backup when encryption is on.
   */
  async write(plain: Uint8Array, today: LocalDate): Promise<string[]> {
    const snapshot = this.sealing.seal('backup', plain);
    await this.files.mkdirp(this.dir); // refuses a backups folder that is a link (safePaths.ts)
    const all = await listBackups(this.files, this.dir);
    const order = Math.max(0, ...all.map((b) => b.order)) + 1;
    const written: string[] = [];
    for (const [kind, label] of [['daily', today], ['weekly', isoWeek(today)]] as const) {
      const current = all.find((b) => b.kind === kind && b.label === label);
      if (current && !writtenAhead(current, all) && (await this.isValid(current.path))) continue;
      const name = `${kind}-${label}.${String(order).padStart(4, '0')}.sqlite`;
      const file = path.join(this.dir, name);
      // The snapshot itself was verified before it replaced the journal; the copy must match it.
      await this.files.writeAtomic(file, snapshot, { verify: async (tmp) => void (await verifySameBytes(this.files, tmp, snapshot)) });
      this.remember(file, await this.files.identity(file));
      written.push(name);
      // A copy of the same day that does not open is of no use once this one is there.
      if (current && !(await this.isValid(current.path))) await this.files.remove(current.path);
    }
    if (written.length > 0) await this.prune();
    return written;
  }

  /** The copies that open and pass PRAGMA quick_check, newest first. */
  async valid(): Promise<BackupFile[]> {
    const out: BackupFile[] = [];
    for (const b of await listBackups(this.files, this.dir)) if (await this.isValid(b.path)) out.push(b);
    return out;
  }

  /** Opens and quick-checks a copy, unless this session already knows it unchanged and valid. */
  async isValid(file: string): Promise<boolean> {
    const id = await this.files.identity(file);
    if (id && this.known.get(file) === key(id)) return true;
    const info = await inspectWith(this.files, this.checker, { name: path.basename(file), path: file, kind: 'daily', label: '', order: 0 }, this.sealing);
    if (info.valid) this.remember(file, id);
    return info.valid;
  }

  /**
   * Sync tools' copies of backups (two machines wrote the same name while apart). The journal's
   * rows reach every machine through its own files, so a copy is one more backup of them: it takes
   * the original's place when that is missing or damaged, and is removed otherwise.
   */
  async settleCopies(): Promise<string[]> {
    if (!(await this.files.identity(this.dir))) return [];
    const settled: string[] = [];
    for (const name of await this.files.list(this.dir)) {
      const copy = backupCopyOf(name);
      if (!copy) continue;
      const file = path.join(this.dir, name);
      const original = path.join(this.dir, copy.of);
      if (!(await this.isValid(original)) && (await this.isValid(file))) await this.files.rename(file, original);
      else await this.files.remove(file);
      settled.push(name);
    }
    return settled;
  }

  private remember(file: string, id: FileIdentity | undefined): void {
    if (id) this.known.set(file, key(id));
  }

  private async prune(): Promise<void> {
    const all = await listBackups(this.files, this.dir);
    const daily = all.filter((b) => b.kind === 'daily');
    const weekly = all.filter((b) => b.kind === 'weekly');
    for (const old of [...daily.slice(KEEP_DAILY), ...weekly.slice(KEEP_WEEKLY)]) await this.files.remove(old.path);
  }
}

/** Every backup file by name, newest (last written) first; unchecked. */
export async function listBackups(files: JournalFiles, dir: string): Promise<BackupFile[]> {
  if (!(await files.identity(dir))) return [];
  const out: BackupFile[] = [];
  for (const name of await files.list(dir)) {
    const m = DAILY.exec(name) ?? WEEKLY.exec(name);
    if (m) out.push({ name, path: path.join(dir, name), kind: name.startsWith('daily') ? 'daily' : 'weekly', label: m[1], order: Number(m[2] ?? 0) });
  }
  // Same order: written together, or both before the order was kept; then a daily copy is never
  // older than the weekly copy of the same week.
  return out.sort((a, b) => b.order - a.order || (a.kind === b.kind ? b.label.localeCompare(a.label) : a.kind === 'daily' ? -1 : 1));
}

/**
 * Whether `b` was written while the clock ran ahead: a copy written after it carries an earlier day
 * (or week). The copy for today is then written again rather than kept.
 */
function writtenAhead(b: BackupFile, all: readonly BackupFile[]): boolean {
  const week = (x: BackupFile) => (x.kind === 'weekly' ? x.label : isoWeek(x.label as LocalDate));
  return all.some((o) => o.order > b.order && (o.kind === 'daily' && b.kind === 'daily' ? o.label < b.label : week(o) < week(b)));
}

/** Every backup, checked: the valid ones newest first, then the ones that cannot be restored. */
export async function inspectBackups(files: JournalFiles, SQL: SqlJsStatic, dir: string, key?: DataKey): Promise<BackupInfo[]> {
  const all: BackupInfo[] = [];
  for (const b of await listBackups(files, dir)) all.push(await inspectBackup(files, SQL, b, key));
  return [...all.filter((b) => b.valid), ...all.filter((b) => !b.valid)];
}

/**
 * Whether a backup opens and passes PRAGMA quick_check (on this thread); with its counts when it
 * does. An encrypted backup needs the journal's `key`.
 */
export function inspectBackup(files: JournalFiles, SQL: SqlJsStatic, backup: BackupFile, key?: DataKey): Promise<BackupInfo> {
  return inspectWith(files, inThreadChecker(SQL), backup, new Sealing(key));
}

async function inspectWith(files: JournalFiles, checker: SnapshotChecker, backup: BackupFile, sealing: Sealing): Promise<BackupInfo> {
  let id: FileIdentity | undefined;
  let bytes: Uint8Array | undefined;
  try {
    id = await files.identity(backup.path);
    bytes = await files.read(backup.path);
  } catch (e) {
    return { ...backup, valid: false, problem: String((e as Error).message ?? e) };
  }
  if (!bytes) return { ...backup, valid: false, problem: 'it no longer exists' };
  // Opened here (no key goes to the worker), then checked as plaintext.
  const opened = sealing.open('backup', bytes);
  if (!opened.ok) return { ...backup, valid: false, problem: opened.detail, mtimeMs: id?.mtimeMs };
  const check = await checker.check(opened.plain, { count: TABLE_NAMES, checkIns: true });
  if (!check.ok) return { ...backup, valid: false, problem: check.detail, mtimeMs: id?.mtimeMs };
  const rows = Object.values(check.counts).reduce((a, b) => a + b, 0);
  return { ...backup, valid: true, checkIns: check.checkIns, rows, mtimeMs: id?.mtimeMs };
}

function key(id: FileIdentity): string {
  return `${id.ino}:${id.size}:${id.mtimeMs}`;
}
