// The calm support card: shown when PHQ-9 item 9 is above 0 or a check-in's mood is at the scale
// minimum, at most once a day, dismissible, never a modal, and never in the way of logging.
// Nothing of it is kept in VS Code's state: the dates it was shown would tell of a hard day, and that
// state lives outside the journal's protection. Whether today has a trigger is read from the journal
// itself; a dismissal is kept for this window only.
import * as vscode from 'vscode';
import type { DayClock } from '../core/entries';
import { supportCopy, type SafetyTrigger } from '../core/safety';
import type { LocalDate } from '../core/time';

/** The key where versions up to 0.2 kept the card's dates; removed at start. */
export const OLD_CARD_KEY = 'moodDose.supportCard';

export class SafetyService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private dismissedOn: LocalDate | undefined;
  /** Fires when the card appears or is dismissed, so the panel can redraw. */
  readonly onDidChange = this.changed.event;

  /** `triggersToday`: how many entries of today would show the card (0 while the journal is not open). */
  constructor(
    private readonly clock: DayClock,
    private readonly openSupport: () => Thenable<unknown>,
    private readonly triggersToday: () => number
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** Whether the panel should show the card right now. */
  cardVisible(): boolean {
    return this.triggersToday() > 0 && this.dismissedOn !== this.clock.today();
  }

  /**
   * Called after a check-in or questionnaire is saved. Never awaited by the save path: logging is
   * never blocked or delayed by the card. Only the day's first trigger offers it (from the palette
   * a quiet, non-modal message points to it); later ones that day leave it as it is.
   */
  async trigger(trigger: SafetyTrigger | undefined, from: 'palette' | 'panel'): Promise<boolean> {
    if (!trigger || this.triggersToday() > 1) return false;
    this.changed.fire();
    if (from === 'palette') {
      const show = vscode.l10n.t('Show Support');
      const copy = supportCopy(vscode.l10n.t);
      const choice = await vscode.window.showInformationMessage(`${copy.title}. ${copy.text}`, show);
      if (choice === show) await this.openSupport();
    }
    return true;
  }

  async dismiss(): Promise<void> {
    this.dismissedOn = this.clock.today();
    this.changed.fire();
  }
}
