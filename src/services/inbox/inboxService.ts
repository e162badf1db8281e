// The phone inbox in VS Code: starts reading it when the journal opens (if moodDose.inbox.enabled),
// asks once with a preview before the first import, then reads new lines at once with one
// notification and Undo; shows lines it cannot read in Problems and counts them for the status bar.
// The reading itself (Node only) is in inboxImporter.ts, inboxFile.ts and inboxWatcher.ts.
import * as vscode from 'vscode';
import { describeEntry } from '../../core/inbox/describe';
import { inboxHeader } from '../../core/inbox/header';
import type { InboxEntry } from '../../core/inbox/types';
import type { Translate } from '../../core/safety';
import type { HostClock } from '../clock';
import type { JournalActions } from '../journalActions';
import type { JournalService } from '../journalService';
import type { Log } from '../log';
import { plural } from '../plural';
import { errorForLog } from '../logSafely';
import type { Settings } from '../settings';
import { InboxFile } from './inboxFile';
import { InboxImporter, type InboxReport } from './inboxImporter';
import { INBOX_CONFIRMED_KEY, inboxLocation } from './inboxPlace';
import { InboxWatcher, type ReadOutcome } from './inboxWatcher';

export const INBOX_LANGUAGE = 'mood-inbox';
const PREVIEW_LINES = 12;

export interface InboxServiceDeps {
  globalState: vscode.Memento;
  clock: HostClock;
  settings: Settings;
  log: Log;
  journal: JournalService;
  actions: JournalActions;
  t: Translate;
  /** The status bar's tooltip counts the lines that could not be read: redraw it. */
  statusChanged(): void;
}

export class InboxService implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection(INBOX_LANGUAGE);
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private watcher: InboxWatcher | undefined;
  private importer: InboxImporter | undefined;
  private file: InboxFile | undefined;
  private starting: Promise<void> | undefined;
  private problems = 0;
  /** Bumped by every restart, so a start overtaken by another gives up. */
  private generation = 0;
  /** The user said no to the first preview in this window: read again only when asked. */
  private declined = false;

  constructor(private readonly d: InboxServiceDeps) {
    this.disposables.push(
      d.settings.onDidChange((e) => {
        if (e.affectsConfiguration('moodDose.inbox')) void this.restart();
        // A new data folder closes the journal; its 'open' starts the inbox there, never before.
        if (e.affectsConfiguration('moodDose.dataFolder')) this.stop();
      }),
      d.journal.onDidChange((e) => {
        if (e.reason === 'open') void this.restart();
      })
    );
  }

  /** The inbox file, when reading is on (undefined before the journal opened). */
  get path(): string | undefined {
    return this.file?.file;
  }

  /** The tooltip's line about the inbox, if any line is waiting to be fixed. */
  statusLines(): string[] {
    if (this.problems === 0) return [];
    const { t } = this.d;
    const n = this.problems;
    return [plural(n, { one: t('Inbox: {0} line could not be read (see Problems)', n), other: t('Inbox: {0} lines could not be read (see Problems)', n) })];
  }

  /** Starts reading the inbox (the journal is open), or stops when it is turned off. */
  restart(): Promise<void> {
    this.stop();
    this.starting = this.start().catch((e) => this.d.log.warn(`inbox: not started: ${errorForLog(e)}`));
    return this.starting;
  }

  /** "Mood & Dose: Import Inbox Now". */
  async importNow(): Promise<void> {
    if (!this.d.settings.inboxEnabled()) {
      void vscode.window.showInformationMessage(this.d.t('The inbox is turned off (setting moodDose.inbox.enabled).'));
      return;
    }
    if (!this.watcher) await this.d.journal.get().then(() => this.restart());
    this.declined = false;
    await this.watcher?.trigger();
  }

  /** "Mood & Dose: Open Inbox": beside the journal, in the inbox's language. */
  async open(): Promise<void> {
    if (!this.file) await this.d.journal.get().then(() => this.restart());
    if (!this.file) {
      void vscode.window.showInformationMessage(this.d.t('The inbox is turned off (setting moodDose.inbox.enabled).'));
      return;
    }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(this.file.file));
    await vscode.languages.setTextDocumentLanguage(doc, INBOX_LANGUAGE);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  dispose(): void {
    this.stop();
    for (const x of this.disposables.splice(0)) x.dispose();
  }

  private stop(): void {
    this.generation++;
    this.watcher?.dispose();
    this.watcher = undefined;
    this.file = undefined;
    this.importer = undefined;
  }

  private async start(): Promise<void> {
    const { settings, journal, clock } = this.d;
    const generation = ++this.generation;
    if (!settings.inboxEnabled()) return this.setProblems([]);
    // Only a journal already open: the inbox never opens one (nor creates its folder) by itself.
    if (!journal.current) return;
    const root = journal.location().dir;
    const file = new InboxFile(inboxLocation(root, settings.inboxPath()), root);
    await file.create(inboxHeader({ date: clock.today(), unit: settings.unit(), t: this.d.t }));
    if (generation !== this.generation) return;
    const importer = new InboxImporter({
      file,
      journal: async () => {
        if (!journal.current) throw new Error('The journal closed.');
        return journal.current;
      },
      write: (ops) => this.d.actions.importInbox(ops),
      context: () => ({ zone: clock.zone(), unit: settings.unit(), medication: settings.medicationName(), defaultDose: settings.defaultDose(), now: clock.now(), t: this.d.t })
    });
    const watcher = new InboxWatcher(file.file, () => this.read(importer));
    this.file = file;
    this.importer = importer;
    this.watcher = watcher;
    watcher.start();
    void watcher.trigger();
  }

  /** One read; says whether to read again (lines arrived meanwhile, or one is still being written). */
  private async read(importer: InboxImporter): Promise<ReadOutcome> {
    try {
      if (!this.d.globalState.get<boolean>(INBOX_CONFIRMED_KEY)) {
        if (this.declined) return { more: false };
        const pending = await importer.pending();
        if (pending.length > 0) {
          if (!(await this.preview(pending))) {
            this.declined = true;
            return { more: false };
          }
          await this.d.globalState.update(INBOX_CONFIRMED_KEY, true);
        }
      }
      const report = await importer.run();
      this.report(report);
      return report;
    } catch (e) {
      this.d.log.warn(`inbox: read failed: ${errorForLog(e)}`);
      return { more: false };
    }
  }

  /** The first import: what will be added, and that the inbox is plain text even with encryption on. */
  private async preview(pending: InboxEntry[]): Promise<boolean> {
    const { t, settings } = this.d;
    const unit = settings.unit();
    const shown = pending.slice(0, PREVIEW_LINES).map((e) => `• ${describeEntry(e, unit, t)}`);
    if (pending.length > PREVIEW_LINES) shown.push(t('… and {0} more', pending.length - PREVIEW_LINES));
    const detail = [
      ...shown,
      '',
      t('Each line is read once, then removed from the inbox file. With encryption on, the inbox is the one file kept in plain text, by design: lines are removed right after they are read. The setting moodDose.inbox.enabled turns the inbox off.')
    ].join('\n');
    const read = t('Import');
    const n = pending.length;
    const message = plural(n, { one: t('Import {0} entry from your inbox?', n), other: t('Import {0} entries from your inbox?', n) });
    return (await vscode.window.showInformationMessage(message, { modal: true, detail }, read)) === read;
  }

  private report(report: InboxReport): void {
    const { t, actions } = this.d;
    this.setProblems(report.problems);
    const n = report.added.length;
    if (n === 0 || !report.undoToken) return;
    const token = report.undoToken;
    const undo = t('Undo');
    const message = plural(n, { one: t('{0} entry from your inbox', n), other: t('{0} entries from your inbox', n) });
    void vscode.window.showInformationMessage(message, undo).then(async (choice) => {
      if (choice === undo && (await actions.undo(token)) === 'undone') void vscode.window.showInformationMessage(t('Undone. The entries are kept in the file marked as deleted, so nothing is lost.'));
    });
  }

  private setProblems(problems: InboxReport['problems']): void {
    this.diagnostics.clear();
    let count = 0;
    for (const { file, problems: list } of problems) {
      count += list.length;
      this.diagnostics.set(
        vscode.Uri.file(file),
        list.map((p) => {
          const d = new vscode.Diagnostic(new vscode.Range(p.line - 1, 0, p.line - 1, p.text.length), this.d.t('{0} Write it like: {1}', p.what, p.example), vscode.DiagnosticSeverity.Warning);
          d.source = this.d.t('Mood & Dose inbox');
          d.code = p.code;
          return d;
        })
      );
    }
    if (count !== this.problems) {
      this.problems = count;
      this.d.statusChanged();
    }
  }
}
