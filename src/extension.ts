// Entry point. activate() only builds and registers services; the journal database is opened
// lazily on first use so VS Code starts as fast as without the extension.
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { createServices, type Services } from './services/services';
import { testApi, type MoodDoseApi } from './testApi';
import { JOURNAL_VIEW_ID, JournalViewProvider } from './views/journalViewProvider';

let services: Services | undefined;

export function activate(context: vscode.ExtensionContext): MoodDoseApi {
  services = createServices(context);
  const view = new JournalViewProvider(services);
  context.subscriptions.push(
    view,
    vscode.window.registerWebviewViewProvider(JOURNAL_VIEW_ID, view, { webviewOptions: { retainContextWhenHidden: false } }),
    ...registerCommands(services)
  );
  return testApi(services, view);
}

/** Folds the op log into the snapshot and releases the writer lock before VS Code exits. */
export async function deactivate(): Promise<void> {
  await services?.journal.close();
  services = undefined;
}
