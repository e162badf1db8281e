// "Mood & Dose: Prepare Appointment Summary": a Markdown summary a prescriber can read in two
// minutes, over a chosen range (by default since the last appointment), with only the notes the
// user picks. It is written with its figures (.svg) to the journal folder (private, git-ignored)
// and opened beside its preview. "Export Summary as HTML" and "Export Summary as PDF" write the
// same summary as a page or a PDF; the PDF writer (dist/pdf.js) and its font load on first use.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { z } from 'zod';
import { toSvg } from '../core/figures/svg';
import { buildSummary, defaultRange, firstEntryDate, selectableNotes, type SummaryOptions } from '../core/summary';
import { summaryDoc } from '../core/summaryDoc';
import { htmlOf, markdownOf } from '../core/summaryRender';
import type { PageSize, summaryPdf } from '../pdf/summaryPdf';
import { ensurePrivateDir, writePrivateFile } from '../storage/privateFiles';
import { addDays, isLocalDate, localDateOf } from '../core/time';
import type { RowsByTable } from '../core/transfer';
import type { Services } from '../services/services';
import { allRows } from '../storage/journalQueries';
import { input } from './quickInput';

interface RangeItem extends vscode.QuickPickItem {
  from?: string;
  to?: string;
  custom?: boolean;
}

/** The options of the last summary made in this window, reused by "Export Summary as HTML". */
let lastOptions: SummaryOptions | undefined;

async function askRange(rows: RowsByTable, today: string): Promise<{ from: string; to: string } | undefined> {
  const def = defaultRange(rows.appointments ?? [], today, firstEntryDate(rows));
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

async function askNotes(rows: RowsByTable, from: string, to: string): Promise<string[] | undefined> {
  const notes = selectableNotes(rows, from, to);
  if (notes.length === 0) return [];
  const picked = await vscode.window.showQuickPick(
    notes.map((n) => ({ label: n.text.replace(/\s+/g, ' ').slice(0, 120), description: `${n.date} ${n.time}`, id: n.id })),
    { title: vscode.l10n.t('Appointment Summary (2/2): notes'), placeHolder: vscode.l10n.t('Pick the notes to include (none are included unless picked). Enter to continue.'), canPickMany: true }
  );
  return picked?.map((p) => p.id);
}

/** A file name in `dir` that does not exist yet (with every sibling `-suffix`): nothing is ever overwritten. */
async function freshFile(dir: vscode.Uri, base: string, ext: string, siblings: string[] = []): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const name = `${base}${i === 1 ? '' : `-${i}`}`;
    const taken = [`${name}.${ext}`, ...siblings.map((s) => `${name}-${s}.svg`)].some((f) => fs.existsSync(path.join(dir.fsPath, f)));
    if (!taken) return vscode.Uri.joinPath(dir, `${name}.${ext}`);
  }
}

/** The private summaries folder inside the journal folder. */
async function summariesDir(s: Services): Promise<vscode.Uri> {
  const dir = path.join(s.journal.location().dir, 'summaries');
  await ensurePrivateDir(dir);
  return vscode.Uri.file(dir);
}

/** Writes a file the user chose in a save dialog (they confirmed any overwrite there), as 0600. */
async function writeChosen(target: vscode.Uri, data: Uint8Array | string): Promise<void> {
  if (target.scheme === 'file') await writePrivateFile(target.fsPath, data, { replace: true });
  else await vscode.workspace.fs.writeFile(target, typeof data === 'string' ? new TextEncoder().encode(data) : data);
}

/** Arguments for running without the prompts (tests, keybindings): a range and the notes to include. */
const argsSchema = z.object({ from: z.string().refine(isLocalDate), to: z.string().refine(isLocalDate), includeNoteIds: z.array(z.string().max(64)).max(1000).default([]) });
/** The PDF command also takes a page size; without one it follows the display language. */
const pdfArgsSchema = argsSchema.extend({ size: z.enum(['LETTER', 'A4']).optional() });

function summaryOptions(s: Services, range: { from: string; to: string }, today: string, includeNoteIds: string[]): SummaryOptions {
  return { ...range, today, medicationName: s.settings.medicationName(), unit: s.settings.unit(), includeNoteIds, support: s.settings.supportResources() };
}

export function prepareSummaryCommand(s: Services) {
  return async (args?: unknown): Promise<string | undefined> => {
    const store = await s.journal.get();
    const rows = allRows(store, true);
    const today = localDateOf(s.clock.now(), s.clock.zone());
    let range: { from: string; to: string } | undefined;
    let includeNoteIds: string[] | undefined;
    if (args !== undefined) {
      const parsed = argsSchema.safeParse(args);
      if (!parsed.success) throw new Error(vscode.l10n.t('Prepare Appointment Summary was called with invalid arguments: {0}', parsed.error.issues[0]?.message ?? ''));
      range = { from: parsed.data.from, to: parsed.data.to };
      includeNoteIds = parsed.data.includeNoteIds;
    } else {
      range = await askRange(rows, today);
      if (!range) return undefined;
      includeNoteIds = await askNotes(rows, range.from, range.to);
      if (!includeNoteIds) return undefined;
    }
    const options = summaryOptions(s, range, today, includeNoteIds);
    const doc = summaryDoc(buildSummary(rows, options));
    lastOptions = options;
    const dir = await summariesDir(s);
    const file = await freshFile(dir, `summary-${range.from}-to-${range.to}`, 'md', doc.figures.map((f) => f.id));
    const base = path.basename(file.fsPath, '.md');
    // The figures go next to the Markdown as .svg files, linked, so the preview shows them.
    const links: Record<string, string> = {};
    for (const f of doc.figures) {
      links[f.id] = `${base}-${f.id}.svg`;
      await writePrivateFile(path.join(dir.fsPath, links[f.id]), toSvg(f));
    }
    await writePrivateFile(file.fsPath, markdownOf(doc, links));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', file);
    const savePdf = vscode.l10n.t('Save as PDF');
    void vscode.window.showInformationMessage(vscode.l10n.t('Summary written to {0}.', path.basename(file.fsPath)), savePdf).then((c) => {
      if (c === savePdf) void vscode.commands.executeCommand('moodDose.exportSummaryPdf');
    });
    return editor.document.uri.fsPath;
  };
}

/** The options of the last summary, else the range and notes asked for now. */
async function optionsOrAsk(s: Services, rows: RowsByTable, today: string): Promise<SummaryOptions | undefined> {
  if (lastOptions) return lastOptions;
  const range = await askRange(rows, today);
  if (!range) return undefined;
  const includeNoteIds = await askNotes(rows, range.from, range.to);
  return includeNoteIds ? summaryOptions(s, range, today, includeNoteIds) : undefined;
}

/** "Mood & Dose: Export Summary as HTML": the same summary as a self-contained page. */
export function exportSummaryHtmlCommand(s: Services) {
  return async (): Promise<string | undefined> => {
    const store = await s.journal.get();
    const rows = allRows(store, true);
    const today = localDateOf(s.clock.now(), s.clock.zone());
    const options = await optionsOrAsk(s, rows, today);
    if (!options) return undefined;
    const html = htmlOf(summaryDoc(buildSummary(rows, options)));
    const dir = await summariesDir(s);
    const target = await vscode.window.showSaveDialog({
      defaultUri: await freshFile(dir, `summary-${options.from}-to-${options.to}`, 'html'),
      filters: { [vscode.l10n.t('Web page')]: ['html'] },
      title: vscode.l10n.t('Export Summary as HTML')
    });
    if (!target) return undefined;
    await writeChosen(target, html);
    const open = vscode.l10n.t('Open in Browser');
    void vscode.window.showInformationMessage(vscode.l10n.t('Summary saved to {0}.', target.fsPath), open).then((c) => {
      if (c === open) void vscode.env.openExternal(target);
    });
    return target.fsPath;
  };
}

interface PdfWriter {
  summaryPdf: typeof summaryPdf;
  fonts: { regular: Uint8Array; bold: Uint8Array };
}

let pdfWriter: PdfWriter | undefined;

/** dist/pdf.js and the font, loaded on the first PDF and kept: activate() never pays for them. */
function loadPdfWriter(s: Services): PdfWriter {
  if (!pdfWriter) {
    const dist = path.join(s.context.extensionUri.fsPath, 'dist');
    // A computed path, so esbuild leaves the PDF writer out of dist/extension.js.
    const mod = require(path.join(dist, 'pdf.js')) as { summaryPdf: typeof summaryPdf };
    pdfWriter = {
      summaryPdf: mod.summaryPdf,
      fonts: { regular: fs.readFileSync(path.join(dist, 'fonts', 'DejaVuSansCondensed.ttf')), bold: fs.readFileSync(path.join(dist, 'fonts', 'DejaVuSansCondensed-Bold.ttf')) }
    };
  }
  return pdfWriter;
}

/** US Letter where the display language is US or Canadian English (and VS Code's default "en"), else A4. */
function pageSizeFor(language: string): PageSize {
  return ['en', 'en-us', 'en-ca', 'es-mx', 'fr-ca'].includes(language.toLowerCase()) ? 'LETTER' : 'A4';
}

/** "Mood & Dose: Export Summary as PDF": the same summary as a PDF, written inside the extension. */
export function exportSummaryPdfCommand(s: Services) {
  return async (args?: unknown): Promise<string | undefined> => {
    const store = await s.journal.get();
    const rows = allRows(store, true);
    const today = localDateOf(s.clock.now(), s.clock.zone());
    let options: SummaryOptions | undefined;
    let size = pageSizeFor(vscode.env.language);
    if (args !== undefined) {
      const parsed = pdfArgsSchema.safeParse(args);
      if (!parsed.success) throw new Error(vscode.l10n.t('Export Summary as PDF was called with invalid arguments: {0}', parsed.error.issues[0]?.message ?? ''));
      options = summaryOptions(s, { from: parsed.data.from, to: parsed.data.to }, today, parsed.data.includeNoteIds);
      size = parsed.data.size ?? size;
    } else options = await optionsOrAsk(s, rows, today);
    if (!options) return undefined;
    const doc = summaryDoc(buildSummary(rows, options));
    const dir = await summariesDir(s);
    const suggested = await freshFile(dir, `summary-${options.from}-to-${options.to}`, 'pdf');
    const target =
      args !== undefined
        ? suggested
        : await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [vscode.l10n.t('PDF document')]: ['pdf'] }, title: vscode.l10n.t('Export Summary as PDF') });
    if (!target) return undefined;
    const bytes = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing the PDF…') }, async () => {
      const writer = loadPdfWriter(s);
      return writer.summaryPdf(doc, { size, fonts: writer.fonts });
    });
    await writeChosen(target, bytes);
    s.log.info(`Summary PDF written: ${bytes.length} bytes, ${size}`);
    if (args === undefined) {
      const open = vscode.l10n.t('Open PDF');
      void vscode.window.showInformationMessage(vscode.l10n.t('Summary saved to {0}.', target.fsPath), open).then((c) => {
        if (c === open) void vscode.env.openExternal(target);
      });
    }
    return target.fsPath;
  };
}
