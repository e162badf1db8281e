// "Mood & Dose: Add Note": a timestamped note on its own, for when there is something to remember
// but no need for a full check-in.
import * as vscode from 'vscode';
import { NOTE_MAX } from '../core/limits';
import { confirmSaved } from './confirm';
import type { CommandDeps } from './deps';
import { input } from './quickInput';

export function addNoteCommand(d: Pick<CommandDeps, 'actions'>) {
  return async (): Promise<string | undefined> => {
    const text = await input({
      title: vscode.l10n.t('Add Note'),
      prompt: vscode.l10n.t('What do you want to remember? Enter saves, Escape cancels.'),
      validate: (v) =>
        !v.trim() ? vscode.l10n.t('Type the note, or press Escape to cancel') : v.length > NOTE_MAX ? vscode.l10n.t('Keep the note under {0} characters', NOTE_MAX) : undefined
    });
    if (text === undefined) return undefined;
    const saved = await d.actions.addNote(text);
    void confirmSaved(d.actions, saved);
    return saved.id;
  };
}
