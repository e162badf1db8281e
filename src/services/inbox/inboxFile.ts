// The inbox file on disk, and its sync tools' conflict copies. Node only (no vscode), for tests and
// the benchmark. Reading never follows a link as the file itself (nor, inside the journal folder, on
// the way: storage/safePaths.ts). Clearing never loses a line the phone appends meanwhile:
//   1. open the file and read it through that handle;
//   2. write what should remain to a temp file beside it (0600, fsynced);
//   3. read the file again, through the path and the handle: if anything changed, start over;
//   4. rename the temp file over it (atomic: a reader sees the old file or the new one);
//   5. read the old file through the handle once more: anything appended to it between 3 and 4
//      went to the file just replaced, and is appended to the new one.
// A sync tool that replaces the file in the instant between 3 and 4 is the one race left; the next
// sync brings the phone's line again, and the ledger reads it once.
import { constants, promises as fs } from 'fs';
import * as path from 'path';
import { CopyNames } from '../../storage/conflictCopies';
import { SafePaths } from '../../storage/safePaths';
import { FILE_MODE, makePrivateDir, writePrivateFile } from '../privateFiles';

/** Each place between reading and replacing the file where a test may append a line. */
export type ClearStep = 'read' | 'temp-written' | 'reread';
const ATTEMPTS = 8;

export interface InboxText {
  text: string;
  /** Bytes read, and the file's identity, so a change is noticed. */
  size: number;
  mtimeMs: number;
}

export class InboxFile {
  private readonly safe: SafePaths;
  /** The folder links are refused from (privateFiles.ts and SafePaths take it as their root). */
  private readonly root: string;

  /** `root`: the journal folder when the inbox is inside it (the link rule applies on the way). */
  constructor(
    readonly file: string,
    root?: string,
    private readonly faults?: (step: ClearStep, file: string) => Promise<void>
  ) {
    const inside = root !== undefined && new SafePaths(root).contains(file);
    this.root = inside ? root : path.dirname(file);
    this.safe = new SafePaths(this.root);
  }

  /** The file's text, or undefined when it does not exist. A link in its place is refused. */
  async read(file = this.file): Promise<InboxText | undefined> {
    const handle = await this.openForReading(file);
    if (!handle) return undefined;
    try {
      return await readAll(handle);
    } finally {
      await handle.close();
    }
  }

  /** Creates the file with `text` (0600) unless it exists; true if it was created. */
  async create(text: string): Promise<boolean> {
    await makePrivateDir(path.dirname(this.file), false, this.root);
    try {
      await writePrivateFile(this.file, new TextEncoder().encode(text), true, this.root);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
    return true;
  }

  /**
   * Replaces `file` with `transform(text)` as described above (undefined: remove the file, for an
   * emptied conflict copy). Returns the text now in the file, or undefined when it is gone.
   */
  async rewrite(transform: (text: string) => string | undefined, file = this.file): Promise<string | undefined> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const handle = await this.openForReading(file);
      if (!handle) return undefined;
      try {
        const before = await readAll(handle);
        await this.faults?.('read', file);
        const next = transform(before.text);
        if (next === before.text) return next;
        const temp = next === undefined ? undefined : await this.writeTemp(file, next);
        await this.faults?.('temp-written', file);
        const now = await this.safe.lstat(file);
        const again = await readAll(handle);
        if (!now || !sameFile(now, await handle.stat()) || again.text !== before.text) {
          if (temp) await this.safe.remove(temp);
          continue; // the phone wrote meanwhile: read it all again
        }
        await this.faults?.('reread', file);
        if (temp) await this.safe.rename(temp, file);
        else await this.safe.remove(file);
        const tail = await readFrom(handle, again.size);
        if (tail.length > 0) await this.append(file, tail);
        return next === undefined && tail.length === 0 ? undefined : (next ?? '') + tail.toString('utf8');
      } finally {
        await handle.close();
      }
    }
    throw new Error('The inbox kept changing while it was being cleared; it is read again at the next change.');
  }

  /** Conflict copies of the inbox beside it, in every naming the journal handles (conflictCopies.ts). */
  async copies(): Promise<string[]> {
    const dir = path.dirname(this.file);
    const ext = path.extname(this.file);
    const names = new CopyNames(escapeRegExp(path.basename(this.file, ext)), ext);
    const entries = await this.safe.list(dir).catch(() => [] as string[]);
    return entries
      .filter((name) => names.of(name) !== undefined)
      .sort()
      .map((name) => path.join(dir, name));
  }

  private async openForReading(file: string): Promise<fs.FileHandle | undefined> {
    const handle = await this.safe.openForReading(file);
    if (!handle) return undefined;
    const s = await handle.stat();
    if (!s.isFile()) {
      await handle.close();
      throw Object.assign(new Error(`${file} is not a file.`), { code: 'EISDIR' });
    }
    return handle;
  }

  private async writeTemp(file: string, text: string): Promise<string> {
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
    await writePrivateFile(temp, new TextEncoder().encode(text), true, this.root);
    return temp;
  }

  private async append(file: string, bytes: Buffer): Promise<void> {
    const handle = await this.safe.open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, FILE_MODE);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

async function readAll(handle: fs.FileHandle): Promise<InboxText> {
  const bytes = await readFrom(handle, 0);
  const s = await handle.stat();
  return { text: bytes.toString('utf8'), size: bytes.length, mtimeMs: s.mtimeMs };
}

/** Everything from `offset` to the end, read through the handle (positioned reads). */
async function readFrom(handle: fs.FileHandle, offset: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let at = offset;
  for (;;) {
    const chunk = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
    if (bytesRead === 0) break;
    parts.push(chunk.subarray(0, bytesRead));
    at += bytesRead;
  }
  return Buffer.concat(parts);
}

function sameFile(a: { ino: number; dev: number }, b: { ino: number; dev: number }): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
