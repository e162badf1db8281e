// "Mood & Dose: Prepare Appointment Summary": page 1 at a glance and an appendix, over a chosen range
// (by default since the last appointment), with only the notes the user picks. It is written with
// its figures (.svg) to the journal folder (private, git-ignored) and opened beside its preview;
// in an encrypted journal it is kept there sealed and shown from memory (summaryDocument.ts).
// "Export Summary as HTML" and "Export Summary as PDF" write the same summary as a page or a PDF.
// The summary (dist/summary.js) and the PDF writer with its font (dist/pdf.js) load on first use.
import * as path from 'path';
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { SummaryOptions } from '../core/summary/summary';
import { addDays, isLocalDate } from '../core/time';
import type { RowsByTable } from '../core/transfer/transfer';
import type { PageSize } from '../pdf/summaryPdf';
import { summaryLanguage } from '../services/displayLanguage';
import { plural } from '../services/plural';
import { confirmExportOutsideGit } from '../services/privacyGuard';
import { freshPath, makePrivateDir, writePrivateFile } from '../services/privateFiles';
import { forUser } from '../services/storageMessages';
import { allRows } from '../storage/read/journal';
import type { CommandDeps, CoreBundles } from './deps';
import { writeChosenFile } from './exportTarget';
import { input } from './quickInput';
import { FlowSteps } from './steps';
import { showSummaryFromMemory, svgDataUri } from './summaryDocument';

type SummaryDocOf = ReturnType<CoreBundles['summary']['summaryDoc']>;
type Deps = Pick<CommandDeps, 'read' | 'journal' | 'clock' | 'settings' | 'load'>;

interface RangeItem extends vscode.QuickPickItem {
  from?: string;
  to?: string;
  custom?: boolean;
}

/** The language the summary is written in: moodDose.summary.language. */
const languageOf = (d: Deps) => summaryLanguage(d.settings.summaryLanguage(), vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath);
const EXTENSION_ID = 'mood-dose.mood-dose-journal';

/** The options of the last summary made in this window, reused by the HTML and PDF exports. */
let lastOptions: SummaryOptions | undefined;

/** The range and the notes to include; choosing dates adds two questions. */
const summarySteps = () => new FlowSteps(vscode.l10n.t, vscode.l10n.t('Appointment Summary'), 2);

async function askRange(summary: CoreBundles['summary'], rows: RowsByTable, today: string, steps: FlowSteps): Promise<{ from: string; to: string } | undefined> {
  const def = summary.defaultRange(rows.appointments ?? [], today, summary.firstEntryDate(rows));
  const basis = def.basis === 'since-appointment' ? vscode.l10n.t('Since the last appointment') : plural(def.days, { one: vscode.l10n.t('Last {0} day', def.days), other: vscode.l10n.t('Last {0} days', def.days) });
  const items: RangeItem[] = [
    { label: basis, description: `${def.from} → ${def.to}`, from: def.from, to: def.to },
    { label: vscode.l10n.t('Last 30 days'), from: addDays(today, -29), to: today },
    { label: vscode.l10n.t('Last 90 days'), from: addDays(today, -89), to: today },
    { label: vscode.l10n.t('Last year'), from: addDays(today, -364), to: today },
    { label: vscode.l10n.t('Choose dates…'), custom: true }
  ];
  const picked = await vscode.window.showQuickPick(items, { title: steps.next(vscode.l10n.t('range')), placeHolder: vscode.l10n.t('Which period should the summary cover?') });
  if (!picked) return undefined;
  if (!picked.custom) return { from: picked.from!, to: picked.to! };
  steps.total += 2;
  const validate = (v: string) => (isLocalDate(v.trim()) ? undefined : vscode.l10n.t('Type a date as YYYY-MM-DD'));
  const from = await input({ title: steps.next(vscode.l10n.t('first day')), prompt: vscode.l10n.t('First day (YYYY-MM-DD)'), value: def.from, validate });
  if (!from) return undefined;
  const to = await input({
    title: steps.next(vscode.l10n.t('last day')),
    prompt: vscode.l10n.t('Last day (YYYY-MM-DD)'),
    value: today,
    validate: (v) => validate(v) ?? (v.trim() < from.trim() ? vscode.l10n.t('The last day must not be before {0}', from.trim()) : undefined)
  });
  return to ? { from: from.trim(), to: to.trim() } : undefined;
}

async function askNotes(summary: CoreBundles['summary'], rows: RowsByTable, from: string, to: string, steps: FlowSteps): Promise<string[] | undefined> {
  const notes = summary.selectableNotes(rows, from, to);
  if (notes.length === 0) return [];
  const picked = await vscode.window.showQuickPick(
    notes.map((n) => ({ label: n.text.replace(/\s+/g, ' ').slice(0, 120), description: `${n.date} ${n.time}`, id: n.id })),
    { title: steps.next(vscode.l10n.t('notes')), placeHolder: vscode.l10n.t('Pick the notes to include (none are included unless picked). Enter to continue.'), canPickMany: true }
  );
  return picked?.map((p) => p.id);
}

/** Arguments for running without the prompts (tests, keybindings): a range and the notes to include. */
const localDate = z.string().check(z.refine(isLocalDate));
const rangeArgs = { from: localDate, to: localDate, includeNoteIds: z._default(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(1000)), []) };
const argsSchema = z.object(rangeArgs);
/** The PDF command also takes a page size; without one it follows the display language. */
const pdfArgsSchema = z.object({ ...rangeArgs, size: z.optional(z.enum(['LETTER', 'A4'])) });

function summaryOptions(d: Deps, range: { from: string; to: string }, today: string, includeNoteIds: string[]): SummaryOptions {
  return { ...range, today, medicationName: d.settings.medicationName(), unit: d.settings.unit(), includeNoteIds, support: d.settings.supportResources() };
}

/** The private summaries folder inside the journal folder; a link there is refused, never followed. */
async function summariesDir(d: Deps): Promise<{ dir: string; root: string }> {
  const root = d.journal.location().dir;
  const dir = path.join(root, 'summaries');
  await makePrivateDir(dir, true, root).catch((e: unknown) => Promise.reject(forUser(e)));
  return { dir, root };
}

/** The options of the last summary, else the range and notes asked for now. */
async function optionsOrAsk(d: Deps, summary: CoreBundles['summary'], rows: RowsByTable, today: string): Promise<SummaryOptions | undefined> {
  if (lastOptions) return lastOptions;
  const steps = summarySteps();
  const range = await askRange(summary, rows, today, steps);
  if (!range) return undefined;
  const includeNoteIds = await askNotes(summary, rows, range.from, range.to, steps);
  return includeNoteIds ? summaryOptions(d, range, today, includeNoteIds) : undefined;
}

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
      const steps = summarySteps();
      range = await askRange(summary, rows, today, steps);
      if (!range) return undefined;
      includeNoteIds = await askNotes(summary, rows, range.from, range.to, steps);
      if (!includeNoteIds) return undefined;
    }
    const options = summaryOptions(d, range, today, includeNoteIds);
    const doc = summary.summaryDoc(summary.buildSummary(rows, options), {}, 'print', languageOf(d));
    lastOptions = options;
    const { dir, root } = await summariesDir(d);
    if ((await d.journal.get()).encryption === 'on') return keepSealed(d, summary, doc, dir, root, `summary-${range.from}-to-${range.to}`);
    const file = await freshPath(dir, `summary-${range.from}-to-${range.to}`, 'md', doc.figures.map((f) => `${f.id}.svg`));
    const base = path.basename(file, '.md');
    // The figures go next to the Markdown as .svg files, linked, so the preview shows them.
    const links: Record<string, string> = {};
    try {
      for (const f of doc.figures) {
        links[f.id] = `${base}-${f.id}.svg`;
        await writePrivateFile(path.join(dir, links[f.id]), new TextEncoder().encode(summary.toSvg(f)), true, root);
      }
      await writePrivateFile(file, new TextEncoder().encode(summary.markdownOf(doc, links)), true, root);
    } catch (e) {
      throw forUser(e);
    }
    const uri = vscode.Uri.file(file);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    offerPdf(vscode.l10n.t('Summary written to {0}.', path.basename(file)));
    return editor.document.uri.fsPath;
  };
}

function offerPdf(message: string): void {
  const savePdf = vscode.l10n.t('Save as PDF');
  void vscode.window.showInformationMessage(message, savePdf).then((c) => {
    if (c === savePdf) void vscode.commands.executeCommand('moodDose.exportSummaryPdf');
  });
}

/**
 * An encrypted journal keeps the summary in its folder sealed (kind 'summary', figures inline) and
 * shows it from memory; returns the sealed file's path.
 */
async function keepSealed(d: Deps, summary: CoreBundles['summary'], doc: SummaryDocOf, dir: string, root: string, base: string): Promise<string> {
  const links = Object.fromEntries(doc.figures.map((f) => [f.id, svgDataUri(summary.toSvg(f))]));
  const markdown = summary.markdownOf(doc, links);
  const file = await freshPath(dir, base, 'md');
  try {
    const store = await d.journal.get();
    await writePrivateFile(file, store.sealedForFolder('summary', new TextEncoder().encode(markdown)), true, root);
  } catch (e) {
    throw forUser(e);
  }
  await showSummaryFromMemory(path.basename(file), markdown);
  offerPdf(vscode.l10n.t('Summary kept encrypted in the journal folder as {0}. The one open here is not saved anywhere; Export Summary as PDF or HTML writes a readable copy where you choose.', path.basename(file)));
  return file;
}

/** "Mood & Dose: Export Summary as HTML": the same summary as a self-contained page. */
export function exportSummaryHtmlCommand(d: Deps) {
  return async (): Promise<string | undefined> => {
    const summary = d.load('summary');
    const rows = allRows(await d.read(), true);
    const options = await optionsOrAsk(d, summary, rows, d.clock.today());
    if (!options) return undefined;
    const html = summary.htmlOf(summary.summaryDoc(summary.buildSummary(rows, options), {}, 'print', languageOf(d)));
    const { dir, root } = await summariesDir(d);
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(await freshPath(dir, `summary-${options.from}-to-${options.to}`, 'html')),
      filters: { [vscode.l10n.t('Web page')]: ['html'] },
      title: vscode.l10n.t('Export Summary as HTML')
    });
    if (!target) return undefined;
    if (target.scheme === 'file' && !(await confirmExportOutsideGit(target.fsPath))) return undefined;
    await writeChosenFile(target, html, false, root);
    const open = vscode.l10n.t('Open in Browser');
    void vscode.window.showInformationMessage(vscode.l10n.t('Summary saved to {0}.', target.fsPath), open).then((c) => {
      if (c === open) void vscode.env.openExternal(target);
    });
    return target.fsPath;
  };
}

/** US Letter where the display language is US or Canadian English (and VS Code's default "en"), else A4. */
function pageSizeFor(language: string): PageSize {
  return ['en', 'en-us', 'en-ca', 'es-mx', 'fr-ca'].includes(language.toLowerCase()) ? 'LETTER' : 'A4';
}

/** "Mood & Dose: Export Summary as PDF": the same summary as a PDF, written inside the extension. */
export function exportSummaryPdfCommand(d: Deps) {
  return async (args?: unknown): Promise<string | undefined> => {
    const summary = d.load('summary');
    const rows = allRows(await d.read(), true);
    const today = d.clock.today();
    let options: SummaryOptions | undefined;
    let size = pageSizeFor(vscode.env.language);
    if (args !== undefined) {
      const parsed = pdfArgsSchema.safeParse(args);
      if (!parsed.success) throw new Error(vscode.l10n.t('Export Summary as PDF was called with invalid arguments: {0}', parsed.error.issues[0]?.message ?? ''));
      options = summaryOptions(d, { from: parsed.data.from, to: parsed.data.to }, today, parsed.data.includeNoteIds);
      size = parsed.data.size ?? size;
    } else options = await optionsOrAsk(d, summary, rows, today);
    if (!options) return undefined;
    // Laid out for this page size: Figure A takes the room page 1 has at that size.
    const doc = summary.summaryDoc(summary.buildSummary(rows, options), {}, size, languageOf(d));
    const { dir, root } = await summariesDir(d);
    const suggested = vscode.Uri.file(await freshPath(dir, `summary-${options.from}-to-${options.to}`, 'pdf'));
    const target =
      args !== undefined
        ? suggested
        : await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [vscode.l10n.t('PDF document')]: ['pdf'] }, title: vscode.l10n.t('Export Summary as PDF') });
    if (!target) return undefined;
    if (args === undefined && target.scheme === 'file' && !(await confirmExportOutsideGit(target.fsPath))) return undefined;
    const bytes = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing the PDF…') }, () => {
      const pdf = d.load('pdf');
      return pdf.summaryPdf(doc, { size, fonts: pdf.shippedFonts() });
    });
    await writeChosenFile(target, bytes, false, root);
    if (args === undefined) {
      const open = vscode.l10n.t('Open PDF');
      void vscode.window.showInformationMessage(vscode.l10n.t('Summary saved to {0}.', target.fsPath), open).then((c) => {
        if (c === open) void vscode.env.openExternal(target);
      });
    }
    return target.fsPath;
  };
}
