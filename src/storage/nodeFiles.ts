// JournalFiles on Node's fs, with the fsync discipline that makes the journal crash-safe.
import * as fsSync from 'fs';
import { promises as fs, constants } from 'fs';
import * as path from 'path';
import type { FileIdentity, JournalFiles } from './files';

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

export class NodeFiles implements JournalFiles {
  private readonly appendFds = new Map<string, number>();

  constructor(
    private readonly platform: NodeJS.Platform = process.platform,
    /** Replaceable so tests can simulate Windows refusing a rename while a scanner holds the file. */
    private readonly renameFile: (from: string, to: string) => Promise<void> = fs.rename
  ) {}

  async read(file: string): Promise<Uint8Array | undefined> {
    try {
      return await fs.readFile(file);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async readFrom(file: string, offset: number): Promise<Uint8Array | undefined> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
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
    // owns the path; duplicates are harmless because records are upserts.
    for (let attempt = 0; attempt < 5; attempt++) {
      const fd = this.appendFd(file);
      fsSync.writeSync(fd, data, 0, data.length);
      fsSync.fsyncSync(fd);
      if (this.ownsPath(fd, file)) return;
      this.closeAppendFd(file);
    }
    throw new Error(`Could not append to ${file}: it kept being replaced while writing.`);
  }

  /** Closes the file handles kept open for appending. */
  dispose(): void {
    for (const file of [...this.appendFds.keys()]) this.closeAppendFd(file);
  }

  private appendFd(file: string): number {
    const open = this.appendFds.get(file);
    if (open !== undefined && this.ownsPath(open, file)) return open;
    if (open !== undefined) this.closeAppendFd(file);
    const fd = fsSync.openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    this.appendFds.set(file, fd);
    return fd;
  }

  private ownsPath(fd: number, file: string): boolean {
    try {
      return fsSync.fstatSync(fd).ino === fsSync.statSync(file).ino;
    } catch {
      return false;
    }
  }

  private closeAppendFd(file: string): void {
    const fd = this.appendFds.get(file);
    this.appendFds.delete(file);
    if (fd !== undefined) fsSync.closeSync(fd);
  }

  async writeAtomic(file: string, data: Uint8Array): Promise<void> {
    const tmp = `${file}.tmp-${process.pid}-${Date.now().toString(36)}`;
    const handle = await fs.open(tmp, 'w', 0o600);
    try {
      await handle.write(data, 0, data.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await this.renameWithRetry(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
    await this.syncDir(path.dirname(file));
  }

  async createExclusive(file: string, data: Uint8Array): Promise<boolean> {
    // Write the content first, then hard-link it into place: the link either fails (the file
    // exists) or creates the file with all of its content, so no reader ever sees it half-written.
    const tmp = `${file}.new-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.write(data, 0, data.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.link(tmp, file);
      await this.syncDir(path.dirname(file));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }

  rename(from: string, to: string): Promise<void> {
    return this.renameWithRetry(from, to);
  }

  async copy(from: string, to: string): Promise<void> {
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
  }

  async remove(file: string): Promise<void> {
    await fs.rm(file, { force: true });
  }

  async list(dir: string): Promise<string[]> {
    try {
      return await fs.readdir(dir);
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
  }

  async identity(file: string): Promise<FileIdentity | undefined> {
    try {
      const s = await fs.stat(file);
      return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async mkdirp(dir: string): Promise<void> {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    // Windows refuses to replace a file that a virus scanner or indexer briefly holds open.
    const attempts = this.platform === 'win32' ? 10 : 1;
    for (let i = 1; ; i++) {
      try {
        await this.renameFile(from, to);
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

function isNotFound(e: unknown): boolean {
  return (e as NodeJS.ErrnoException).code === 'ENOENT';
}
