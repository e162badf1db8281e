// Registers every contributed command at start-up. Those that open the panel or quiet the
// reminder run here; the rest load the journal bundle on first use and run there.
import * as vscode from 'vscode';
import { JOURNAL_COMMANDS, type SHELL_COMMANDS } from '../commands/ids';
import { snoozeReminderCommand } from '../commands/snoozeReminder';
import { guarded } from '../commands/guarded';
import type { Log } from '../services/log';
import type { CheckInStatusItem } from '../statusBar/checkInStatusItem';
import type { DashboardPanel } from '../webviews/dashboard/registration';
import type { JournalLink } from './journalLink';
import { JOURNAL_VIEW_ID, type SidebarView } from '../webviews/sidebar/registration';

export function registerCommands(d: { journal: JournalLink; sidebar: SidebarView; dashboard: DashboardPanel; status: CheckInStatusItem; log: Log }): vscode.Disposable[] {
  const shell: Record<(typeof SHELL_COMMANDS)[number], (...args: unknown[]) => unknown> = {
    'moodDose.openJournal': () => vscode.commands.executeCommand(`${JOURNAL_VIEW_ID}.focus`),
    'moodDose.openDashboard': () => d.dashboard.open(),
    'moodDose.showSupport': () => d.sidebar.show('support'),
    'moodDose.editTaperPlan': () => d.sidebar.show('plan'),
    'moodDose.snoozeReminder': snoozeReminderCommand(d.status)
  };
  const table: [string, (...args: unknown[]) => unknown][] = [
    ...Object.entries(shell),
    ...JOURNAL_COMMANDS.map((id) => [id, (...args: unknown[]) => d.journal.get().commands[id](...args)] as [string, (...args: unknown[]) => unknown])
  ];
  return table.map(([id, run]) => vscode.commands.registerCommand(id, guarded(id, run, d.log)));
}
