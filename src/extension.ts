// Entry point, kept small: dist/extension.js holds only what activate() needs. It registers the
// commands, the sidebar view and the dashboard's serializer, and draws the status bar from what it remembers. The journal and its
// database load from dist/journal.js on first use, never during activation.
import * as vscode from 'vscode';
import { dataLocation } from './services/dataLocation';
import { HostClock } from './services/clock';
import { LazyLog } from './services/log';
import { Settings } from './services/settings';
import { useDisplayNumbers } from './services/displayLanguage';
import { registerCommands } from './shell/commands';
import { DASHBOARD_VIEW_TYPE, DashboardPanel } from './webviews/dashboard/registration';
import { registerInbox } from './shell/inboxShell';
import { JournalLink } from './shell/journalLink';
import { loadBundle } from './shell/lazy';
import { JOURNAL_VIEW_ID, SidebarView } from './webviews/sidebar/registration';
import { testApi, type MoodDoseApi } from './shell/testApi';
import type { ModalAnswers } from './services/encryption/vscodeUi';
import { CheckInStatusItem } from './statusBar/checkInStatusItem';

let journal: JournalLink | undefined;

export function activate(context: vscode.ExtensionContext): MoodDoseApi | undefined {
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  useDisplayNumbers();
  const clock = new HostClock();
  const settings = new Settings();
  const log = new LazyLog();
  // Only in test mode: where a test answers the modal dialogs VS Code refuses under its test driver.
  const modals: ModalAnswers | undefined = testMode ? {} : undefined;
  // Started on first use only, by which time `sidebar` below exists.
  const link: JournalLink = new JournalLink(
    () => loadBundle('journal').startJournal({ context, clock, settings, log, sidebar, dashboard, load: loadBundle, modals, statusChanged: () => status.update() }),
    () => dataLocation(context, settings.dataFolder()).dir
  );
  const sidebar: SidebarView = new SidebarView(context.extensionUri, link, testMode);
  const dashboard = new DashboardPanel(context.extensionUri, link, testMode);
  const status = new CheckInStatusItem(context.workspaceState, context.globalState, clock, settings, link);
  context.subscriptions.push(
    log,
    settings,
    link,
    sidebar,
    dashboard,
    status,
    vscode.window.registerWebviewViewProvider(JOURNAL_VIEW_ID, sidebar, { webviewOptions: { retainContextWhenHidden: false } }),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, dashboard),
    ...registerCommands({ journal: link, sidebar, dashboard, status, log }),
    ...registerInbox(link, settings)
  );
  journal = link;
  // Tests running inside VS Code get a small API; an installed extension exports nothing.
  return testMode ? testApi({ context, clock, settings, status, journal: link, sidebar, dashboard, modals: modals! }) : undefined;
}

/** Folds the op log into the snapshot and releases the writer lock before VS Code exits. */
export async function deactivate(): Promise<void> {
  await journal?.close();
  journal = undefined;
}
