// The calm support card: shown when PHQ-9 item 9 is above 0 or a check-in's mood is at the scale
// minimum, at most once a day, dismissible, never a modal, and never in the way of logging.
import * as vscode from 'vscode';
import type { DayClock } from '../core/entries';
import { cardMayShow, supportCopy, type SafetyTrigger } from '../core/safety';
import type { LocalDate } from '../core/time';

const KEY = 'moodDose.supportCard';

interface CardState {
  /** The day the card was last shown. */
  shownOn?: LocalDate;
  dismissedOn?: LocalDate;
}

export class SafetyService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the card appears or is dismissed, so the panel can redraw. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly clock: DayClock,
    private readonly openSupport: () => Thenable<unknown>
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** Whether the panel should show the card right now. */
  cardVisible(): boolean {
    const s = this.read();
    const today = this.clock.today();
    return s.shownOn === today && s.dismissedOn !== today;
  }

  /**
   * Called after a check-in or questionnaire is saved. Never awaited by the save path: logging is
   * never blocked or delayed by the card. From the palette a quiet, non-modal message points to it.
   */
  async trigger(trigger: SafetyTrigger | undefined, from: 'palette' | 'panel'): Promise<boolean> {
    if (!trigger) return false;
    const today = this.clock.today();
    if (!cardMayShow(this.read().shownOn, today)) return false;
    await this.state.update(KEY, { shownOn: today } satisfies CardState);
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
    await this.state.update(KEY, { ...this.read(), dismissedOn: this.clock.today() } satisfies CardState);
    this.changed.fire();
  }

  private read(): CardState {
    return this.state.get<CardState>(KEY) ?? {};
  }
}
