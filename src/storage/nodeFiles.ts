// JournalFiles on Node's fs, with the fsync discipline that makes the journal crash-safe. Every
// write is checked: all bytes written (a disk that is nearly full writes short), fsync'd, and a temp
// file's size confirmed before it is renamed into place. A failed write removes its temp file.
// Which paths may be touched at all (never through a link) is decided by safePaths.ts: every path
// goes through the SafePaths of the data folder it lies in.
import { createHash } from 'crypto';
import * as fsSync from 'fs';
import { promises as fs, constants } from 'fs';
import * as path from 'path';
import type { FileIdentity, JournalFiles, WriteOptions } from './files';
import { useNodeAead } from './nodeAead';
import { entryIo, SafePaths, type EntryIo } from './safePaths';

// Every store on Node reads and writes through this module, so this is where Node's native cipher
// replaces the pure-JS one (same bytes; crypto/ itself stays free of Node modules for the browser).
useNodeAead();

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);
const FILE_MODE = 0o600;

/** The system calls that change files, replaceable so tests can fail or cut short any one of them. */
export interface FileIo extends EntryIo {
  /** Returns the bytes written, which may be fewer than asked. */
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  /** Returns the bytes written, which may be fewer than asked. */
  write(handle: fs.FileHandle, data: Uint8Array, offset: number, length: number): Promise<number>;
  sync(handle: fs.FileHandle): Promise<void>;
}

export const realIo: FileIo = {
  ...entryIo,
  writeSync: (fd, data, offset, length) => fsSync.writeSync(fd, data, offset, length),
  fsyncSync: (fd) => fsSync.fsyncSync(fd),
  write: async (handle, data, offset, length) => (await handle.write(data, offset, length)).bytesWritten,
  sync: (handle) => handle.sync()
};

export interface NodeFilesOptions {
  platform?: NodeJS.Platform;
  io?: Partial<FileIo>;
  /** The data folder: no link is followed anywhere below it. More can be added with protect(). */
  root?: string;
}

export class NodeFiles implements JournalFiles {
  private readonly appendFds = new Map<string, number>();
  private readonly appendedTo = new Map<string, FileIdentity>();
  private readonly platform: NodeJS.Platform;
  private readonly io: FileIo;
  private readonly roots: SafePaths[] = [];

  constructor(opts: NodeFilesOptions = {}) {
    this.platform = opts.platform ?? process.platform;
    this.io = { ...realIo, ...opts.io };
    if (opts.root) this.protect(opts.root);
  }

  /** From now on, no link is followed anywhere from `root` (a data folder) down. */
  protect(root: string): void {
    if (!this.roots.some((r) => r.root === path.resolve(root))) this.roots.push(new SafePaths(root, this.io));
  }

  /** The rule for `file`: its data folder's, or (outside every one) its last component only. */
  private safe(file: string): SafePaths {
    let best: SafePaths | undefined;
    for (const r of this.roots) if (r.contains(file) && (!best || r.root.length > best.root.length)) best = r;
    return best ?? new SafePaths(path.dirname(file), this.io);
  }

  async read(file: string): Promise<Uint8Array | undefined> {
    const handle = await this.openForReading(file);
    if (!handle) return undefined;
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  async readFrom(file: string, offset: number): Promise<Uint8Array | undefined> {
    const handle = await this.openForReading(file);
    if (!handle) return undefined;
    try {
      const { size } = await handle.stat();
      if (size <= offset) return new Uint8Array(0);
      const buf = Buffer.alloc(size - offset);
      let read = 0;
      while (read < buf.length) {
        const r = await handle.read(buf, read, buf.length - read, offset + read);
        if (r.bytesRead === 0) break;
        read += r.bytesRead;
      }
      return buf.subarray(0, read);
    } finally {
      await handle.close();
    }
  }

  async appendDurable(file: string, data: Uint8Array): Promise<void> {
    // Synchronous on purpose: a check-in is a few hundred bytes and one fsync, and going through the
    // thread pool several times per write would cost more than the write itself.
    // A compactor may rename the log at any moment. Re-append until the bytes are in the file that
    // owns the path; duplicates are harmless because records are upserts. If a write fails midway
    // (disk full), the call throws: the torn record fails its checksum, and the next record starts
    // on a new line, so it is never swallowed.
    this.appendedTo.delete(file);
    for (let attempt = 0; attempt < 5; attempt++) {
      const fd = this.appendFd(file);
      let written = 0;
      while (written < data.length) written += checkedCount(this.io.writeSync(fd, data, written, data.length - written), file);
      this.io.fsyncSync(fd);
      const owned = this.ownedStat(fd, file);
      if (owned) {
        this.appendedTo.set(file, { size: owned.size, mtimeMs: owned.mtimeMs, ino: owned.ino });
        return;
      }
      this.closeAppendFd(file);
    }
    throw new Error(`Could not append to ${file}: it kept being replaced while writing.`);
  }

  lastAppend(file: string): FileIdentity | undefined {
    return this.appendedTo.get(file);
  }

  /** Closes the file handles kept open for appending. */
  dispose(): void {
    this.appendedTo.clear();
    for (const file of [...this.appendFds.keys()]) this.closeAppendFd(file);
  }

  private appendFd(file: string): number {
    const open = this.appendFds.get(file);
    if (open !== undefined && this.ownedStat(open, file)) return open;
    if (open !== undefined) this.closeAppendFd(file);
    const fd = this.safe(file).openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, FILE_MODE);
    this.appendFds.set(file, fd);
    return fd;
  }

  /** The open file's stat, while it is still the file at `file`. */
  private ownedStat(fd: number, file: string): fsSync.Stats | undefined {
    try {
      const open = fsSync.fstatSync(fd);
      // lstat: a symbolic link put in the log's place is not the file we opened.
      return open.ino === fsSync.lstatSync(file).ino ? open : undefined;
    } catch {
      return undefined;
    }
  }

  private closeAppendFd(file: string): void {
    const fd = this.appendFds.get(file);
    this.appendFds.delete(file);
    if (fd !== undefined) fsSync.closeSync(fd);
  }

  async writeAtomic(file: string, data: Uint8Array, opts: WriteOptions = {}): Promise<void> {
    // A rename would replace a link rather than write through it; refuse it all the same, by name.
    await this.safe(file).check(file);
    const tmp = tempName(file, 'tmp');
    await this.writeNew(tmp, data); // removes what it made if it fails; a link in its place stays
    try {
      await opts.verify?.(tmp);
      await this.renameWithRetry(tmp, file);
    } catch (e) {
      await this.removeOwn(tmp);
      throw e;
    }
    await this.syncDir(path.dirname(file));
  }

  async createExclusive(file: string, data: Uint8Array): Promise<boolean> {
    // Write the content first, then hard-link it into place: the link either fails (the file
    // exists) or creates the file with all of its content, so no reader ever sees it half-written.
    const tmp = tempName(file, 'new');
    await this.writeNew(tmp, data);
    try {
      await this.safe(file).link(tmp, file);
      await this.syncDir(path.dirname(file));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    } finally {
      await this.removeOwn(tmp);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    await this.safe(from).check(from);
    return this.renameWithRetry(from, to);
  }

  /** A checked copy that never reads through a link; `to` must not exist yet. */
  async copy(from: string, to: string): Promise<void> {
    const bytes = await this.read(from);
    if (!bytes) throw Object.assign(new Error(`${from} does not exist.`), { code: 'ENOENT' });
    await this.writeNew(to, bytes);
  }

  async remove(file: string): Promise<void> {
    await this.safe(file).remove(file);
  }

  async list(dir: string): Promise<string[]> {
    return this.safe(dir).listSync(dir);
  }

  async identity(file: string): Promise<FileIdentity | undefined> {
    const s = await this.safe(file).lstat(file);
    return s && { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  }

  async mkdirp(dir: string): Promise<void> {
    await this.safe(dir).mkdirp(dir);
  }

  async sha256(file: string): Promise<string | undefined> {
    const handle = await this.openForReading(file);
    if (!handle) return undefined;
    try {
      // One small buffer, reused: hashing a large snapshot never holds a second copy of it.
      const hash = createHash('sha256');
      const buf = Buffer.allocUnsafe(1024 * 1024);
      for (let at = 0; ; ) {
        const { bytesRead } = await handle.read(buf, 0, buf.length, at);
        if (bytesRead === 0) break;
        hash.update(buf.subarray(0, bytesRead));
        at += bytesRead;
      }
      return hash.digest('hex');
    } finally {
      await handle.close();
    }
  }

  async freeSpace(dir: string): Promise<number | undefined> {
    // fs.statfs arrived in Node 18.15; older hosts simply cannot tell.
    const statfs = (fs as { statfs?: (p: string) => Promise<{ bavail: number; bsize: number }> }).statfs;
    if (!statfs) return undefined;
    try {
      const s = await statfs(dir);
      return Number(s.bavail) * Number(s.bsize);
    } catch {
      return undefined;
    }
  }

  /** Creates `file` (which must not exist), writes every byte, fsyncs and checks its size. */
  private async writeNew(file: string, data: Uint8Array): Promise<void> {
    const handle = await this.safe(file).open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE);
    let failed = true;
    try {
      let written = 0;
      while (written < data.length) written += checkedCount(await this.io.write(handle, data, written, data.length - written), file);
      await this.io.sync(handle);
      const { size } = await handle.stat();
      if (size !== data.length) throw Object.assign(new Error(`${file} holds ${size} bytes after writing ${data.length}.`), { code: 'EIO' });
      failed = false;
    } finally {
      await handle.close().catch(() => undefined);
      if (failed) await this.removeOwn(file);
    }
  }

  /** Removes a temp file this layer made; never through a link, and never instead of the first error. */
  private async removeOwn(file: string): Promise<void> {
    await this.safe(file).remove(file).catch(() => undefined);
  }

  private openForReading(file: string): Promise<fs.FileHandle | undefined> {
    return this.safe(file).openForReading(file);
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    // Windows refuses to replace a file that a virus scanner or indexer briefly holds open.
    const attempts = this.platform === 'win32' ? 10 : 1;
    for (let i = 1; ; i++) {
      try {
        await this.safe(to).rename(from, to);
        return;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (i >= attempts || !RETRYABLE_RENAME.has(code)) throw e;
        await new Promise((r) => setTimeout(r, 20 * i));
      }
    }
  }

  private async syncDir(dir: string): Promise<void> {
    if (this.platform === 'win32') return; // Directories cannot be opened for fsync on Windows.
    try {
      const handle = await fs.open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Some file systems (e.g. certain network mounts) refuse a directory fsync; the rename stands.
    }
  }
}

/**
 * A temp file next to `file`, named `<file>.<kind>-<pid>-<random>`: the pid lets a later session
 * tell a crash leftover (its process is gone) from a write still in progress.
 */
export function tempName(file: string, kind: 'tmp' | 'new'): string {
  return `${file}.${kind}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}

function checkedCount(n: number, file: string): number {
  // A regular file never accepts 0 bytes without an error; looping on it would never end.
  if (!(n > 0)) throw Object.assign(new Error(`Writing to ${file} made no progress.`), { code: 'EIO' });
  return n;
}
