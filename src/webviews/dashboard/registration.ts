// The dashboard in the editor area, as registered at start-up: one panel at most (opening it again
// reveals it, even a restored tab VS Code has not shown yet), restored after a reload by the
// serializer, its page set at once and its messages handed to a session of the journal bundle,
// loaded when the page first speaks. What it shows (section, range) is the page's own state, which
// VS Code keeps across reloads.
import * as vscode from 'vscode';
import type { JournalLink } from '../../shell/journalLink';
import type { PageAssets } from '../host/html';
import { WebviewSlot } from '../host/slot';

export const DASHBOARD_VIEW_TYPE = 'moodDose.dashboard';
export const DASHBOARD_PAGE: PageAssets = { script: 'dashboard.js', styles: ['dashboard.css'] };

export class DashboardPanel implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly slot: WebviewSlot;
  private panel: vscode.WebviewPanel | undefined;
  private restoredPanel = false;
  /** Test mode only: fires with what the dashboard has just drawn. */
  readonly onDidRender: vscode.Event<string[]>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    journal: JournalLink,
    testMode: boolean
  ) {
    this.slot = new WebviewSlot({ extensionUri, page: DASHBOARD_PAGE, testMode, open: (host, onRendered) => journal.get().openDashboard(host, onRendered) });
    this.onDidRender = this.slot.onDidRender;
  }

  /** Test mode only: what the dashboard drew last, and whether it came back from a reload. */
  get state(): { open: boolean; restored: boolean; rows: readonly string[] } {
    return { open: this.panel !== undefined, restored: this.restoredPanel, rows: this.slot.renderedRows };
  }

  /** Opens the dashboard, or reveals the one already open (restored or not). */
  async open(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    // After a reload VS Code restores a dashboard behind another tab only once it is shown: show
    // that tab, and the serializer attaches it, rather than opening a second dashboard.
    if (await showRestoredTab()) return;
    // The page keeps its state with setState, so it need not stay alive while hidden.
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, vscode.l10n.t('Mood & Dose Dashboard'), vscode.ViewColumn.Active, { ...this.slot.webviewOptions(), retainContextWhenHidden: false });
    this.attach(panel, false);
  }

  /** VS Code reopens a dashboard that was open when the window closed or reloaded. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    if (this.panel) {
      // Never two: the one already open wins.
      panel.dispose();
      return;
    }
    this.attach(panel, true);
  }

  dispose(): void {
    this.slot.dispose();
    this.panel?.dispose();
  }

  private attach(panel: vscode.WebviewPanel, restored: boolean): void {
    this.panel = panel;
    this.restoredPanel = restored;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'journal.svg');
    this.slot.attach(panel, vscode.l10n.t('Mood & Dose Dashboard'), () => {
      if (this.panel === panel) this.panel = undefined;
    });
  }
}

/** VS Code's commands that focus the editor group in view column 1 to 8. */
const FOCUS_GROUP = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'].map((n) => `workbench.action.focus${n}EditorGroup`);

/** Shows a dashboard tab that VS Code has not restored yet; false when there is none to show. */
async function showRestoredTab(): Promise<boolean> {
  for (const group of vscode.window.tabGroups.all) {
    const index = group.tabs.findIndex((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(DASHBOARD_VIEW_TYPE));
    if (index < 0) continue;
    const focus = FOCUS_GROUP[group.viewColumn - 1];
    if (!group.isActive && !focus) return false;
    try {
      if (!group.isActive) await vscode.commands.executeCommand(focus);
      await vscode.commands.executeCommand('workbench.action.openEditorAtIndex', index);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}
