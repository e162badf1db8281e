// The journal file cannot be opened: one message, naming the file, with the ways forward (restore a
// backup, start a new journal, look at the folder). Nothing is replaced unless the user chooses.
import * as path from 'path';
import * as vscode from 'vscode';
import type { SqlJsStatic } from 'sql.js';
import { inspectBackups } from '../storage/backups';
import type { DataKey } from '../storage/crypto/dataKey';
import { BACKUP_DIR, replaceSnapshot, type CorruptJournalError, type JournalStore } from '../storage/journalStore';
import type { NodeFiles } from '../storage/nodeFiles';
import { pickBackup } from './backupPicker';
import type { Log } from './log';
import { plural } from './plural';

export interface RecoveryDeps {
  files: NodeFiles;
  sql(): Promise<SqlJsStatic>;
  log: Log;
  /** The data key of an encrypted journal, when held: backups are opened and sealed again with it. */
  key(): DataKey | undefined;
}

/** One message, naming the file, with the three ways forward. Nothing is replaced unless chosen. */
export async function recoverJournal(d: RecoveryDeps, error: CorruptJournalError, dir: string, reopen: () => Promise<JournalStore>): Promise<JournalStore> {
  d.log.error(`${error.message} A copy was saved as ${error.copy ?? '(copy failed)'}.`);
  const backups = (await inspectBackups(d.files, await d.sql(), path.join(dir, BACKUP_DIR), d.key()).catch(() => [])).filter((b) => b.valid);
  const restore = vscode.l10n.t('Restore a Backup…');
  const fresh = vscode.l10n.t('Start New Journal');
  const reveal = vscode.l10n.t('Open Folder');
  const choices = backups.length > 0 ? [restore, fresh, reveal] : [fresh, reveal];
  const copy = error.copy ?? vscode.l10n.t('(no copy could be made)');
  // With no backup there is nothing to restore, so the message does not offer it.
  const message =
    backups.length === 0
      ? vscode.l10n.t('Your journal file {0} cannot be opened: {1}. It has not been changed, and a copy was saved as {2}. You can start a new journal (the damaged file stays in the copy), or open the folder to look yourself.', error.file, error.detail, copy)
      : plural(backups.length, {
          one: vscode.l10n.t(
            'Your journal file {0} cannot be opened: {1}. It has not been changed, and a copy was saved as {2}. You can restore its {3} backup, start a new journal (the damaged file stays in the copy), or open the folder to look yourself.',
            error.file,
            error.detail,
            copy,
            backups.length
          ),
          other: vscode.l10n.t(
            'Your journal file {0} cannot be opened: {1}. It has not been changed, and a copy was saved as {2}. You can restore one of {3} backups, start a new journal (the damaged file stays in the copy), or open the folder to look yourself.',
            error.file,
            error.detail,
            copy,
            backups.length
          )
        });
  const choice = await vscode.window.showErrorMessage(message, ...choices);
  const picked = choice === restore ? await pickBackup(backups, vscode.l10n.t('Restore a Backup')) : undefined;
  if (picked) {
    await replaceSnapshot(d.files, dir, picked.path, d.key());
    void vscode.window.showInformationMessage(vscode.l10n.t('Restored the journal from {0}.', picked.path));
    return reopen();
  }
  if (choice === fresh && error.copy) {
    await replaceSnapshot(d.files, dir, undefined);
    return reopen();
  }
  if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(error.file));
  throw new Error(vscode.l10n.t('The journal at {0} is not open yet. Choose how to recover it when asked again.', error.file));
}
