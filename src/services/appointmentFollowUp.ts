// Once an appointment's day has passed, asks one time whether to note what was decided. The
// question is recorded as asked whatever the answer, so it never comes back.
import * as vscode from 'vscode';
import type { Clock } from '../core/entries';
import { localDateOf } from '../core/time';
import type { JournalStore } from '../storage/journalStore';
import type { JournalService } from './journalService';
import { writeJournal } from './journalWrites';

export class AppointmentFollowUp implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private asking = false;

  constructor(
    journal: JournalService,
    private readonly clock: Clock
  ) {
    this.subscription = journal.onDidOpen((store) => void this.check(store));
  }

  dispose(): void {
    this.subscription.dispose();
  }

  async check(store: JournalStore): Promise<boolean> {
    if (this.asking) return false;
    const today = localDateOf(this.clock.now(), this.clock.zone());
    const due = store.select('appointments', 'deleted_at IS NULL AND date < ? AND outcome IS NULL AND outcome_asked = 0', [today], 'ORDER BY date DESC LIMIT 1')[0];
    if (!due) return false;
    this.asking = true;
    try {
      await writeJournal(store, [{ table: 'appointments', row: { ...due, outcomeAsked: true, updatedAt: new Date(this.clock.now()).toISOString() } }]);
      const add = vscode.l10n.t('Add Outcome Note');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Your appointment{0} on {1} has passed. Would you like to note what was decided?', due.provider ? ` (${due.provider})` : '', due.date),
        add,
        vscode.l10n.t('Not Now')
      );
      if (choice !== add) return true;
      const outcome = await vscode.window.showInputBox({ title: vscode.l10n.t('Outcome of {0}', due.date), prompt: vscode.l10n.t('What was decided? (kept in your journal and shown in the next summary)') });
      if (outcome?.trim()) {
        const latest = store.get('appointments', due.id) ?? due;
        await writeJournal(store, [{ table: 'appointments', row: { ...latest, outcome: outcome.trim(), updatedAt: new Date(this.clock.now()).toISOString() } }]);
      }
      return true;
    } finally {
      this.asking = false;
    }
  }
}
