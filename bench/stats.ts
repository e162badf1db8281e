// Shared bits for the benchmarks: percentiles and the row format of the printed table.
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'node_modules', 'sql.js')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export interface BenchRow {
  size: number | string;
  metric: string;
  value: number;
  unit: string;
  /** The target from the issue, when there is one, e.g. "≤ 5×". */
  target?: string;
  pass?: boolean;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function printTable(title: string, rows: BenchRow[]): void {
  console.log(`\n${title}`);
  const lines = rows.map((r) => [String(r.size), r.metric, formatValue(r.value, r.unit), r.target ?? '', r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED']);
  const head = ['size', 'metric', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}

export function formatValue(v: number, unit: string): string {
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${v.toFixed(digits)} ${unit}`;
}
