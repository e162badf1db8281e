// If the workspace is a git repository, confirms the journal folder is ignored, so private health
// data can't be committed by accident. Warns once per workspace when it is not. The same check warns
// before an export is written where git would pick it up. (The journal folder's own .gitignore is
// checked without git, in Restricted Mode too: services/dataFolder.ts.)
import * as path from 'path';
import * as vscode from 'vscode';
import { gitCheckIgnoreReal, type IgnoreState } from './gitCheckIgnore';
import { findGit } from './gitExecutable';
import type { Log } from './log';

const WARNED_KEY = 'moodDose.warnedJournalNotIgnored';

let cached: { key: string; git: string | undefined } | undefined;

/** git's absolute path from PATH, never from inside a workspace folder; resolved once per PATH and folders. */
function gitPath(): string | undefined {
  const untrusted = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const key = JSON.stringify([process.env.PATH, untrusted]);
  if (cached?.key !== key) cached = { key, git: findGit({ pathEnv: process.env.PATH, platform: process.platform, untrusted }) };
  return cached.git;
}

/**
 * Asks git itself about where `file` really is (through any allowed link). `dir` must exist; `file`
 * need not. Not run in Restricted Mode: git reads the repository's own config, which an untrusted
 * repository controls (fsmonitor is switched off here for the same reason).
 */
export function gitIgnoreState(dir: string, file: string): Promise<IgnoreState> {
  const git = vscode.workspace.isTrusted ? gitPath() : undefined;
  if (!git) return Promise.resolve('not-a-repository');
  return gitCheckIgnoreReal(git, dir, file);
}

export async function checkJournalIgnored(workspaceDir: string, journalFile: string, state: vscode.Memento, log: Log): Promise<IgnoreState> {
  const result = await gitIgnoreState(workspaceDir, journalFile);
  log.info(`git check-ignore for ${journalFile}: ${result}`);
  if (result === 'beyond-link') {
    // git cannot see through a link: a link problem, never "not a repository".
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Your journal {0} is reached through a link, so git cannot tell whether it is ignored. Remove the link, or choose a data folder in your user settings (moodDose.dataFolder).',
        journalFile
      )
    );
    return result;
  }
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
