// Where the journal folder really is. Only the user's settings choose it (settings.ts), but the
// workspace can still ship a link: `.mood-journal -> ../..` or `-> /somewhere/else` would make the
// extension write health data wherever the repository points. Node only (no vscode), for unit tests.
import { promises as fs } from 'fs';
import * as path from 'path';

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The real path of `p`: its deepest existing ancestor resolved through links, plus the rest. */
async function realLocation(p: string): Promise<string> {
  const rest: string[] = [];
  let current = p;
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
