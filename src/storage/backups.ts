// Rolling backups in .mood-journal/backups/: the last 7 daily and the last 4 weekly copies, each
// written with the same atomic method as the journal itself and read back before it counts. A copy
// that does not open or fails PRAGMA quick_check (say, cut short by a full disk) counts as missing
// and is written again.
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { isoWeek, type LocalDate } from '../core/time';
import type { FileIdentity, JournalFiles } from './files';
import { openSnapshot } from './snapshotCheck';
import { rowCounts, verifySameBytes } from './verify';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

const DAILY = /^daily-(\d{4}-\d{2}-\d{2})\.sqlite$/;
const WEEKLY = /^weekly-(\d{4}-W\d{2})\.sqlite$/;

export interface BackupFile {
  name: string;
  path: string;
  kind: 'daily' | 'weekly';
  /** The day or ISO week it was taken; names sort chronologically. */
  label: string;
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

/** The backups of one journal. Remembers which copies it has checked, so each is read only once. */
export class Backups {
  /** Path to the identity of a copy known to be valid (written and verified here, or checked). */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly files: JournalFiles,
    private readonly SQL: SqlJsStatic,
    readonly dir: string
  ) {}

  /** Writes today's daily and this week's weekly copy unless a valid one exists, then prunes. */
  async write(snapshot: Uint8Array, today: LocalDate): Promise<string[]> {
    await this.files.mkdirp(this.dir);
    await this.files.identity(this.dir); // refuses a backups folder that is a symbolic link
    const existing = new Set(await this.files.list(this.dir));
    const written: string[] = [];
    for (const name of [`daily-${today}.sqlite`, `weekly-${isoWeek(today)}.sqlite`]) {
      const file = path.join(this.dir, name);
      if (existing.has(name) && (await this.isValid(file))) continue;
      // The snapshot itself was verified before it replaced the journal; the copy must match it.
      await this.files.writeAtomic(file, snapshot, { verify: async (tmp) => void (await verifySameBytes(this.files, tmp, snapshot)) });
      this.remember(file, await this.files.identity(file));
      written.push(name);
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
    const info = await inspectBackup(this.files, this.SQL, { name: path.basename(file), path: file, kind: 'daily', label: '' });
    if (info.valid) this.remember(file, id);
    return info.valid;
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

/** Every backup file by name, newest first; unchecked. */
export async function listBackups(files: JournalFiles, dir: string): Promise<BackupFile[]> {
  if (!(await files.identity(dir))) return [];
  const out: BackupFile[] = [];
  for (const name of await files.list(dir)) {
    const daily = DAILY.exec(name);
    const weekly = WEEKLY.exec(name);
    if (daily) out.push({ name, path: path.join(dir, name), kind: 'daily', label: daily[1] });
    else if (weekly) out.push({ name, path: path.join(dir, name), kind: 'weekly', label: weekly[1] });
  }
  // Newest first; a daily copy is never older than the weekly copy of the same week.
  return out.sort((a, b) => (a.kind === b.kind ? b.label.localeCompare(a.label) : a.kind === 'daily' ? -1 : 1));
}

/** Every backup, checked: the valid ones newest first, then the ones that cannot be restored. */
export async function inspectBackups(files: JournalFiles, SQL: SqlJsStatic, dir: string): Promise<BackupInfo[]> {
  const all: BackupInfo[] = [];
  for (const b of await listBackups(files, dir)) all.push(await inspectBackup(files, SQL, b));
  return [...all.filter((b) => b.valid), ...all.filter((b) => !b.valid)];
}

/** Whether a backup opens and passes PRAGMA quick_check; with its counts when it does. */
export async function inspectBackup(files: JournalFiles, SQL: SqlJsStatic, backup: BackupFile): Promise<BackupInfo> {
  let id: FileIdentity | undefined;
  let bytes: Uint8Array | undefined;
  try {
    id = await files.identity(backup.path);
    bytes = await files.read(backup.path);
  } catch (e) {
    return { ...backup, valid: false, problem: String((e as Error).message ?? e) };
  }
  if (!bytes) return { ...backup, valid: false, problem: 'it no longer exists' };
  const check = openSnapshot(SQL, bytes, 'quick');
  if (!check.ok) return { ...backup, valid: false, problem: check.detail, mtimeMs: id?.mtimeMs };
  try {
    const rows = Object.values(rowCounts(check.db)).reduce((a, b) => a + b, 0);
    const checkIns = Number(check.db.exec('SELECT count(*) FROM checkins WHERE deleted_at IS NULL')[0]?.values[0]?.[0] ?? 0);
    return { ...backup, valid: true, checkIns, rows, mtimeMs: id?.mtimeMs };
  } catch (e) {
    return { ...backup, valid: false, problem: String((e as Error).message ?? e), mtimeMs: id?.mtimeMs };
  } finally {
    check.db.close();
  }
}

function key(id: FileIdentity): string {
  return `${id.ino}:${id.size}:${id.mtimeMs}`;
}
