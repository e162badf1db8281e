// JournalFiles on Node's fs, with the fsync discipline that makes the journal crash-safe.
import { promises as fs, constants } from 'fs';
import * as path from 'path';
import type { FileIdentity, JournalFiles } from './files';

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

export class NodeFiles implements JournalFiles {
  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

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
    // A compactor may rename the log between our open and our fsync. Re-append until the bytes are
    // in the file that currently owns the path; duplicates are harmless because records are upserts.
    for (let attempt = 0; attempt < 5; attempt++) {
      const handle = await fs.open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
      let written: number;
      try {
        await handle.write(data, 0, data.length);
        await handle.sync();
        written = (await handle.stat()).ino;
      } finally {
        await handle.close();
      }
      const now = await this.identity(file);
      if (now && now.ino === written) return;
    }
    throw new Error(`Could not append to ${file}: it kept being replaced while writing.`);
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
    await fs.mkdir(dir, { recursive: true });
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    // Windows refuses to replace a file that a virus scanner or indexer briefly holds open.
    const attempts = this.platform === 'win32' ? 10 : 1;
    for (let i = 1; ; i++) {
      try {
        await fs.rename(from, to);
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
