// The command table: every contributed command id and the function that runs it.
import * as vscode from 'vscode';
import type { Services } from '../services/services';
import { checkInCommand } from './checkIn';
import { openJournalCommand } from './openJournal';
import { restoreBackupCommand } from './restoreBackup';

export function registerCommands(s: Services): vscode.Disposable[] {
  const table: Record<string, (...args: never[]) => unknown> = {
    'moodDose.checkIn': checkInCommand(s),
    'moodDose.openJournal': openJournalCommand(),
    'moodDose.restoreBackup': restoreBackupCommand(s)
  };
  return Object.entries(table).map(([id, run]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await (run as (...a: unknown[]) => unknown)(...args);
      } catch (e) {
        s.log.error(`Command ${id} failed: ${(e as Error).stack ?? e}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Mood & Dose: {0}', (e as Error).message ?? String(e)));
        return undefined;
      }
    })
  );
}
