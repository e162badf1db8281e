// "Mood & Dose: Prepare Appointment Summary": a Markdown summary a prescriber can read in two
// minutes, over a chosen range (by default since the last appointment), with only the notes the
// user picks. It is written to the journal folder (private, git-ignored) and opened beside its preview.
import * as path from 'path';
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { SummaryOptions } from '../core/summary';
import { addDays, isLocalDate } from '../core/time';
import type { RowsByTable } from '../core/transfer';
import { confirmExportOutsideGit } from '../services/privacyGuard';
import { freshPath, makePrivateDir, writePrivateFile } from '../services/privateFiles';
import { allRows } from '../storage/journalQueries';
import type { CommandDeps, CoreBundles } from './deps';
import { writeChosenFile } from './exportTarget';
import { input } from './quickInput';

type Deps = Pick<CommandDeps, 'read' | 'journal' | 'clock' | 'settings' | 'load'>;

interface RangeItem extends vscode.QuickPickItem {
  from?: string;
  to?: string;
  custom?: boolean;
}

/** The options of the last summary made in this window, reused by "Export Summary as HTML". */
let lastOptions: SummaryOptions | undefined;

async function askRange(summary: CoreBundles['summary'], rows: RowsByTable, today: string): Promise<{ from: string; to: string } | undefined> {
  const def = summary.defaultRange(rows.appointments ?? [], today, summary.firstEntryDate(rows));
  const basis = def.basis === 'since-appointment' ? vscode.l10n.t('Since the last appointment') : vscode.l10n.t('Last {0} days', def.days);
  const items: RangeItem[] = [
    { label: basis, description: `${def.from} → ${def.to}`, from: def.from, to: def.to },
    { label: vscode.l10n.t('Last 30 days'), from: addDays(today, -29), to: today },
    { label: vscode.l10n.t('Last 90 days'), from: addDays(today, -89), to: today },
    { label: vscode.l10n.t('Last year'), from: addDays(today, -364), to: today },
    { label: vscode.l10n.t('Choose dates…'), custom: true }
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Appointment Summary (1/2): range'), placeHolder: vscode.l10n.t('Which period should the summary cover?') });
  if (!picked) return undefined;
  if (!picked.custom) return { from: picked.from!, to: picked.to! };
  const validate = (v: string) => (isLocalDate(v.trim()) ? undefined : vscode.l10n.t('Type a date as YYYY-MM-DD'));
  const from = await input({ title: vscode.l10n.t('Appointment Summary: first day'), prompt: vscode.l10n.t('First day (YYYY-MM-DD)'), value: def.from, validate });
  if (!from) return undefined;
  const to = await input({
    title: vscode.l10n.t('Appointment Summary: last day'),
    prompt: vscode.l10n.t('Last day (YYYY-MM-DD)'),
    value: today,
    validate: (v) => validate(v) ?? (v.trim() < from.trim() ? vscode.l10n.t('The last day must not be before {0}', from.trim()) : undefined)
  });
  return to ? { from: from.trim(), to: to.trim() } : undefined;
}

async function askNotes(summary: CoreBundles['summary'], rows: RowsByTable, from: string, to: string): Promise<string[] | undefined> {
  const notes = summary.selectableNotes(rows, from, to);
  if (notes.length === 0) return [];
  const picked = await vscode.window.showQuickPick(
    notes.map((n) => ({ label: n.text.replace(/\s+/g, ' ').slice(0, 120), description: `${n.date} ${n.time}`, id: n.id })),
    { title: vscode.l10n.t('Appointment Summary (2/2): notes'), placeHolder: vscode.l10n.t('Pick the notes to include (none are included unless picked). Enter to continue.'), canPickMany: true }
  );
  return picked?.map((p) => p.id);
}

/** Arguments for running without the prompts (tests, keybindings): a range and the notes to include. */
const localDate = z.string().check(z.refine(isLocalDate));
const argsSchema = z.object({ from: localDate, to: localDate, includeNoteIds: z._default(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(1000)), []) });

export function prepareSummaryCommand(d: Deps) {
  return async (args?: unknown): Promise<string | undefined> => {
    const summary = d.load('summary');
    const rows = allRows(await d.read(), true);
    const today = d.clock.today();
    let range: { from: string; to: string } | undefined;
    let includeNoteIds: string[] | undefined;
    if (args !== undefined) {
      const parsed = argsSchema.safeParse(args);
      if (!parsed.success) throw new Error(vscode.l10n.t('Prepare Appointment Summary was called with invalid arguments: {0}', parsed.error.issues[0]?.message ?? ''));
      range = { from: parsed.data.from, to: parsed.data.to };
      includeNoteIds = parsed.data.includeNoteIds;
    } else {
      range = await askRange(summary, rows, today);
      if (!range) return undefined;
      includeNoteIds = await askNotes(summary, rows, range.from, range.to);
      if (!includeNoteIds) return undefined;
    }
    const options: SummaryOptions = { ...range, today, medicationName: d.settings.medicationName(), unit: d.settings.unit(), includeNoteIds };
    const markdown = summary.renderMarkdown(summary.buildSummary(rows, options));
    lastOptions = options;
    const dir = path.join(d.journal.location().dir, 'summaries');
    await makePrivateDir(dir);
    const file = vscode.Uri.file(await freshPath(dir, `summary-${range.from}-to-${range.to}`, 'md'));
    await writePrivateFile(file.fsPath, new TextEncoder().encode(markdown), true);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', file);
    return file.fsPath;
  };
}

/** "Mood & Dose: Export Summary as HTML": a self-contained, print-ready page (print it to PDF). */
export function exportSummaryHtmlCommand(d: Deps) {
  return async (): Promise<string | undefined> => {
    const summary = d.load('summary');
    const rows = allRows(await d.read(), true);
    const today = d.clock.today();
    let options = lastOptions;
    if (!options) {
      const range = await askRange(summary, rows, today);
      if (!range) return undefined;
      const includeNoteIds = await askNotes(summary, rows, range.from, range.to);
      if (!includeNoteIds) return undefined;
      options = { ...range, today, medicationName: d.settings.medicationName(), unit: d.settings.unit(), includeNoteIds };
    }
    const html = summary.renderHtml(summary.buildSummary(rows, options));
    const dir = path.join(d.journal.location().dir, 'summaries');
    await makePrivateDir(dir);
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(await freshPath(dir, `summary-${options.from}-to-${options.to}`, 'html')),
      filters: { [vscode.l10n.t('Web page')]: ['html'] },
      title: vscode.l10n.t('Export Summary as HTML')
    });
    if (!target) return undefined;
    if (target.scheme === 'file' && !(await confirmExportOutsideGit(target.fsPath))) return undefined;
    await writeChosenFile(target, html, false);
    const open = vscode.l10n.t('Open in Browser');
    void vscode.window.showInformationMessage(vscode.l10n.t('Summary saved to {0}. Open it in a browser and print it to PDF.', target.fsPath), open).then((c) => {
      if (c === open) void vscode.env.openExternal(target);
    });
    return target.fsPath;
  };
}
