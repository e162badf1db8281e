// Rolling backups in .mood-journal/backups/: the last 7 daily and the last 4 weekly copies, each
// written with the same atomic method as the journal itself.
import * as path from 'path';
import { isoWeek, type LocalDate } from '../core/time';
import type { JournalFiles } from './files';

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

/** Writes today's daily and this week's weekly copy if missing, then prunes old ones. */
export async function writeBackups(files: JournalFiles, dir: string, snapshot: Uint8Array, today: LocalDate): Promise<string[]> {
  await files.mkdirp(dir);
  const existing = new Set(await files.list(dir));
  const written: string[] = [];
  for (const name of [`daily-${today}.sqlite`, `weekly-${isoWeek(today)}.sqlite`]) {
    if (existing.has(name)) continue;
    await files.writeAtomic(path.join(dir, name), snapshot);
    written.push(name);
  }
  if (written.length > 0) await prune(files, dir);
  return written;
}

export async function listBackups(files: JournalFiles, dir: string): Promise<BackupFile[]> {
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

async function prune(files: JournalFiles, dir: string): Promise<void> {
  const all = await listBackups(files, dir);
  const daily = all.filter((b) => b.kind === 'daily');
  const weekly = all.filter((b) => b.kind === 'weekly');
  for (const old of [...daily.slice(KEEP_DAILY), ...weekly.slice(KEEP_WEEKLY)]) await files.remove(old.path);
}
