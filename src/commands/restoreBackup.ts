// "Mood & Dose: Restore Backup…": pick one of the rolling backups; the current journal is kept aside.
// Works while the journal cannot open, which is when a backup is needed most.
import * as path from 'path';
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { backupLabel, pickBackup } from '../services/backupPicker';
import { BACKUP_DIR } from '../storage/journalStore';

export function restoreBackupCommand(d: Pick<CommandDeps, 'journal'>) {
  return async (): Promise<void> => {
    const backupDir = path.join(d.journal.location().dir, BACKUP_DIR);
    const backups = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking backups…') }, () => d.journal.backups());
    if (backups.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no backups yet in {0}. One is made each day you use the journal.', backupDir));
      return;
    }
    const picked = await pickBackup(backups, vscode.l10n.t('Restore Backup'));
    if (!picked) return;
    const label = backupLabel(picked);
    const restore = vscode.l10n.t('Restore');
    const confirm = await vscode.window.showWarningMessage(
      vscode.l10n.t('Replace the journal with "{0}"? Entries made since then will no longer be shown. The current journal is kept as a copy next to it, so this can be undone.', label),
      { modal: true },
      restore
    );
    if (confirm !== restore) return;
    const kept = await d.journal.restoreFrom(picked.path);
    void vscode.window.showInformationMessage(
      kept ? vscode.l10n.t('Restored {0}. The journal as it was is kept at {1}.', label, kept) : vscode.l10n.t('Restored {0}.', label)
    );
  };
}
