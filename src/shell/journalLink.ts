// The start-up bundle's handle on the journal bundle: it loads and starts it on first use, and
// answers the status bar's questions (nothing until the journal is open, so start-up reads nothing).
import * as vscode from 'vscode';
import type { JournalRuntime } from '../bundles/journal';
import type { LastCheckIn } from '../services/statusFeed';
import type { StatusJournal } from '../statusBar/checkInStatusItem';

export class JournalLink implements StatusJournal, vscode.Disposable {
  private runtime: JournalRuntime | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private subscription: vscode.Disposable | undefined;
  readonly onDidChange = this.changed.event;

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
      this.runtime = this.start();
      this.subscription = this.runtime.onDidChange(() => this.changed.fire());
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

  unsaved(): { count: number; dir?: string } {
    const state = this.runtime?.journal.unsaved;
    return { count: state?.count ?? 0, dir: state?.error?.dir };
  }

  /** Folds the op log into the snapshot and releases the writer lock (VS Code is closing). */
  async close(): Promise<void> {
    await this.runtime?.close();
  }

  dispose(): void {
    this.subscription?.dispose();
    this.runtime?.dispose();
    this.changed.dispose();
  }
}
