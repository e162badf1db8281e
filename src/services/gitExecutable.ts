// Finds git by absolute path, so a repository cannot slip in its own. execFile('git', …, { cwd })
// on Windows looks in the current folder before PATH, and would run a git.exe committed at the root
// of the workspace. Node only (no vscode), so unit tests can check the search.
import { accessSync, constants, realpathSync, statSync } from 'fs';
import * as path from 'path';

export interface GitSearch {
  /** PATH as the extension host sees it. */
  pathEnv: string | undefined;
  platform: NodeJS.Platform;
  /** Folders whose contents must never be run (the workspace folders). */
  untrusted: readonly string[];
  /** Whether `file` is a regular file this process may run; replaceable in tests. */
  isExecutable?: (file: string) => boolean;
  /** fs.realpathSync, replaceable in tests. */
  realpath?: (file: string) => string;
}

function executable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Whether `child` is `parent` or below it (Windows paths compare without case). */
function inside(child: string, parent: string, platform: NodeJS.Platform): boolean {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const norm = (x: string) => (platform === 'win32' ? x.toLowerCase() : x);
  const rel = p.relative(norm(parent), norm(child));
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
}

/**
 * The absolute path of git from PATH, skipping empty and relative entries (both mean "the current
 * folder") and any entry inside an untrusted folder; undefined when there is none.
 * Only git.exe counts on Windows: a .cmd or .bat would need a shell.
 */
export function findGit(search: GitSearch): string | undefined {
  const { platform } = search;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const isExecutable = search.isExecutable ?? executable;
  const realpath = search.realpath ?? real;
  const untrusted = search.untrusted.map((u) => realpath(u));
  const name = platform === 'win32' ? 'git.exe' : 'git';
  for (const raw of (search.pathEnv ?? '').split(platform === 'win32' ? ';' : ':')) {
    const entry = raw.trim().replace(/^"(.*)"$/, '$1');
    if (!entry || !p.isAbsolute(entry)) continue;
    const candidate = p.join(entry, name);
    if (!isExecutable(candidate)) continue;
    const resolved = realpath(candidate);
    if (untrusted.some((u) => inside(resolved, u, platform) || inside(p.resolve(entry), u, platform))) continue;
    return candidate;
  }
  return undefined;
}
