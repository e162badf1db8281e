// Opens the journal on first use (never during activation), keeps it in sync with other windows and
// synced files, and turns storage problems into one clear message with choices.
import * as path from 'path';
import * as vscode from 'vscode';
import type { DayClock } from '../core/entries';
import { TABLE_NAMES } from '../core/schemas';
import { NodeFiles } from '../storage/nodeFiles';
import { listBackups } from '../storage/backups';
import { BACKUP_DIR, CorruptJournalError, JournalStore, replaceSnapshot, type ChangeEvent } from '../storage/journalStore';
import { loadSqlJs } from '../storage/sqlLoader';
import { dataLocation, type DataLocation } from './dataLocation';
import type { Log } from './log';
import { checkJournalIgnored } from './privacyGuard';

const TOLD_GLOBAL_KEY = 'moodDose.toldAboutGlobalStorage';
const SYNC_INTERVAL_MS = 10_000;

export class JournalService implements vscode.Disposable {
  private opening: Promise<JournalStore> | undefined;
  private store: JournalStore | undefined;
  private readonly changed = new vscode.EventEmitter<ChangeEvent>();
  private readonly opened = new vscode.EventEmitter<JournalStore>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.opened];
  /** Watchers and timers of the open journal; released when it closes. */
  private storeDisposables: vscode.Disposable[] = [];
  /** Fires once the journal has been opened (on first use). */
  readonly onDidOpen = this.opened.event;
  private readonly files = new NodeFiles();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly clock: DayClock,
    private readonly log: Log,
    private readonly dataFolder: () => string
  ) {}

  /** The open store, or undefined if it has not been needed yet. Never triggers loading. */
  get current(): JournalStore | undefined {
    return this.store;
  }

  location(): DataLocation {
    return dataLocation(this.context, this.dataFolder());
  }

  /** The journal, loading sql.js and opening the file on first call. */
  get(): Promise<JournalStore> {
    if (!this.opening) {
      this.opening = this.open();
      this.opening.catch(() => (this.opening = undefined));
    }
    return this.opening;
  }

  /**
   * Replaces the journal with a backup. The current journal is folded into its snapshot first and
   * that file is kept as journal.sqlite.before-restore-<time>, so the restore itself can be undone.
   */
  async restoreFrom(backupPath: string): Promise<string> {
    const store = await this.get();
    if (!store.isWriter) {
      throw new Error(vscode.l10n.t('Another VS Code window is writing to this journal. Close it, then restore the backup.'));
    }
    const dir = path.dirname(store.snapshotPath);
    await this.close();
    const stamp = new Date(this.clock.now()).toISOString().replace(/[:.]/g, '-');
    const keep = `${store.snapshotPath}.before-restore-${stamp}`;
    await this.files.copy(store.snapshotPath, keep);
    await replaceSnapshot(this.files, dir, backupPath);
    this.changed.fire({ tables: new Set(TABLE_NAMES), source: 'external' });
    await this.get();
    this.changed.fire({ tables: new Set(TABLE_NAMES), source: 'external' });
    return keep;
  }

  /** The data folder setting changed: close this journal and open the one at the new place. */
  async relocate(): Promise<void> {
    if (!this.opening) return;
    await this.close();
    await this.get();
    this.changed.fire({ tables: new Set(TABLE_NAMES), source: 'external' });
  }

  async close(): Promise<void> {
    const store = this.store;
    this.store = undefined;
    this.opening = undefined;
    for (const d of this.storeDisposables.splice(0)) d.dispose();
    await store?.close();
  }

  dispose(): void {
    void this.close();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async open(): Promise<JournalStore> {
    const { dir, inWorkspace } = this.location();
    await this.files.mkdirp(dir);
    if (inWorkspace) await this.ensureGitignore(dir);
    else await this.tellAboutGlobalStorageOnce(dir);
    const sql = await loadSqlJs(path.join(this.context.extensionPath, 'dist', 'sql-wasm.wasm'));
    const options = {
      dir,
      sql,
      files: this.files,
      now: () => this.clock.now(),
      today: () => this.clock.today(),
      log: (level: 'info' | 'warn' | 'error', message: string) => this.log[level](message)
    };
    let store: JournalStore;
    try {
      store = await JournalStore.open(options);
    } catch (e) {
      if (!(e instanceof CorruptJournalError)) throw e;
      store = await this.recover(e, dir, () => JournalStore.open(options));
    }
    this.store = store;
    this.watch(store, dir);
    this.log.info(`Journal opened at ${store.snapshotPath}`);
    this.opened.fire(store);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (inWorkspace && folder) {
      void checkJournalIgnored(folder.uri.fsPath, store.snapshotPath, this.context.workspaceState, this.log).catch((e) => this.log.warn(`Could not ask git whether the journal is ignored: ${e}`));
    }
    return store;
  }

  private watch(store: JournalStore, dir: string): void {
    const offChange = store.onDidChange((e) => this.changed.fire(e));
    const warned = new Set<string>();
    const offBadRow = store.onBadRow((e) => {
      if (warned.has(e.rowId)) return;
      warned.add(e.rowId);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('A row in {0} could not be read and is hidden: table "{1}", id {2}. Details are in the "Mood & Dose Journal" output.', store.snapshotPath, e.table, e.rowId)
      );
    });
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      clearTimeout(pending);
      pending = setTimeout(() => void store.refresh().catch((err) => this.log.error(`Refresh failed: ${err}`)), 150);
    };
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), 'journal.sqlite*'));
    this.storeDisposables.push(
      { dispose: () => (offChange(), offBadRow()) },
      watcher,
      watcher.onDidChange(refreshSoon),
      watcher.onDidCreate(refreshSoon),
      watcher.onDidDelete(refreshSoon)
    );
    // File watchers miss changes outside the workspace (global storage) and on some network drives.
    const timer = setInterval(() => {
      void store
        .heartbeat()
        .then(() => store.refresh())
        .catch((err) => this.log.error(`Sync check failed: ${err}`));
    }, SYNC_INTERVAL_MS);
    this.storeDisposables.push({ dispose: () => (clearInterval(timer), clearTimeout(pending)) });
  }

  /** One message, naming the file, with the three ways forward. Nothing is replaced unless chosen. */
  private async recover(error: CorruptJournalError, dir: string, reopen: () => Promise<JournalStore>): Promise<JournalStore> {
    this.log.error(`${error.message} A copy was saved as ${error.copy ?? '(copy failed)'}.`);
    const backup = (await listBackups(this.files, path.join(dir, BACKUP_DIR)).catch(() => []))[0]?.path;
    const restore = vscode.l10n.t('Restore Latest Backup');
    const fresh = vscode.l10n.t('Start New Journal');
    const reveal = vscode.l10n.t('Open Folder');
    const choices = backup ? [restore, fresh, reveal] : [fresh, reveal];
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Your journal file {0} cannot be opened: {1}. It has not been changed, and a copy was saved as {2}. You can restore the latest backup, start a new journal (the damaged file stays in the copy), or open the folder to look yourself.',
        error.file,
        error.detail,
        error.copy ?? vscode.l10n.t('(no copy could be made)')
      ),
      ...choices
    );
    if (choice === restore && backup) {
      await replaceSnapshot(this.files, dir, backup);
      void vscode.window.showInformationMessage(vscode.l10n.t('Restored the journal from {0}.', backup));
      return reopen();
    }
    if (choice === fresh && error.copy) {
      await replaceSnapshot(this.files, dir, undefined);
      return reopen();
    }
    if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(error.file));
    throw new Error(vscode.l10n.t('The journal at {0} is not open yet. Choose how to recover it when asked again.', error.file));
  }

  /** A journal inside a repository must never be committed by accident. */
  private async ensureGitignore(dir: string): Promise<void> {
    const file = path.join(dir, '.gitignore');
    const created = await this.files.createExclusive(file, new TextEncoder().encode('# Mood & Dose Journal: private health data, never commit it.\n*\n'));
    if (created) this.log.info(`Created ${file} so the journal is never committed.`);
  }

  private async tellAboutGlobalStorageOnce(dir: string): Promise<void> {
    if (this.context.globalState.get<boolean>(TOLD_GLOBAL_KEY)) return;
    await this.context.globalState.update(TOLD_GLOBAL_KEY, true);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No folder is open, so your journal is kept in the extension\'s private storage: {0}. Open a folder to keep a journal with it.', dir)
    );
  }
}
