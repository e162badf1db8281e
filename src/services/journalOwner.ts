// Asks before a journal this user has not opened is read, and keeps one record across workspaces.
// Before the journal service opens a folder's journal, admit() looks at it without writing
// (storage/journalPeek.ts) and applies the rules of core/journalOwnership.ts: a journal this user
// created or chose opens; another is asked about in a notification naming its folder, size, entry
// count and dates (never its content), and never opened in Restricted Mode; a workspace without a
// journal, when the user keeps one elsewhere, asks whether to use that one or start a new one. Global
// state keeps only ids, times and each journal's folder (README, "Whose journal is this?").
import * as path from 'path';
import * as vscode from 'vscode';
import { plural } from './plural';
import type { SqlJsStatic } from 'sql.js';
import { decide, knownFrom, rememberJournal, type KnownJournal } from '../core/journalOwnership';
import { formatBytes } from '../storage/fileErrors';
import type { JournalFiles } from '../storage/files';
import type { JournalIdentity } from '../storage/journalIdentity';
import type { JournalStore } from '../storage/journalStore';
import { hasJournal, peekJournal, type JournalPeek } from '../storage/journalPeek';
import { dateWords } from './displayLanguage';
import type { Log } from './log';
import { errorForLog } from './logSafely';

const KNOWN_KEY = 'moodDose.knownJournals';

/** The journal is not open, and why (the message says how to open it). `asking`: a question about it is on screen. */
export class JournalNotOpenError extends Error {
  constructor(
    message: string,
    readonly asking: boolean
  ) {
    super(message);
    this.name = 'JournalNotOpenError';
  }
}

export interface OwnerDeps {
  globalState: vscode.Memento;
  files: JournalFiles;
  sql(): Promise<SqlJsStatic>;
  log: Log;
  now(): number;
  /** The data folder as the user's settings say now. */
  dataFolder(): string;
  /** An answer lets the journal open: open it, and have every view read again. */
  retry(): Promise<void>;
  /** Every open view reads again (which asks, if it must). */
  reread(): void;
}

export class JournalOwner implements vscode.Disposable {
  /** Folders admitted in this window: their journal opens again without another look. */
  private readonly admitted = new Set<string>();
  /** Folders whose journal the user chose (Open, Start New Journal Here, a restore). */
  private readonly chosen = new Set<string>();
  private readonly declined = new Set<string>();
  private readonly asking = new Set<string>();
  /** Folders told about once that Restricted Mode keeps their journal closed. */
  private readonly toldRestricted = new Set<string>();
  private lastRemembered: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly d: OwnerDeps) {
    // Trusting the workspace lets the user be asked: the open views read again, which asks.
    this.subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => {
      this.toldRestricted.clear();
      d.reread();
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  known(): KnownJournal[] {
    return knownFrom(this.d.globalState.get(KNOWN_KEY));
  }

  /**
   * Resolves when the journal in `dir` may be opened (or created) now; otherwise throws
   * JournalNotOpenError, asking the user first unless `quiet` (a look nobody asked for).
   */
  async admit(dir: string, privateStorage: boolean, quiet: boolean): Promise<void> {
    if (this.admitted.has(dir)) return;
    if (this.asking.has(dir)) throw new JournalNotOpenError(this.pendingMessage(dir), true);
    const sql = await this.d.sql();
    const peek = await peekJournal(this.d.files, sql, dir);
    const known = this.known();
    const decision = decide({
      here: peek.present ? { present: true, id: peek.identity?.id, readable: peek.readable, encrypted: peek.encrypted } : { present: false },
      folder: dir,
      known,
      trusted: vscode.workspace.isTrusted,
      privateStorage,
      userFolder: path.isAbsolute(this.d.dataFolder()),
      chosen: this.chosen.has(dir),
      declined: this.declined.has(dir),
      homes: peek.present ? [] : await this.homes(known, dir)
    });
    switch (decision.kind) {
      case 'open':
        this.admitted.add(dir);
        this.chosen.delete(dir);
        return;
      case 'restricted': {
        const tell = !quiet && !this.toldRestricted.has(dir);
        if (tell) {
          this.toldRestricted.add(dir);
          void this.tellRestricted(dir);
        }
        throw new JournalNotOpenError(restrictedMessage(dir), tell);
      }
      case 'declined':
        throw new JournalNotOpenError(decision.home ? homeDeclinedMessage(decision.home) : unknownDeclinedMessage(dir), false);
      case 'ask-unknown':
      case 'ask-home':
        if (quiet) throw new JournalNotOpenError(decision.kind === 'ask-home' ? homeDeclinedMessage(decision.home) : unknownDeclinedMessage(dir), false);
        this.asking.add(dir);
        void (decision.kind === 'ask-home' ? this.askHome(dir, decision.home) : this.askUnknown(dir, sql)).finally(() => this.asking.delete(dir));
        throw new JournalNotOpenError(this.pendingMessage(dir), true);
    }
  }

  /** "Open This Journal…": forget a dismissed question, so the next open asks (or says why not) again. */
  askAgain(dir: string): void {
    this.declined.delete(dir);
    this.toldRestricted.delete(dir);
  }

  /** The user chose this folder's journal in another way (restoring a backup into it). */
  choose(dir: string): void {
    this.chosen.add(dir);
  }

  /** The journal in `dir` opened: remember it now, and again when a sync gives it an earlier id. */
  follow(dir: string, store: Pick<JournalStore, 'identity' | 'onDidChange'>): vscode.Disposable {
    const remember = () => void this.remember(dir, store.identity).catch((e) => this.d.log.warn(`Could not remember the journal: ${errorForLog(e)}`));
    remember();
    return { dispose: store.onDidChange((e) => e.source === 'external' && remember()) };
  }

  /** The journal in `dir` is open: remember it as this user's (its id, its folder, the time). */
  async remember(dir: string, identity: JournalIdentity | undefined): Promise<void> {
    if (!identity || this.lastRemembered === `${identity.id}\n${dir}`) return;
    this.lastRemembered = `${identity.id}\n${dir}`;
    await this.d.globalState.update(KNOWN_KEY, rememberJournal(this.known(), identity.id, dir, this.d.now()));
  }

  private pendingMessage(dir: string): string {
    return vscode.l10n.t('The journal for {0} is not open yet: answer the question about it first.', dir);
  }

  /** Known journals elsewhere whose folder still holds a journal, most recently opened first. */
  private async homes(known: KnownJournal[], dir: string): Promise<KnownJournal[]> {
    for (const k of known) if (k.folder !== dir && (await hasJournal(this.d.files, k.folder))) return [k];
    return [];
  }

  private async askUnknown(dir: string, sql: SqlJsStatic): Promise<void> {
    try {
      const peek = await peekJournal(this.d.files, sql, dir, true);
      const open = vscode.l10n.t('Open This Journal');
      const notNow = vscode.l10n.t('Not Now');
      const choice = await vscode.window.showWarningMessage(unknownQuestion(dir, peek), open, notNow);
      if (choice !== open) {
        this.declined.add(dir);
        return;
      }
      this.chosen.add(dir);
      this.asking.delete(dir);
      await this.d.retry();
    } catch (e) {
      this.d.log.error(`Asking about the journal in ${dir} failed: ${errorForLog(e)}`);
    }
  }

  private async askHome(dir: string, home: KnownJournal): Promise<void> {
    try {
      const use = vscode.l10n.t('Use My Journal');
      const fresh = vscode.l10n.t('Start New Journal Here');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t(
          'You already keep a Mood & Dose journal in {0}. Use it here too, or start a new journal in {1}? "Use My Journal" sets moodDose.dataFolder in your user settings, so every workspace uses that one. Nothing is moved or merged.',
          home.folder,
          dir
        ),
        use,
        fresh
      );
      if (choice === fresh) {
        this.chosen.add(dir);
      } else if (choice === use) {
        await vscode.workspace.getConfiguration('moodDose').update('dataFolder', home.folder, vscode.ConfigurationTarget.Global);
        await this.settled(() => this.d.dataFolder() === home.folder);
        this.log(`The journal in ${home.folder} is used for every workspace now (moodDose.dataFolder in the user settings).`);
      } else {
        this.declined.add(dir);
        return;
      }
      this.asking.delete(dir);
      await this.d.retry();
    } catch (e) {
      this.d.log.error(`Asking where to keep the journal failed: ${errorForLog(e)}`);
    }
  }

  private async tellRestricted(dir: string): Promise<void> {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const choice = await vscode.window.showInformationMessage(restrictedMessage(dir), manage);
    if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  }

  /** Waits (briefly) until a setting just written reads back. */
  private async settled(done: () => boolean): Promise<void> {
    for (let i = 0; i < 50 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
  }

  private log(message: string): void {
    this.d.log.info(message);
  }
}

/** The question: where the journal is, its size, how many entries and from when to when; nothing of what they say. */
export function unknownQuestion(dir: string, peek: JournalPeek): string {
  const size = formatBytes(peek.bytes);
  const n = peek.entries;
  const holds =
    n === undefined
      ? vscode.l10n.t('It could not be read to count its entries ({0}).', size)
      : n === 0
        ? vscode.l10n.t('It holds no entries ({0}).', size)
        : peek.first === peek.last
          ? plural(n, { one: vscode.l10n.t('It holds {0} entry, dated {1} ({2}).', n, dateWords(peek.first ?? '?'), size), other: vscode.l10n.t('It holds {0} entries, all dated {1} ({2}).', n, dateWords(peek.first ?? '?'), size) })
          : plural(n, { one: vscode.l10n.t('It holds {0} entry, from {1} to {2} ({3}).', n, dateWords(peek.first ?? '?'), dateWords(peek.last ?? '?'), size), other: vscode.l10n.t('It holds {0} entries, from {1} to {2} ({3}).', n, dateWords(peek.first ?? '?'), dateWords(peek.last ?? '?'), size) });
  return vscode.l10n.t(
    'The folder {0} holds a Mood & Dose journal that you have not created or opened on this machine. {1} It may be someone else\'s: it may have come with a repository, been copied in, or arrived through a sync. Nothing in it is shown until you open it.',
    dir,
    holds
  );
}

function restrictedMessage(dir: string): string {
  return vscode.l10n.t(
    'The journal in {0} was not opened: this workspace is in Restricted Mode, and it is not a journal you have created or opened on this machine. Trust the workspace to be asked whether to open it.',
    dir
  );
}

function unknownDeclinedMessage(dir: string): string {
  return vscode.l10n.t('The journal in {0} is not open: it is not one you have created or opened on this machine. Run "Mood & Dose: Open This Journal…" to be asked again.', dir);
}

function homeDeclinedMessage(home: KnownJournal): string {
  return vscode.l10n.t('No journal is open in this workspace. Run "Mood & Dose: Open This Journal…" to use your journal in {0}, or to start a new one here.', home.folder);
}
