// Summary benchmark: a year of a heavy journal (10k check-ins with doses and symptoms) read from the
// store and turned into the prescriber summary (figures plus Markdown), as the command does.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCheckIn, type Clock } from '../src/core/entries';
import { buildSummary } from '../src/core/summary';
import { renderMarkdown } from '../src/core/summaryRender';
import { addDays } from '../src/core/time';
import { JournalStore } from '../src/storage/journalStore';
import { allRows } from '../src/storage/journalQueries';
import { loadSqlJs } from '../src/storage/sqlLoader';
import { median, ROOT, type BenchRow } from './stats';

const WASM = path.join(ROOT, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');

export async function benchSummary(entries = 10_000): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-bench-summary-'));
  const sql = await loadSqlJs(WASM);
  const store = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000, compactLogBytes: Number.MAX_SAFE_INTEGER });
  const start = Date.parse('2025-06-01T07:00:00Z');
  const step = (365 * 86400_000) / entries; // ~27 check-ins a day over one year
  let t = start;
  const clock: Clock = { now: () => t, zone: () => 'UTC' };
  const batch = [];
  for (let i = 0; i < entries; i++) {
    t = start + i * step;
    const mg = i < entries / 3 ? 20 : i < (2 * entries) / 3 ? 15 : 10;
    batch.push(...buildCheckIn({ mood: 3 + (i % 7), note: `entry ${i}`, dose: { mg, status: 'taken', medication: 'Escitalopram' }, symptoms: i % 9 === 0 ? [{ key: 'dizziness', label: 'Dizziness', severity: 1 + (i % 3) }] : [] }, clock).ops);
    if (batch.length > 2000) await store.write(batch.splice(0));
  }
  await store.write(batch.splice(0));
  await store.close();
  // Reopen, as after a restart: rows come from the snapshot and are validated on first read.
  const reopened = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000 });
  const today = addDays('2025-06-01', 365);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    const rows = allRows(reopened, true);
    const r = performance.now();
    const summary = buildSummary(rows, { from: '2025-06-01', to: today, today, medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: [] });
    const b = performance.now();
    renderMarkdown(summary);
    times.push(performance.now() - s);
    if (process.env.BENCH_DEBUG) console.log('read', (r - s).toFixed(0), 'build', (b - r).toFixed(0), 'render', (performance.now() - b).toFixed(0));
  }
  await reopened.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const value = median(times);
  return [
    { size: entries, metric: 'summary for 1 year (read rows, compute, Markdown), median of 7', value, unit: 'ms', target: '≤ 300 ms', pass: value <= 300 },
    { size: entries, metric: 'first summary after opening (every row validated), 1 run', value: times[0], unit: 'ms' }
  ];
}
