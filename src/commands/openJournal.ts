// "Mood & Dose: Open Journal": reveals the sidebar panel.
import * as vscode from 'vscode';
import { JOURNAL_VIEW_ID } from '../views/journalViewProvider';

export function openJournalCommand() {
  return async (): Promise<void> => {
    await vscode.commands.executeCommand(`${JOURNAL_VIEW_ID}.focus`);
  };
}
