// Files the extension writes for the user (summaries, their figures, PDFs) are private: 0600 files
// in 0700 folders, whatever the umask. A new file never replaces an existing one unless asked to.
import { promises as fs } from 'fs';

/** Creates `dir` (and its parents) as 0700; an existing folder keeps its mode. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
}

/** Writes `data` to `file` as 0600. `replace: false` (the default) fails if the file exists. */
export async function writePrivateFile(file: string, data: Uint8Array | string, options: { replace?: boolean } = {}): Promise<void> {
  await fs.writeFile(file, data, { mode: 0o600, flag: options.replace ? 'w' : 'wx' });
  // A replaced file keeps its old mode, and the umask may have narrowed a new one: set it outright.
  await fs.chmod(file, 0o600);
}
