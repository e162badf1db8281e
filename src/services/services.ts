// Builds the long-lived services once per activation. Nothing here touches the database: the
// journal opens on first use.
import * as vscode from 'vscode';
import { CheckInStatusItem } from '../statusBar/checkInStatusItem';
import { AppointmentFollowUp } from './appointmentFollowUp';
import { CheckupReminders } from './checkupReminders';
import { planExtras } from './planExtras';
import { HostClock } from './clock';
import { JournalService } from './journalService';
import { SafetyService } from './safetyService';
import { Settings } from './settings';

/** Parts of the journal panel that commands can open. */
export type PanelSection = 'journal' | 'charts' | 'plan' | 'checkups' | 'support';

export interface PanelLink {
  show(section: PanelSection): Promise<void>;
}

export interface Services {
  context: vscode.ExtensionContext;
  clock: HostClock;
  log: vscode.LogOutputChannel;
  settings: Settings;
  journal: JournalService;
  status: CheckInStatusItem;
  safety: SafetyService;
  checkups: CheckupReminders;
  /** Set once the panel's view provider exists. */
  panel: PanelLink;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Mood & Dose Journal', { log: true });
  const clock = new HostClock();
  const settings = new Settings();
  const journal = new JournalService(context, clock, log, () => settings.dataFolder());
  const status = new CheckInStatusItem(context.workspaceState, context.globalState, journal, clock, settings);
  const checkups = new CheckupReminders(journal, settings, clock, context.globalState);
  const services: Services = {
    context,
    clock,
    log,
    settings,
    journal,
    status,
    checkups,
    safety: new SafetyService(context.globalState, clock, () => services.panel.show('support')),
    panel: { show: async () => undefined }
  };
  status.extras = () => [...planExtras(journal, clock), ...checkups.extras()];
  const followUp = new AppointmentFollowUp(journal, clock);
  // A new data folder applies at once: close the old journal; the next use opens the new one.
  const relocate = settings.onDidChange((e) => {
    if (e.affectsConfiguration('moodDose.dataFolder')) void journal.relocate();
  });
  context.subscriptions.push(log, settings, journal, status, services.safety, followUp, relocate);
  return services;
}
