// One open journal panel (the sidebar view or the dashboard), once it has spoken. It validates every
// message from the page against src/webviews/protocol.ts, answers each request from the typed handler map
// (checking the result against its schema too, so the page never receives a malformed answer), and
// pushes events when the journal, the settings or the support card change.
import * as vscode from 'vscode';
import { hostMessageSchema, rejectedRequestReply, rejectionFields, webviewMessageSchema, type Handlers, type HostEvent, type HostMessage, type JournalChangeReason } from '../protocol';
import { type EntryView } from '../shared/views';
import { type SidebarSection } from '../sidebar/protocol';
import type { TableName } from '../../core/schemas';
import type { Log } from '../../services/log';
import { answer } from './dispatch';

export interface SessionDeps {
  handlers: Handlers;
  log: Log;
  /** The journal's one change event: the page reloads what the tables touched. */
  journalChanged: vscode.Event<{ tables: ReadonlySet<TableName>; reason: JournalChangeReason | 'unsaved' }>;
  /** Settings or the support card changed: the page asks for its context again. */
  contextChanged: readonly vscode.Event<unknown>[];
  /** Set only while the extension runs its tests: the panel then reports the rows it drew. */
  onRendered?: (rows: string[]) => void;
}

/** What a session needs of a sidebar view or an editor panel: its webview. */
export interface WebviewHost {
  readonly webview: vscode.Webview;
}

export class WebviewSession implements vscode.Disposable {
  private ready = false;
  /** Events a command asked for before the page was ready (the section to show, an entry to edit). */
  private pending: { section?: SidebarSection; edit?: EntryView } = {};
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly view: WebviewHost,
    private readonly d: SessionDeps
  ) {
    this.subscriptions = [
      d.journalChanged((e) => {
        // Waiting for disk space changes no row: the status bar says so, the pages need not reload.
        if (e.reason !== 'unsaved' && e.tables.size > 0) this.post({ type: 'event', event: { kind: 'changed', tables: [...e.tables], reason: e.reason } });
      }),
      ...d.contextChanged.map((e) => e(() => this.post({ type: 'event', event: { kind: 'context' } })))
    ];
  }

  /** Switches the panel to a section, once it is ready. */
  show(section: SidebarSection): void {
    this.pending.section = section;
    if (this.ready) this.flushPending();
  }

  /** Opens a check-in in the panel's entry form, once it is ready. */
  edit(entry: EntryView): void {
    this.pending.edit = entry;
    if (this.ready) this.flushPending();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  async receive(raw: unknown): Promise<void> {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      // Field names and codes only: the message itself is health data.
      this.d.log.warn(`Rejected a message from the journal panel (${rejectionFields(parsed.error)}).`);
      // A request still gets its answer at once, so the panel never waits for a reply that won't come.
      const reply = rejectedRequestReply(raw, parsed.error, (reason) => vscode.l10n.t('The journal refused this request: {0}', reason));
      if (reply) this.post(reply);
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'ready') {
      this.ready = true;
      this.post({ type: 'init', l10n: vscode.l10n.bundle ?? null, testMode: this.d.onRendered !== undefined });
      this.flushPending();
      return;
    }
    if (msg.type === 'rendered') {
      this.d.onRendered?.(msg.rows);
      return;
    }
    const malformed = vscode.l10n.t('The journal could not show this: the answer was not in the expected form. Details are in the "Mood & Dose Journal" output.');
    this.post(await answer(this.d.handlers, msg, this.d.log, malformed));
  }

  private flushPending(): void {
    const { section, edit } = this.pending;
    this.pending = {};
    const events: HostEvent[] = [];
    if (section) events.push({ kind: 'show', section });
    if (edit) events.push({ kind: 'edit', entry: edit });
    for (const event of events) this.post({ type: 'event', event });
  }

  private post(message: HostMessage): void {
    // The page asks for data once it is ready; nothing is queued before that.
    if (!this.ready) return;
    // An answer was checked against its method's schema where it was made (dispatch.ts); every other
    // message is checked here. Either way, once on its way out.
    if (message.type !== 'response') hostMessageSchema.parse(message);
    void this.view.webview.postMessage(message);
  }
}
