// The steps of "Import…" without VS Code: read the chosen files, check every row, compare with the
// journal, ask for the preview, write. Everything before the write runs in slices the user can cancel
// (importPace.ts); nothing is written until the plan is complete and confirmed, and then the whole
// plan goes to the journal actions in one call. Cancelling therefore never leaves anything behind.
// (Writing chunks and undoing them on cancel was the alternative: undo marks rows deleted, and a
// deleted row keeps its id, so importing the same file again afterwards would add nothing.)
import * as path from 'path';
import type { DaylioMapping } from '../core/transfer/daylio';
import type { ImportControl } from '../core/transfer/pace';
import type { ImportResult, Rejected } from '../core/transfer/rows';
import type { ImportPlan } from '../core/transfer/transfer';
import type { Saved } from '../services/journalActions';
import { existingRow } from '../storage/read/journal';
import type { JournalReader } from '../storage/read/reader';
import type { CoreBundles } from './deps';

/** The parts of an import the user can watch: each has its own line in the progress notification. */
export type ImportStep = 'read' | 'labels' | 'check' | 'compare';

/** What the import asks of the user, and where it shows how far it got. */
export interface ImportUi {
  /** Runs `run` under one progress notification the user can cancel; `run` asks for a control per step. */
  busy<T>(run: (step: (step: ImportStep, file: string) => ImportControl) => Promise<T>): PromiseLike<T>;
  /** What each Daylio mood label means on 1–10; undefined when the user backs out. */
  mapLabels(labels: string[]): PromiseLike<DaylioMapping | undefined>;
  /** Shows the preview; true to import. */
  confirm(source: string, plan: ImportPlan, rejected: readonly Rejected[]): PromiseLike<boolean>;
  /** Runs the write under a progress notification; by then there is nothing left to cancel. */
  writing(count: number, run: (progress: (done: number, total: number) => void) => Promise<Saved>): PromiseLike<Saved>;
}

export interface ImportDeps {
  transfer: CoreBundles['transfer'];
  read: () => Promise<JournalReader>;
  importRows: (ops: ImportPlan['toWrite'], source: string, progress?: (done: number, total: number) => void) => Promise<Saved>;
  files: { size(file: string): Promise<number>; read(file: string): Promise<Uint8Array> };
  now: number;
  zone: string;
  t: (message: string, ...args: (string | number)[]) => string;
  /** The language `t` writes in (plural rules, numbers); English when not given. */
  locale?: string;
}

export type ImportOutcome =
  | { kind: 'backed-out' }
  | { kind: 'declined' }
  | { kind: 'nothing-new'; source: string; plan: ImportPlan; rejected: readonly Rejected[] }
  | { kind: 'written'; source: string; plan: ImportPlan; saved: Saved };

/** The chosen files as text, keyed by full path, so two files called checkins.csv stay apart. */
async function readFiles(d: ImportDeps, paths: readonly string[], control: ImportControl): Promise<Map<string, string>> {
  const sizes = [];
  for (const file of paths) sizes.push({ file, size: await d.files.size(file) });
  d.transfer.checkImportSize(sizes);
  const total = sizes.reduce((n, s) => n + s.size, 0);
  const out = new Map<string, string>();
  let before = 0;
  for (const { file, size } of sizes) {
    const bytes = await d.files.read(file);
    const progress = (done: number) => control.progress?.(before + done, total);
    out.set(file, await d.transfer.runPaced(d.transfer.decodeWork(bytes, file), { ...control, progress }));
    before += size;
  }
  return out;
}

/**
 * Imports the files at `paths`: throws ImportError for a file it refuses (nothing is written), and
 * ImportCancelled when the user cancels before the write (nothing is written either).
 */
export async function runImport(paths: readonly string[], d: ImportDeps, ui: ImportUi): Promise<ImportOutcome> {
  const { transfer, t } = d;
  const names = paths.map((p) => path.basename(p));
  const all = names.join(', ');
  const json = paths.filter((p) => p.toLowerCase().endsWith('.json'));
  if (json.length && paths.length > 1) throw new transfer.ImportError(t('choose one JSON export at a time (or the CSV files of one export).'), { file: all });
  /** Checks every row and compares them with the journal: the long part, in slices. */
  const checked = async (files: Map<string, string>, mapping: DaylioMapping | undefined, step: (step: ImportStep, file: string) => ImportControl) => {
    const text = files.get(paths[0]) ?? '';
    const control = step('check', all);
    let result: ImportResult;
    if (json.length) result = await transfer.runPaced(transfer.jsonWork(text, d.now, json[0]), control);
    else if (mapping) result = await transfer.runPaced(transfer.daylioWork(text, mapping, d.zone, d.now, paths[0], { locale: d.locale ?? 'en', t }), control);
    else result = await transfer.runPaced(transfer.csvWork(Object.fromEntries(files), d.now), control);
    const plan = await transfer.runPaced(transfer.planWork(result, existingRow(await d.read())), step('compare', all));
    return { result, plan };
  };
  // One notification for reading and checking; a Daylio export stops in between to ask about its labels.
  const first = await ui.busy(async (step) => {
    const files = await readFiles(d, paths, step('read', all));
    const text = files.get(paths[0]) ?? '';
    if (json.length || paths.length > 1 || !/^\uFEFF?"?full_date"?,/i.test(text)) return { files, labels: undefined, done: await checked(files, undefined, step) };
    return { files, labels: await transfer.runPaced(transfer.moodLabelsWork(text, paths[0]), step('labels', all)), done: undefined };
  });
  let source = json.length ? names[0] : all;
  let done = first.done;
  if (!done) {
    const mapping = await ui.mapLabels(first.labels ?? []);
    if (!mapping) return { kind: 'backed-out' };
    source = t('Daylio export {0}', names[0]);
    done = await ui.busy((step) => checked(first.files, mapping, step));
  }
  first.files.clear(); // the text is checked: let it go before the write
  const { result, plan } = done;
  const rejected = result.preview.rejected;
  if (plan.toWrite.length === 0) return { kind: 'nothing-new', source, plan, rejected };
  if (!(await ui.confirm(source, plan, rejected))) return { kind: 'declined' };
  const saved = await ui.writing(plan.toWrite.length, (progress) => d.importRows(plan.toWrite, source, progress));
  return { kind: 'written', source, plan, saved };
}
