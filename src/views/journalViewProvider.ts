// The sidebar "Journal" view. It validates every message from the panel against src/protocol.ts,
// answers requests by id, and pushes a "changed" event whenever the journal changes from any source.
import * as vscode from 'vscode';
import { PANEL } from '../core/limits';
import { hostMessageSchema, methods, rejectedRequestReply, rejectionFields, webviewMessageSchema, type HostMessage } from '../protocol';
import { errorForLog } from '../services/logSafely';
import type { PanelSection, Services } from '../services/services';
import { localResourceRoots, panelHtml } from './panelHtml';
import { PanelRequests } from './panelRequests';

export const JOURNAL_VIEW_ID = 'moodDose.journal';

export class JournalViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private pendingSection: PanelSection | undefined;
  private rendered: string[] = [];
  /** Messages from the panel refused by validation (they never reach the journal). */
  rejected = 0;
  private readonly renderedEmitter = new vscode.EventEmitter<string[]>();
  private readonly disposables: vscode.Disposable[] = [this.renderedEmitter];
  /** Fires with the text of the rows the panel has just drawn (used by tests and the walkthrough). */
  readonly onDidRender = this.renderedEmitter.event;

  private readonly requests: PanelRequests;

  constructor(private readonly s: Services) {
    this.requests = new PanelRequests(s);
    this.disposables.push(
      s.journal.onDidChange(() => this.post({ type: 'event', event: { kind: 'changed' } })),
      s.settings.onDidChange(() => this.post({ type: 'event', event: { kind: 'context' } })),
      s.safety.onDidChange(() => this.post({ type: 'event', event: { kind: 'context' } }))
    );
    s.panel = { show: (section) => this.show(section) };
  }

  /** Reveals the panel and switches it to a section; remembered if the panel is still loading. */
  async show(section: PanelSection): Promise<void> {
    this.pendingSection = section;
    await vscode.commands.executeCommand(`${JOURNAL_VIEW_ID}.focus`);
    if (this.ready) this.flushSection();
  }

  private flushSection(): void {
    if (!this.pendingSection) return;
    this.post({ type: 'event', event: { kind: 'show', section: this.pendingSection } });
    this.pendingSection = undefined;
  }

  get renderedRows(): readonly string[] {
    return this.rendered;
  }

  get isVisible(): boolean {
    return !!this.view?.visible;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    view.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(this.s.context.extensionUri) };
    view.webview.html = panelHtml(view.webview, this.s.context.extensionUri, vscode.l10n.t('Journal'));
    const subs = [
      view.webview.onDidReceiveMessage((m) => void this.receive(m)),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
        for (const d of subs) d.dispose();
      })
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.rejected++;
      // Field names and codes only: the message itself is health data.
      this.s.log.warn(`Rejected a message from the journal panel: ${rejectionFields(parsed.error)}`);
      // A request still gets its answer at once, so the panel never waits for a reply that won't come.
      const reply = rejectedRequestReply(raw, parsed.error, (reason) => vscode.l10n.t('The journal refused this request: {0}', reason));
      if (reply) this.post(reply);
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'ready') {
      this.ready = true;
      this.post({ type: 'init', l10n: vscode.l10n.bundle ?? null });
      this.flushSection();
      return;
    }
    if (msg.type === 'rendered') {
      this.rendered = msg.rows;
      this.renderedEmitter.fire(msg.rows);
      return;
    }
    let result: unknown;
    try {
      result = await this.requests.handle(msg);
    } catch (e) {
      this.s.log.error(`Panel request ${msg.method} failed: ${errorForLog(e)}`);
      return this.post({ type: 'error', id: msg.id, ok: false, message: String((e as Error).message ?? e).slice(0, PANEL.errorMessage) });
    }
    // The limits the panel applies, checked here too: data it would refuse gets a clear error now.
    const checked = methods[msg.method].result.safeParse(result);
    if (checked.success) return this.post({ type: 'response', id: msg.id, ok: true, result });
    const fields = rejectionFields(checked.error);
    this.s.log.error(`Panel request ${msg.method}: the answer exceeds the panel's limits (${fields})`);
    this.post({ type: 'error', id: msg.id, ok: false, message: vscode.l10n.t('The journal holds more than the panel can show here ({0}). Nothing was changed.', fields) });
  }

  private post(message: HostMessage): void {
    // The panel asks for data once it is ready; nothing is queued before that.
    if (!this.view || !this.ready) return;
    hostMessageSchema.parse(message);
    void this.view.webview.postMessage(message);
  }
}
