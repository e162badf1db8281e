// Every save from the palette is confirmed with what was saved and an Undo button. Undo marks the
// saved rows deleted (tombstones), so the undo itself can never lose data.
import * as vscode from 'vscode';
import { tombstone } from '../core/entries';
import type { Op } from '../core/schemas';
import type { Services } from '../services/services';
import { writeJournal } from '../services/journalWrites';

export const UNDO_COMMAND = 'moodDose.undoLast';

interface Undoable {
  summary: string;
  ops: Op[];
}

let last: Undoable | undefined;

/** Shows the confirmation. Resolves when the message is dismissed or undone. */
export async function confirmSaved(s: Services, summary: string, ops: Op[]): Promise<void> {
  const entry = { summary, ops };
  last = entry;
  const undo = vscode.l10n.t('Undo');
  if ((await vscode.window.showInformationMessage(summary, undo)) === undo) await undoChange(s, entry);
}

/** Undoes the most recent save from this window (hidden command, also bound to the Undo button). */
export function undoLastCommand(s: Services) {
  return async (): Promise<boolean> => (last ? undoChange(s, last) : false);
}

async function undoChange(s: Services, change: Undoable): Promise<boolean> {
  if (last === change) last = undefined;
  const store = await s.journal.get();
  const now = s.clock.now();
  const ops: Op[] = [];
  for (const op of change.ops) {
    const current = store.get(op.table, op.row.id);
    if (current && !current.deletedAt) ops.push({ table: op.table, row: tombstone(current, now) } as Op);
  }
  if (ops.length === 0) return false;
  const { applied } = await writeJournal(store, ops);
  if (applied.length === 0) return false;
  void vscode.window.showInformationMessage(vscode.l10n.t('Undone. The entry is kept in the file marked as deleted, so nothing is lost.'));
  return true;
}
