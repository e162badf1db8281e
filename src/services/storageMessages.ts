// The words the user sees for problems of the data folder: a link where the journal writes, a
// .gitignore that is not the journal's own, a disk that was full when the journal opened or wrote.
// Each is one plain message naming the place and the way out, never an error code.
import * as vscode from 'vscode';
import { plural } from './plural';
import { formatBytes, SymlinkError } from '../storage/fileErrors';
import type { JournalFiles } from '../storage/files';
import type { UnsavedState } from '../storage/unsaved';
import type { StoreNotice } from '../storage/writeResult';
import { replaceGitignore, type GitignoreState } from './dataFolder';

/** What to tell the user about a link the journal refused; names the link, where it leads and the fix. */
export function linkMessage(e: Pick<SymlinkError, 'file' | 'target' | 'reason'>): string {
  const target = e.target ?? vscode.l10n.t('another place');
  switch (e.reason) {
    case 'outside':
      return vscode.l10n.t(
        'The journal folder {0} is a link that leads outside this workspace, to {1}, so the journal was not opened there. Remove the link, or choose another folder in the setting moodDose.dataFolder in your user settings.',
        e.file,
        target
      );
    case 'workspace':
      return vscode.l10n.t(
        'The journal folder {0} is a link to {1}, the workspace folder itself, so the journal was not opened there: it would lie among the repository\'s files. Remove the link, or choose a data folder in your user settings (moodDose.dataFolder).',
        e.file,
        target
      );
    case 'foreign':
      return vscode.l10n.t(
        'The journal folder {0} is a link to {1}, a folder that holds other files (such as the repository\'s), so the journal was not opened there. Remove the link, or choose a data folder in your user settings (moodDose.dataFolder).',
        e.file,
        target
      );
    default:
      return vscode.l10n.t('{0} is a link to {1}; the journal never follows a link in its folder. Remove the link, or choose a data folder in your user settings (moodDose.dataFolder).', e.file, target);
  }
}

/** The error to show for `e`: a link refused, in the user's words; anything else as it is. */
export function forUser(e: unknown): unknown {
  return e instanceof SymlinkError ? new Error(linkMessage(e)) : e;
}

/** One message for each notice of the store. */
export function showNotice(n: StoreNotice): void {
  switch (n.kind) {
    case 'restored-elsewhere':
      void vscode.window.showInformationMessage(vscode.l10n.t('The journal was restored from a backup in another window; showing the restored journal.'));
      return;
    case 'merged-copies':
      void vscode.window.showInformationMessage(
        plural(n.count, {
          one: vscode.l10n.t('Merged {0} copy of the journal that a sync tool made when two machines changed it at the same time. Nothing was lost; the copy is kept in {1}.', n.count, n.folder),
          other: vscode.l10n.t('Merged {0} copies of the journal that a sync tool made when two machines changed it at the same time. Nothing was lost; the copies are kept in {1}.', n.count, n.folder)
        })
      );
      return;
    case 'read-only':
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'The disk holding {0} is full ({1} free; the journal needs about {2}), so the journal opened read-only: everything in it is shown, and what you enter now is kept and saved as soon as there is space. Free some space, and keep this window open until the status bar no longer says "Not saved yet".',
          n.dir,
          n.freeBytes === undefined ? vscode.l10n.t('unknown') : formatBytes(n.freeBytes),
          formatBytes(n.neededBytes)
        )
      );
      return;
    case 'link':
      void vscode.window.showErrorMessage(linkMessage({ file: n.file, target: n.target }));
      return;
    case 'unreadable-encrypted':
      void vscode.window.showWarningMessage(
        n.reason === 'newer-format'
          ? vscode.l10n.t('{0} holds encrypted entries written by a newer version of the extension. They are kept as they are; update the extension to read them.', n.file)
          : vscode.l10n.t('{0} holds encrypted entries this journal\'s key cannot open (another machine may have turned encryption on separately). They are kept as they are, not deleted.', n.file)
      );
      return;
  }
}

/**
 * Changes wait in memory while the disk is full: one message when that starts (naming the folder,
 * the free and the needed space), one when everything is saved again. The status bar shows it.
 */
export function showUnsavedChange(before: number, state: UnsavedState, dir: string): void {
  if (before === 0 && state.count > 0 && state.error) {
    const e = state.error;
    const reveal = vscode.l10n.t('Open Folder');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          'Not saved yet: the disk holding {0} is full ({1} free; the journal needs about {2}). What you entered is kept and saved as soon as there is space: free some space, and keep this window open until the status bar no longer says "Not saved yet".',
          dir,
          e.freeBytes === undefined ? vscode.l10n.t('unknown') : formatBytes(e.freeBytes),
          formatBytes(e.neededBytes)
        ),
        reveal
      )
      .then((choice) => (choice === reveal ? vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(dir)) : undefined));
  } else if (before > 0 && state.count === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved: everything that was waiting for disk space is now in the journal.'));
  }
}

/**
 * The journal folder's .gitignore is not the one the extension writes (a repository may ship its
 * own, say "!*"): name it, with the choice to put ours in its place. Needs no git.
 */
export async function warnAboutGitignore(files: JournalFiles, state: GitignoreState | undefined): Promise<void> {
  if (state?.kind !== 'foreign') return;
  const replace = vscode.l10n.t('Replace It');
  const firstLine = state.content.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'The file {0} is not the one the journal writes (it holds "{1}" rather than "*"), so git may not ignore your journal and it could be committed. Replace it with the journal\'s own?',
      state.file,
      firstLine.slice(0, 80)
    ),
    replace
  );
  if (choice === replace) await replaceGitignore(files, state.file);
}
