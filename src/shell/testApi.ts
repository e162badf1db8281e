// What activate() returns while the extension runs its own tests (ExtensionMode.Test), and never
// otherwise: state the user can already see (status bar, panel rows, data folder), a clock the
// test can move, a way to fold the journal into its file so a test can read it from disk, answers
// to the encryption flows' modal dialogs (refused under the test driver), and
// what the extension keeps in VS Code's state, so a test can check that no health data is there.
import type * as vscode from 'vscode';
import type { HostClock } from '../services/clock';
import type { ModalAnswers } from '../services/encryption/vscodeUi';
import type { Settings } from '../services/settings';
import type { CheckInStatusItem } from '../statusBar/checkInStatusItem';
import type { DashboardPanel } from '../webviews/dashboard/registration';
import type { JournalLink } from './journalLink';
import type { SidebarView } from '../webviews/sidebar/registration';
import { INBOX_CONFIRMED_KEY } from '../services/inbox/inboxPlace';

export interface MoodDoseApi {
  statusText(): string;
  /** The tooltip is its Markdown; `tooltipCommands` the commands its links may run. */
  statusState(): { text: string; tooltip: string; tooltipCommands: readonly string[]; status: string | undefined; warning: boolean; notifications: number };
  dataDir(): string;
  /** The support lines the panel shows (the user's, or the defaults). */
  supportLines(): readonly { name: string; contact: string; link: string }[];
  /** The settings a summary and a check-in say: the medication, its unit, the default dose, the mood labels, the check-up interval. */
  summarySettings(): { medication: string; unit: string; defaultDose: number | null; moodLabels: readonly string[]; checkupIntervalDays: number };
  sidebarRows(): readonly string[];
  onSidebarRender(listener: (rows: string[]) => void): { dispose(): void };
  /** Whether the dashboard is open, whether it came back from a reload, and what it drew last. */
  dashboardState(): { open: boolean; restored: boolean; rows: readonly string[] };
  travelTo(instant: number, zone?: string): void;
  flush(): Promise<void>;
  /** Every key and value the extension keeps in VS Code's workspace and global state. */
  storedState(): { workspace: Record<string, unknown>; global: Record<string, unknown> };
  /**
   * Answers the encryption flows' modal dialogs (which VS Code refuses under its test driver) with
   * `answer`, given what the dialog says; undefined puts the real dialog back.
   */
  answerModals(answer: ModalAnswers['answer']): void;
  /** The encryption state the palette's when-clauses read ('off' until the journal bundle starts). */
  encryptionState(): 'off' | 'locked' | 'unlocked';
  /** Answers the inbox's first preview as the user would with Import (a modal can't be clicked in a test). */
  acceptInboxPreview(): Promise<void>;
  /** The inbox file the journal reads, once it is open. */
  inboxPath(): string | undefined;
}

export function testApi(d: { context: vscode.ExtensionContext; clock: HostClock; settings: Settings; status: CheckInStatusItem; journal: JournalLink; sidebar: SidebarView; dashboard: DashboardPanel; modals: ModalAnswers }): MoodDoseApi {
  return {
    statusText: () => d.status.text,
    statusState: () => ({ text: d.status.text, tooltip: d.status.tooltip, tooltipCommands: d.status.tooltipCommands, status: d.status.status, warning: d.status.isWarning, notifications: d.status.notificationsRaised }),
    dataDir: () => d.journal.dir(),
    supportLines: () => d.settings.supportResources(),
    summarySettings: () => ({
      medication: d.settings.medicationName(),
      unit: d.settings.unit(),
      defaultDose: d.settings.defaultDose(),
      moodLabels: d.settings.moodLabels(),
      checkupIntervalDays: d.settings.checkupIntervalDays()
    }),
    sidebarRows: () => d.sidebar.renderedRows,
    onSidebarRender: (listener) => d.sidebar.onDidRender(listener),
    dashboardState: () => d.dashboard.state,
    travelTo: (instant, zone) => {
      d.clock.travelTo(instant, zone);
      d.status.update();
    },
    flush: async () => {
      await d.journal.current?.journal.current?.compact();
    },
    storedState: () => ({ workspace: dump(d.context.workspaceState), global: dump(d.context.globalState) }),
    answerModals: (answer) => {
      d.modals.answer = answer;
    },
    encryptionState: () => d.journal.current?.encryption.state() ?? 'off',
    acceptInboxPreview: async () => d.context.globalState.update(INBOX_CONFIRMED_KEY, true),
    inboxPath: () => d.journal.current?.inbox.path
  };
}

function dump(memento: vscode.Memento): Record<string, unknown> {
  return Object.fromEntries(memento.keys().map((k) => [k, memento.get(k)]));
}
