// The status-bar nudge. "$(heart) Check in" only while the current reminder window has no check-in;
// once a reminder time passes without one it turns to the warning colour and (in one window only)
// raises a single notification. After a check-in it shows a quiet summary such as "✓ 09:14 · 10 mg",
// with at most one thing that is due; everything else (taper step, appointment, what is due, and any
// line the journal's status feed adds) is in a rich tooltip with links to the dashboard, a check-in
// and a check-up. Until the journal is first opened it works from mementos, so activation never
// loads the database: at start-up it draws what it showed last time, and works out the reminder
// state a moment later. While the disk is full and entries wait in memory, it says "Not saved yet"
// instead, in the warning colour, until they are written.
import * as vscode from 'vscode';
import type { DayClock } from '../core/entries';
import { evaluateNudge, shouldRaiseNotification, type Nudge, type ReminderState } from '../core/reminders';
import type { Settings } from '../services/settings';
import type { LastCheckIn } from '../services/statusFeed';
import { statusView, TOOLTIP_COMMANDS, tooltipLinks, type StatusView } from './statusView';

export const CHECK_IN_COMMAND = 'moodDose.checkIn';
const LAST_KEY = 'moodDose.lastCheckIn';
const DRAWN_KEY = 'moodDose.statusDrawn';
const STATE_KEY = 'moodDose.reminderState';
/** Re-evaluate at least this often, so a clock change or a sleeping machine is noticed. */
const MAX_WAIT_MS = 60_000;

/** What the status item needs from the journal (which lives in a bundle loaded on first use). */
export interface StatusJournal {
  /** Fires when the journal opens or its rows change. */
  readonly onDidChange: vscode.Event<void>;
  /** The journal's folder: snooze and skip are shared by every window on the same journal. */
  dir(): string;
  /** The latest check-in (null: none yet), or undefined while the journal is not open. */
  latest(): LastCheckIn | null | undefined;
  /**
   * Short words for what is due today, in order (the text shows the first), and the tooltip's lines
   * (taper step, appointment, what is due, …); none until it is open.
   */
  dueAndDetails(): { due: string[]; details: string[] };
  /** Opens the journal and picks up other windows' changes; whether this window is the writer. */
  sync(): Promise<boolean>;
  /** Changes waiting in memory for disk space (none until the journal is open); onDidChange fires when this changes. */
  unsaved(): { count: number; dir?: string };
}

/** The item as last drawn, to show again at once on the next start-up. */
interface Drawn {
  text: string;
  /** The tooltip as Markdown, made by tooltipMarkdown() (the journal's words escaped). */
  tooltip: string;
  label: string;
  warning: boolean;
}

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

/** The tooltip: the check-in sentence, the journal's lines as a list, then the command links. */
export function tooltipMarkdown(view: Pick<StatusView, 'message' | 'lines'>): string {
  const md = new vscode.MarkdownString('', true);
  md.appendMarkdown('**');
  md.appendText(t('Mood & Dose Journal'));
  md.appendMarkdown('**\n\n');
  md.appendText(view.message);
  md.appendMarkdown('\n\n');
  for (const line of view.lines) {
    md.appendMarkdown('- ');
    md.appendText(line);
    md.appendMarkdown('\n');
  }
  md.appendMarkdown(`\n${tooltipLinks(t).map((l) => `[$(${l.icon}) ${l.title}](command:${l.command})`).join(' &nbsp;·&nbsp; ')}`);
  return md.value;
}

/** Markdown with theme icons, whose links may run the tooltip's three commands and nothing else. */
function trusted(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, true);
  md.isTrusted = { enabledCommands: [...TOOLTIP_COMMANDS] };
  return md;
}

export class CheckInStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('moodDose.checkIn', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: Nudge | undefined;
  private notifying = false;
  private drawn: Drawn | undefined;
  /** Notifications raised by this window, for tests. */
  notificationsRaised = 0;

  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly globalState: vscode.Memento,
    private readonly clock: DayClock,
    private readonly settings: Pick<Settings, 'onDidChange' | 'reminders' | 'notificationsEnabled' | 'unit'>,
    private readonly journal: StatusJournal
  ) {
    this.item.name = vscode.l10n.t('Mood & Dose Check-in');
    this.item.command = CHECK_IN_COMMAND;
    this.disposables.push(
      journal.onDidChange(() => this.refreshFromJournal()),
      settings.onDidChange(() => this.update())
    );
    // Reminder windows need time-zone arithmetic: draw the remembered item first, then look.
    this.show(workspaceState.get<Drawn>(DRAWN_KEY) ?? { text: `$(heart) ${vscode.l10n.t('Check in')}`, tooltip: '', label: vscode.l10n.t('Mood and Dose: check in'), warning: false });
    this.item.show();
    this.timer = setTimeout(() => this.update(), 0);
  }

  get text(): string {
    return this.item.text;
  }

  get status(): Nudge['status'] | undefined {
    return this.current?.status;
  }

  get isWarning(): boolean {
    return this.item.backgroundColor !== undefined;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  /** Re-reads the latest check-in from the open journal and remembers it for the next start-up. */
  refreshFromJournal(): void {
    const latest = this.journal.latest();
    if (latest === undefined) return;
    const last = latest ?? undefined;
    void this.workspaceState.update(LAST_KEY, last);
    // The walkthrough's "first check-in" step completes on this context key.
    if (last) void vscode.commands.executeCommand('setContext', 'moodDose.hasCheckIn', true);
    this.update(last);
  }

  async snooze(ms: number): Promise<void> {
    await this.setState({ ...this.state(), snoozedUntil: this.clock.now() + ms });
    this.update();
  }

  async skipToday(): Promise<void> {
    await this.setState({ ...this.state(), skippedDate: this.clock.today() });
    this.update();
  }

  /** Evaluates the nudge now, redraws, and schedules the next look. */
  update(last = this.workspaceState.get<LastCheckIn>(LAST_KEY)): void {
    const now = this.clock.now();
    const nudge = evaluateNudge({
      now,
      zone: this.clock.zone(),
      settings: this.settings.reminders(),
      lastCheckIn: last ? Date.parse(last.at) : undefined,
      state: this.state()
    });
    this.current = nudge;
    this.draw(nudge, last);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), Math.max(1000, Math.min(MAX_WAIT_MS, nudge.next - now + 500)));
    if (nudge.notify && this.settings.notificationsEnabled()) void this.maybeNotify();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private draw(nudge: Nudge, last: LastCheckIn | undefined): void {
    if (this.drawUnsaved()) return;
    const view = statusView(
      {
        status: nudge.status,
        slotTime: this.slotTime(nudge),
        last: nudge.status === 'done' && last ? { time: last.time, mg: last.mg } : undefined,
        unit: this.settings.unit(),
        ...this.journal.dueAndDetails()
      },
      t
    );
    this.show({ text: view.text, tooltip: tooltipMarkdown(view), label: view.label, warning: view.warning });
  }

  /** Puts the appearance on the item, and remembers it for the next start-up when it changed. */
  private show(d: Drawn): void {
    this.item.text = d.text;
    this.item.tooltip = d.tooltip ? trusted(d.tooltip) : undefined;
    this.item.accessibilityInformation = { label: d.label, role: 'button' };
    this.item.backgroundColor = d.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const before = this.drawn;
    this.drawn = d;
    if (before && (before.text !== d.text || before.tooltip !== d.tooltip || before.label !== d.label || before.warning !== d.warning)) void this.workspaceState.update(DRAWN_KEY, d);
  }

  /** Entries waiting for disk space outrank everything else the item could say. */
  private drawUnsaved(): boolean {
    const { count, dir } = this.journal.unsaved();
    if (count === 0) return false;
    this.item.text = `$(warning) ${vscode.l10n.t('Not saved yet')}`;
    const tooltip = vscode.l10n.t(
      'The disk holding {0} is full. {1} unsaved change(s) are kept in memory and saved as soon as there is space: saving is retried every few seconds and with your next entry. Keep this window open until this goes away.',
      dir ?? this.journal.dir(),
      count
    );
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Mood and Dose: not saved yet. {0}', tooltip), role: 'button' };
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    return true;
  }

  private slotTime(nudge: Nudge): string {
    if (!nudge.slot) return '';
    const m = nudge.slot.minutes;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  }

  /**
   * Raises the one notification for a due reminder. The journal is consulted first: another
   * window may have checked in, and only the window holding the journal's writer lock notifies.
   */
  private async maybeNotify(): Promise<void> {
    if (this.notifying) return;
    this.notifying = true;
    let nudge: Nudge | undefined;
    try {
      const isWriter = await this.journal.sync();
      this.refreshFromJournal();
      nudge = this.current;
      if (!nudge || !shouldRaiseNotification(nudge, isWriter, this.settings.notificationsEnabled())) return;
      await this.setState({ ...this.state(), notifiedSlot: nudge.key });
      this.notificationsRaised++;
    } catch {
      // A journal that cannot open has already said so; the nudge just stays in the status bar.
      return;
    } finally {
      this.notifying = false;
    }
    // Not awaited while holding `notifying`: the message may stay open for hours.
    void this.showReminder(nudge);
  }

  private async showReminder(nudge: Nudge): Promise<void> {
    const checkIn = vscode.l10n.t('Check In');
    const snooze = vscode.l10n.t('Snooze 1 Hour');
    const skip = vscode.l10n.t('Skip Today');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('No check-in yet for {0}. A few seconds is enough.', this.slotTime(nudge)), checkIn, snooze, skip);
    if (choice === checkIn) await vscode.commands.executeCommand(CHECK_IN_COMMAND);
    else if (choice === snooze) await this.snooze(3600_000);
    else if (choice === skip) await this.skipToday();
  }

  /** Snooze, skip and the last notified slot, shared by every window on the same journal. */
  private stateKey(): string {
    return `${STATE_KEY}:${this.journal.dir()}`;
  }

  private state(): ReminderState {
    return this.globalState.get<ReminderState>(this.stateKey()) ?? {};
  }

  private setState(state: ReminderState): Thenable<void> {
    return this.globalState.update(this.stateKey(), state);
  }
}
