// Compaction around long writes: an import holds it (no snapshot is exported and checked between its
// chunks), every change is still durable in the log as its write resolves, and one compaction
// follows the last release. And what this window wrote to its own log is not read back and applied
// a second time, by a refresh or by the compaction that folds the log away.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { buildCheckIn } from '../../src/core/entries';
import type { Op } from '../../src/core/schemas';
import type { JournalFiles } from '../../src/storage/files';
import { JournalStore, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { recentEntries } from '../../src/storage/read/journal';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { decodeLog } from '../../src/storage/opLog';
import { openSnapshot } from '../../src/storage/snapshotCheck';
import { fixedClock, sqlJs, tempDir } from './helpers';
import { quietActions } from '../fixtures/quietActions';

const LOG = /\.oplog/;

interface Meanwhile {
  /** While a log's size is being looked up (after it was read), or before it is read from an offset. */
  during: 'identity' | 'readFrom';
  run: () => Promise<unknown>;
}

/**
 * NodeFiles that notes when a compaction begins (its log renamed aside) and how much of the logs is
 * read; `meanwhile` runs once, in the middle of one call on a log.
 */
function watchedFiles(): JournalFiles & { compactionsBegun: number; logBytesRead: number; meanwhile?: Meanwhile } {
  const inner = new NodeFiles();
  const take = (p: string, during: Meanwhile['during']) => {
    const m = files.meanwhile;
    if (!m || m.during !== during || !LOG.test(path.basename(p))) return undefined;
    files.meanwhile = undefined;
    return m.run;
  };
  const files = Object.assign(Object.create(inner) as JournalFiles, {
    compactionsBegun: 0,
    logBytesRead: 0,
    meanwhile: undefined as Meanwhile | undefined,
    identity: async (p: string) => {
      const id = await inner.identity(p);
      await take(p, 'identity')?.();
      return id;
    },
    rename: async (from: string, to: string) => {
      if (to.includes('.compacting-')) files.compactionsBegun++;
      return inner.rename(from, to);
    },
    read: async (p: string) => {
      const bytes = await inner.read(p);
      if (LOG.test(path.basename(p))) files.logBytesRead += bytes?.length ?? 0;
      return bytes;
    },
    readFrom: async (p: string, offset: number) => {
      await take(p, 'readFrom')?.();
      const bytes = await inner.readFrom(p, offset);
      if (LOG.test(path.basename(p))) files.logBytesRead += bytes?.length ?? 0;
      return bytes;
    }
  });
  return files;
}

const turn = () => new Promise((r) => setTimeout(r, 5));
const until = async (what: string, done: () => boolean) => {
  for (let i = 0; i < 1000 && !done(); i++) await turn();
  assert.ok(done(), what);
};

describe('compaction around long writes', function () {
  this.timeout(60_000);
  const clock = fixedClock('2026-05-04T08:00:00Z');
  let sql: SqlJsStatic;
  before(async () => {
    sql = await sqlJs();
  });

  const checkIns = (n: number, label: string) =>
    Array.from({ length: n }, (_, i) => {
      clock.advance(60_000);
      return buildCheckIn({ mood: 1 + (i % 10), note: `${label} ${i} ${'x'.repeat(100)}` }, clock);
    });

  /** A journal that compacts as soon as 1 KB is in its log; its first snapshot already written. */
  async function eager(files: JournalFiles): Promise<JournalStore> {
    const store = await JournalStore.open({ dir: await tempDir('mdj-hold-'), sql, files, compactAfterMs: 3_600_000, compactLogBytes: 1024 });
    await store.compact();
    return store;
  }

  it('starts no compaction while held, keeps every change durable meanwhile, and compacts once when released', async () => {
    const files = watchedFiles();
    const store = await eager(files);
    const release = store.holdCompaction();
    const written = checkIns(30, 'held');
    for (const { ops } of written) {
      await store.write(ops);
      await turn();
    }
    assert.strictEqual(files.compactionsBegun, 0, 'no compaction while held');
    // Durable before each write resolved: every one is in the log on disk.
    assert.strictEqual(decodeLog(await fs.readFile(store.logPath)).changes.length, 30);
    release();
    await until('a compaction after the release', () => files.compactionsBegun === 1);
    await until('the log folded into the snapshot', () => recentEntries(store, 100).length === 30);
    release(); // a second call of the same release changes nothing
    await store.close();
  });

  it('nests: only the last release lets compaction run, and a release counts once', async () => {
    const files = watchedFiles();
    const store = await eager(files);
    const outer = store.holdCompaction();
    const inner = store.holdCompaction();
    for (const { ops } of checkIns(20, 'nested')) await store.write(ops);
    inner();
    inner();
    for (let i = 0; i < 10; i++) await turn();
    assert.strictEqual(files.compactionsBegun, 0, 'the outer hold still holds');
    outer();
    await until('a compaction after the last release', () => files.compactionsBegun === 1);
    await store.close();
  });

  it('is held by the journal actions through a large import, and one compaction follows it', async () => {
    const files = watchedFiles();
    const store = await eager(files);
    const actions = quietActions(store, clock);
    const ops: Op[] = checkIns(1500, 'imported').flatMap((c) => c.ops);
    let chunks = 0;
    // Reporting progress takes a moment in VS Code (a message to the window): enough for a timer due
    // at once to fire before the next chunk, as compaction's would without the hold.
    const report = () => {
      chunks++;
      for (const until = Date.now() + 5; Date.now() < until; );
    };
    await actions.importRows(ops, 'a test file', report);
    assert.ok(chunks >= 6, `${chunks} chunks`);
    assert.strictEqual(files.compactionsBegun, 0, 'no compaction between the chunks');
    await until('the compaction that follows', () => files.compactionsBegun === 1);
    await store.close();
    const again = await JournalStore.open({ dir: path.dirname(store.snapshotPath), sql, writer: false });
    assert.strictEqual(recentEntries(again, 2000).length, 1500);
    assert.ok((await fs.stat(again.snapshotPath)).size > 0);
    await again.close();
  });

  it('does not read back what this window wrote to its own log, neither to refresh nor to compact', async () => {
    const files = watchedFiles();
    const store = await JournalStore.open({ dir: await tempDir('mdj-own-log-'), sql, files, compactAfterMs: 3_600_000 });
    const [first, second, ...rest] = checkIns(200, 'own');
    for (const { ops } of rest) await store.write(ops);
    const logSize = (await fs.stat(store.logPath)).size;
    // Refreshes (the file watcher's) run while this window writes: at most what was written meanwhile is read.
    files.logBytesRead = 0;
    files.meanwhile = { during: 'identity', run: () => store.write(first.ops) };
    await store.refresh();
    files.meanwhile = { during: 'readFrom', run: () => store.write(second.ops) };
    await store.refresh();
    assert.ok(files.logBytesRead < 2048, `refreshes during writes read ${files.logBytesRead} of the log's ${logSize} bytes`);
    files.logBytesRead = 0;
    assert.strictEqual(await store.refresh(), false);
    assert.strictEqual(files.logBytesRead, 0, 'a refresh reads none of it');
    await store.compact();
    assert.ok(files.logBytesRead <= 64, `the compaction read ${files.logBytesRead} of the log's ${logSize} bytes`);
    assert.strictEqual(recentEntries(store, 500).length, 200);
    await store.close();
    const again = await JournalStore.open({ dir: path.dirname(store.snapshotPath), sql, writer: false });
    assert.strictEqual(recentEntries(again, 500).length, 200, 'all of it is in the snapshot');
    await again.close();
  });

  it('still folds in what another window of this machine appended to the same log in between', async () => {
    const dir = await tempDir('mdj-shared-log-');
    /** Check-in ids in the snapshot on disk. */
    const onDisk = async () => {
      const check = openSnapshot(sql, await fs.readFile(path.join(dir, SNAPSHOT_NAME)), 'quick');
      assert.ok(check.ok);
      const ids = (check.db.exec('SELECT id FROM checkins ORDER BY id')[0]?.values ?? []).map((v) => String(v[0]));
      check.db.close();
      return ids;
    };
    const writer = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000 });
    // A second window on this machine: no writer lock, it appends to the same log.
    const other = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000, writer: false });
    const [a, b, c, d] = checkIns(4, 'shared');
    await writer.write(a.ops);
    await other.write(b.ops); // right after a, in the same file
    await writer.write(c.ops);
    await writer.compact();
    assert.deepStrictEqual(await onDisk(), [a, b, c].map((x) => x.checkIn.id).sort());
    await other.write(d.ops); // into the fresh log
    await writer.compact();
    assert.deepStrictEqual(await onDisk(), [a, b, c, d].map((x) => x.checkIn.id).sort());
    assert.ok(!(await fs.readdir(dir)).some((n) => LOG.test(n)), 'every log folded into the snapshot');
    await other.close();
    await writer.close();
  });
});
