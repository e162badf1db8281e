// If the workspace is a git repository, confirms the journal folder is ignored, so private health
// data can't be committed by accident. Warns once per workspace when it is not.
import { execFile } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Log } from './log';

const WARNED_KEY = 'moodDose.warnedJournalNotIgnored';

export type IgnoreState = 'ignored' | 'not-ignored' | 'not-a-repository';

/** Asks git itself, so nested .gitignore files, global excludes and negations are all honoured. */
export function gitIgnoreState(workspaceDir: string, file: string): Promise<IgnoreState> {
  return new Promise((resolve) => {
    execFile('git', ['check-ignore', '-q', '--', path.relative(workspaceDir, file)], { cwd: workspaceDir, timeout: 5000 }, (error) => {
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
