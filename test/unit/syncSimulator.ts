// A stand-in for file sync tools, for the multi-machine tests: two folders (machine A and machine B)
// and, per tool, a sync() that brings them together the way that tool does. A file changed on one
// side since the last sync is copied over (a deletion too); a file changed on both sides is a
// conflict, settled with the tool's rule and its naming for the copy it keeps; a file deleted on one
// side and changed on the other comes back. Modification times travel with the files, as they do
// with these tools. Naming per tool is documented, with sources, in the README.
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';

export interface Machine {
  dir: string;
  /** The computer's name (OneDrive), the account's display name (Dropbox), the device id (Syncthing). */
  computer: string;
  user: string;
  device: string;
}

export interface SyncTool {
  name: string;
  /**
   * Who loses a conflict. `newer` keeps the name (Syncthing, Dropbox, Google Drive, iCloud);
   * `local` means the machine running the sync renames its own copy (OneDrive, Nextcloud, ownCloud).
   */
  loser: 'older' | 'local';
  /** The tool's name for the losing copy of `file` made by `by` at `when`; `n` counts up while the name is taken. */
  copyName(file: string, by: Machine, when: Date, n: number): string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (d: Date, sep = '-') => `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`;
const hms = (d: Date) => `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;

/** Splits "journal.a.oplog" into "journal.a" and ".oplog", as the tools do (the last extension). */
function split(file: string): [string, string] {
  const ext = path.extname(file);
  return [file.slice(0, file.length - ext.length), ext];
}

export const TOOLS: readonly SyncTool[] = [
  { name: 'Syncthing', loser: 'older', copyName: (f, by, d) => { const [s, e] = split(f); return `${s}.sync-conflict-${ymd(d, '')}-${hms(d)}-${by.device}${e}`; } },
  { name: 'Dropbox', loser: 'older', copyName: (f, by, d) => { const [s, e] = split(f); return `${s} (${by.user}'s conflicted copy ${ymd(d)})${e}`; } },
  { name: 'OneDrive', loser: 'local', copyName: (f, by) => { const [s, e] = split(f); return `${s}-${by.computer}${e}`; } },
  { name: 'Nextcloud', loser: 'local', copyName: (f, _by, d) => { const [s, e] = split(f); return `${s} (conflicted copy ${ymd(d)} ${hms(d)})${e}`; } },
  { name: 'ownCloud (before 2.5)', loser: 'local', copyName: (f, _by, d) => { const [s, e] = split(f); return `${s}_conflict-${ymd(d, '')}-${hms(d)}${e}`; } },
  { name: 'Google Drive', loser: 'older', copyName: (f, _by, _d, n) => { const [s, e] = split(f); return `${s} (${n})${e}`; } },
  { name: 'iCloud Drive', loser: 'older', copyName: (f, _by, _d, n) => { const [s, e] = split(f); return `${s} ${n + 1}${e}`; } }
];

/**
 * Each machine's writer lock stays its own here. Real tools carry it across too; a lock from another
 * host is then taken over once its heartbeat is stale, which this single-process test cannot show.
 */
const NOT_SYNCED = new Set(['journal.sqlite.lock']);

/** Two folders kept in sync by one tool; remembers what they held after the last sync. */
export class SyncedPair {
  private readonly base = new Map<string, string>();
  conflicts = 0;

  constructor(
    readonly tool: SyncTool,
    readonly a: Machine,
    readonly b: Machine
  ) {}

  /** One sync run by `local`'s client against the other machine. */
  async sync(local: Machine, when: Date): Promise<void> {
    const remote = local === this.a ? this.b : this.a;
    const names = new Set([...(await listFiles(local.dir)), ...(await listFiles(remote.dir))].filter((n) => !NOT_SYNCED.has(n)));
    for (const name of [...names].sort()) {
      const [mine, theirs] = [await hashOf(local.dir, name), await hashOf(remote.dir, name)];
      const last = this.base.get(name);
      if (mine === theirs) {
        this.remember(name, mine);
      } else if (theirs === last || (theirs === undefined && mine !== undefined && mine !== last)) {
        await copyOver(local, remote, name); // changed here only, or changed here and deleted there
        this.remember(name, mine);
      } else if (mine === last || mine === undefined) {
        await copyOver(remote, local, name); // changed there only, or deleted here and changed there
        this.remember(name, theirs);
      } else {
        await this.conflict(local, remote, name, when);
      }
    }
  }

  private async conflict(local: Machine, remote: Machine, name: string, when: Date): Promise<void> {
    this.conflicts++;
    const [localTime, remoteTime] = [await mtime(local.dir, name), await mtime(remote.dir, name)];
    const loser = this.tool.loser === 'local' ? local : localTime > remoteTime || (localTime === remoteTime && local.device > remote.device) ? remote : local;
    const winner = loser === local ? remote : local;
    const first = this.tool.copyName(name, loser, when, 1);
    let copy = first;
    for (let n = 2; (await hashOf(local.dir, copy)) !== undefined || (await hashOf(remote.dir, copy)) !== undefined; n++) {
      const next = this.tool.copyName(name, loser, when, n);
      copy = next !== first ? next : `${split(first)[0]} (${n})${split(first)[1]}`;
    }
    // The losing version is kept under the new name on both machines; the winner takes the name.
    for (const side of [local, remote]) await fs.mkdir(path.dirname(path.join(side.dir, copy)), { recursive: true });
    await fs.copyFile(path.join(loser.dir, name), path.join(loser.dir, copy));
    await copyOver(loser, winner, copy);
    await copyOver(winner, loser, name);
    this.remember(name, await hashOf(winner.dir, name));
    this.remember(copy, await hashOf(winner.dir, copy));
  }

  private remember(name: string, hash: string | undefined): void {
    if (hash === undefined) this.base.delete(name);
    else this.base.set(name, hash);
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => [])) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

async function hashOf(dir: string, name: string): Promise<string | undefined> {
  const bytes = await fs.readFile(path.join(dir, name)).catch(() => undefined);
  return bytes && createHash('sha256').update(bytes).digest('hex');
}

async function mtime(dir: string, name: string): Promise<number> {
  return (await fs.stat(path.join(dir, name))).mtimeMs;
}

/** Makes `to` hold `from`'s version of `name` (or none), keeping its modification time. */
async function copyOver(from: Machine, to: Machine, name: string): Promise<void> {
  const [src, dst] = [path.join(from.dir, name), path.join(to.dir, name)];
  const stat = await fs.stat(src).catch(() => undefined);
  if (!stat) {
    await fs.rm(dst, { force: true });
    return;
  }
  await fs.mkdir(path.dirname(dst), { recursive: true });
  // Like the tools: write a temporary file, then rename it over the old one.
  const tmp = `${dst}.sync-tmp`;
  await fs.copyFile(src, tmp);
  await fs.utimes(tmp, stat.atime, stat.mtime);
  await fs.rename(tmp, dst);
}
