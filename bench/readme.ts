// The latest results as tables in bench/README.md, one per benchmark between its markers
// (<!-- bench:NAME --> and <!-- /bench:NAME -->). Benchmarks write here and to bench/results/ only:
// the project's README holds no figures that a run would have to update.
import * as fs from 'fs';
import * as path from 'path';
import { formatValue, ROOT, type BenchRow } from './stats';

export const BENCH_README = path.join(ROOT, 'bench', 'README.md');

/** What bench/results/<name>.json holds: the run's machine and load, and its rows. */
export interface BenchRecord {
  date: string;
  node: string;
  cpus: number;
  load?: number[];
  results: BenchRow[];
}

const cell = (text: string) => text.trim().replace(/\|/g, '\\|');

/** One benchmark's last run as Markdown: a line on the machine, then a table of its rows. */
export function resultsTable(record: BenchRecord): string {
  const load = record.load ? `, load average ${record.load[0].toFixed(1)}` : '';
  const lines = [
    `Last run ${record.date.slice(0, 10)}, Node ${record.node}, ${record.cpus} CPUs${load} (\`bench/results/\`).`,
    '',
    '| Size | Measure | Value | Target |',
    '| --- | --- | --- | --- |'
  ];
  for (const r of record.results) {
    const target = r.target ? `${r.target}${r.pass === false ? ' (missed)' : r.pass ? ' (met)' : ''}` : '';
    // Indented metrics are parts of the row above them.
    const metric = r.metric.startsWith(' ') ? `↳ ${cell(r.metric)}` : cell(r.metric);
    lines.push(`| ${cell(String(r.size))} | ${metric} | ${formatValue(r.value, r.unit)} | ${cell(target)} |`);
  }
  return lines.join('\n');
}

/** `markdown` with the part between NAME's markers replaced by `table`; a new section at the end if it has none. */
export function withResults(markdown: string, name: string, table: string): string {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const start = markdown.indexOf(open);
  const end = markdown.indexOf(close);
  if (start >= 0 && end > start) return `${markdown.slice(0, start + open.length)}\n${table}\n${markdown.slice(end)}`;
  return `${markdown.trimEnd()}\n\n## ${name}\n\n${open}\n${table}\n${close}\n`;
}

/** Writes each record's table into bench/README.md (or `file`). */
export function updateBenchReadme(records: Record<string, BenchRecord>, file = BENCH_README): void {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  for (const [name, record] of Object.entries(records)) text = withResults(text, name, resultsTable(record));
  fs.writeFileSync(file, text);
}

/** Every record in bench/results/, for `npm run bench -- report` (tables again, nothing run). */
export function savedRecords(dir = path.join(ROOT, 'bench', 'results')): Record<string, BenchRecord> {
  const out: Record<string, BenchRecord> = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    out[f.slice(0, -'.json'.length)] = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as BenchRecord;
  }
  return out;
}
