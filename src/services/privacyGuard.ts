// If the workspace is a git repository, confirms the journal folder is ignored, so private health
// data can't be committed by accident. Warns once per workspace when it is not. The same check warns
// before an export is written where git would pick it up.
import { execFile } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { findGit } from './gitExecutable';
import type { Log } from './log';

const WARNED_KEY = 'moodDose.warnedJournalNotIgnored';

export type IgnoreState = 'ignored' | 'not-ignored' | 'not-a-repository';

let cached: { key: string; git: string | undefined } | undefined;

/** git's absolute path from PATH, never from inside a workspace folder; resolved once per PATH and folders. */
function gitPath(): string | undefined {
  const untrusted = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const key = JSON.stringify([process.env.PATH, untrusted]);
  if (cached?.key !== key) cached = { key, git: findGit({ pathEnv: process.env.PATH, platform: process.platform, untrusted }) };
  return cached.git;
}

/**
 * Asks git itself, so nested .gitignore files, global excludes and negations are all honoured.
 * `dir` must exist; `file` need not. Not run in Restricted Mode: git reads the repository's own
 * config, which an untrusted repository controls (fsmonitor is switched off here for the same reason).
 */
export function gitIgnoreState(dir: string, file: string): Promise<IgnoreState> {
  const git = vscode.workspace.isTrusted ? gitPath() : undefined;
  if (!git) return Promise.resolve('not-a-repository');
  return new Promise((resolve) => {
    execFile(git, ['-c', 'core.fsmonitor=', 'check-ignore', '-q', '--', path.relative(dir, file)], { cwd: dir, timeout: 5000, windowsHide: true }, (error) => {
      if (!error) return resolve('ignored');
      // Exit 1: not ignored. Anything else (128: not a repository; git missing): nothing to guard.
      resolve((error as { code?: number }).code === 1 ? 'not-ignored' : 'not-a-repository');
    });
  });
}

export async function checkJournalIgnored(workspaceDir: string, journalFile: string, state: vscode.Memento, log: Log): Promise<IgnoreState> {
  const result = await gitIgnoreState(workspaceDir, journalFile);
  log.info(`git check-ignore for ${journalFile}: ${result}`);
  if (result !== 'not-ignored' || state.get<boolean>(WARNED_KEY)) return result;
  await state.update(WARNED_KEY, true);
  const open = vscode.l10n.t('Open .gitignore');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Your journal {0} is inside a git repository and is not ignored, so it could be committed. Add "{1}/" to the repository\'s .gitignore, or restore the file {1}/.gitignore containing "*".',
      journalFile,
      path.relative(workspaceDir, path.dirname(journalFile))
    ),
    open
  );
  if (choice === open) {
    const uri = vscode.Uri.file(path.join(workspaceDir, '.gitignore'));
    await vscode.window.showTextDocument(uri).then(undefined, () => vscode.window.showTextDocument(uri.with({ scheme: 'untitled' })));
  }
  return result;
}

/**
 * Before an export is written to `target` (a file or a folder to be created): if git would pick it
 * up, says so and asks. True to go ahead.
 */
export async function confirmExportOutsideGit(target: string): Promise<boolean> {
  if ((await gitIgnoreState(path.dirname(target), target)) !== 'not-ignored') return true;
  const go = vscode.l10n.t('Export Anyway');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} is inside a git repository and is not ignored, so it could be committed. The export holds private health data, including check-up answers.', target),
    { modal: true, detail: vscode.l10n.t('Choose a folder outside the repository, such as the journal folder, or add the path to .gitignore first.') },
    go
  );
  return choice === go;
}
