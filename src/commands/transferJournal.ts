// "Export Journal…" and "Import…": the extension's own JSON (versioned, lossless) or CSV (one file
// per table), and Daylio CSV exports. Every import is previewed, adds nothing twice, is written as
// one durable change (all or nothing) and can be undone as one step.
import * as vscode from 'vscode';
import type { DaylioMapping } from '../core/transfer/daylio';
import type { Rejected } from '../core/transfer/rows';
import type { ImportPlan } from '../core/transfer/transfer';
import { moodFromKey } from '../core/mood';
import { confirmExportOutsideGit } from '../services/privacyGuard';
import { allRows } from '../storage/read/journal';
import { confirmSaved } from './confirm';
import type { CommandDeps, CoreBundles } from './deps';
import { createChosenFolder, writeChosenFile } from './exportTarget';
import { runImport, type ImportOutcome, type ImportStep, type ImportUi } from './importFlow';
import { pick } from './quickInput';
import { FlowSteps } from './steps';
import { plural } from '../services/plural';
import { wordsLanguage } from '../services/displayLanguage';

export function exportJournalCommand(d: Pick<CommandDeps, 'read' | 'journal' | 'clock' | 'load'>) {
  return async (): Promise<string | undefined> => {
    const format = await vscode.window.showQuickPick(
      [
        { label: 'JSON', description: vscode.l10n.t('one file, everything, can be imported again exactly'), id: 'json' },
        { label: 'CSV', description: vscode.l10n.t('one file per table, for spreadsheets'), id: 'csv' }
      ],
      { title: vscode.l10n.t('Export Journal'), placeHolder: vscode.l10n.t('Which format?') }
    );
    if (!format) return undefined;
    const { exportCsv, exportJson } = d.load('transfer');
    const rows = allRows(await d.read());
    const stamp = new Date(d.clock.now()).toISOString();
    // The journal folder first: it is private and git-ignored, unlike the workspace root.
    const home = vscode.Uri.file(d.journal.location().dir);
    if (format.id === 'json') {
      const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(home, `mood-dose-journal-${stamp.slice(0, 10)}.json`),
        filters: { JSON: ['json'] },
        title: vscode.l10n.t('Export Journal as JSON')
      });
      if (!target) return undefined;
      if (target.scheme === 'file' && !(await confirmExportOutsideGit(target.fsPath))) return undefined;
      await writeChosenFile(target, exportJson(rows, stamp), false);
      void vscode.window.showInformationMessage(vscode.l10n.t('Journal exported to {0}. It holds private health data: keep it somewhere safe.', target.fsPath));
      return target.fsPath;
    }
    const folder = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: home, openLabel: vscode.l10n.t('Export Here'), title: vscode.l10n.t('Folder for the CSV files') });
    if (!folder?.[0]) return undefined;
    const dir = vscode.Uri.joinPath(folder[0], `mood-dose-journal-${stamp.slice(0, 10)}`);
    try {
      await vscode.workspace.fs.stat(dir);
      throw new Error(vscode.l10n.t('{0} already exists. Choose another folder, or move it first: nothing is overwritten.', dir.fsPath));
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError)) throw e;
    }
    if (dir.scheme === 'file' && !(await confirmExportOutsideGit(dir.fsPath))) return undefined;
    await createChosenFolder(dir);
    for (const [name, csv] of Object.entries(exportCsv(rows))) await writeChosenFile(vscode.Uri.joinPath(dir, name), csv, true);
    void vscode.window.showInformationMessage(vscode.l10n.t('Journal exported as CSV files to {0}. Cells that a spreadsheet would run as a formula start with an apostrophe.', dir.fsPath));
    return dir.fsPath;
  };
}

/** Daylio's mood labels → 1–10, confirmed by the user (unknown labels must be mapped). */
async function confirmMapping(transfer: CoreBundles['transfer'], labels: readonly string[]): Promise<DaylioMapping | undefined> {
  const mapping = new Map<string, number>();
  const steps = new FlowSteps(vscode.l10n.t, vscode.l10n.t('Import Daylio'), labels.length);
  for (const label of labels) {
    const known = transfer.defaultDaylioMapping.get(label.toLowerCase());
    const items = Array.from({ length: 10 }, (_, i) => ({ label: String(10 - i), value: 10 - i }));
    const picked = await pick({
      title: steps.next(vscode.l10n.t('mood "{0}"', label)),
      placeholder: vscode.l10n.t('Which mood from 1 to 10 (10 = best) does "{0}" mean? One digit, 0 for 10.', label),
      items,
      active: (list) => list.find((i) => i.value === known),
      acceptOnValue: (v) => items.find((i) => i.value === moodFromKey(v))
    });
    if (!picked?.[0]) return undefined;
    mapping.set(label.toLowerCase(), picked[0].value);
  }
  return mapping;
}

interface PreviewItem extends vscode.QuickPickItem {
  go?: boolean;
}

/**
 * The preview as a quick pick rather than a modal dialog: it is keyboard-first, lists every rejected
 * row with its line, and Enter imports.
 */
async function confirmPreview(source: string, message: string, rejected: readonly { line: number; reason: string }[]): Promise<boolean> {
  const items: PreviewItem[] = [
    { label: `$(check) ${vscode.l10n.t('Import')}`, detail: message, go: true },
    { label: `$(close) ${vscode.l10n.t('Cancel')}`, description: vscode.l10n.t('nothing is imported') }
  ];
  if (rejected.length) {
    items.push({ label: vscode.l10n.t('Rows that will be left out'), kind: vscode.QuickPickItemKind.Separator });
    for (const r of rejected.slice(0, 200)) items.push({ label: vscode.l10n.t('line {0}', r.line), description: r.reason });
  }
  for (;;) {
    const picked = await pick<PreviewItem>({
      title: vscode.l10n.t('Import preview: {0}', source),
      placeholder: message,
      items
    });
    if (!picked?.[0]) return false;
    if (picked[0].go) return true;
    if (!picked[0].label.startsWith('line')) return false;
  }
}

/** "N entries to add, M duplicates skipped, K rows rejected (reasons)", and rows newer elsewhere. */
function previewMessage(source: string, plan: ImportPlan, rejected: readonly Rejected[]): string {
  const { preview, newer: newerCount } = plan;
  const reasons = rejected.slice(0, 5).map((r) => vscode.l10n.t('line {0}: {1}', r.line, r.reason)).join('; ');
  const [add, dup, bad] = [preview.entries, preview.duplicates, rejected.length];
  const counts = vscode.l10n.t(
    '{0}: {1}, {2}, {3}{4}.',
    source,
    plural(add, { one: vscode.l10n.t('{0} entry to add', add), other: vscode.l10n.t('{0} entries to add', add) }),
    plural(dup, { one: vscode.l10n.t('{0} duplicate skipped', dup), other: vscode.l10n.t('{0} duplicates skipped', dup) }),
    plural(bad, { one: vscode.l10n.t('{0} row rejected', bad), other: vscode.l10n.t('{0} rows rejected', bad) }),
    bad ? ` (${reasons}${bad > 5 ? '…' : ''})` : ''
  );
  // Rows edited later on another device are duplicates by id: say so, rather than hide them in the count.
  const newerWords = plural(newerCount, {
    one: vscode.l10n.t('{0} newer elsewhere: the file has a later edit of {0} row this journal already has, and it keeps its own version of it.', newerCount),
    other: vscode.l10n.t('{0} newer elsewhere: the file has later edits of {0} rows this journal already has, and it keeps its own version of them.', newerCount)
  });
  const newer = newerCount ? ` ${newerWords}` : '';
  return counts + newer;
}

/** What each step of an import says in its progress notification. */
function stepMessage(step: ImportStep, file: string, percent: number): string {
  if (step === 'read') return vscode.l10n.t('Reading {0}: {1}%', file, percent);
  if (step === 'labels') return vscode.l10n.t('Finding the mood labels in {0}: {1}%', file, percent);
  if (step === 'check') return vscode.l10n.t('Checking every row of {0}: {1}%', file, percent);
  return vscode.l10n.t('Comparing with the journal: {0}%', percent);
}

/** Where each step's progress ends on the notification's bar, in percent; it starts where the last one stopped. */
const STEP_END: Record<ImportStep, number> = { read: 10, labels: 100, check: 80, compare: 100 };

/** The VS Code side of an import: notifications with progress and Cancel, quick picks, the preview. */
function importUi(transfer: CoreBundles['transfer'], confirm: boolean): ImportUi {
  return {
    busy: (run) =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Import'), cancellable: true }, (progress, token) => {
        let shown = 0;
        return run((step, file) => {
          const from = shown;
          let told = -1;
          return {
            cancelled: () => token.isCancellationRequested,
            progress: (done, total) => {
              const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
              if (percent === told) return; // a message per percent, not per slice
              told = percent;
              const at = Math.max(shown, from + ((STEP_END[step] - from) * percent) / 100);
              progress.report({ message: stepMessage(step, file, percent), increment: at - shown });
              shown = at;
            }
          };
        });
      }),
    mapLabels: (labels) => confirmMapping(transfer, labels),
    confirm: (source, plan, rejected) => (confirm ? Promise.resolve(true) : confirmPreview(source, previewMessage(source, plan, rejected), rejected)),
    writing: (count, run) =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: plural(count, { one: vscode.l10n.t('Importing {0} entry', count), other: vscode.l10n.t('Importing {0} entries', count) }), cancellable: false }, (progress) => {
        let shown = 0;
        return run((done, total) => {
          const percent = Math.floor((done / total) * 100);
          if (percent === shown && done < total) return;
          progress.report({ message: vscode.l10n.t('{0} of {1} written', done, total), increment: percent - shown });
          shown = percent;
        });
      })
  };
}

export function importJournalCommand(d: Pick<CommandDeps, 'read' | 'actions' | 'clock' | 'load'>) {
  return async (args?: { files?: string[]; confirm?: boolean }): Promise<{ written: number; duplicates: number } | undefined> => {
    const uris = args?.files?.map((f) => vscode.Uri.file(f)) ??
      (await vscode.window.showOpenDialog({
        canSelectMany: true,
        filters: { [vscode.l10n.t('Journal exports')]: ['json', 'csv'] },
        openLabel: vscode.l10n.t('Preview Import'),
        title: vscode.l10n.t('Import: this extension\'s JSON or CSV export, or a Daylio CSV export')
      }));
    if (!uris?.length) return undefined;
    const transfer = d.load('transfer');
    const byPath = new Map(uris.map((u) => [u.fsPath, u]));
    const files = {
      size: async (file: string) => (await vscode.workspace.fs.stat(byPath.get(file)!)).size,
      read: (file: string) => Promise.resolve(vscode.workspace.fs.readFile(byPath.get(file)!))
    };
    let outcome: ImportOutcome;
    try {
      const deps = { transfer, read: d.read, importRows: d.actions.importRows.bind(d.actions), files, now: d.clock.now(), zone: d.clock.zone(), t: (m: string, ...args: (string | number)[]) => vscode.l10n.t(m, ...args), locale: wordsLanguage() };
      outcome = await runImport([...byPath.keys()], deps, importUi(transfer, Boolean(args?.confirm)));
    } catch (e) {
      if (e instanceof transfer.ImportCancelled) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Import cancelled. Nothing was written.'));
        return undefined;
      }
      if (e instanceof transfer.ImportError) {
        // The reason in the display language, naming the file and line (the error's message is English).
        void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was imported. {0}', e.describe({ locale: wordsLanguage(), t: vscode.l10n.t })));
        return undefined;
      }
      throw e;
    }
    if (outcome.kind === 'backed-out' || outcome.kind === 'declined') return undefined;
    const { plan } = outcome;
    if (outcome.kind === 'nothing-new') {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} Nothing new to import.', previewMessage(outcome.source, plan, outcome.rejected)));
      return { written: 0, duplicates: plan.preview.duplicates };
    }
    void confirmSaved(d.actions, outcome.saved);
    return { written: plan.toWrite.length, duplicates: plan.preview.duplicates };
  };
}
