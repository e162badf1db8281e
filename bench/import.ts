// Import benchmark: a 150,000-row Daylio CSV and a 150,000-row JSON export, each through the real
// import path (src/commands/importFlow.ts: read, check, compare with the journal, write through the
// journal actions into a real journal in a temp folder), while a 10 ms timer measures how long the
// event loop was held at a time: the longest gap between its ticks, less 10 ms, is the longest block
// the extension host would have had. The compaction that follows each import is measured the same
// way, until it and its backups are done. A 1,000,000-row Daylio file is timed too: it must be refused.
// MDJ_RUNS=1 MDJ_ONLY=json (or daylio) narrow a run, e.g. under node --cpu-prof.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import * as transfer from '../src/bundles/transfer';
import { runImport, type ImportUi } from '../src/commands/importFlow';
import { buildCheckIn, type Clock } from '../src/core/entries';
import { rowsFromOps } from '../src/core/transfer/transfer';
import { JournalStore } from '../src/storage/journalStore';
import { loadSqlJs } from '../src/storage/sqlLoader';
import { median, ROOT, type BenchRow } from './stats';
import { quietActions } from '../test/fixtures/quietActions';

const WASM = path.join(ROOT, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
/** The worker as packaged (bench/build.js runs the --production build first). */
const WORKER = path.join(ROOT, 'dist', 'storageWorker.js');
const ROWS = 150_000;
const RUNS = Number(process.env.MDJ_RUNS ?? 3);
const NOW = Date.parse('2026-06-01T12:00:00Z');
const TICK_MS = 10;

const NOTES = [
  'Slept badly, woke at 4.<br>Bit dizzy in the afternoon, better after a walk with the dog.',
  'Good day at work. Felt calm, some brain zaps in the evening but short ones this time.',
  'Irritable in the morning, court papers arrived. Talked to my sister, that helped a lot.',
  '',
  'Tired but steady. Took the dose at 8 with breakfast. Vivid dreams again last night, "the usual".'
];
const MOODS = ['rad', 'good', 'meh', 'bad', 'awful'];
const ACTIVITIES = ['work | walk', 'family', '', 'bad sleep | stressed', 'friends | music | walk'];

/** A Daylio export of `rows` lines, eight a day going back from the day before NOW; `bare`: no notes. */
function daylioCsv(rows: number, bare = false): string {
  const lines = ['full_date,date,weekday,time,mood,activities,note_title,note'];
  const day = Date.parse('2026-05-31T00:00:00Z');
  for (let i = 0; i < rows; i++) {
    const date = new Date(day - Math.floor(i / 8) * 86400_000).toISOString().slice(0, 10);
    const minutes = 6 * 60 + (i % 8) * 120 + (i % 7);
    const time = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
    if (bare) {
      lines.push(`${date},,,${time},${MOODS[i % 5]},,,`);
      continue;
    }
    const note = NOTES[i % NOTES.length];
    lines.push(`${date},x,y,${time},${MOODS[i % 5]},${ACTIVITIES[i % 5]},${i % 11 === 0 ? 'Evening' : ''},"${note.replace(/"/g, '""')}"`);
  }
  return lines.join('\n') + '\n';
}

/** A JSON export of `rows` rows: check-ins with their doses, two a day going back from NOW. */
function jsonExport(rows: number): string {
  let t = 0;
  const clock: Clock = { now: () => t, zone: () => 'UTC' };
  const ops = [];
  for (let i = 0; ops.length < rows; i++) {
    t = NOW - 86400_000 - i * 12 * 3600_000;
    const dose = { mg: i % 300 < 150 ? 10 : 15, status: 'taken' as const, medication: 'Escitalopram' };
    ops.push(...buildCheckIn({ mood: 3 + (i % 7), note: NOTES[i % NOTES.length].replace('<br>', ' '), tags: i % 5 === 0 ? ['work'] : [], dose }, clock).ops);
  }
  return transfer.exportJson(rowsFromOps(ops.slice(0, rows)), new Date(NOW).toISOString());
}

/**
 * The longest stretch the event loop was held, seen by a 10 ms timer and by perf_hooks; the CPU time
 * this process had within that stretch (on a busy machine a stretch is mostly waiting for a core,
 * not work); the longest stretch counted in this process's CPU time; and the memory peak.
 */
function blockMeter() {
  const histogram = monitorEventLoopDelay({ resolution: TICK_MS });
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let longest = 0;
  let cpuInLongest = 0;
  let longestCpu = 0;
  // The JS heap plus memory outside it (sql.js's WebAssembly memory, file buffers).
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  let peak = used();
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const gap = now - last - TICK_MS;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (gap > longest) [longest, cpuInLongest] = [gap, cpuMs];
    longestCpu = Math.max(longestCpu, Math.min(gap, cpuMs));
    last = now;
    lastCpu = process.cpuUsage();
  };
  const timer = setInterval(() => {
    tick();
    peak = Math.max(peak, used());
  }, TICK_MS);
  histogram.enable();
  return {
    stop(): { longestMs: number; cpuInLongestMs: number; longestCpuMs: number; histogramMaxMs: number; peakMb: number } {
      clearInterval(timer);
      histogram.disable();
      tick();
      return { longestMs: longest, cpuInLongestMs: cpuInLongest, longestCpuMs: longestCpu, histogramMaxMs: histogram.max / 1e6, peakMb: peak / 1024 / 1024 };
    }
  };
}

/** Everything the user would do, answered at once: Daylio's labels as its defaults, Import. */
const ui: ImportUi = {
  busy: (run) => run(() => ({})),
  mapLabels: async (labels) => new Map(labels.map((l) => [l, transfer.defaultDaylioMapping.get(l.toLowerCase()) ?? 5])),
  confirm: async () => true,
  writing: (_count, run) => run(() => undefined)
};

const english = (m: string, ...args: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[+i]));

interface Run {
  totalMs: number;
  longestMs: number;
  cpuInLongestMs: number;
  longestCpuMs: number;
  histogramMaxMs: number;
  peakMb: number;
  written: number;
  /** From the end of the import until the compaction that follows and its backups are done. */
  after: ReturnType<ReturnType<typeof blockMeter>['stop']> & { totalMs: number; exportMs: number; snapshotMb: number };
  /** Compactions that finished while the import was written (the journal actions hold them). */
  compactionsDuring: number;
}

/**
 * What the extension's journal service does besides (journalService.ts watch()): a refresh 150 ms
 * after the journal's files change, and a heartbeat and refresh every 10 s.
 */
function watchLikeTheExtension(dir: string, store: JournalStore): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const fail = (e: unknown) => console.error(`  refresh failed: ${String(e)}`);
  const watcher = fs.watch(dir, (_event, name) => {
    if (!String(name ?? '').startsWith('journal')) return;
    clearTimeout(pending);
    pending = setTimeout(() => void store.refresh().catch(fail), 150);
  });
  const timer = setInterval(() => void store.heartbeat().then(() => store.refresh()).catch(fail), 10_000);
  return () => {
    watcher.close();
    clearTimeout(pending);
    clearInterval(timer);
  };
}

/**
 * One import of `file` into a journal kept as the extension keeps it: compaction as the store
 * schedules it (the journal actions hold it while the import writes, as in the extension), backups
 * on, the storage worker from dist/, and the refreshes the extension's file watcher makes. The
 * journal's first snapshot and backups are from yesterday, so the compaction after the import
 * writes today's daily and weekly backups too (a Monday: both), the most it ever does.
 */
async function importOnce(file: string): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-bench-import-'));
  const sql = await loadSqlJs(WASM);
  let day = '2026-05-31';
  const compactions: { exportMs: number; bytes: number }[] = [];
  let compacted: () => void = () => undefined;
  const log = (level: string, message: string) => {
    const done = /^Compacted the journal in \d+ ms \((\d+) bytes; the export held this thread (\d+) ms\)/.exec(message);
    if (done) {
      compactions.push({ bytes: Number(done[1]), exportMs: Number(done[2]) });
      compacted();
    } else if (level === 'error') console.error(`  ${message}`);
  };
  const store = await JournalStore.open({ dir, sql, now: () => NOW, today: () => day, log, worker: { script: WORKER } });
  await store.compact(); // yesterday's snapshot and backups, not part of the import
  day = '2026-06-01';
  const unwatch = watchLikeTheExtension(dir, store);
  const clock = { now: () => NOW, zone: () => 'UTC', today: () => day };
  const actions = quietActions(store, clock);
  const deps = {
    transfer,
    read: async () => store,
    importRows: actions.importRows.bind(actions),
    files: { size: async (f: string) => (await fs.promises.stat(f)).size, read: (f: string) => fs.promises.readFile(f) },
    now: NOW,
    zone: 'UTC',
    t: english
  };
  const before = compactions.length;
  const follows = new Promise<void>((resolve) => (compacted = resolve));
  const meter = blockMeter();
  const started = performance.now();
  const outcome = await runImport([file], deps, ui);
  const totalMs = performance.now() - started;
  const during = meter.stop();
  // The journal actions released their hold as the import ended: the store's own compaction follows.
  const compactionsDuring = compactions.length - before;
  const afterMeter = blockMeter();
  const afterStarted = performance.now();
  const timeout = setTimeout(() => compacted(), 300_000);
  await follows;
  clearTimeout(timeout);
  const after = { ...afterMeter.stop(), totalMs: performance.now() - afterStarted };
  const last = compactions[compactions.length - 1];
  unwatch();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (compactionsDuring > 0) throw new Error(`${compactionsDuring} compaction(s) ran while the import was written`);
  if (compactions.length === before) throw new Error('no compaction followed the import within 5 minutes');
  if (outcome.kind !== 'written') throw new Error(`the import did not write: ${outcome.kind}`);
  return { totalMs, ...during, written: outcome.plan.toWrite.length, after: { ...after, exportMs: last.exportMs, snapshotMb: last.bytes / 1024 / 1024 }, compactionsDuring };
}

async function measure(label: string, file: string): Promise<BenchRow[]> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await importOnce(file);
    runs.push(r);
    console.log(
      `  ${label}, run ${i + 1}: import ${Math.round(r.totalMs)} ms, longest block ${Math.round(r.longestMs)} ms ` +
        `(perf_hooks ${Math.round(r.histogramMaxMs)} ms; CPU in it ${Math.round(r.cpuInLongestMs)} ms; longest in CPU time ${Math.round(r.longestCpuMs)} ms), ` +
        `${r.compactionsDuring} compaction(s) while writing; then compaction and backups ${Math.round(r.after.totalMs)} ms, longest block ${Math.round(r.after.longestMs)} ms ` +
        `(perf_hooks ${Math.round(r.after.histogramMaxMs)} ms; CPU in it, worker included, ${Math.round(r.after.cpuInLongestMs)} ms; db.export() ${r.after.exportMs} ms for ${r.after.snapshotMb.toFixed(1)} MB); ` +
        `memory peak ${Math.round(Math.max(r.peakMb, r.after.peakMb))} MB; ${r.written} rows written; load ${os.loadavg()[0].toFixed(2)}`
    );
  }
  const size = `${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`;
  const of = (pick: (r: Run) => number) => median(runs.map(pick));
  return [
    { size: label, metric: `longest event-loop block, import (Import until written), median of ${RUNS} (${size})`, value: of((r) => r.longestMs), unit: 'ms' },
    { size: label, metric: `  same, as perf_hooks.monitorEventLoopDelay saw it`, value: of((r) => r.histogramMaxMs), unit: 'ms' },
    { size: label, metric: `  CPU time this process had within that longest block`, value: of((r) => r.cpuInLongestMs), unit: 'ms' },
    { size: label, metric: `  longest block counted in this process's CPU time (no waiting for a core)`, value: of((r) => r.longestCpuMs), unit: 'ms' },
    { size: label, metric: `  total time: read, check, compare, write`, value: of((r) => r.totalMs), unit: 'ms' },
    { size: label, metric: `  compactions while it was written (held by the journal actions)`, value: Math.max(...runs.map((r) => r.compactionsDuring)), unit: '' },
    { size: label, metric: `longest event-loop block, the compaction that follows (until it and its backups are done), median of ${RUNS}`, value: of((r) => r.after.longestMs), unit: 'ms' },
    { size: label, metric: `  same, as perf_hooks.monitorEventLoopDelay saw it`, value: of((r) => r.after.histogramMaxMs), unit: 'ms' },
    { size: label, metric: `  CPU time of the whole process within that block (the storage worker's thread included)`, value: of((r) => r.after.cpuInLongestMs), unit: 'ms' },
    { size: label, metric: `  db.export() of the live journal (the one step left on this thread; counts included)`, value: of((r) => r.after.exportMs), unit: 'ms' },
    { size: label, metric: `  snapshot size`, value: of((r) => r.after.snapshotMb), unit: 'MB' },
    { size: label, metric: `  time from the end of the import until compaction and backups are done`, value: of((r) => r.after.totalMs), unit: 'ms' },
    { size: label, metric: `  memory at its peak (JS heap + external, whole process; the worker's own memory not counted)`, value: of((r) => Math.max(r.peakMb, r.after.peakMb)), unit: 'MB' }
  ];
}

/** The 1,000,000-row Daylio file of the issue: refused, how fast, and how long any one block was. */
async function refuseHuge(dir: string): Promise<BenchRow[]> {
  const file = path.join(dir, 'daylio-1m.csv');
  fs.writeFileSync(file, daylioCsv(1_000_000, true)); // short lines, as in the issue: 28 MB
  const store = await JournalStore.open({ dir: path.join(dir, 'journal'), sql: await loadSqlJs(WASM), now: () => NOW });
  const deps = {
    transfer,
    read: async () => store,
    importRows: () => Promise.reject(new Error('nothing may be written')),
    files: { size: async (f: string) => (await fs.promises.stat(f)).size, read: (f: string) => fs.promises.readFile(f) },
    now: NOW,
    zone: 'UTC',
    t: (m: string) => m
  };
  const meter = blockMeter();
  const started = performance.now();
  const refused = await runImport([file], deps, ui).then(
    () => '',
    (e: Error) => e.message
  );
  const ms = performance.now() - started;
  const { longestMs } = meter.stop();
  await store.close();
  if (!/holds 1,000,000 rows/.test(refused)) throw new Error(`the 1,000,000-row file was not refused for its rows: ${refused}`);
  const mb = `${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`;
  return [
    { size: '1,000,000-row Daylio CSV', metric: `refused for its rows after (${mb})`, value: ms, unit: 'ms' },
    { size: '1,000,000-row Daylio CSV', metric: 'longest event-loop block while refusing it', value: longestMs, unit: 'ms' }
  ];
}

export async function benchImport(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-bench-import-files-'));
  const daylio = path.join(dir, 'daylio-150k.csv');
  const json = path.join(dir, 'journal-150k.json');
  fs.writeFileSync(daylio, daylioCsv(ROWS));
  fs.writeFileSync(json, jsonExport(ROWS));
  console.log(`Import benchmark: load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} on ${os.cpus().length} cores`);
  const rows: BenchRow[] = [];
  for (const [label, file] of [
    ['150,000-row Daylio CSV', daylio],
    ['150,000-row JSON export', json]
  ].filter(([, f]) => !process.env.MDJ_ONLY || f.includes(process.env.MDJ_ONLY))) {
    rows.push(...(await measure(label, file)));
  }
  rows.push(...(await refuseHuge(dir)));
  fs.rmSync(dir, { recursive: true, force: true });
  rows.push({ size: '-', metric: 'load average (1 min) at the end', value: os.loadavg()[0], unit: '' });
  return rows;
}
