// The status-bar nudge. "$(heart) Check in" only while the current reminder window has no check-in;
// once a reminder time passes without one it turns to the warning colour and (in one window only)
// raises a single notification. After a check-in it shows a quiet summary such as "✓ 09:14 · 10 mg",
// with at most one thing that is due; everything else (taper step, appointment, what is due, and any
// line the journal's status feed adds) is in a rich tooltip with links to the dashboard, a check-in
// and a check-up. Activation never loads the database, and VS Code's state never holds health data:
// it keeps the time of the last check-in and what the item last said about it ("✓ 09:14", "due"),
// never a dose, a step, an appointment or a name. So at start-up the item draws "✓ 09:14" at once,
// works out the reminder state a moment later, and where this workspace has a check-in it reads the
// journal a few seconds later for the rest. While the disk is full and entries wait in memory, it
// says "Not saved yet" instead, in the warning colour, until they are written. While an encrypted
// journal is locked it still reminds, with a lock, but shows nothing read from inside the journal.
import * as vscode from 'vscode';
import type { DayClock } from '../core/entries';
import { evaluateNudge, shouldRaiseNotification, type Nudge, type NudgeStatus, type ReminderState } from '../core/reminders';
import { plural } from '../services/plural';
import type { Settings } from '../services/settings';
import type { LastCheckIn } from '../services/statusFeed';
import { statusView, TOOLTIP_COMMANDS } from './statusView';
import { tooltipMarkdown } from './tooltip';

export const CHECK_IN_COMMAND = 'moodDose.checkIn';
/** The last check-in's time ({@link RememberedCheckIn}). */
const LAST_KEY = 'moodDose.lastCheckIn';
/** What the item last said ({@link Shown}), to say it again at once on the next start-up. */
const SHOWN_KEY = 'moodDose.statusShown';
/** Before 0.2 the item kept its whole text and tooltip here, dose and plan included: removed on start-up. */
const OLD_DRAWN_KEY = 'moodDose.statusDrawn';
const STATE_KEY = 'moodDose.reminderState';
/** Where this workspace has a check-in, the journal is read this long after start-up, for the dose and the tooltip. */
const READ_AFTER_MS = 3000;
/** Re-evaluate at least this often, so a clock change or a sleeping machine is noticed. */
const MAX_WAIT_MS = 60_000;

/** What the status item needs from the journal (which lives in a bundle loaded on first use). */
export interface StatusJournal {
  /** The journal's one change event: it opens, its rows change, or entries wait for disk space. */
  readonly onDidChange: vscode.Event<unknown>;
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
  /** The journal is encrypted and locked (false until the journal bundle has started). */
  locked(): boolean;
  /** Fires when the journal is locked, unlocked, or encryption is turned on or off. */
  readonly onDidChangeLock: vscode.Event<unknown>;
}

/** The last check-in as remembered between sessions: when it was, never what it held. */
export interface RememberedCheckIn {
  at: string;
  /** Local time, HH:MM. */
  time: string;
}

/** What the item last said, as flags and times only. */
interface Shown {
  status: NudgeStatus;
  slotTime: string;
}

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

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
  private readTimer: ReturnType<typeof setTimeout> | undefined;
  private current: Nudge | undefined;
  private notifying = false;
  /** The latest check-in as the open journal has it (null: none); undefined until it is open. Never stored. */
  private latest: LastCheckIn | null | undefined;
  private shown: Shown | undefined;
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
      journal.onDidChangeLock(() => this.update()),
      settings.onDidChange(() => this.update())
    );
    if (workspaceState.get(OLD_DRAWN_KEY) !== undefined) void workspaceState.update(OLD_DRAWN_KEY, undefined);
    const remembered = this.remembered();
    // Reminder windows need time-zone arithmetic: say what was said last time first, then look.
    this.shown = workspaceState.get<Shown>(SHOWN_KEY);
    this.render(this.shown?.status ?? 'open', this.shown?.slotTime ?? '', remembered && { time: remembered.time, mg: null }, { due: [], details: [] });
    this.item.show();
    this.timer = setTimeout(() => this.update(), 0);
    // The dose, the plan step and what is due live in the journal only: read it soon, not now.
    if (remembered) this.readTimer = setTimeout(() => void this.journal.sync().catch(() => undefined), READ_AFTER_MS);
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

  /** The commands the tooltip's links may run. */
  get tooltipCommands(): readonly string[] {
    const trust = typeof this.item.tooltip === 'string' ? undefined : this.item.tooltip?.isTrusted;
    return typeof trust === 'object' ? trust.enabledCommands : trust ? ['(any)'] : [];
  }

  /** Re-reads the latest check-in from the open journal, and remembers its time for the next start-up. */
  refreshFromJournal(): void {
    const latest = this.journal.latest();
    if (latest === undefined) return;
    this.latest = latest;
    clearTimeout(this.readTimer);
    const remembered = this.remembered();
    if (latest?.at !== remembered?.at || latest?.time !== remembered?.time) {
      void this.workspaceState.update(LAST_KEY, latest ? ({ at: latest.at, time: latest.time } satisfies RememberedCheckIn) : undefined);
    }
    // The walkthrough's "first check-in" step completes on this context key.
    if (latest) void vscode.commands.executeCommand('setContext', 'moodDose.hasCheckIn', true);
    this.update();
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
  update(): void {
    const last = this.lastCheckIn();
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
    clearTimeout(this.readTimer);
    for (const d of this.disposables) d.dispose();
  }

  /** The journal's latest check-in once it is open; until then its remembered time, without a dose. */
  private lastCheckIn(): LastCheckIn | undefined {
    if (this.latest !== undefined) return this.latest ?? undefined;
    const r = this.remembered();
    return r && { at: r.at, time: r.time, mg: null };
  }

  /** The remembered check-in; one stored before 0.2, which also held the day's dose, is stored again without it. */
  private remembered(): RememberedCheckIn | undefined {
    const stored = this.workspaceState.get<Partial<RememberedCheckIn> & Record<string, unknown>>(LAST_KEY);
    if (typeof stored?.at !== 'string' || typeof stored.time !== 'string') return undefined;
    const r = { at: stored.at, time: stored.time };
    if (Object.keys(stored).length !== 2) void this.workspaceState.update(LAST_KEY, r);
    return r;
  }

  private draw(nudge: Nudge, last: LastCheckIn | undefined): void {
    if (this.drawUnsaved()) return;
    const slotTime = this.slotTime(nudge);
    this.render(nudge.status, slotTime, nudge.status === 'done' && last ? { time: last.time, mg: last.mg } : undefined, this.journal.dueAndDetails());
    const shown = { status: nudge.status, slotTime } satisfies Shown;
    if (shown.status !== this.shown?.status || shown.slotTime !== this.shown.slotTime) void this.workspaceState.update(SHOWN_KEY, shown);
    this.shown = shown;
  }

  /** Puts the view on the item: the text, the tooltip, the screen reader's label and the colour. */
  private render(status: NudgeStatus, slotTime: string, last: { time: string; mg: number | null } | undefined, journal: { due: string[]; details: string[] }): void {
    // The unit is read only beside a dose, so the first draw at start-up reads no setting.
    const locked = this.journal.locked();
    const view = statusView({ status, slotTime, last, unit: last?.mg == null || locked ? '' : this.settings.unit(), ...journal, locked }, t);
    this.item.text = view.text;
    this.item.tooltip = trusted(tooltipMarkdown(view, t));
    this.item.accessibilityInformation = { label: view.label, role: 'button' };
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  /** Entries waiting for disk space outrank everything else the item could say. */
  private drawUnsaved(): boolean {
    const { count, dir } = this.journal.unsaved();
    if (count === 0) return false;
    this.item.text = `$(warning) ${vscode.l10n.t('Not saved yet')}`;
    const folder = dir ?? this.journal.dir();
    const tooltip = plural(count, {
      one: vscode.l10n.t('The disk holding {0} is full. {1} unsaved change is kept in memory and saved as soon as there is space: saving is retried every few seconds and with your next entry. Keep this window open until this goes away.', folder, count),
      other: vscode.l10n.t('The disk holding {0} is full. {1} unsaved changes are kept in memory and saved as soon as there is space: saving is retried every few seconds and with your next entry. Keep this window open until this goes away.', folder, count)
    });
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
