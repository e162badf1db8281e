// The message for a change that did not apply, so it is never silent (see JournalActions.write).
import * as vscode from 'vscode';
import { plural } from './plural';

export function notAppliedMessage(count: number): string {
  return plural(count, {
    one: vscode.l10n.t(
      '{0} change was not applied: the journal already holds a newer version of the same entry, saved in another window or on another device. The journal shows that newer version; make the change again if you still want it.',
      count
    ),
    other: vscode.l10n.t(
      '{0} changes were not applied: the journal already holds a newer version of the same entry, saved in another window or on another device. The journal shows that newer version; make the change again if you still want it.',
      count
    )
  });
}
