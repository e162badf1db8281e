// Builds the long-lived services once per activation. Nothing here touches the database: the
// journal opens on first use.
import * as vscode from 'vscode';
import { CheckInStatusItem } from '../statusBar/checkInStatusItem';
import { HostClock } from './clock';
import { JournalService } from './journalService';
import { Settings } from './settings';

export interface Services {
  context: vscode.ExtensionContext;
  clock: HostClock;
  log: vscode.LogOutputChannel;
  settings: Settings;
  journal: JournalService;
  status: CheckInStatusItem;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Mood & Dose Journal', { log: true });
  const clock = new HostClock();
  const settings = new Settings();
  const journal = new JournalService(context, clock, log, () => settings.dataFolder());
  const status = new CheckInStatusItem(context.workspaceState, context.globalState, journal, clock, settings);
  // A new data folder applies at once: close the old journal; the next use opens the new one.
  const relocate = settings.onDidChange((e) => {
    if (e.affectsConfiguration('moodDose.dataFolder')) void journal.relocate();
  });
  context.subscriptions.push(log, settings, journal, status, relocate);
  return { context, clock, log, settings, journal, status };
}
