// A clock that ran a year ahead and was then put right: the backups written meanwhile (named a year
// ahead) must not outrank today's, a lock whose heartbeat is a year ahead is abandoned, and a crash
// leftover dated a year ahead is still cleaned up.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { buildCheckIn } from '../../src/core/entries';
import { addDays } from '../../src/core/time';
import { inspectBackups, KEEP_DAILY, listBackups } from '../../src/storage/backups';
import { JournalStore, LOCK_NAME } from '../../src/storage/journalStore';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { WriterLock } from '../../src/storage/writerLock';
import { fixedClock, sqlJs, tempDir } from './helpers';

const YEAR = 365 * 86_400_000;

describe('a clock that ran a year ahead, then was put right', () => {
  let sql: SqlJsStatic;
  before(async () => {
    sql = await sqlJs();
  });

  it("keeps today's backup, and the latest backup is today's, after a week of backups named a year ahead", async () => {
    const dir = await tempDir('mdj-ahead-');
    const clock = fixedClock('2027-05-04T09:00:00Z'); // a year ahead
    const store = await JournalStore.open({ dir, sql, now: () => clock.now(), today: () => clock.today(), compactAfterMs: 3_600_000 });
    const day = async (note: string) => {
      await store.write(buildCheckIn({ mood: 5, note }, clock).ops);
      await store.compact();
    };
    for (let d = 0; d < KEEP_DAILY + 1; d++) {
      await day(`ahead ${d}`);
      clock.advance(86_400_000);
    }
    const dailies = async () => (await listBackups(new NodeFiles(), path.join(dir, 'backups'))).filter((b) => b.kind === 'daily').map((b) => b.label);
    assert.ok((await dailies()).every((label) => label.startsWith('2027-')), 'a week of backups named a year ahead');

    clock.set('2026-05-13T09:00:00Z'); // put right
    await day('today, once the clock was right');
    const today = path.join(dir, 'backups', (await fs.readdir(path.join(dir, 'backups'))).find((n) => n.startsWith('daily-2026-05-13'))!);
    assert.ok(today.endsWith('.sqlite'), "today's backup is written");
    assert.strictEqual(await store.latestBackup(), today, "and it is the latest backup, not a stale one named a year ahead");
    clock.advance(3_600_000);
    await day('later the same day');
    assert.strictEqual(await store.latestBackup(), today, 'kept by the next compaction, not written and pruned again');
    assert.strictEqual((await dailies()).length, KEEP_DAILY);

    // The days after: each one's backup is kept; the ones named ahead go first.
    for (let d = 1; d < KEEP_DAILY; d++) {
      clock.advance(86_400_000);
      await day(`day ${d} after`);
    }
    assert.deepStrictEqual(await dailies(), Array.from({ length: KEEP_DAILY }, (_, i) => addDays('2026-05-19', -i)));
    await store.close();
  });

  it('writes the backup of a day again when the copy under that name was written while the clock ran ahead', async () => {
    const dir = await tempDir('mdj-ahead-name-');
    const clock = fixedClock('2027-05-06T09:00:00Z');
    const store = await JournalStore.open({ dir, sql, now: () => clock.now(), today: () => clock.today(), compactAfterMs: 3_600_000 });
    await store.write(buildCheckIn({ mood: 5, note: 'a year ahead' }, clock).ops);
    await store.compact();
    clock.set('2026-05-13T09:00:00Z');
    await store.write(buildCheckIn({ mood: 6, note: 'put right' }, clock).ops);
    await store.compact();
    // A year later, 2027-05-06 comes round for real: its name is taken by the stale copy.
    clock.set('2027-05-06T09:00:00Z');
    await store.write(buildCheckIn({ mood: 7, note: 'a year later' }, clock).ops);
    await store.compact();
    const latest = (await store.latestBackup())!;
    assert.match(path.basename(latest), /^daily-2027-05-06\.0003\.sqlite$/, 'a new copy of the day, the latest');
    const [newest] = await inspectBackups(new NodeFiles(), sql, path.dirname(latest));
    assert.strictEqual(newest.checkIns, 3, 'it holds the journal of that day');
    await store.close();
  });

  it('takes over a lock whose heartbeat is a year ahead, so this machine compacts and writes backups again; a minute ahead is respected', async () => {
    const dir = await tempDir('mdj-ahead-lock-');
    await fs.writeFile(path.join(dir, LOCK_NAME), JSON.stringify({ pid: 4242, host: 'a-machine-whose-clock-ran-ahead', token: 'ahead', heartbeat: Date.now() + YEAR }));
    const store = await JournalStore.open({ dir, sql, today: () => '2026-05-04', compactAfterMs: 3_600_000 });
    assert.strictEqual(store.isWriter, true, 'the lock a year ahead was taken over');
    await store.write(buildCheckIn({ mood: 5 }, fixedClock('2026-05-04T09:00:00Z')).ops);
    await store.compact();
    assert.ok((await store.latestBackup()) !== undefined, 'backups are written again');
    await store.close();

    // A live holder on a machine whose clock runs a minute ahead keeps the lock.
    const files = new NodeFiles();
    const now = Date.parse('2026-05-04T09:00:00Z');
    const other = new WriterLock(files, path.join(dir, LOCK_NAME), { now: () => now + 60_000, pid: 1, host: 'laptop' });
    assert.ok(await other.tryAcquire());
    const here = new WriterLock(files, path.join(dir, LOCK_NAME), { now: () => now, pid: 2, host: os.hostname() });
    assert.strictEqual(await here.tryAcquire(), false, 'a minute ahead is within the skew clocks have');
  });

  it('removes a crash leftover dated a year ahead', async () => {
    const dir = await tempDir('mdj-ahead-tmp-');
    const leftover = path.join(dir, 'journal.sqlite.tmp-2000000000-abc');
    await fs.writeFile(leftover, 'a partial private snapshot');
    const ahead = new Date(Date.now() + YEAR);
    await fs.utimes(leftover, ahead, ahead);
    const store = await JournalStore.open({ dir, sql, writer: false });
    await store.close();
    assert.deepStrictEqual((await fs.readdir(dir)).filter((n) => n.includes('.tmp-')), []);
  });
});
