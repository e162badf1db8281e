// Opens the journal on first use (never during activation), keeps it in sync with other windows and
// synced files, and turns storage problems into one clear message with choices.
import { createHash } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { plural } from './plural';
import type { SqlJsStatic } from 'sql.js';
import type { DayClock } from '../core/entries';
import { TABLE_NAMES } from '../core/schemas';
import { NodeFiles } from '../storage/nodeFiles';
import { inspectBackups, type BackupInfo } from '../storage/backups';
import { BACKUP_DIR, CorruptJournalError, JournalStore, NotWriterError, SymlinkError, type ChangeEvent, type UnsavedState } from '../storage/journalStore';
import { JournalKey, type DataKeyProvider } from './journalKey';
import { JournalEncryption } from './journalEncryption';
import { restoreBackup, WriterBusyError } from '../storage/recoveryRestore';
import { loadSqlJs } from '../storage/sqlLoader';
import { recoverJournal } from './journalRecovery';
import { prepareDataFolder } from './dataFolder';
import { checkDataFolder } from '../storage/safePaths';
import { dataLocation, type DataLocation } from './dataLocation';
import type { Log } from './log';
import { errorForLog } from './logSafely';
import { JournalOwner } from './journalOwner';
import { checkJournalIgnored } from './privacyGuard';
import { forUser, showNotice, showUnsavedChange, warnAboutGitignore } from './storageMessages';

const TOLD_GLOBAL_KEY = 'moodDose.toldAboutGlobalStorage';
const SYNC_INTERVAL_MS = 10_000;

export class JournalService implements vscode.Disposable {
  private opening: Promise<JournalStore> | undefined;
  private store: JournalStore | undefined;
  private readonly changed = new vscode.EventEmitter<ChangeEvent>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private unsavedState: UnsavedState = { count: 0 };
  /** Watchers and timers of the open journal; released when it closes. */
  private storeDisposables: vscode.Disposable[] = [];
  private readonly files = new NodeFiles();
  /** Whose journal this is: asks before one this user has not opened is read (journalOwner.ts). */
  private readonly owner: JournalOwner;
  /** The data key of an encrypted journal, and how to ask for it (journalKey.ts). */
  private readonly key: JournalKey;
  /** Locking, unlocking, turning encryption on or off (journalEncryption.ts). */
  readonly encryption: JournalEncryption;
  /**
   * The one change event every listener hears (storage/storeEvents.ts): the store's own, passed on as
   * it is, and the journal opening ('open', every table) or changes waiting for disk space ('unsaved').
   */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly clock: DayClock,
    private readonly log: Log,
    private readonly dataFolder: () => string,
    /** Asked for the data key when the journal is encrypted and locked (the UI's password prompt). */
    dataKeyProvider?: DataKeyProvider
  ) {
    this.key = new JournalKey(dataKeyProvider);
    this.owner = new JournalOwner({
      globalState: context.globalState,
      files: this.files,
      sql: () => this.sql(),
      log,
      now: () => clock.now(),
      dataFolder,
      retry: () => this.retry(),
      reread: () => this.changed.fire(opened())
    });
    this.encryption = new JournalEncryption({
      key: this.key,
      files: this.files,
      dir: () => this.location().dir,
      current: () => this.store,
      get: () => this.get(),
      close: () => this.close(),
      fire: (e) => this.changed.fire(e),
      onDidChange: this.onDidChange
    });
    this.disposables.push(this.owner, this.encryption);
  }

  /** The open store, or undefined if it has not been needed yet. Never triggers loading. */
  get current(): JournalStore | undefined {
    return this.store;
  }

  /** Changes kept in memory because the disk is full (0 when everything is saved). */
  get unsaved(): UnsavedState {
    return this.unsavedState;
  }

  /** Every backup of the journal, checked; valid ones newest first. Works without opening it (encrypted ones need the key held). */
  async backups(): Promise<BackupInfo[]> {
    return inspectBackups(this.files, await this.sql(), path.join(this.location().dir, BACKUP_DIR), this.key.current);
  }

  location(): DataLocation {
    const location = dataLocation(this.context, this.dataFolder());
    this.files.protect(location.dir); // no link is followed anywhere in it (storage/safePaths.ts)
    return location;
  }

  /**
   * The journal, loading sql.js and opening the file on first call. Rejects with JournalNotOpenError
   * while the journal is not this user's to open (yet); `quiet` never asks (a look nobody asked for).
   */
  get(recover = true, quiet = false): Promise<JournalStore> {
    // The quiet look is made apart, so an open it refuses never answers for one that may ask.
    if (quiet && !this.opening) return this.admit(true).then(() => this.get(recover));
    if (!this.opening) {
      const opening = this.open(recover);
      this.opening = opening;
      // Only this attempt is forgotten: a restore may already have started a newer one.
      opening.catch(() => {
        if (this.opening === opening) this.opening = undefined;
      });
    }
    return this.opening;
  }

  /**
   * Replaces the journal with a backup, whether or not the journal can open. The journal as it was
   * is kept as journal.sqlite.before-restore-<time> (returned), so the restore itself can be undone.
   * A journal that opens is restored as a new epoch, which other windows reload instead of merging
   * (README, "Restoring a backup"); one that cannot open has the backup put in its place directly.
   */
  async restoreFrom(backupPath: string): Promise<string | undefined> {
    const busy = () => new Error(vscode.l10n.t('Another VS Code window is writing to this journal. Close it, then restore the backup.'));
    if (this.unsavedState.count > 0) {
      const n = this.unsavedState.count;
      throw new Error(
        plural(n, {
          one: vscode.l10n.t('{0} entry is still waiting for disk space. Free some space so it is saved, then restore the backup.', n),
          other: vscode.l10n.t('{0} entries are still waiting for disk space. Free some space so they are saved, then restore the backup.', n)
        })
      );
    }
    const store = this.store ?? (await this.openWithoutRecovery());
    if (store) {
      try {
        return await store.restoreFrom(backupPath);
      } catch (e) {
        throw e instanceof NotWriterError ? busy() : forUser(e);
      }
    }
    const { dir } = this.location();
    await this.close();
    // Restoring is the user's choice of what this folder's journal is.
    this.owner.choose(dir);
    let kept: string | undefined;
    try {
      kept = await restoreBackup(this.files, await this.sql(), dir, backupPath, () => this.clock.now(), this.key.current);
    } catch (e) {
      throw e instanceof WriterBusyError ? busy() : forUser(e);
    }
    // Opening it again tells every view, once.
    await this.get();
    return kept;
  }

  /** The journal, or undefined when it cannot open (no recovery prompt: the caller has a plan). */
  private async openWithoutRecovery(): Promise<JournalStore | undefined> {
    try {
      return await (this.opening ?? this.get(false));
    } catch (e) {
      if (e instanceof CorruptJournalError) return undefined;
      throw e;
    }
  }

  /** "Open This Journal…": asks again about a journal left closed; true once it is open. */
  async openThisJournal(): Promise<boolean> {
    if (this.store) return true;
    this.owner.askAgain(this.location().dir);
    try {
      await this.get();
    } catch (e) {
      if ((e as Error).name === 'JournalNotOpenError') return false;
      throw e;
    }
    return true;
  }

  /** An answer lets the journal open: open it (unless already opening), and every view reads again. */
  private async retry(): Promise<void> {
    // Opening tells every view; a journal already open is read again by them.
    if (this.opening) this.changed.fire(opened());
    else await this.get().catch((e) => this.log.warn(`The journal did not open after the answer: ${errorForLog(e)}`));
  }

  /** The data folder setting changed: close this journal and open the one at the new place. */
  async relocate(): Promise<void> {
    // Locked or not yet open: nothing to close, but the encryption state is the new folder's.
    if (!this.opening) return this.changed.fire(stateRead());
    // An open in flight finishes first: closing under it would leave two stores open on one folder.
    await this.opening.catch(() => undefined);
    if (!this.opening) return this.changed.fire(stateRead());
    // A change that leaves the folder where it is (such as a workspace value VS Code ignores) changes nothing.
    if (this.store && path.dirname(this.store.snapshotPath) === this.location().dir) return;
    await this.close();
    // The data key held was the old folder's journal's: the new one is locked until its own is given.
    this.key.forget();
    this.changed.fire(stateRead());
    try {
      await this.get();
    } catch (e) {
      // The journal at the new place could not open; its own message has said why.
      this.log.warn(`The journal did not open after the data folder changed: ${errorForLog(e)}`);
    }
  }

  async close(): Promise<void> {
    const store = this.store;
    this.store = undefined;
    this.opening = undefined;
    for (const d of this.storeDisposables.splice(0)) d.dispose();
    await store?.close();
    const lost = store?.unsavedState.count ?? 0;
    if (lost > 0) {
      // Only when the journal closes on a still-full disk (another folder chosen, or shutting down).
      const dir = path.dirname(store!.snapshotPath);
      void vscode.window.showErrorMessage(
        plural(lost, { one: vscode.l10n.t('{0} entry could not be saved: the disk holding {1} is still full.', lost, dir), other: vscode.l10n.t('{0} entries could not be saved: the disk holding {1} is still full.', lost, dir) })
      );
    }
    if (this.unsavedState.count > 0) {
      this.unsavedState = { count: 0 };
      this.changed.fire({ tables: new Set(), source: 'local', reason: 'unsaved' });
    }
  }

  dispose(): void {
    void this.close();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** Whether this user may open the journal now (journalOwner.ts); throws JournalNotOpenError if not. */
  private async admit(quiet: boolean, where = this.location()): Promise<void> {
    // A link shipped as the data folder is refused before the journal there is even looked at.
    if (where.inWorkspace) {
      await checkDataFolder(vscode.workspace.workspaceFolders![0].uri.fsPath, where.dir).catch((e: unknown) => {
        throw e instanceof SymlinkError ? forUser(e) : e;
      });
    }
    await this.owner.admit(where.dir, where.privateStorage, quiet);
  }

  private async open(recover: boolean): Promise<JournalStore> {
    try {
      return await this.openIn(recover);
    } catch (e) {
      if (!(e instanceof SymlinkError)) throw e;
      this.log.error(`The journal was not opened: ${e.file} is a link (${e.reason ?? 'inside the data folder'}).`);
      throw forUser(e);
    }
  }

  private async openIn(recover: boolean): Promise<JournalStore> {
    const where = this.location();
    const { dir, inWorkspace, privateStorage } = where;
    // Whose journal it is, before anything is read or written there (journalOwner.ts).
    await this.admit(false, where);
    // The folder itself may not be a link to the workspace root, outside it or to a repository's
    // folder; its .gitignore must be exactly ours. On a full disk the journal still opens, read-only.
    const workspace = inWorkspace ? vscode.workspace.workspaceFolders![0].uri.fsPath : undefined;
    const prepared = await prepareDataFolder(this.files, dir, workspace);
    if (prepared.gitignore?.kind === 'created') this.log.info(`Created ${path.join(dir, '.gitignore')} so the journal is never committed.`);
    void warnAboutGitignore(this.files, prepared.gitignore).catch((e) => this.log.warn(`Could not replace the journal folder's .gitignore: ${errorForLog(e)}`));
    if (privateStorage) await this.tellAboutGlobalStorageOnce(dir);
    const sql = await this.sql();
    const options = {
      dir,
      sql,
      files: this.files,
      now: () => this.clock.now(),
      machine: machineId(),
      today: () => this.clock.today(),
      log: (level: 'info' | 'warn' | 'error', message: string) => this.log[level](message),
      // Compaction's checks of the whole journal run in this thread, not the extension host's.
      worker: { script: path.join(this.context.extensionPath, 'dist', 'storageWorker.js') }
    };
    // An encrypted journal opens with the data key, asked of the provider when none is held.
    const openStore = () => this.key.open((dataKey) => JournalStore.open({ ...options, dataKey }));
    let store: JournalStore;
    try {
      store = await openStore();
    } catch (e) {
      if (!(e instanceof CorruptJournalError) || !recover) throw e;
      store = await recoverJournal({ files: this.files, sql: () => this.sql(), log: this.log, key: () => this.key.current }, e, dir, openStore);
    }
    this.store = store;
    this.watch(store, dir);
    // This user's journal from now on.
    this.storeDisposables.push(this.owner.follow(dir, store));
    this.log.info(`Journal opened at ${store.snapshotPath}`);
    this.changed.fire(opened());
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (inWorkspace && folder) {
      void checkJournalIgnored(folder.uri.fsPath, store.snapshotPath, this.context.workspaceState, this.log).catch((e) => this.log.warn(`Could not ask git whether the journal is ignored: ${errorForLog(e)}`));
    }
    return store;
  }

  private sql(): Promise<SqlJsStatic> {
    return loadSqlJs(path.join(this.context.extensionPath, 'dist', 'sql-wasm.wasm'));
  }

  private watch(store: JournalStore, dir: string): void {
    const offChange = store.onDidChange((e) => this.changed.fire(e));
    const offNotice = store.onNotice((n) => showNotice(n));
    const offUnsaved = store.onUnsavedChange((state) => this.setUnsaved(state, dir));
    // SQLite found the loaded journal damaged: close it (nothing is compacted from it) and open
    // again, which runs the full check and offers the ways forward.
    const offCorrupt = store.onCorrupt(() => {
      if (this.store !== store) return;
      void this.close()
        .then(() => this.get())
        .catch((err) => this.log.error(`The journal could not be reopened after damage was found: ${errorForLog(err)}`));
    });
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
      pending = setTimeout(() => void store.refresh().catch((err) => this.log.error(`Refresh failed: ${errorForLog(err)}`)), 150);
    };
    // The snapshot, every machine's op log, and copies of them that sync tools make.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), 'journal*'));
    this.storeDisposables.push(
      { dispose: () => (offChange(), offBadRow(), offNotice(), offUnsaved(), offCorrupt()) },
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
        .catch((err) => this.log.error(`Sync check failed: ${errorForLog(err)}`));
    }, SYNC_INTERVAL_MS);
    this.storeDisposables.push({ dispose: () => (clearInterval(timer), clearTimeout(pending)) });
  }

  /** Changes wait in memory while the disk is full, or are saved again: every view hears it, and the user is told. */
  private setUnsaved(state: UnsavedState, dir: string): void {
    const before = this.unsavedState.count;
    this.unsavedState = state;
    this.changed.fire({ tables: new Set(), source: 'local', reason: 'unsaved' });
    showUnsavedChange(before, state, dir);
  }

  private async tellAboutGlobalStorageOnce(dir: string): Promise<void> {
    if (this.context.globalState.get<boolean>(TOLD_GLOBAL_KEY)) return;
    await this.context.globalState.update(TOLD_GLOBAL_KEY, true);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No folder is open, so your journal is kept in the extension\'s private storage: {0}. Open a folder to keep a journal with it.', dir)
    );
  }
}


/** The journal (re)opened: every view reads everything again. */
function opened(): ChangeEvent {
  return { tables: new Set(TABLE_NAMES), source: 'external', reason: 'open' };
}

/** No row changed: listeners read the encryption state (locked, unlocked, off) again. */
function stateRead(): ChangeEvent {
  return { tables: new Set(), source: 'local', reason: 'open' };
}

/** A short id for this machine, naming its op log; derived from VS Code's machine id, which is stable. */
function machineId(): string {
  return createHash('sha256').update(vscode.env.machineId).digest('hex').slice(0, 12);
}
