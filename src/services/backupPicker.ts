// The list of backups to choose from, used by "Restore Backup…" and by recovery: valid copies
// newest first, each with its date and how much it holds; copies that cannot be restored last.
import * as vscode from 'vscode';
import { wordsLanguage } from './displayLanguage';
import { plural } from './plural';
import type { BackupInfo } from '../storage/backups';

interface BackupItem extends vscode.QuickPickItem {
  backup?: BackupInfo;
}

/** Resolves to the chosen valid backup, or undefined when the user cancels. */
export async function pickBackup(backups: readonly BackupInfo[], title: string): Promise<BackupInfo | undefined> {
  const valid = backups.filter((b) => b.valid);
  const broken = backups.filter((b) => !b.valid);
  const items: BackupItem[] = valid.map((b) => ({
    label: backupLabel(b),
    description: holds(b.checkIns ?? 0, b.rows ?? 0),
    detail: written(b),
    backup: b
  }));
  if (broken.length > 0) {
    items.push({ label: vscode.l10n.t('Cannot be restored'), kind: vscode.QuickPickItemKind.Separator });
    for (const b of broken) items.push({ label: `$(error) ${backupLabel(b)}`, description: b.problem, detail: written(b) });
  }
  for (;;) {
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Choose the backup to go back to'), matchOnDescription: true });
    if (!picked) return undefined;
    if (picked.backup) return picked.backup;
    await vscode.window.showWarningMessage(vscode.l10n.t('That backup is damaged and cannot be restored. Choose another one.'), { modal: true });
  }
}

/** "12 check-ins, 340 rows": each count with its own plural form. */
export function holds(checkIns: number, rows: number): string {
  const c = plural(checkIns, { one: vscode.l10n.t('{0} check-in', checkIns), other: vscode.l10n.t('{0} check-ins', checkIns) });
  const r = plural(rows, { one: vscode.l10n.t('{0} row', rows), other: vscode.l10n.t('{0} rows', rows) });
  return vscode.l10n.t('{0}, {1}', c, r);
}

export function backupLabel(b: BackupInfo): string {
  return b.kind === 'daily' ? vscode.l10n.t('Daily backup of {0}', b.label) : vscode.l10n.t('Weekly backup, week {0}', b.label);
}

function written(b: BackupInfo): string {
  return b.mtimeMs === undefined ? b.name : vscode.l10n.t('{0}, written {1}', b.name, new Date(b.mtimeMs).toLocaleString(wordsLanguage()));
}
