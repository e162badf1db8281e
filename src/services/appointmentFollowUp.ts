// Once an appointment's day has passed, asks one time whether to note what was decided. The
// question is recorded as asked whatever the answer, so it never comes back.
import * as vscode from 'vscode';
import { confirmSaved } from '../commands/confirm';
import type { DayClock } from '../core/entries';
import { appointmentAwaitingOutcome } from '../storage/read/appointments';
import type { JournalStore } from '../storage/journalStore';
import { dateWords } from './displayLanguage';
import type { JournalActions } from './journalActions';
import type { JournalService } from './journalService';

export class AppointmentFollowUp implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private asking = false;

  constructor(
    journal: JournalService,
    private readonly actions: JournalActions,
    private readonly clock: DayClock
  ) {
    this.subscription = journal.onDidChange((e) => {
      if (e.reason === 'open' && journal.current) void this.check(journal.current);
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  async check(store: JournalStore): Promise<boolean> {
    if (this.asking) return false;
    const due = appointmentAwaitingOutcome(store, this.clock.today());
    if (!due) return false;
    this.asking = true;
    try {
      await this.actions.recordOutcome(due, null);
      const add = vscode.l10n.t('Add Outcome Note');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('Your appointment{0} on {1} has passed. Would you like to note what was decided?', due.provider ? ` (${due.provider})` : '', dateWords(due.date)),
        add,
        vscode.l10n.t('Not Now')
      );
      if (choice !== add) return true;
      const outcome = await vscode.window.showInputBox({ title: vscode.l10n.t('Outcome of {0}', dateWords(due.date)), prompt: vscode.l10n.t('What was decided? (kept in your journal and shown in the next summary)') });
      if (outcome?.trim()) void confirmSaved(this.actions, await this.actions.recordOutcome(due, outcome));
      return true;
    } finally {
      this.asking = false;
    }
  }
}
