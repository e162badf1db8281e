// Writes summaries and exports the way the journal itself is written: files 0600, folders 0700, so
// other accounts on the machine cannot read them. vscode.workspace.fs.writeFile gives 0644/0755.
// Node only (no vscode), so unit tests can check the modes.
import { promises as fs } from 'fs';
import * as path from 'path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/**
 * Creates `dir` (and missing parents) as 0700. Parents are created 0700 too; an existing `dir` is
 * narrowed to 0700 only when `own` says it is the extension's (such as summaries/ in the journal
 * folder), never a folder the user chose.
 */
export async function makePrivateDir(dir: string, own = true): Promise<void> {
  const created = await fs.mkdir(dir, { recursive: true, mode: DIR_MODE });
  // mkdir's mode goes through the umask, which can only remove bits: set it exactly.
  if (created !== undefined || own) await fs.chmod(dir, DIR_MODE);
}

/**
 * Writes `data` to `file` as 0600. `exclusive`: fail if it exists (nothing is overwritten). A file
 * the user chose to replace in a save dialog is truncated and narrowed to 0600.
 */
export async function writePrivateFile(file: string, data: Uint8Array, exclusive: boolean): Promise<void> {
  const handle = await fs.open(file, exclusive ? 'wx' : 'w', FILE_MODE);
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
