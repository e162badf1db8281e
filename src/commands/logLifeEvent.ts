// "Mood & Dose: Log Life Event": something that happened (a court date, a move, a loss), shown as a
// marker on the charts so mood changes can be read in context.
import * as vscode from 'vscode';
import { buildLifeEvent } from '../core/entries';
import { instantOf, localDateOf } from '../core/time';
import type { Services } from '../services/services';
import { dateProblem, input } from './quickInput';
import { confirmSaved } from './undo';
import { writeJournal } from '../services/journalWrites';

export function logLifeEventCommand(s: Services) {
  return async (): Promise<string | undefined> => {
    const title = vscode.l10n.t('Log Life Event');
    const what = await input({
      title,
      prompt: vscode.l10n.t('What happened? e.g. "Court date" or "Moved house"'),
      validate: (v) => (!v.trim() ? vscode.l10n.t('Type a short title, or press Escape to cancel') : v.trim().length > 120 ? vscode.l10n.t('Keep the title under 120 characters') : undefined)
    });
    if (what === undefined) return undefined;
    const today = localDateOf(s.clock.now(), s.clock.zone());
    const date = await input({
      title,
      prompt: vscode.l10n.t('When? A date as YYYY-MM-DD (Enter for today)'),
      value: today,
      validate: (v) => dateProblem(v, today)
    });
    if (date === undefined) return undefined;
    const note = await input({ title, prompt: vscode.l10n.t('Optional note (Enter to save)') });
    if (note === undefined) return undefined;
    const day = date.trim();
    const at = day === today ? s.clock.now() : instantOf(day, 12, 0, s.clock.zone());
    const row = buildLifeEvent({ title: what, note, at }, s.clock);
    const store = await s.journal.get();
    await writeJournal(store, [{ table: 'life_events', row }]);
    void confirmSaved(s, vscode.l10n.t('Life event saved: {0} ({1})', row.title, row.localDate), [{ table: 'life_events', row }]);
    return row.id;
  };
}
