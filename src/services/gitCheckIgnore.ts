// Asks git whether a path is ignored, so nested .gitignore files, global excludes and negations are
// all honoured. Node only (no vscode), for unit tests; privacyGuard.ts decides when git may run.
import { execFile } from 'child_process';
import * as path from 'path';
import { realLocation } from '../storage/safePaths';

/** 'beyond-link': git refused because the path goes through a link (exit 128, not "no repository"). */
export type IgnoreState = 'ignored' | 'not-ignored' | 'not-a-repository' | 'beyond-link';

/** Runs `git check-ignore` for `file` with `dir` as the working folder. `dir` must exist; `file` need not. */
export function gitCheckIgnore(git: string, dir: string, file: string): Promise<IgnoreState> {
  // English messages whatever the user's locale: "beyond a symbolic link" is matched below.
  const env = { ...process.env, LC_ALL: 'C', LANGUAGE: 'C' };
  return new Promise((resolve) => {
    execFile(git, ['-c', 'core.fsmonitor=', 'check-ignore', '-q', '--', path.relative(dir, file)], { cwd: dir, env, timeout: 5000, windowsHide: true }, (error, _stdout, stderr) => {
      if (!error) return resolve('ignored');
      const code = (error as { code?: number }).code;
      if (code === 1) return resolve('not-ignored');
      // 128 is also "not a repository" and a missing git: nothing to guard then.
      resolve(code === 128 && /beyond a symbolic link/i.test(String(stderr)) ? 'beyond-link' : 'not-a-repository');
    });
  });
}

/** The same question about where `file` really is: both paths resolved through any link first. */
export async function gitCheckIgnoreReal(git: string, dir: string, file: string): Promise<IgnoreState> {
  const [realDir, realFile] = await Promise.all([realLocation(dir), realLocation(file)]);
  return gitCheckIgnore(git, realDir, realFile);
}
