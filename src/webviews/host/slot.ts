// Where a webview lives once VS Code gives it to us (the sidebar's view, the dashboard's editor
// panel): its page is set at once, and its messages go to a session of the journal bundle, made
// just after the page is set (so the bundle loads while the page boots) or when the page first
// speaks, whichever comes first. In test mode it keeps what the page drew. Part of the start-up
// bundle: the session itself comes from the journal bundle, through `open`.
import * as vscode from 'vscode';
import { localResourceRoots, webviewHtml, type PageAssets } from './html';
import type { WebviewHost, WebviewSession } from './session';

export interface SlotOptions {
  extensionUri: vscode.Uri;
  page: PageAssets;
  testMode: boolean;
  /** Makes the page's session; `onRendered` only in test mode. */
  open(host: WebviewHost, onRendered?: (rows: string[]) => void): WebviewSession;
  /** Told when a session starts, to hand it what was asked for before it existed. */
  started?(session: WebviewSession): void;
}

/** What a slot needs of a webview view or panel. */
export interface SlotHost extends WebviewHost {
  readonly onDidDispose: vscode.Event<void>;
}

export class WebviewSlot implements vscode.Disposable {
  private host: SlotHost | undefined;
  private session: WebviewSession | undefined;
  private subscriptions: vscode.Disposable[] = [];
  private drawn: readonly string[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<string[]>();
  /** Test mode only: fires with what the page has just drawn. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(private readonly o: SlotOptions) {}

  /** The page's session, once it has started. */
  get current(): WebviewSession | undefined {
    return this.session;
  }

  /** Whether a webview is attached now. */
  get attached(): boolean {
    return this.host !== undefined;
  }

  /** Test mode only: what the page drew last. */
  get renderedRows(): readonly string[] {
    return this.drawn;
  }

  /** The options to give VS Code for this page's webview. */
  webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: localResourceRoots(this.o.extensionUri) };
  }

  /** Puts the page into `host` and routes its messages; `gone` runs when VS Code disposes it. */
  attach(host: SlotHost, title: string, gone?: () => void): void {
    this.detach();
    this.host = host;
    host.webview.options = this.webviewOptions();
    host.webview.html = webviewHtml(host.webview, this.o.extensionUri, title, this.o.page);
    this.subscriptions = [
      host.webview.onDidReceiveMessage((m) => void this.sessionFor(host).receive(m)),
      host.onDidDispose(() => {
        if (this.host !== host) return;
        this.detach();
        gone?.();
      })
    ];
    setTimeout(() => this.host === host && this.sessionFor(host), 0);
  }

  dispose(): void {
    this.detach();
    this.renderedEmitter.dispose();
  }

  private detach(): void {
    this.session?.dispose();
    this.session = undefined;
    this.host = undefined;
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  private sessionFor(host: SlotHost): WebviewSession {
    if (!this.session) {
      const onRendered = this.o.testMode ? (rows: string[]) => ((this.drawn = rows), this.renderedEmitter.fire(rows)) : undefined;
      this.session = this.o.open(host, onRendered);
      this.o.started?.(this.session);
    }
    return this.session;
  }
}
