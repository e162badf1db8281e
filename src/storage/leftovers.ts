// Files a crash can leave in the data folder: temp copies of the snapshot (private data), lock
// candidates and lock takeover claims. Each name (or, for a claim, its content) carries the pid of
// the process that made it, so a later session can tell a leftover from work still in progress.
import * as path from 'path';
import type { JournalFiles } from './files';
import { processAlive } from './processes';

/** Left alone while younger than this: no write takes that long, and clocks on shares drift. */
export const LEFTOVER_MIN_AGE_MS = 60_000;
/** A file dated further ahead than this was written while a clock ran ahead: its age says nothing. */
const MAX_AHEAD_MS = 5 * 60_000;

// writeAtomic's `<file>.tmp-<pid>-…`, createExclusive's `<file>.new-<pid>-…`, and a lock moved
// aside by earlier versions, `<lock>.stale-<pid>-…`.
const PID_IN_NAME = /\.(?:tmp|new|stale)-(\d+)-[0-9a-z]+$/;
// A lock takeover claim, `<lock>.stale-<crc>-<length>` (hex); its content names the claimant.
const CLAIM = /\.lock\.stale-[0-9a-f]+-[0-9a-f]+$/;

export interface LeftoverOptions {
  now: () => number;
  host: string;
  isAlive?: (pid: number) => boolean;
}

/** Removes crash leftovers from `dirs`; returns the names removed. */
export async function removeLeftovers(files: JournalFiles, dirs: string[], opts: LeftoverOptions): Promise<string[]> {
  const isAlive = opts.isAlive ?? processAlive;
  const removed: string[] = [];
  for (const dir of dirs) {
    for (const name of await files.list(dir)) {
      const file = path.join(dir, name);
      const owner = await ownerOf(files, file, name, opts.host);
      if (owner === undefined) continue;
      const id = await files.identity(file).catch(() => undefined);
      const age = id ? opts.now() - id.mtimeMs : 0;
      if (!id || (age < LEFTOVER_MIN_AGE_MS && -age <= MAX_AHEAD_MS)) continue;
      if (owner !== 'elsewhere' && isAlive(owner)) continue;
      await files.remove(file);
      removed.push(name);
    }
  }
  return removed;
}

/** The pid that made a leftover, 'elsewhere' for another machine's, undefined if not a leftover. */
async function ownerOf(files: JournalFiles, file: string, name: string, host: string): Promise<number | 'elsewhere' | undefined> {
  if (CLAIM.test(name)) {
    const bytes = await files.read(file).catch(() => undefined);
    try {
      const info = JSON.parse(new TextDecoder().decode(bytes)) as { pid?: unknown; host?: unknown };
      if (info.host !== host) return 'elsewhere';
      return typeof info.pid === 'number' ? info.pid : 'elsewhere';
    } catch {
      return 'elsewhere'; // unreadable: only its age decides
    }
  }
  const m = PID_IN_NAME.exec(name);
  return m ? Number(m[1]) : undefined;
}
