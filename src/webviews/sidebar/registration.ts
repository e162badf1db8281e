// The sidebar's "Journal" view, as registered at start-up: VS Code gives it a webview view, which
// its slot fills at once (host/slot.ts). A command may ask for a section or an entry to edit before
// the page's session exists; that waits here until it does.
import * as vscode from 'vscode';
import type { JournalLink } from '../../shell/journalLink';
import type { PageAssets } from '../host/html';
import { WebviewSlot } from '../host/slot';
import type { EntryView } from '../shared/views';
import type { SidebarSection } from './protocol';

export const JOURNAL_VIEW_ID = 'moodDose.journal';
export const SIDEBAR_PAGE: PageAssets = { script: 'sidebar.js' };

export class SidebarView implements vscode.WebviewViewProvider, vscode.Disposable {
  private readonly slot: WebviewSlot;
  private pending: { section?: SidebarSection; edit?: EntryView } = {};
  /** Test mode only: fires with the text of the rows the sidebar has just drawn. */
  readonly onDidRender: vscode.Event<string[]>;

  constructor(extensionUri: vscode.Uri, journal: JournalLink, testMode: boolean) {
    this.slot = new WebviewSlot({
      extensionUri,
      page: SIDEBAR_PAGE,
      testMode,
      open: (host, onRendered) => journal.get().openSidebar(host, onRendered),
      started: (session) => {
        if (this.pending.section) session.show(this.pending.section);
        if (this.pending.edit) session.edit(this.pending.edit);
        this.pending = {};
      }
    });
    this.onDidRender = this.slot.onDidRender;
  }

  /** Test mode only: the rows the sidebar drew last. */
  get renderedRows(): readonly string[] {
    return this.slot.renderedRows;
  }

  /** Reveals the sidebar and switches it to a section (remembered while the page loads). */
  async show(section: SidebarSection): Promise<void> {
    if (this.slot.current) this.slot.current.show(section);
    else this.pending.section = section;
    await vscode.commands.executeCommand(`${JOURNAL_VIEW_ID}.focus`);
  }

  /** Reveals the sidebar with a check-in open in its entry form (the dashboard's Edit). */
  async edit(entry: EntryView): Promise<void> {
    if (this.slot.current) this.slot.current.edit(entry);
    else this.pending.edit = entry;
    await vscode.commands.executeCommand(`${JOURNAL_VIEW_ID}.focus`);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.slot.attach(view, vscode.l10n.t('Journal'));
  }

  dispose(): void {
    this.slot.dispose();
  }
}
