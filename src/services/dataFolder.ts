// Where the journal folder really is, and getting it ready before the journal opens. Only the
// user's settings choose it (settings.ts), but the workspace can still ship a link, or its own
// `.mood-journal/.gitignore`. Node only (no vscode), for unit tests.
import * as path from 'path';
import { isDiskFull } from '../storage/fileErrors';
import type { JournalFiles } from '../storage/files';
import { checkDataFolder, isInside, realLocation } from '../storage/safePaths';

/** Exactly what the extension writes as the journal folder's .gitignore: ignore everything in it. */
export const JOURNAL_GITIGNORE = '# Mood & Dose Journal: private health data, never commit it.\n*\n';

export type GitignoreState =
  | { kind: 'created' }
  | { kind: 'ours' }
  /** Another .gitignore (shipped by the repository, or edited): git may not ignore the journal. */
  | { kind: 'foreign'; file: string; content: string }
  /** Not written: the data folder is the workspace folder itself, whose .gitignore is the repository's. */
  | { kind: 'workspace' }
  /** The disk is full; written on a later open. */
  | { kind: 'disk-full' };

export interface PreparedFolder {
  gitignore: GitignoreState | undefined;
  /** The folder could not be created for lack of space; the journal opens read-only. */
  diskFull?: unknown;
}

/**
 * Readies the data folder: refuses a data folder that is a link to the workspace root, outside the
 * workspace or to someone else's folder (SymlinkError, see safePaths.checkDataFolder), creates it,
 * and in a workspace makes sure its .gitignore is exactly ours. Needs no git.
 */
export async function prepareDataFolder(files: JournalFiles, dir: string, workspace: string | undefined): Promise<PreparedFolder> {
  if (workspace) await checkDataFolder(workspace, dir);
  files.protect?.(dir);
  try {
    await files.mkdirp(dir);
  } catch (e) {
    if (!isDiskFull(e)) throw e;
    return { gitignore: workspace ? { kind: 'disk-full' } : undefined, diskFull: e };
  }
  return { gitignore: workspace ? await ensureGitignore(files, dir, workspace) : undefined };
}

/** Creates the folder's .gitignore, or reads the one there: anything but ours is reported. */
export async function ensureGitignore(files: JournalFiles, dir: string, workspace: string): Promise<GitignoreState> {
  // Never a .gitignore at the workspace root (a data folder of "." in the user's settings): a "*"
  // there would make git ignore every new file of the repository.
  if (isInside(await realLocation(workspace), await realLocation(dir))) return { kind: 'workspace' };
  const file = path.join(dir, '.gitignore');
  const ours = new TextEncoder().encode(JOURNAL_GITIGNORE);
  try {
    if (await files.createExclusive(file, ours)) return { kind: 'created' };
  } catch (e) {
    if (!isDiskFull(e)) throw e;
    return { kind: 'disk-full' };
  }
  const bytes = await files.read(file); // a link in its place is refused here, by name
  if (bytes && Buffer.compare(Buffer.from(bytes), Buffer.from(ours)) === 0) return { kind: 'ours' };
  return { kind: 'foreign', file, content: new TextDecoder().decode(bytes ?? new Uint8Array(0)) };
}

/** Puts our .gitignore in place of another one, when the user agrees. */
export async function replaceGitignore(files: JournalFiles, file: string): Promise<void> {
  await files.writeAtomic(file, new TextEncoder().encode(JOURNAL_GITIGNORE));
}

/**
 * For a journal folder inside the workspace (as written), where it really leads when that is outside
 * the workspace; undefined when it stays inside, or when the user's settings deliberately name a
 * folder outside (an absolute path or one with ..), which is theirs to choose.
 */
export async function linkOutOfWorkspace(workspaceDir: string, dataDir: string): Promise<string | undefined> {
  const ws = path.resolve(workspaceDir);
  const dir = path.resolve(dataDir);
  if (!isInside(dir, ws)) return undefined;
  const [realWs, realDir] = await Promise.all([realLocation(ws), realLocation(dir)]);
  return isInside(realDir, realWs) ? undefined : realDir;
}
