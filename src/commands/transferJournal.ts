// "Export Journal…" and "Import…": the extension's own JSON (versioned, lossless) or CSV (one file
// per table), and Daylio CSV exports. Every import is previewed, adds nothing twice, is written as
// one durable change (all or nothing) and can be undone as one step.
import * as path from 'path';
import * as vscode from 'vscode';
import type { DaylioMapping } from '../core/daylio';
import type { ImportResult } from '../core/transfer';
import { moodFromKey } from '../core/mood';
import { confirmExportOutsideGit } from '../services/privacyGuard';
import { allRows, existingRow } from '../storage/journalQueries';
import { confirmSaved } from './confirm';
import type { CommandDeps, CoreBundles } from './deps';
import { createChosenFolder, writeChosenFile } from './exportTarget';
import { pick } from './quickInput';

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
async function confirmMapping(transfer: CoreBundles['transfer'], csv: string): Promise<DaylioMapping | undefined> {
  const { defaultDaylioMapping, moodLabelsIn } = transfer;
  const labels = moodLabelsIn(csv);
  const mapping: DaylioMapping = {};
  for (const label of labels) {
    const known = defaultDaylioMapping[label.toLowerCase()];
    const items = Array.from({ length: 10 }, (_, i) => ({ label: String(10 - i), value: 10 - i }));
    const picked = await pick({
      title: vscode.l10n.t('Import Daylio: mood "{0}"', label),
      placeholder: vscode.l10n.t('Which mood from 1 to 10 (10 = best) does "{0}" mean? One digit, 0 for 10.', label),
      items,
      active: (list) => list.find((i) => i.value === known),
      acceptOnValue: (v) => items.find((i) => i.value === moodFromKey(v))
    });
    if (!picked?.[0]) return undefined;
    mapping[label.toLowerCase()] = picked[0].value;
  }
  return mapping;
}

/** The chosen files as text, keyed by full path, so two files called checkins.csv stay apart. */
async function readFiles(transfer: CoreBundles['transfer'], uris: readonly vscode.Uri[]): Promise<Record<string, string>> {
  const sizes = [];
  for (const uri of uris) sizes.push({ file: uri.fsPath, size: (await vscode.workspace.fs.stat(uri)).size });
  transfer.checkImportSize(sizes);
  const out: Record<string, string> = {};
  for (const uri of uris) out[uri.fsPath] = transfer.decodeImportText(await vscode.workspace.fs.readFile(uri), uri.fsPath);
  return out;
}

async function parseImport(transfer: CoreBundles['transfer'], uris: readonly vscode.Uri[], zone: string, now: number): Promise<{ result: ImportResult; source: string } | undefined> {
  const files = await readFiles(transfer, uris);
  const paths = Object.keys(files);
  const names = paths.map((p) => path.basename(p));
  const json = paths.filter((p) => p.toLowerCase().endsWith('.json'));
  if (json.length && paths.length > 1) throw new transfer.ImportError(vscode.l10n.t('choose one JSON export at a time (or the CSV files of one export).'), { file: names.join(', ') });
  if (json.length) return { result: transfer.importJson(files[json[0]], now, json[0]), source: names[0] };
  const first = files[paths[0]] ?? '';
  if (paths.length === 1 && /^\uFEFF?"?full_date"?,/i.test(first)) {
    const mapping = await confirmMapping(transfer, first);
    if (!mapping) return undefined;
    return { result: transfer.parseDaylio(first, mapping, zone, now), source: vscode.l10n.t('Daylio export {0}', names[0]) };
  }
  return { result: transfer.importCsv(files, now), source: names.join(', ') };
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
    let parsed: Awaited<ReturnType<typeof parseImport>>;
    try {
      parsed = await parseImport(transfer, uris, d.clock.zone(), d.clock.now());
    } catch (e) {
      if (e instanceof transfer.ImportError) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was imported. {0}', e.message));
        return undefined;
      }
      throw e;
    }
    if (!parsed) return undefined;
    const { toWrite, preview, newer: newerCount } = transfer.planImport(parsed.result, existingRow(await d.read()));
    const rejected = parsed.result.preview.rejected;
    const reasons = rejected.slice(0, 5).map((r) => vscode.l10n.t('line {0}: {1}', r.line, r.reason)).join('; ');
    const counts = vscode.l10n.t(
      '{0}: {1} entries to add, {2} duplicates skipped, {3} rows rejected{4}.',
      parsed.source,
      preview.entries,
      preview.duplicates,
      rejected.length,
      rejected.length ? ` (${reasons}${rejected.length > 5 ? '…' : ''})` : ''
    );
    // Rows edited later on another device are duplicates by id: say so, rather than hide them in the count.
    const newer = newerCount ? ` ${vscode.l10n.t('{0} newer elsewhere: the file has later edits of {0} rows this journal already has, and it keeps its own version of them.', newerCount)}` : '';
    const message = counts + newer;
    if (toWrite.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} Nothing new to import.', message));
      return { written: 0, duplicates: preview.duplicates };
    }
    if (!args?.confirm && !(await confirmPreview(parsed.source, message, rejected))) return undefined;
    void confirmSaved(d.actions, await d.actions.importRows(toWrite, parsed.source));
    return { written: toWrite.length, duplicates: preview.duplicates };
  };
}
