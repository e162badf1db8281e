// The start-up bundle's handle on the journal bundle: it loads and starts it on first use, and
// answers the status bar's questions (nothing until the journal is open, so start-up reads nothing).
// A listener to the journal's changes registered here before the bundle starts is handed to the
// journal's own change event once it does: the event is never fired again on the way.
import type * as vscode from 'vscode';
import type { JournalRuntime } from '../bundles/journal';
import type { LastCheckIn } from '../services/statusFeed';
import type { ChangeEvent } from '../storage/storeEvents';
import type { StatusJournal } from '../statusBar/checkInStatusItem';

type Listener = (e: ChangeEvent) => unknown;
type Subscribe = (runtime: JournalRuntime) => vscode.Disposable;

export class JournalLink implements StatusJournal, vscode.Disposable {
  private runtime: JournalRuntime | undefined;
  /** Each listener's way to subscribe once the bundle has started, and its subscription then. */
  private readonly listeners = new Map<object, { subscribe: Subscribe; sub?: vscode.Disposable }>();

  /** The journal's one change event (services/journalService.ts), from before the bundle starts. */
  readonly onDidChange = (listener: Listener): vscode.Disposable => this.forward((r) => r.journal.onDidChange(listener));

  /** The journal was locked or unlocked, or encryption turned on or off (services/encryption/), from before the bundle starts. */
  readonly onDidChangeLock = (listener: (state: unknown) => unknown): vscode.Disposable => this.forward((r) => r.encryption.onDidChangeState(listener));

  constructor(
    private readonly start: () => JournalRuntime,
    private readonly location: () => string
  ) {}

  /** The journal bundle, if something has needed it yet. */
  get current(): JournalRuntime | undefined {
    return this.runtime;
  }

  /** The journal bundle, loaded and started on the first call. */
  get(): JournalRuntime {
    if (!this.runtime) {
      const runtime = (this.runtime = this.start());
      for (const entry of this.listeners.values()) entry.sub = entry.subscribe(runtime);
    }
    return this.runtime;
  }

  dir(): string {
    return this.location();
  }

  latest(): LastCheckIn | null | undefined {
    return this.runtime?.status.latest();
  }

  dueAndDetails(): { due: string[]; details: string[] } {
    return this.runtime?.status.dueAndDetails() ?? { due: [], details: [] };
  }

  sync(): Promise<boolean> {
    return this.get().status.sync();
  }

  locked(): boolean {
    return this.runtime?.encryption.state() === 'locked';
  }

  unsaved(): { count: number; dir?: string } {
    const state = this.runtime?.journal.unsaved;
    return { count: state?.count ?? 0, dir: state?.error?.dir };
  }

  private forward(subscribe: Subscribe): vscode.Disposable {
    const key = {};
    this.listeners.set(key, { subscribe, sub: this.runtime && subscribe(this.runtime) });
    return { dispose: () => (this.listeners.get(key)?.sub?.dispose(), this.listeners.delete(key)) };
  }

  /** Folds the op log into the snapshot and releases the writer lock (VS Code is closing). */
  async close(): Promise<void> {
    await this.runtime?.close();
  }

  dispose(): void {
    for (const entry of this.listeners.values()) entry.sub?.dispose();
    this.listeners.clear();
    this.runtime?.dispose();
  }
}
