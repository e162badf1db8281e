// `npm run bench`: runs every benchmark in one process, prints the tables, writes JSON to
// bench/results/ and the tables to bench/README.md (never the project's README). Targets from the
// issues are checked against medians measured in this same run. `npm run bench -- report` only
// writes bench/README.md's tables again from bench/results/.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, printTable, type BenchRow } from './stats';
import { BENCH_README, savedRecords, updateBenchReadme, type BenchRecord } from './readme';
import { benchCharts } from './charts';
import { benchDashboard } from './dashboard';
import { benchDashboardWorkbench } from './dashboardWorkbench';
import { benchImport } from './import';
import { benchInbox } from './inbox';
import { benchInboxLatency } from './inboxLatency';
import { benchKdf } from './kdf';
import { benchSidebar } from './sidebar';
import { benchStartup } from './startup';
import { benchStorage } from './storage';
import { benchSummary } from './summary';

function target(rows: BenchRow[], size: number, metric: string, limit: number, label: string): void {
  const row = rows.find((r) => r.size === size && r.metric === metric);
  if (!row) return;
  row.target = label;
  row.pass = row.value <= limit;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  if (only.includes('report')) {
    updateBenchReadme(savedRecords());
    console.log(`Tables written to ${path.relative(ROOT, BENCH_README)} from bench/results/.`);
    return;
  }
  const results: Record<string, BenchRow[]> = {};
  if (only.length === 0 || only.includes('storage')) {
    const rows = await benchStorage();
    target(rows, 100_000, 'ratio check-in p50 / floor p50', 3, '≤ 3×');
    target(rows, 10_000, 'cold load (WASM + open), median of 5', 150, '≤ 150 ms');
    for (const n of [10_000, 100_000]) target(rows, n, 'ratio check-in p50 encrypted / plain', 1.5, '≤ 1.5×');
    target(rows, 10_000, 'ratio cold load encrypted / plain', 1.5, '≤ 1.5× (plus the KDF)');
    printTable('Storage (durable writes, load, compaction)', rows);
    results.storage = rows;
  }
  if (only.length === 0 || only.includes('sidebar')) {
    const rows = await benchSidebar();
    target(rows, 10_000, 'sidebar first render, median of 9 reloads', 200, '≤ 200 ms');
    const bundle = fs.statSync(path.join(ROOT, 'dist', 'sidebar.js')).size / 1024;
    rows.push({ size: '-', metric: 'sidebar bundle dist/sidebar.js (run after a --production build)', value: bundle, unit: 'KB', target: '≤ 250 KB', pass: bundle <= 250 });
    printTable('Sidebar (headless Chromium, stand-in host)', rows);
    results.sidebar = rows;
  }
  if (only.length === 0 || only.includes('charts')) {
    const rows = await benchCharts();
    printTable('Charts (headless Chromium)', rows);
    results.charts = rows;
  }
  if (only.length === 0 || only.includes('dashboard')) {
    const rows = await benchDashboard();
    const bundle = fs.statSync(path.join(ROOT, 'dist', 'dashboard.js')).size / 1024;
    rows.push({ size: '-', metric: 'dashboard bundle dist/dashboard.js (after a --production build)', value: bundle, unit: 'KB', target: '≤ 300 KB', pass: bundle <= 300 });
    printTable('Dashboard (5 years, real handlers; headless Chromium)', rows);
    results.dashboard = rows;
  }
  // In a real VS Code, with VS Code's own part included: only when named (it starts code-server).
  if (only.includes('dashboard-vscode')) {
    const rows = await benchDashboardWorkbench();
    printTable('Dashboard in VS Code (5 years; code-server in headless Chromium)', rows);
    results['dashboard-vscode'] = rows;
  }
  if (only.length === 0 || only.includes('summary')) {
    const rows = await benchSummary();
    printTable('Prescriber summary', rows);
    results.summary = rows;
  }
  if (only.length === 0 || only.includes('startup')) {
    const rows = await benchStartup();
    printTable(`Start-up (Node ${process.version} with a vscode stand-in; VS Code in code-server)`, rows);
    results.startup = rows;
  }
  if (only.length === 0 || only.includes('import')) {
    const rows = await benchImport();
    // The limit, for the import and for the compaction that follows it.
    for (const file of ['150,000-row Daylio CSV', '150,000-row JSON export']) {
      for (const row of rows.filter((r) => r.size === file && r.metric.startsWith('longest event-loop block'))) Object.assign(row, { target: '≤ 250 ms', pass: row.value <= 250 });
    }
    printTable(`Import (real import path into a real journal; load average ${os.loadavg()[0].toFixed(2)})`, rows);
    results.import = rows;
  }
  if (only.length === 0 || only.includes('kdf')) {
    const rows = await benchKdf();
    printTable('Encryption (Argon2id passphrase key; XChaCha20-Poly1305 seal/open)', rows);
    results.kdf = rows;
  }
  if (only.length === 0 || only.includes('inbox')) {
    const rows = [...(await benchInbox()), ...(await benchInboxLatency())];
    printTable('Inbox (parsing a phone-written inbox file)', rows);
    results.inbox = rows;
  }
  const outDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  // The load average says how busy the machine was: timings on a shared machine drift with it.
  const record = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, load: os.loadavg(), results };
  const records: Record<string, BenchRecord> = {};
  for (const [name, rows] of Object.entries(results)) {
    records[name] = { ...record, results: rows };
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(records[name], null, 2) + '\n');
  }
  updateBenchReadme(records);
  const missed = Object.values(results).flat().filter((r) => r.pass === false);
  console.log(missed.length ? `\n${missed.length} target(s) missed.` : '\nEvery target met.');
  console.log(`Results written to ${path.relative(ROOT, outDir)}/ and ${path.relative(ROOT, BENCH_README)}`);
  if (missed.length) process.exitCode = 1;
}

if (!process.argv.includes('--cold-load')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
