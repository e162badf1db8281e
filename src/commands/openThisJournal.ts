// "Mood & Dose: Open This Journal…": asks again about a journal left closed (a question dismissed,
// or Restricted Mode, which it explains again), and shows the journal once it is open.
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';

export function openThisJournalCommand(d: Pick<CommandDeps, 'journal' | 'sidebar'>) {
  return async (): Promise<boolean> => {
    const open = await d.journal.openThisJournal();
    if (open) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The journal in {0} is open.', d.journal.location().dir));
      await d.sidebar.show('journal');
    }
    return open;
  };
}
