// Summary benchmark: a year of a heavy journal (10k check-ins with doses and symptoms) read from the
// store and turned into the prescriber summary, as the commands do: the statistics, the figures and
// page layout, Markdown, HTML and the PDF (with the shipped dist/pdf.js and font), each timed alone.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { buildCheckIn, type Clock } from '../src/core/entries';
import { toSvg } from '../src/core/figures/svg';
import { buildSummary } from '../src/core/summary/summary';
import { summaryDoc } from '../src/core/summary/doc';
import { htmlOf, markdownOf } from '../src/core/summary/render';
import type { summaryPdf } from '../src/pdf/summaryPdf';
import { addDays } from '../src/core/time';
import { JournalStore } from '../src/storage/journalStore';
import { allRows } from '../src/storage/read/journal';
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
  // The PDF writer as shipped (bench/build.js makes a --production build first), loaded as the host does.
  const dist = path.join(ROOT, 'dist');
  const pdf = ((await import(pathToFileURL(path.join(dist, 'pdf.js')).href)) as { default: { summaryPdf: typeof summaryPdf } }).default.summaryPdf;
  const fonts = { regular: fs.readFileSync(path.join(dist, 'fonts', 'DejaVuSansCondensed.ttf')), bold: fs.readFileSync(path.join(dist, 'fonts', 'DejaVuSansCondensed-Bold.ttf')) };
  const parts: Record<'read' | 'stats' | 'figures' | 'markdown' | 'html' | 'pdf' | 'whole' | 'old' | 'cpu', number[]> = { read: [], stats: [], figures: [], markdown: [], html: [], pdf: [], whole: [], old: [], cpu: [] };
  let pages = 0;
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const rows = allRows(reopened, true);
    const t1 = performance.now();
    const cpu = process.cpuUsage();
    const summary = buildSummary(rows, { from: '2025-06-01', to: today, today, medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: [] });
    const t2 = performance.now();
    const doc = summaryDoc(summary);
    const svgs = doc.figures.map((f) => toSvg(f));
    const t3 = performance.now();
    markdownOf(doc, Object.fromEntries(doc.figures.map((f) => [f.id, `${f.id}.svg`])));
    const t4 = performance.now();
    htmlOf(doc);
    const t5 = performance.now();
    const bytes = await pdf(doc, { size: 'LETTER', fonts });
    const t6 = performance.now();
    const used = process.cpuUsage(cpu);
    parts.cpu.push((used.user + used.system) / 1000);
    pages = (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    parts.read.push(t1 - t0);
    parts.stats.push(t2 - t1);
    parts.figures.push(t3 - t2);
    parts.markdown.push(t4 - t3);
    parts.html.push(t5 - t4);
    parts.pdf.push(t6 - t5);
    parts.whole.push(t6 - t1);
    parts.old.push(t2 - t0 + (t4 - t3));
    if (svgs.length !== 2) throw new Error('two figures expected');
  }
  // The first run pays for loading the PDF writer, parsing the font and warming the JIT.
  const first = parts.whole[0];
  for (const list of Object.values(parts)) list.shift();
  await reopened.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const m = (k: keyof typeof parts) => median(parts[k]);
  const whole = m('whole');
  const old = m('old');
  return [
    { size: entries, metric: 'summary for 1 year (read rows, compute, Markdown), median of 8', value: old, unit: 'ms', target: '≤ 300 ms', pass: old <= 300 },
    { size: entries, metric: '  read rows from the store', value: m('read'), unit: 'ms' },
    { size: entries, metric: '  statistics (buildSummary)', value: m('stats'), unit: 'ms' },
    { size: entries, metric: '  figures and page layout (summaryDoc, SVG)', value: m('figures'), unit: 'ms' },
    { size: entries, metric: '  Markdown', value: m('markdown'), unit: 'ms' },
    { size: entries, metric: '  HTML', value: m('html'), unit: 'ms' },
    { size: entries, metric: `  PDF (US Letter, ${pages} pages)`, value: m('pdf'), unit: 'ms' },
    { size: entries, metric: 'figures + Markdown + HTML + PDF for 1 year, median of 8', value: whole, unit: 'ms', target: '≤ 500 ms', pass: whole <= 500 },
    // On a shared machine the wall clock includes waiting for a core; the process's own CPU time does not.
    { size: entries, metric: '  the same, CPU time of this process (user + system)', value: m('cpu'), unit: 'ms' },
    { size: entries, metric: 'first summary with PDF after opening (writer loaded, font parsed), 1 run', value: first, unit: 'ms' }
  ];
}
