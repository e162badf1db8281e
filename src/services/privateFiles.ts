// Writes summaries and exports the way the journal itself is written: files 0600, folders 0700, so
// other accounts on the machine cannot read them. vscode.workspace.fs.writeFile gives 0644/0755.
// Inside the data folder (`root`), every path goes through safePaths.ts: no link is followed.
// Node only (no vscode), so unit tests can check the modes.
import { promises as fs, constants } from 'fs';
import * as path from 'path';
import { SafePaths } from '../storage/safePaths';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/**
 * Creates `dir` (and missing parents) as 0700. Parents are created 0700 too; an existing `dir` is
 * narrowed to 0700 only when `own` says it is the extension's (such as summaries/ in the journal
 * folder), never a folder the user chose. With `root` (the data folder, holding `dir`), a link
 * anywhere from the root down is refused, never followed or changed.
 */
export async function makePrivateDir(dir: string, own = true, root?: string): Promise<void> {
  if (root) {
    const safe = new SafePaths(root);
    await safe.mkdirp(dir);
    if (own) await safe.chmodDir(dir);
    return;
  }
  const created = await fs.mkdir(dir, { recursive: true, mode: DIR_MODE });
  // mkdir's mode goes through the umask, which can only remove bits: set it exactly.
  if (created !== undefined || own) await fs.chmod(dir, DIR_MODE);
}

/**
 * Writes `data` to `file` as 0600. `exclusive`: fail if it exists (nothing is overwritten). A file
 * the user chose to replace in a save dialog is truncated and narrowed to 0600. A link in the
 * file's place is never written through; with `root` (the data folder), nor a link on the way.
 */
export async function writePrivateFile(file: string, data: Uint8Array, exclusive: boolean, root?: string): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | (exclusive ? constants.O_EXCL : constants.O_TRUNC);
  const handle = await new SafePaths(root ?? path.dirname(file)).open(file, flags, FILE_MODE);
  try {
    await handle.chmod(FILE_MODE);
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A name in `dir` that does not exist yet, `base.ext`, then `base-2.ext`, …: nothing is overwritten.
 * `siblings` are suffixes of files written beside it (`base-<suffix>`), which must be free too.
 */
export async function freshPath(dir: string, base: string, ext: string, siblings: readonly string[] = []): Promise<string> {
  for (let i = 1; ; i++) {
    const name = `${base}${i === 1 ? '' : `-${i}`}`;
    const taken = await Promise.all([`${name}.${ext}`, ...siblings.map((s) => `${name}-${s}`)].map((f) => exists(path.join(dir, f))));
    if (!taken.includes(true)) return path.join(dir, `${name}.${ext}`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}
