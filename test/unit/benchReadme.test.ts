// Benchmark figures live in bench/results/ and bench/README.md only: a run rewrites the tables
// between their markers and nothing else, and the tables shown are the results kept.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BENCH_README, resultsTable, savedRecords, updateBenchReadme, withResults, type BenchRecord } from '../../bench/readme';
import { ROOT } from './helpers';

const record: BenchRecord = {
  date: '2026-05-04T10:00:00.000Z',
  node: 'v20.20.2',
  cpus: 2,
  load: [2.31, 2, 2],
  results: [
    { size: 10000, metric: 'first render | median of 9', value: 187.7, unit: 'ms', target: '≤ 300 ms', pass: true },
    { size: 10000, metric: '  host part', value: 63.71, unit: 'ms' },
    { size: '-', metric: 'bundle', value: 301, unit: 'KB', target: '≤ 300 KB', pass: false }
  ]
};

describe('benchmark tables in bench/README.md', () => {
  it('writes to bench/README.md, never to the project README', () => {
    assert.strictEqual(path.relative(ROOT, BENCH_README), path.join('bench', 'README.md'));
  });

  it('shows a run as a table: the machine, each row with its target, met or missed', () => {
    const table = resultsTable(record);
    assert.match(table, /^Last run 2026-05-04, Node v20\.20\.2, 2 CPUs, load average 2\.3/);
    assert.ok(table.includes('| 10000 | first render \\| median of 9 | 188 ms | ≤ 300 ms (met) |'), table);
    assert.ok(table.includes('| 10000 | ↳ host part | 63.7 ms |  |'), table);
    assert.ok(table.includes('| - | bundle | 301 KB | ≤ 300 KB (missed) |'), table);
  });

  it('replaces only what is between its markers, and adds a section for a new benchmark', () => {
    const before = '# Benchmarks\n\nProse.\n\n<!-- bench:dashboard -->\nold table\n<!-- /bench:dashboard -->\n\nMore prose.\n';
    const after = withResults(before, 'dashboard', 'NEW');
    assert.strictEqual(after, '# Benchmarks\n\nProse.\n\n<!-- bench:dashboard -->\nNEW\n<!-- /bench:dashboard -->\n\nMore prose.\n');
    assert.strictEqual(withResults(after, 'dashboard', 'NEW'), after, 'the same run twice changes nothing');
    const added = withResults(after, 'import', 'T');
    assert.ok(added.startsWith(after.trimEnd()));
    assert.ok(added.endsWith('\n\n## import\n\n<!-- bench:import -->\nT\n<!-- /bench:import -->\n'));
  });

  it('writes the file it is given and no other', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-readme-'));
    try {
      const file = path.join(dir, 'README.md');
      fs.writeFileSync(file, '# Benchmarks\n\n<!-- bench:summary -->\n<!-- /bench:summary -->\n');
      updateBenchReadme({ summary: record }, file);
      assert.deepStrictEqual(fs.readdirSync(dir), ['README.md']);
      assert.ok(fs.readFileSync(file, 'utf8').includes(resultsTable(record)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bench/README.md shows the results kept in bench/results/ (run `npm run bench -- report` after copying results)', () => {
    const text = fs.readFileSync(BENCH_README, 'utf8');
    for (const [name, saved] of Object.entries(savedRecords())) {
      assert.ok(text.includes(`<!-- bench:${name} -->\n${resultsTable(saved)}\n<!-- /bench:${name} -->`), `the ${name} table is bench/results/${name}.json`);
    }
  });
});
