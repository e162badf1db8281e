// "Mood & Dose: Add Note": a timestamped note on its own, for when there is something to remember
// but no need for a full check-in.
import * as vscode from 'vscode';
import { buildNote } from '../core/entries';
import { NOTE_MAX } from '../core/schemas';
import type { Services } from '../services/services';
import { input } from './quickInput';
import { confirmSaved } from './undo';
import { writeJournal } from '../services/journalWrites';

export function addNoteCommand(s: Services) {
  return async (): Promise<string | undefined> => {
    const text = await input({
      title: vscode.l10n.t('Add Note'),
      prompt: vscode.l10n.t('What do you want to remember? Enter saves, Escape cancels.'),
      validate: (v) =>
        !v.trim() ? vscode.l10n.t('Type the note, or press Escape to cancel') : v.length > NOTE_MAX ? vscode.l10n.t('Keep the note under {0} characters', NOTE_MAX) : undefined
    });
    if (text === undefined) return undefined;
    const store = await s.journal.get();
    const row = buildNote({ text }, s.clock);
    await writeJournal(store, [{ table: 'notes', row }]);
    void confirmSaved(s, vscode.l10n.t('Note saved.'), [{ table: 'notes', row }]);
    return row.id;
  };
}
