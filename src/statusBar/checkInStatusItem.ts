// The status-bar nudge: "$(heart) Check in" while today has no check-in, a quiet "✓ 09:14 · 10 mg"
// afterwards. Until the journal is first opened it works from a memento, so activation stays cheap.
import * as vscode from 'vscode';
import { formatMg } from '../core/entries';
import type { Clock } from '../core/entries';
import { localDateOf, localTimeOfStamp } from '../core/time';
import { lastDose, latestCheckIn } from '../storage/journalQueries';
import type { JournalService } from '../services/journalService';

export const CHECK_IN_COMMAND = 'moodDose.checkIn';
const MEMENTO_KEY = 'moodDose.lastCheckIn';

export interface LastCheckIn {
  localDate: string;
  time: string;
  mg: number | null;
}

export class CheckInStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('moodDose.checkIn', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  // "Today" ends at local midnight; a cheap re-render each minute keeps the tick honest.
  private readonly tick = setInterval(() => this.render(), 60_000);

  constructor(
    private readonly memento: vscode.Memento,
    private readonly journal: JournalService,
    private readonly clock: Clock,
    private readonly unit: () => string
  ) {
    this.item.name = vscode.l10n.t('Mood & Dose Check-in');
    this.item.command = CHECK_IN_COMMAND;
    this.disposables.push(
      journal.onDidOpen(() => this.refreshFromJournal()),
      journal.onDidChange(() => this.refreshFromJournal())
    );
    this.render();
    this.item.show();
  }

  /** The text currently shown, for tests and the walkthrough. */
  get text(): string {
    return this.item.text;
  }

  /** Re-reads the latest check-in from the open journal and remembers it for the next start-up. */
  refreshFromJournal(): void {
    const store = this.journal.current;
    if (!store) return;
    const c = latestCheckIn(store);
    const dose = lastDose(store);
    const last: LastCheckIn | undefined = c && {
      localDate: c.localDate,
      time: localTimeOfStamp(c),
      mg: dose && dose.localDate === c.localDate ? dose.mg : null
    };
    void this.memento.update(MEMENTO_KEY, last);
    this.render(last);
  }

  render(last = this.memento.get<LastCheckIn>(MEMENTO_KEY)): void {
    const today = localDateOf(this.clock.now(), this.clock.zone());
    if (last && last.localDate === today) {
      const dose = last.mg === null ? '' : ` · ${formatMg(last.mg)} ${this.unit()}`;
      this.item.text = `✓ ${last.time}${dose}`;
      this.item.tooltip = vscode.l10n.t('Checked in today at {0}. Click to add another check-in.', last.time);
      this.item.accessibilityInformation = {
        label: vscode.l10n.t('Mood and Dose: checked in today at {0}{1}. Activate to check in again.', last.time, dose ? `, ${formatMg(last.mg!)} ${this.unit()}` : ''),
        role: 'button'
      };
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = `$(heart) ${vscode.l10n.t('Check in')}`;
      this.item.tooltip = vscode.l10n.t('No check-in yet today. Click to log mood and dose.');
      this.item.accessibilityInformation = { label: vscode.l10n.t('Mood and Dose: no check-in yet today. Activate to check in.'), role: 'button' };
    }
  }

  dispose(): void {
    clearInterval(this.tick);
    for (const d of this.disposables) d.dispose();
  }
}
