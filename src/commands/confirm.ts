// Every save from the palette is confirmed with what was saved and an Undo button (the panel shows
// the same words inline). Undo goes through the journal actions' one undo mechanism.
import * as vscode from 'vscode';
import type { JournalActions, Saved } from '../services/journalActions';
import type { UndoOutcome } from '../services/undoLog';

/** Shows the confirmation. Resolves when the message is dismissed or undone. */
export async function confirmSaved(actions: JournalActions, saved: Saved): Promise<void> {
  const undo = vscode.l10n.t('Undo');
  if ((await vscode.window.showInformationMessage(saved.message, undo)) === undo) sayUndone(await actions.undo(saved.undoToken));
}

/** "Undo Last Entry" (hidden command): undoes the newest change made in this window. */
export function undoLastCommand(d: { actions: JournalActions }) {
  return async (): Promise<boolean> => sayUndone(await d.actions.undoLast());
}

function sayUndone(outcome: UndoOutcome): boolean {
  if (outcome !== 'undone') return false;
  void vscode.window.showInformationMessage(vscode.l10n.t('Undone. The entry is kept in the file marked as deleted, so nothing is lost.'));
  return true;
}
