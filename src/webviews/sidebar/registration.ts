// The sidebar "Journal" view, as registered at start-up: it sets the panel's HTML at once and hands
// the panel's messages to a session of the journal bundle, loaded when the panel first speaks.
import * as vscode from 'vscode';
import type { EntryView } from '../shared/views';
import type { SidebarSection } from './protocol';
import type { WebviewSession } from '../host/session';
import { localResourceRoots, webviewHtml } from '../host/html';
import type { JournalLink } from '../../shell/journalLink';

export const JOURNAL_VIEW_ID = 'moodDose.journal';

export class SidebarView implements vscode.WebviewViewProvider, vscode.Disposable {
  private session: WebviewSession | undefined;
  private pendingSection: SidebarSection | undefined;
  private pendingEdit: EntryView | undefined;
  private rendered: readonly string[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<string[]>();
  /** Test mode only: fires with the text of the rows the panel has just drawn. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly journal: JournalLink,
    private readonly testMode: boolean
  ) {}

  /** Test mode only: the rows the panel drew last. */
  get renderedRows(): readonly string[] {
    return this.rendered;
  }

  /** Reveals the panel and switches it to a section (remembered while the panel loads). */
  async show(section: SidebarSection): Promise<void> {
    if (this.session) this.session.show(section);
    else this.pendingSection = section;
    await vscode.commands.executeCommand(`${JOURNAL_VIEW_ID}.focus`);
  }

  /** Reveals the panel with a check-in open in its entry form (the dashboard's Edit). */
  async edit(entry: EntryView): Promise<void> {
    if (this.session) this.session.edit(entry);
    else this.pendingEdit = entry;
    await vscode.commands.executeCommand(`${JOURNAL_VIEW_ID}.focus`);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    view.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(this.extensionUri) };
    view.webview.html = webviewHtml(view.webview, this.extensionUri, vscode.l10n.t('Journal'));
    let alive = true;
    const subs = [
      view.webview.onDidReceiveMessage((m) => void this.sessionFor(view).receive(m)),
      view.onDidDispose(() => {
        alive = false;
        this.session?.dispose();
        this.session = undefined;
        for (const d of subs) d.dispose();
      })
    ];
    // Load the journal bundle while the panel's page boots, once the HTML is on its way, so its
    // first request does not wait for it.
    setTimeout(() => alive && this.sessionFor(view), 0);
  }

  dispose(): void {
    this.session?.dispose();
    this.renderedEmitter.dispose();
  }

  private sessionFor(view: vscode.WebviewView): WebviewSession {
    if (!this.session) {
      const onRendered = this.testMode ? (rows: string[]) => ((this.rendered = rows), this.renderedEmitter.fire(rows)) : undefined;
      this.session = this.journal.get().openSidebar(view, onRendered);
      if (this.pendingSection) this.session.show(this.pendingSection);
      if (this.pendingEdit) this.session.edit(this.pendingEdit);
      this.pendingSection = this.pendingEdit = undefined;
    }
    return this.session;
  }
}
