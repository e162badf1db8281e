// One read of the phone inbox: the inbox and its conflict copies are read, each line is planned
// against the ledger (core/inbox/ledger.ts), everything new is written as ONE change through the
// journal actions (so one Undo takes it back), and only then is each file cleared (inboxFile.ts).
// A crash between the two leaves lines the ledger already has: they are cleared next time, never
// read twice. Node only (no vscode): unit tests and the benchmark run it as the extension does.
import { clearInbox, type Cleared } from '../../core/inbox/clear';
import { parseInbox, unendedLastLine } from '../../core/inbox/grammar';
import { ledgerRow, planLines, replacedOps, type PlannedLine } from '../../core/inbox/ledger';
import { inboxOps } from '../../core/inbox/toOps';
import type { InboxEntry, InboxOptions, InboxProblem } from '../../core/inbox/types';
import type { Translate } from '../../core/safety';
import type { Op } from '../../core/schemas';
import type { JournalReader } from '../../storage/read/reader';
import { doseInForce, inboxLedger, inboxWords } from '../../storage/read/inbox';
import type { InboxFile } from './inboxFile';

export interface InboxContext {
  zone: string;
  unit: string;
  medication: string;
  /** The settings' default dose, for a skipped dose before anything is logged or planned. */
  defaultDose: number | null;
  now: number;
  t?: Translate;
}

export interface ImporterDeps {
  file: InboxFile;
  journal(): Promise<JournalReader>;
  /** Writes one change through the journal actions; returns its undo token. */
  write(ops: Op[]): Promise<string>;
  context(): InboxContext;
}

/**
 * An unended last line is read once it has stayed the same this long: a phone appending "dose 10"
 * in two writes must not be read as "dose 1". A line break ends the wait at once.
 */
export const UNENDED_SETTLE_MS = 1_000;

/** What one read did: the lines read in, and the problems left in each file (line numbers as now). */
export interface InboxReport {
  added: InboxEntry[];
  /** How many of them replaced the entry an earlier version of the line made. */
  replaced: number;
  undoToken: string | undefined;
  problems: { file: string; problems: InboxProblem[] }[];
  /** Lines that arrived while the files were cleared: read them next. */
  more: boolean;
  /** An unended last line is waiting to stay the same: read again after this many ms. */
  recheckInMs?: number;
}

interface Read {
  files: { file: string; copy: boolean; settledTail: string | null }[];
  options: InboxOptions;
  fresh: PlannedLine[];
  seen: InboxEntry[];
}

export class InboxImporter {
  /** Each file's unended last line, and since when it has read the same. */
  private readonly unended = new Map<string, { line: string; since: number }>();

  constructor(private readonly deps: ImporterDeps) {}

  /** The lines a read would add now, without writing anything (the first import's preview). */
  async pending(): Promise<InboxEntry[]> {
    return (await this.look()).fresh.map((p) => p.entry);
  }

  async run(): Promise<InboxReport> {
    const read = await this.look();
    const ctx = this.deps.context();
    const store = await this.deps.journal();
    const view = inboxLedger(store);
    const ops: Op[] = [];
    const added: InboxEntry[] = [];
    const failed = new Map<string, InboxProblem>();
    let replaced = 0;
    for (const { entry, replaces } of read.fresh) {
      const made = inboxOps(entry, { medication: ctx.medication, zone: ctx.zone, now: ctx.now, t: ctx.t, skippedMg: (date) => doseInForce(store, date, ctx.defaultDose) });
      if (!made.ok) {
        failed.set(entry.id, made.problem);
        continue;
      }
      for (const old of replaces) ops.push(...replacedOps(old, view, ctx.now));
      if (replaces.length) replaced++;
      ops.push(...made.ops, { table: 'inbox_lines', row: ledgerRow(entry, made.ops, ctx.now) });
      added.push(entry);
    }
    const undoToken = ops.length ? await this.deps.write(ops) : undefined;
    const done = new Set([...read.seen, ...added].map((e) => e.id));
    const problems: InboxReport['problems'] = [];
    let more = false;
    for (const { file, copy, settledTail } of read.files) {
      let last: Cleared | undefined;
      await this.deps.file.rewrite((text) => {
        last = clearInbox(text, read.options, done, failed, settledTail);
        // An emptied conflict copy is removed; the inbox itself stays, header and all.
        return copy && !last.hasLines ? undefined : last.text;
      }, file);
      if (!last) continue;
      if (last.problems.length) problems.push({ file, problems: last.problems });
      const writing = unendedLastLine(last.text);
      if (last.parsed.entries.some((e) => !done.has(e.id) && !failed.has(e.id) && !(writing !== null && e.line === last!.parsed.lines.length))) more = true;
    }
    const waiting = read.files.some((f) => this.unended.has(f.file));
    return { added, replaced, undoToken, problems, more, ...(waiting ? { recheckInMs: UNENDED_SETTLE_MS } : {}) };
  }

  /**
   * The text to read now: without its unended last line until that line has read the same for
   * UNENDED_SETTLE_MS; with it once it has (`settledTail`).
   */
  private settle(file: string, text: string, now: number): { text: string; settledTail: string | null } {
    const tail = unendedLastLine(text);
    const seen = this.unended.get(file);
    if (tail === null) {
      this.unended.delete(file);
      return { text, settledTail: null };
    }
    if (seen?.line === tail && now - seen.since >= UNENDED_SETTLE_MS) {
      this.unended.delete(file);
      return { text, settledTail: tail };
    }
    if (seen?.line !== tail) this.unended.set(file, { line: tail, since: now });
    return { text: text.slice(0, text.length - tail.length), settledTail: null };
  }

  /** Reads every file and plans its lines against the ledger. */
  private async look(): Promise<Read> {
    const ctx = this.deps.context();
    const store = await this.deps.journal();
    const options: InboxOptions = { zone: ctx.zone, unit: ctx.unit, ownSymptoms: inboxWords(store).ownSymptoms, now: ctx.now, t: ctx.t };
    const { file } = this.deps;
    const files: Read['files'] = [...(await file.copies()).map((f) => ({ file: f, copy: true, settledTail: null })), { file: file.file, copy: false, settledTail: null }];
    for (const gone of [...this.unended.keys()].filter((k) => !files.some((f) => f.file === k))) this.unended.delete(gone);
    const entries: InboxEntry[] = [];
    for (const f of files) {
      const text = await file.read(f.file);
      if (!text) continue;
      const now = this.settle(f.file, text.text, ctx.now);
      f.settledTail = now.settledTail;
      entries.push(...parseInbox(now.text, options).entries);
    }
    const plan = planLines(entries, inboxLedger(store));
    return { files, options, fresh: plan.fresh, seen: plan.seen };
  }
}
