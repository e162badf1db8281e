// A full disk at every possible moment: the k-th system call that changes the disk fails (or
// writes short, then fails), for every k across an append, a compaction with its backups, and
// another append. Nothing acknowledged may be lost, the snapshot must always open, yesterday's
// backup must survive, and no temp file may be left behind. Run twice: plain, and encrypted.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { buildCheckIn } from '../../src/core/entries';
import { inspectBackup, listBackups } from '../../src/storage/backups';
import { DiskFullError, JournalStore, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { recentEntries } from '../../src/storage/read/journal';
import { decodeLog } from '../../src/storage/opLog';
import { Sealing } from '../../src/storage/sealing';
import { testKey, type TestKey } from './encryptionFixture';
import { FaultyFiles, type FaultMode, type FaultPlan } from './faultyFiles';
import { fixedClock, sqlJs, tempDir } from './helpers';

const YESTERDAY = '2026-05-03'; // a Sunday: ISO week 18
const TODAY = '2026-05-04'; // a Monday: a new week, so today's compaction writes two backups
const LEFTOVER = /\.(?:tmp|new)-|\.stale-/;

async function strays(dir: string): Promise<string[]> {
  const top = await fs.readdir(dir);
  const backups = await fs.readdir(path.join(dir, 'backups')).catch(() => []);
  return [...top, ...backups.map((n) => `backups/${n}`)].filter((n) => LEFTOVER.test(n));
}

async function snapshotOpens(sql: SqlJsStatic, dir: string, key: TestKey | undefined): Promise<string> {
  const bytes = await fs.readFile(path.join(dir, SNAPSHOT_NAME));
  const check = new Sealing(key?.dataKey).openSnapshot(sql, 'snapshot', bytes, 'full');
  if (!check.ok) return `${check.problem}: ${check.detail}`;
  check.db.close();
  return 'ok';
}

for (const encrypted of [false, true]) describe(`a full disk at every step (fault injection)${encrypted ? ', encrypted' : ''}`, function () {
  this.timeout(600_000);
  const clock = fixedClock('2026-05-04T08:00:00Z');
  let sql: SqlJsStatic;
  let template: string;
  let templateIds: string[];
  let key: TestKey | undefined;

  before(async () => {
    sql = await sqlJs();
    key = encrypted ? await testKey() : undefined;
    // Yesterday's journal, compacted, with yesterday's daily and weekly backups.
    template = await tempDir('mdj-faults-');
    const store = await JournalStore.open({ dir: template, sql, today: () => YESTERDAY, compactAfterMs: 3_600_000 });
    for (let i = 0; i < 10; i++) {
      clock.advance(60_000);
      await store.write(buildCheckIn({ mood: 1 + i, note: `yesterday ${i}` }, clock).ops);
    }
    await store.compact();
    if (key) await store.turnOnEncryption(key.keyFile, key.dataKey);
    await store.close();
    templateIds = recentEntries(await reopen(template), 100).map((e) => e.checkIn.id);
    assert.deepStrictEqual((await fs.readdir(path.join(template, 'backups'))).sort(), [`daily-${YESTERDAY}.0001.sqlite`, 'weekly-2026-W18.0001.sqlite']);
  });

  const opened: JournalStore[] = [];
  async function reopen(dir: string): Promise<JournalStore> {
    const s = await JournalStore.open({ dir, sql, writer: false, backups: false, dataKey: key?.dataKey });
    opened.push(s);
    return s;
  }
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  interface Outcome {
    /** Faults injected, and the counted calls the run made. */
    injected: number;
    calls: number;
    problems: string[];
  }

  /** Today: three check-ins, then (armed) a check-in, a compaction with backups, a check-in. */
  async function run(plan: FaultPlan): Promise<Outcome> {
    const dir = await tempDir('mdj-fault-run-');
    await fs.cp(template, dir, { recursive: true });
    const files = new FaultyFiles();
    const store = await JournalStore.open({ dir, sql, files, today: () => TODAY, compactAfterMs: 3_600_000, retryUnsavedMs: 3_600_000, dataKey: key?.dataKey });
    const acknowledged = [...templateIds];
    const kept: string[] = [];
    const problems: string[] = [];
    const write = async (label: string) => {
      clock.advance(60_000);
      const { ops, checkIn } = buildCheckIn({ mood: 5, note: label }, clock);
      try {
        await store.write(ops);
        acknowledged.push(checkIn.id);
      } catch (e) {
        if (!(e instanceof DiskFullError)) problems.push(`${label}: not a DiskFullError: ${e}`);
        kept.push(checkIn.id);
      }
    };
    const checkSnapshot = async (after: string) => {
      const state = await snapshotOpens(sql, dir, key);
      if (state !== 'ok') problems.push(`after ${after} the snapshot does not open: ${state}`);
    };
    for (let i = 0; i < 3; i++) await write(`today ${i}`);

    files.arm(plan);
    await write('during the fault, before compaction');
    await checkSnapshot('the first check-in');
    await store.compact().catch(() => undefined); // a failed compaction only logs; the next one retries
    await checkSnapshot('the compaction');
    await write('during the fault, after compaction');
    await checkSnapshot('the second check-in');
    const outcome = { injected: files.injected, calls: files.calls };
    const left = await strays(dir);
    if (left.length > 0) problems.push(`temp files left by failed writes: ${left.join(', ')}`);

    // Space is freed: everything kept in memory is written, then the window closes.
    files.free();
    if (!(await store.retryUnsaved())) problems.push('retry after freeing space did not save everything');
    if (store.unsavedState.count !== 0) problems.push(`${store.unsavedState.count} change(s) still unsaved`);
    await store.close();

    const again = await reopen(dir);
    const present = new Set(recentEntries(again, 1000).map((e) => e.checkIn.id));
    const lost = acknowledged.filter((id) => !present.has(id));
    if (lost.length > 0) problems.push(`${lost.length} acknowledged entr(ies) lost`);
    const neverSaved = kept.filter((id) => !present.has(id));
    if (neverSaved.length > 0) problems.push(`${neverSaved.length} entr(ies) kept in memory were not saved after the retry`);
    const yesterday = (await listBackups(files, path.join(dir, 'backups')).catch(() => [])).find((b) => b.label === YESTERDAY);
    const valid = yesterday && (await inspectBackup(files, sql, yesterday, key?.dataKey)).valid;
    if (!valid) problems.push(`no valid backup of ${YESTERDAY}`);
    const after = await strays(dir);
    if (after.length > 0) problems.push(`stray files after reopening: ${after.join(', ')}`);
    return { ...outcome, problems };
  }

  let total = 0;

  it('counts the calls that change the disk in the faulted stretch', async () => {
    const outcome = await run({ k: Number.POSITIVE_INFINITY, mode: 'enospc' });
    assert.deepStrictEqual(outcome.problems, []);
    assert.strictEqual(outcome.injected, 0);
    total = outcome.calls;
    console.log(`      ${total} calls change the disk between the first check-in and the last`);
    // An append, a compaction (log rename, snapshot, fingerprint, lock heartbeat, two backups) and an append.
    assert.ok(total >= 20, `${total} calls`);
  });

  for (const mode of ['enospc', 'short'] as FaultMode[]) {
    for (const sticky of [false, true]) {
      const what = `${mode === 'enospc' ? 'fails with ENOSPC' : 'writes short, then fails'}${sticky ? ' and keeps failing until space is freed' : ' once'}`;
      it(`loses nothing when the k-th call ${what}, for every k`, async () => {
        assert.ok(total > 0);
        const failures: string[] = [];
        for (let k = 1; k <= total; k++) {
          const outcome = await run({ k, mode, sticky });
          if (outcome.injected === 0) failures.push(`k=${k}: no fault was injected`);
          for (const p of outcome.problems) failures.push(`k=${k}: ${p}`);
        }
        assert.deepStrictEqual(failures, []);
      });
    }
  }

  if (encrypted) return;

  it('keeps what the user entered while the disk is full, says how much space is needed, and saves it on its own once there is room', async () => {
    const dir = await tempDir('mdj-full-');
    await fs.cp(template, dir, { recursive: true });
    const files = new FaultyFiles();
    const store = await JournalStore.open({ dir, sql, files, compactAfterMs: 3_600_000, retryUnsavedMs: 20 });
    const states: number[] = [];
    store.onUnsavedChange((s) => states.push(s.count));
    files.arm({ k: 1, mode: 'enospc', sticky: true });
    const first = buildCheckIn({ mood: 2, note: 'first while full' }, clock);
    const error = await store.write(first.ops).then(
      () => assert.fail('acknowledged on a full disk'),
      (e: unknown) => e
    );
    assert.ok(error instanceof DiskFullError);
    assert.strictEqual(error.dir, dir);
    assert.strictEqual(error.freeBytes, 4096);
    assert.ok(error.neededBytes >= (await fs.stat(path.join(dir, SNAPSHOT_NAME))).size, 'at least a new snapshot');
    assert.match(error.message, new RegExp(`The disk holding ${dir.replace(/[/\\]/g, '.')} is full \\(4 KB free\\); the journal needs about .* 1 change\\(s\\) are kept`));
    await assert.rejects(store.write(buildCheckIn({ mood: 3, note: 'second while full' }, clock).ops), DiskFullError);
    assert.strictEqual(store.unsavedState.count, 2);
    assert.strictEqual(recentEntries(store, 100).length, 10, 'not shown until saved');
    files.free();
    for (let i = 0; i < 200 && store.unsavedState.count > 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.strictEqual(store.unsavedState.count, 0, 'the timer saved them');
    assert.deepStrictEqual(states, [1, 2, 0]);
    assert.deepStrictEqual(recentEntries(store, 2).map((e) => e.checkIn.note), ['second while full', 'first while full'], 'in the order entered');
    await store.close();
  });

  it('keeps a record cut short by a full disk from swallowing the next one', async () => {
    const dir = await tempDir('mdj-torn-');
    const files = new FaultyFiles();
    const store = await JournalStore.open({ dir, sql, files, compactAfterMs: 3_600_000, retryUnsavedMs: 3_600_000 });
    const before = buildCheckIn({ mood: 5, note: 'before' }, clock);
    await store.write(before.ops); // the log is open from here on, so the next call is the write itself
    const first = buildCheckIn({ mood: 4, note: 'cut short' }, clock);
    files.arm({ k: 1, mode: 'short' }); // the append writes half its bytes, then ENOSPC
    await assert.rejects(store.write(first.ops), DiskFullError);
    assert.deepStrictEqual(recentEntries(store, 10).map((e) => e.checkIn.note), ['before'], 'not acknowledged, so not shown');
    assert.strictEqual(store.unsavedState.count, 1);
    files.free();
    const second = buildCheckIn({ mood: 6, note: 'next' }, clock);
    await store.write(second.ops); // writes the kept one first, then this one
    const decoded = decodeLog(await fs.readFile(store.logPath));
    assert.strictEqual(decoded.badRecords, 1, 'the torn half-record is isolated');
    assert.deepStrictEqual(
      decoded.changes.map((ops) => ops[0].row.id),
      [before.checkIn.id, first.checkIn.id, second.checkIn.id]
    );
    assert.deepStrictEqual(recentEntries(store, 10).map((e) => e.checkIn.note).sort(), ['before', 'cut short', 'next']);
    await store.close();
  });
});
