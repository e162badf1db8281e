// dist/journal.js: everything that works on the journal, loaded the first time it is needed (a
// command, the panel's first message, or the status bar's first due reminder). It holds storage and
// sql.js, the journal service, the one set of journal actions, the panel's handlers and the palette
// command flows. The start-up bundle passes in what it owns; nothing here runs at activation.
import * as vscode from 'vscode';
import type { Translate } from '../core/safety';
import type { JournalCommand } from '../commands/ids';
import type { CoreBundles } from '../commands/deps';
import { guardedTable } from '../commands/guarded';
import { askToCount } from '../commands/supply';
import { journalCommands } from '../commands/table';
import type { EntryView } from '../webviews/shared/views';
import type { SidebarSection } from '../webviews/sidebar/protocol';
import type { HostClock } from '../services/clock';
import { useDisplayNumbers, wordsLanguage } from '../services/displayLanguage';
import { AppointmentFollowUp } from '../services/appointmentFollowUp';
import { CheckupReminders } from '../services/checkupReminders';
import { EncryptionService } from '../services/encryption/service';
import type { ModalAnswers } from '../services/encryption/vscodeUi';
import { JournalActions } from '../services/journalActions';
import { JournalService } from '../services/journalService';
import { notAppliedMessage } from '../services/journalWrites';
import type { Log } from '../services/log';
import { OLD_CARD_KEY, SafetyService } from '../services/safetyService';
import { safetyTriggersOn } from '../storage/read/journal';
import type { Settings } from '../services/settings';
import { StatusFeed } from '../services/statusFeed';
import { InboxLanguage } from '../services/inbox/inboxLanguage';
import { InboxService } from '../services/inbox/inboxService';
import { inboxWords } from '../storage/read/inbox';
import { webviewHandlers } from '../webviews/handlers';
import { WebviewSession, type WebviewHost } from '../webviews/host/session';

/** What the start-up bundle owns and lends to the journal bundle. */
export interface ShellDeps {
  context: vscode.ExtensionContext;
  clock: HostClock;
  settings: Settings;
  log: Log;
  sidebar: { show(section: SidebarSection): Promise<void>; edit(entry: EntryView): Promise<void> };
  dashboard: { open(): Promise<void> };
  load<K extends keyof CoreBundles>(name: K): CoreBundles[K];
  /** Only while the extension runs its tests: the encryption flows' modal dialogs, answered by the test. */
  modals?: ModalAnswers;
  /** The status bar's tooltip has changed (the inbox's count of lines it cannot read). */
  statusChanged(): void;
}

export interface JournalRuntime extends vscode.Disposable {
  readonly journal: JournalService;
  readonly status: StatusFeed;
  /** Locking, unlocking and the encryption commands' shared parts. */
  readonly encryption: EncryptionService;
  /** The phone inbox: read when the journal opens and on every change (services/inbox). */
  readonly inbox: InboxService;
  readonly inboxLanguage: InboxLanguage;
  readonly commands: Record<JournalCommand, (...args: unknown[]) => Promise<unknown>>;
  /** Talks to one panel view; `onRendered` only while the extension runs its tests. */
  openSidebar(view: WebviewHost, onRendered?: (rows: string[]) => void): WebviewSession;
  /** Talks to the dashboard (an editor panel); `onRendered` only while the extension runs its tests. */
  openDashboard(panel: WebviewHost, onRendered?: (rows: string[]) => void): WebviewSession;
  /** Folds the op log into the snapshot and releases the writer lock. */
  close(): Promise<void>;
}

export function startJournal(shell: ShellDeps): JournalRuntime {
  const { context, clock, settings, log } = shell;
  // This bundle has its own copy of core: its numbers follow the display language too.
  useDisplayNumbers();
  const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
  const journal = new JournalService(context, clock, log, () => settings.dataFolder());
  const encryption = new EncryptionService({
    control: journal.encryption,
    secrets: context.secrets,
    state: context.globalState,
    now: () => clock.now(),
    lockAfterIdleMinutes: () => settings.lockAfterIdleMinutes(),
    onSettingsChanged: settings.onDidChange,
    dataFolder: () => journal.location().dir,
    log,
    modals: shell.modals
  });
  // Every use of the journal by a command, an action or a page: asks for the passphrase first
  // when it is locked, and counts for the idle lock. The status bar reads past it, never asking.
  const read = () => encryption.use(() => journal.get());
  const safety = new SafetyService(clock, () => shell.sidebar.show('support'), () => (journal.current ? safetyTriggersOn(journal.current, clock.today()) : 0));
  void context.globalState.update(OLD_CARD_KEY, undefined);
  const actions = new JournalActions({
    language: wordsLanguage(),
    journal: read,
    clock,
    settings,
    t,
    checkedIn: () => void vscode.commands.executeCommand('setContext', 'moodDose.hasCheckIn', true),
    offerSupport: (trigger, origin) => void safety.trigger(trigger, origin),
    notApplied: (count) => void vscode.window.showWarningMessage(notAppliedMessage(count)),
    supplyBelowZero: (supplies) => void askToCount(supplies)
  });
  const inbox = new InboxService({ globalState: context.globalState, clock, settings, log, journal, actions, t, statusChanged: () => shell.statusChanged() });
  const inboxLanguage = new InboxLanguage({ t, unit: () => settings.unit(), zone: () => clock.zone(), now: () => clock.now(), words: () => (journal.current ? inboxWords(journal.current) : { ownSymptoms: [], tags: [] }) });
  const status = new StatusFeed(journal, clock, new CheckupReminders(settings, clock, context.globalState), settings, () => inbox.statusLines());
  const commands = journalCommands({ read, actions, journal, clock, settings, sidebar: shell.sidebar, load: shell.load, encryption: encryption.flows, inbox }) as JournalRuntime['commands'];
  // A page's command/run calls these directly (no round trip through VS Code), reported as the
  // palette's are; opening the dashboard is the start-up bundle's, lent in.
  const pageCommands = guardedTable({ ...commands, 'moodDose.openDashboard': () => shell.dashboard.open() }, log);
  const handlers = webviewHandlers({
    read,
    actions,
    clock,
    settings,
    t,
    language: wordsLanguage(),
    support: safety,
    figures: () => shell.load('figures'),
    commands: pageCommands,
    host: {
      openLink: async (link) => void (await vscode.env.openExternal(vscode.Uri.parse(link))),
      editInSidebar: (entry) => shell.sidebar.edit(entry)
    }
  });
  const disposables: vscode.Disposable[] = [
    journal,
    encryption,
    safety,
    inbox,
    new AppointmentFollowUp(journal, actions, clock),
    // A new data folder applies at once: close the old journal; the next use opens the new one.
    settings.onDidChange((e) => {
      if (e.affectsConfiguration('moodDose.dataFolder')) void journal.relocate();
    })
  ];
  return {
    journal,
    status,
    encryption,
    inbox,
    inboxLanguage,
    commands,
    openSidebar: (view, onRendered) =>
      new WebviewSession(view, { handlers, log, journalChanged: journal.onDidChange, contextChanged: [settings.onDidChange, safety.onDidChange], onRendered }),
    // A unit or a new data folder changes what the dashboard shows too: settings are its context.
    openDashboard: (panel, onRendered) => new WebviewSession(panel, { handlers, log, journalChanged: journal.onDidChange, contextChanged: [settings.onDidChange], onRendered }),
    close: () => journal.close(),
    dispose: () => {
      for (const d of disposables.splice(0)) d.dispose();
    }
  };
}
