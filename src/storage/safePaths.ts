// The link rule of the data folder: nothing the extension creates, writes, reads or removes there
// goes through a link (a symbolic link, or a junction on Windows). Every path is checked with lstat
// component by component from the data folder down, opened with O_NOFOLLOW where Node offers it,
// and checked again once created, so a link swapped in meanwhile is caught. The data folder itself
// may be a link only to a folder of its own inside the workspace (checkDataFolder).
// Every file and folder under the data folder is made through this module: the journal's files
// layer (nodeFiles.ts) and the summary writer (services/privateFiles.ts) both call it.
import * as fsSync from 'fs';
import { promises as fs, constants } from 'fs';
import * as path from 'path';
import { SymlinkError } from './fileErrors';

/** 0 where the platform has no such flag (Windows); the lstat of every component stands in for it. */
export const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const DIRECTORY = constants.O_DIRECTORY ?? 0;
export const DIR_MODE = 0o700;

/** The system calls that create or replace an entry; the files layer passes its own (tests fail them). */
export interface EntryIo {
  open(file: string, flags: number, mode: number): Promise<fs.FileHandle>;
  openSync(file: string, flags: number, mode: number): number;
  rename(from: string, to: string): Promise<void>;
  link(from: string, to: string): Promise<void>;
  /** Creates a folder; its parent exists (the data folder itself may need its parents too). */
  mkdir(dir: string, mode: number): Promise<void>;
}

export const entryIo: EntryIo = {
  open: (file, flags, mode) => fs.open(file, flags, mode),
  openSync: (file, flags, mode) => fsSync.openSync(file, flags, mode),
  rename: (from, to) => fs.rename(from, to),
  link: (from, to) => fs.link(from, to),
  mkdir: async (dir, mode) => void (await fs.mkdir(dir, { recursive: true, mode }))
};

/** The paths under one data folder (`root`). A path outside it has only its last component checked. */
export class SafePaths {
  readonly root: string;

  constructor(
    root: string,
    private readonly io: EntryIo = entryIo
  ) {
    this.root = path.resolve(root);
  }

  contains(file: string): boolean {
    return isInside(path.resolve(file), this.root);
  }

  /** Refuses a link at any existing entry from just below the root down to `file`. */
  async check(file: string, includeLast = true): Promise<void> {
    for (const entry of this.chain(file, includeLast)) {
      const s = await fs.lstat(entry).catch(absent);
      if (!s) return; // nothing below a missing entry exists either
      if (s.isSymbolicLink()) throw await linkError(entry);
    }
  }

  checkSync(file: string, includeLast = true): void {
    for (const entry of this.chain(file, includeLast)) {
      let s: fsSync.Stats;
      try {
        s = fsSync.lstatSync(entry);
      } catch (e) {
        if (isAbsent(e)) return;
        throw e;
      }
      if (s.isSymbolicLink()) throw linkErrorSync(entry);
    }
  }

  /** Opens `file` to write (the flags say how) without following a link, then checks the path again. */
  async open(file: string, flags: number, mode: number): Promise<fs.FileHandle> {
    await this.check(file, !NOFOLLOW);
    let handle: fs.FileHandle;
    try {
      handle = await this.io.open(file, flags | NOFOLLOW, mode);
    } catch (e) {
      throw await refused(e, file);
    }
    try {
      await this.check(file);
    } catch (e) {
      // A folder on the way became a link while the file was created: undo what was made there.
      const made = (flags & constants.O_EXCL) !== 0 ? await handle.stat() : undefined;
      await handle.close().catch(() => undefined);
      if (made) await removeIfSame(file, made);
      throw e;
    }
    return handle;
  }

  openSync(file: string, flags: number, mode: number): number {
    this.checkSync(file, !NOFOLLOW);
    let fd: number;
    try {
      fd = this.io.openSync(file, flags | NOFOLLOW, mode);
    } catch (e) {
      throw refusedSync(e, file);
    }
    try {
      this.checkSync(file);
    } catch (e) {
      fsSync.closeSync(fd);
      throw e;
    }
    return fd;
  }

  /** Opens `file` to read; undefined when it does not exist. */
  async openForReading(file: string): Promise<fs.FileHandle | undefined> {
    try {
      await this.check(file, !NOFOLLOW);
      return await fs.open(file, constants.O_RDONLY | NOFOLLOW);
    } catch (e) {
      if (isAbsent(e)) return undefined;
      throw await refused(e, file);
    }
  }

  /** Creates `dir` and every missing folder from the root down, one at a time, 0700; refuses links. */
  async mkdirp(dir: string): Promise<void> {
    // Above the data folder, links are the user's business (a home folder reached through one).
    if (!(await fs.stat(this.root).catch(absent))) await this.io.mkdir(this.root, DIR_MODE);
    for (const entry of this.chain(dir, true)) {
      let s = await fs.lstat(entry).catch(absent);
      if (!s) {
        await this.io.mkdir(entry, DIR_MODE);
        s = await fs.lstat(entry);
        if (!s.isSymbolicLink()) await this.chmodDir(entry);
      }
      if (s.isSymbolicLink()) throw await linkError(entry);
      if (!s.isDirectory()) throw Object.assign(new Error(`${entry} is not a folder.`), { code: 'ENOTDIR' });
    }
  }

  /** Sets a folder's mode exactly (the umask only ever removes bits), never through a link. */
  async chmodDir(dir: string, mode = DIR_MODE): Promise<void> {
    if (process.platform === 'win32') return; // no POSIX modes
    await this.check(dir);
    const handle = await fs.open(dir, constants.O_RDONLY | DIRECTORY | NOFOLLOW).catch(async (e: unknown) => {
      throw await refused(e, dir);
    });
    try {
      await handle.chmod(mode);
    } finally {
      await handle.close();
    }
  }

  /** Renames; neither end nor any folder on the way may be a link, before or after. */
  async rename(from: string, to: string): Promise<void> {
    await this.check(from);
    await this.check(to);
    await this.io.rename(from, to);
    await this.check(to);
  }

  /** Hard-links `from` (a temp file just written) to the new name `to`; fails with EEXIST if it exists. */
  async link(from: string, to: string): Promise<void> {
    await this.check(to, false);
    await this.io.link(from, to);
    await this.check(to);
  }

  /** Removes a file; a link in its place or on the way is refused, not removed. */
  async remove(file: string): Promise<void> {
    await this.check(file);
    await fs.rm(file, { force: true });
  }

  /** The names in `dir` (none when it does not exist), for folders that may be large (a synced inbox's). */
  async list(dir: string): Promise<string[]> {
    await this.check(dir);
    return fs.readdir(dir).catch((e: unknown) => {
      if (isAbsent(e)) return [];
      throw e;
    });
  }

  /**
   * The names in `dir`, synchronously: the journal's folders hold a few dozen names, and with
   * encryption on every append lists one, where two trips to the thread pool (lstat, readdir)
   * cost more than the sync calls themselves.
   */
  listSync(dir: string): string[] {
    this.checkSync(dir);
    try {
      return fsSync.readdirSync(dir);
    } catch (e) {
      if (isAbsent(e)) return [];
      throw e;
    }
  }

  /** lstat of `file`, refusing a link; undefined when it does not exist. */
  async lstat(file: string): Promise<fsSync.Stats | undefined> {
    await this.check(file);
    return fs.lstat(file).catch(absent);
  }

  /** The entries from just below the root down to `file`; only `file` for a path outside the root. */
  private chain(file: string, includeLast: boolean): string[] {
    const abs = path.resolve(file);
    let out: string[];
    if (!this.contains(abs)) out = [abs];
    else {
      const rel = path.relative(this.root, abs);
      const parts = rel === '' ? [] : rel.split(path.sep);
      out = parts.map((_, i) => path.join(this.root, ...parts.slice(0, i + 1)));
    }
    return includeLast ? out : out.slice(0, -1);
  }
}

/** The encrypted journal's key file (crypto/keyFile.ts): the data key, wrapped by passphrase and phrase. */
export const KEY_FILE_NAME = 'journal.key';
/** Written before encryption is turned on or off and removed once done: a crash resumes the change. */
export const KEY_CHANGE_NAME = 'journal.key.changing';

/** The names the journal keeps in its folder (the key file among them); anything else means the folder is someone else's. */
const OWN_NAME = /^(?:journal.*|\.gitignore|backups|merged|summaries|\.DS_Store|Thumbs\.db|desktop\.ini)$/;

/**
 * A data folder inside the workspace (as written) may be reached through a link only when it leads
 * to a folder of its own inside the workspace: never outside it, never to the workspace root or
 * above, never to a folder holding anything but the journal's files (every folder git tracks holds
 * a file). Needs no git, so it holds in Restricted Mode too. A folder the user's settings put
 * outside the workspace is theirs to choose, and is not checked.
 */
export async function checkDataFolder(workspace: string, dir: string): Promise<void> {
  const ws = path.resolve(workspace);
  const d = path.resolve(dir);
  if (!isInside(d, ws) || d === ws) return;
  // The link nearest the workspace decides where everything below it really is.
  const parts = path.relative(ws, d).split(path.sep);
  let link: string | undefined;
  for (let i = 1; i <= parts.length && !link; i++) {
    const entry = path.join(ws, ...parts.slice(0, i));
    if ((await fs.lstat(entry).catch(absent))?.isSymbolicLink()) link = entry;
  }
  if (!link) return;
  const [realWs, realDir, target] = await Promise.all([realLocation(ws), realLocation(d), realLocation(link)]);
  if (!isInside(realDir, realWs)) throw new SymlinkError(link, target, 'outside');
  if (isInside(realWs, realDir)) throw new SymlinkError(link, target, 'workspace');
  // A link to a folder that does not exist yet would have the journal make it wherever it points.
  const names = await fs.readdir(realDir).catch(() => undefined);
  if (!names) throw new SymlinkError(link, target);
  if (names.some((n) => !OWN_NAME.test(n))) throw new SymlinkError(link, target, 'foreign');
}

/** The real path of `p`: its deepest existing ancestor resolved through links, plus the rest. */
export async function realLocation(p: string): Promise<string> {
  const rest: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...rest);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const parent = path.dirname(current);
      // A dangling link: its target does not exist yet, but the link itself decides where it leads.
      const link = await fs.readlink(current).catch(() => undefined);
      if (link !== undefined) return realLocation(path.join(path.resolve(parent, link), ...rest));
      if (parent === current) return path.join(current, ...rest);
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

async function linkError(link: string): Promise<SymlinkError> {
  return new SymlinkError(link, await realLocation(link).catch(() => undefined));
}

function linkErrorSync(link: string): SymlinkError {
  let target: string | undefined;
  try {
    target = path.resolve(path.dirname(link), fsSync.readlinkSync(link));
  } catch {
    target = undefined;
  }
  return new SymlinkError(link, target);
}

/** O_NOFOLLOW refuses a link with ELOOP (EMLINK on some BSDs), O_EXCL with EEXIST: name it. */
async function refused(e: unknown, file: string): Promise<unknown> {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== 'ELOOP' && code !== 'EMLINK' && code !== 'EEXIST') return e;
  const s = await fs.lstat(file).catch(() => undefined);
  return s?.isSymbolicLink() ? linkError(file) : e;
}

function refusedSync(e: unknown, file: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== 'ELOOP' && code !== 'EMLINK' && code !== 'EEXIST') return e;
  try {
    return fsSync.lstatSync(file).isSymbolicLink() ? linkErrorSync(file) : e;
  } catch {
    return e;
  }
}

async function removeIfSame(file: string, made: fsSync.Stats): Promise<void> {
  const s = await fs.stat(file).catch(() => undefined);
  if (s && s.ino === made.ino && s.dev === made.dev) await fs.rm(file, { force: true });
}

function isAbsent(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** For `.catch`: undefined for "does not exist"; any other error is thrown again. */
function absent(e: unknown): undefined {
  if (isAbsent(e)) return undefined;
  throw e;
}
