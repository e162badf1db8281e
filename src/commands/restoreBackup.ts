// "Mood & Dose: Restore Backup…": pick one of the rolling backups; the current journal is kept aside.
import * as vscode from 'vscode';
import { listBackups } from '../storage/backups';
import { NodeFiles } from '../storage/nodeFiles';
import type { CommandDeps } from './deps';

interface BackupItem extends vscode.QuickPickItem {
  path: string;
}

export function restoreBackupCommand(d: Pick<CommandDeps, 'journal'>) {
  return async (): Promise<void> => {
    const store = await d.journal.get();
    const backups = await listBackups(new NodeFiles(), store.backupDir);
    if (backups.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no backups yet in {0}. One is made each day you use the journal.', store.backupDir));
      return;
    }
    const picked = await vscode.window.showQuickPick<BackupItem>(
      backups.map((b) => ({
        label: b.kind === 'daily' ? vscode.l10n.t('Daily backup of {0}', b.label) : vscode.l10n.t('Weekly backup, week {0}', b.label),
        description: b.name,
        path: b.path
      })),
      { title: vscode.l10n.t('Restore Backup'), placeHolder: vscode.l10n.t('Choose the backup to go back to') }
    );
    if (!picked) return;
    const restore = vscode.l10n.t('Restore');
    const confirm = await vscode.window.showWarningMessage(
      vscode.l10n.t('Replace the journal with "{0}"? Entries made since then will no longer be shown. The current journal is kept as a copy next to it, so this can be undone.', picked.label),
      { modal: true },
      restore
    );
    if (confirm !== restore) return;
    const kept = await d.journal.restoreFrom(picked.path);
    void vscode.window.showInformationMessage(vscode.l10n.t('Restored {0}. The journal as it was is kept at {1}.', picked.label, kept));
  };
}
