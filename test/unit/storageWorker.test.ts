// The storage worker: a compaction's snapshot is judged in the worker exactly as on this thread (a
// file whose bytes differ, a short file, one that fails PRAGMA quick_check, one with rows missing),
// the store starts the worker only when it compacts, and stops it when closed or idle. A worker that
// cannot start costs a compaction, never an entry.
import * as assert from 'assert';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import type { Worker } from 'worker_threads';
import { buildCheckIn } from '../../src/core/entries';
import { Backups, inspectBackup, listBackups } from '../../src/storage/backups';
import { inThreadChecker, type SnapshotChecker } from '../../src/storage/checks';
import { JournalStore, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { recentEntries } from '../../src/storage/read/journal';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { openSnapshot } from '../../src/storage/snapshotCheck';
import { storageChecker } from '../../src/storage/storageWorker';
import { rowCounts, verifySnapshotFile, VerifyError, type RowCounts } from '../../src/storage/verify';
import { fixedClock, sqlJs, tempDir } from './helpers';

/**
 * Records every worker thread started while `fn` runs. The store's bundle reads Worker from the
 * worker_threads module object at each start, so replacing it there sees them all.
 */
async function watchingWorkers<T>(fn: (started: Worker[], exited: Set<Worker>) => Promise<T>): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const threads = require('worker_threads') as { Worker: typeof Worker };
  const Original = threads.Worker;
  const started: Worker[] = [];
  const exited = new Set<Worker>();
  threads.Worker = class extends Original {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      started.push(this);
      this.once('exit', () => exited.add(this));
    }
  };
  try {
    return await fn(started, exited);
  } finally {
    threads.Worker = Original;
  }
}

const until = async (what: string, done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(done(), what);
};

describe('the storage worker', function () {
  this.timeout(60_000);
  const clock = fixedClock('2026-05-04T08:00:00Z');
  let sql: SqlJsStatic;
  /** A compacted journal's snapshot (300 check-ins), its row counts and the folder it is in. */
  let good: Uint8Array;
  let counts: RowCounts;
  let dir: string;

  before(async () => {
    sql = await sqlJs();
    dir = await tempDir('mdj-worker-');
    const store = await JournalStore.open({ dir, sql, today: () => '2026-05-04', compactAfterMs: 3_600_000 });
    for (let i = 0; i < 300; i++) {
      clock.advance(60_000);
      await store.write(buildCheckIn({ mood: 1 + (i % 10), note: `entry ${i} ${'x'.repeat(i % 40)}` }, clock).ops);
    }
    await store.close();
    good = await fs.readFile(path.join(dir, SNAPSHOT_NAME));
    const check = openSnapshot(sql, Uint8Array.from(good), 'full');
    assert.ok(check.ok);
    counts = rowCounts(check.db);
    check.db.close();
  });

  /** The snapshot with one cell pointer of a page broken: it opens, and PRAGMA quick_check says where. */
  function failingQuickCheck(): Uint8Array {
    const pageSize = (good[16] << 8) | good[17];
    for (let page = good.length / pageSize; page >= 2; page--) {
      const bytes = Uint8Array.from(good);
      bytes[(page - 1) * pageSize + 12] = 0xff;
      bytes[(page - 1) * pageSize + 13] = 0xf0;
      const check = openSnapshot(sql, Uint8Array.from(bytes), 'quick');
      if (!check.ok && check.problem === 'integrity') return bytes;
      if (check.ok) check.db.close();
    }
    throw new Error('no page whose damage PRAGMA quick_check reports');
  }

  const checkers: [string, () => SnapshotChecker][] = [
    ['in the worker', () => storageChecker(sql)],
    ['on this thread', () => inThreadChecker(sql)]
  ];

  for (const [where, make] of checkers) {
    describe(`verifies a written snapshot ${where}`, () => {
      let checker: SnapshotChecker;
      beforeEach(() => (checker = make()));
      afterEach(() => checker.close());

      /** Verifies `onDisk`, written to a file, against what was meant: `expected`. */
      async function verify(onDisk: Uint8Array, expected: Uint8Array, rows = counts): Promise<string> {
        const file = path.join(await tempDir('mdj-verify-'), 'journal.sqlite.tmp-1');
        await fs.writeFile(file, onDisk);
        return verifySnapshotFile(new NodeFiles(), checker, file, expected, rows);
      }

      it('passes the snapshot as written, and returns its SHA-256', async () => {
        assert.strictEqual(await verify(good, Uint8Array.from(good)), createHash('sha256').update(good).digest('hex'));
      });

      it('rejects a file whose bytes differ from what was written', async () => {
        const changed = Uint8Array.from(good);
        changed[changed.length - 100] ^= 0xff;
        await assert.rejects(verify(changed, Uint8Array.from(good)), (e: unknown) => e instanceof VerifyError && /its bytes differ from what was written/.test(e.message));
      });

      it('rejects a short file', async () => {
        await assert.rejects(verify(good.subarray(0, good.length - 4096), Uint8Array.from(good)), (e: unknown) => e instanceof VerifyError && new RegExp(`it holds ${good.length - 4096} bytes, not ${good.length}`).test(e.message));
      });

      it('rejects a file that fails PRAGMA quick_check, with what it said', async () => {
        const damaged = failingQuickCheck();
        const said = openSnapshot(sql, Uint8Array.from(damaged), 'quick');
        assert.ok(!said.ok);
        await assert.rejects(verify(damaged, Uint8Array.from(damaged)), (e: unknown) => e instanceof VerifyError && e.message.endsWith(`did not verify after writing: integrity: ${said.detail}`));
      });

      it('rejects a file with fewer rows than memory holds', async () => {
        await assert.rejects(verify(good, Uint8Array.from(good), { ...counts, checkins: counts.checkins + 1 }), (e: unknown) => e instanceof VerifyError && /row counts differ from memory in checkins$/.test(e.message));
      });
    });
  }

  it('judges backups in the worker as on this thread: a damaged copy does not count', async () => {
    const backupDir = path.join(dir, 'backups');
    const damaged = path.join(backupDir, 'daily-2026-05-05.0009.sqlite');
    await fs.writeFile(damaged, failingQuickCheck());
    const inWorker = storageChecker(sql);
    try {
      const names = async (backups: Backups) => (await backups.valid()).map((b) => b.name);
      assert.deepStrictEqual(await names(new Backups(new NodeFiles(), inWorker, backupDir)), ['daily-2026-05-04.0001.sqlite', 'weekly-2026-W19.0001.sqlite']);
      assert.deepStrictEqual(await names(new Backups(new NodeFiles(), sql, backupDir)), ['daily-2026-05-04.0001.sqlite', 'weekly-2026-W19.0001.sqlite']);
      const [copy] = await listBackups(new NodeFiles(), backupDir);
      assert.strictEqual(copy.name, path.basename(damaged));
      assert.match((await inspectBackup(new NodeFiles(), sql, copy)).problem ?? '', /PRAGMA quick_check said/);
    } finally {
      await fs.rm(damaged);
      await inWorker.close();
    }
  });

  it('starts when the store compacts (not when it opens), and stops when the store closes', async () => {
    await watchingWorkers(async (started, exited) => {
      const store = await JournalStore.open({ dir: await tempDir('mdj-worker-store-'), sql, compactAfterMs: 3_600_000 });
      await store.write(buildCheckIn({ mood: 5, note: 'one' }, clock).ops);
      assert.strictEqual(started.length, 0, 'no thread for opening and writing');
      await store.compact();
      assert.strictEqual(started.length, 1, 'the compaction checked its snapshot in a worker');
      await store.write(buildCheckIn({ mood: 6, note: 'two' }, clock).ops);
      await store.compact();
      assert.strictEqual(started.length, 1, 'the same worker checks the next one');
      assert.strictEqual(exited.size, 0);
      await store.close();
      assert.strictEqual(exited.size, 1, 'closing the store ended its worker');
    });
  });

  it('stops after a while idle, and starts again for the next compaction', async () => {
    await watchingWorkers(async (started, exited) => {
      const store = await JournalStore.open({ dir: await tempDir('mdj-worker-idle-'), sql, compactAfterMs: 3_600_000, worker: { idleMs: 50 } });
      await store.write(buildCheckIn({ mood: 5, note: 'one' }, clock).ops);
      await store.compact();
      await until('the idle worker stopped', () => exited.size === 1);
      await store.write(buildCheckIn({ mood: 6, note: 'two' }, clock).ops);
      await store.compact();
      assert.strictEqual(started.length, 2);
      await store.close();
      assert.strictEqual(exited.size, 2);
    });
  });

  it('loses nothing when the worker cannot start: the compaction fails, the log keeps every entry', async () => {
    const where = await tempDir('mdj-worker-missing-');
    const store = await JournalStore.open({ dir: where, sql, compactAfterMs: 3_600_000, worker: { script: path.join(where, 'no-such-worker.js') } });
    const { ops, checkIn } = buildCheckIn({ mood: 4, note: 'kept in the log' }, clock);
    await store.write(ops);
    await assert.rejects(store.compact(), /storage worker/);
    assert.ok((await fs.readdir(where)).some((n) => /\.oplog/.test(n)), 'the log is still there');
    await store.close();
    const again = await JournalStore.open({ dir: where, sql, writer: false, worker: 'in-thread' });
    assert.deepStrictEqual(recentEntries(again, 10).map((e) => e.checkIn.id), [checkIn.id]);
    await again.close();
  });
});
