// Every write the user makes goes through here, so a change that did not apply is never silent.
import * as vscode from 'vscode';
import type { Op } from '../core/schemas';
import type { JournalStore, WriteOptions, WriteResult } from '../storage/journalStore';

/** Writes through the store; if any change did not apply, says so in one warning. */
export async function writeJournal(store: JournalStore, ops: Op[], options?: WriteOptions): Promise<WriteResult> {
  const result = await store.write(ops, options);
  if (result.notApplied.length > 0) void vscode.window.showWarningMessage(notAppliedMessage(result.notApplied.length));
  return result;
}

export function notAppliedMessage(count: number): string {
  return vscode.l10n.t(
    '{0} change(s) were not applied: the journal already holds a newer version of the same entry, saved in another window or on another device. The journal shows that newer version; make the change again if you still want it.',
    count
  );
}
