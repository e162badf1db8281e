import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn } from '../../src/core/entries';
import { addDays } from '../../src/core/time';
import { Backups, KEEP_DAILY, KEEP_WEEKLY, listBackups } from '../../src/storage/backups';
import { migrate } from '../../src/storage/migrations';
import { JournalStore, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { recentEntries } from '../../src/storage/read/journal';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { WriterLock } from '../../src/storage/writerLock';
import { fixedClock, sqlJs, tempDir } from './helpers';

describe('backups', () => {
  /** A small journal snapshot whose meta table remembers `label`, so copies can be told apart. */
  async function snapshotOf(label: string): Promise<Uint8Array> {
    const db = new (await sqlJs()).Database();
    migrate(db);
    db.run('INSERT INTO meta (key, value) VALUES (?, ?)', ['label', label]);
    const bytes = db.export();
    db.close();
    return bytes;
  }

  async function labelOf(file: string): Promise<string> {
    const db = new (await sqlJs()).Database(await fs.readFile(file));
    const label = String(db.exec("SELECT value FROM meta WHERE key = 'label'")[0].values[0][0]);
    db.close();
    return label;
  }

  it(`keeps the last ${KEEP_DAILY} daily and ${KEEP_WEEKLY} weekly copies over two months`, async () => {
    const dir = await tempDir();
    const files = new NodeFiles();
    const backups = new Backups(files, await sqlJs(), dir);
    const later = await snapshotOf('a second compaction the same day changes nothing');
    for (let d = 0; d < 60; d++) {
      const day = addDays('2026-01-01', d);
      await backups.write(await snapshotOf(`snapshot of ${day}`), day);
      await backups.write(later, day);
    }
    const all = await listBackups(files, dir);
    const daily = all.filter((b) => b.kind === 'daily').map((b) => b.label);
    const weekly = all.filter((b) => b.kind === 'weekly').map((b) => b.label);
    assert.deepStrictEqual(daily, ['2026-03-01', '2026-02-28', '2026-02-27', '2026-02-26', '2026-02-25', '2026-02-24', '2026-02-23']);
    assert.deepStrictEqual(weekly, ['2026-W09', '2026-W08', '2026-W07', '2026-W06']);
    assert.strictEqual(await labelOf(all[0].path), 'snapshot of 2026-03-01', 'the first copy of the day is kept');
  });

  it('are written by compaction when the store knows the date', async () => {
    const dir = await tempDir();
    const store = await JournalStore.open({ dir, sql: await sqlJs(), today: () => '2026-05-04', compactAfterMs: 60_000 });
    await store.write(buildCheckIn({ mood: 5 }, fixedClock('2026-05-04T10:00:00Z')).ops);
    await store.compact();
    // Named for the day (or week) and for their place in the order backups were written here.
    assert.deepStrictEqual((await fs.readdir(path.join(dir, 'backups'))).sort(), ['daily-2026-05-04.0001.sqlite', 'weekly-2026-W19.0001.sqlite']);
    assert.strictEqual(await store.latestBackup(), path.join(dir, 'backups', 'daily-2026-05-04.0001.sqlite'));
    await store.close();
  });
});

describe('writer lock', () => {
  it('is held by one window; a live holder is respected and an abandoned one is taken over', async () => {
    const dir = await tempDir();
    const files = new NodeFiles();
    let now = 1_000_000;
    const lockPath = path.join(dir, 'lock');
    const a = new WriterLock(files, lockPath, { now: () => now, pid: 111, host: 'h', isAlive: () => true });
    const b = new WriterLock(files, lockPath, { now: () => now, pid: 222, host: 'h', isAlive: () => true });
    assert.strictEqual(await a.tryAcquire(), true);
    assert.strictEqual(await b.tryAcquire(), false, 'a fresh heartbeat from a live process is respected');
    now += 20_000;
    assert.strictEqual(await a.heartbeat(), true);
    now += 20_000;
    assert.strictEqual(await b.tryAcquire(), false, 'still fresh thanks to the heartbeat');
    now += 31_000;
    assert.strictEqual(await b.tryAcquire(), true, 'a heartbeat older than 30 s is abandoned');
    assert.strictEqual(await a.heartbeat(), false, 'the old holder notices it lost the lock');
    assert.strictEqual(a.held, false);
  });

  it('takes over at once from a process that no longer exists on this machine', async () => {
    const dir = await tempDir();
    const files = new NodeFiles();
    const lockPath = path.join(dir, 'lock');
    const dead = new WriterLock(files, lockPath, { pid: 999_999, host: 'h' });
    assert.ok(await dead.tryAcquire());
    const alive = new WriterLock(files, lockPath, { pid: 123, host: 'h', isAlive: (pid) => pid !== 999_999 });
    assert.ok(await alive.tryAcquire());
  });
});

describe('file layer', () => {
  it('retries a rename that Windows refuses while another program holds the file', async () => {
    const dir = await tempDir();
    let refusals = 0;
    const files = new NodeFiles({
      platform: 'win32',
      io: {
        rename: async (from, to) => {
          if (refusals++ < 3) throw Object.assign(new Error('busy'), { code: refusals % 2 ? 'EBUSY' : 'EPERM' });
          await fs.rename(from, to);
        }
      }
    });
    await files.writeAtomic(path.join(dir, 'f'), new TextEncoder().encode('hello'));
    assert.strictEqual(await fs.readFile(path.join(dir, 'f'), 'utf8'), 'hello');
    assert.strictEqual(refusals, 4);
  });

  it('does not retry on Linux, and leaves no temp file behind after a failed rename', async () => {
    const dir = await tempDir();
    const files = new NodeFiles({
      platform: 'linux',
      io: {
        rename: async () => {
          throw Object.assign(new Error('busy'), { code: 'EBUSY' });
        }
      }
    });
    await assert.rejects(files.writeAtomic(path.join(dir, 'f'), new Uint8Array([1])), /busy/);
    assert.deepStrictEqual(await fs.readdir(dir), []);
  });
});

describe('reading rows back', () => {
  it('reports a bad row with its table and id instead of dropping it silently', async () => {
    const dir = await tempDir();
    const sql = await sqlJs();
    const store = await JournalStore.open({ dir, sql, compactAfterMs: 60_000 });
    const clock = fixedClock('2026-05-04T10:00:00Z');
    await store.write(buildCheckIn({ mood: 5, note: 'good row' }, clock).ops);
    await store.write(buildCheckIn({ mood: 6, note: 'will be damaged' }, clock).ops);
    await store.close();
    // Another program edits the file: a mood of 42 is out of range.
    const file = path.join(dir, SNAPSHOT_NAME);
    const db = new sql.Database(await fs.readFile(file));
    const damagedId = String(db.exec("SELECT id FROM checkins WHERE note = 'will be damaged'")[0].values[0][0]);
    db.run(`UPDATE checkins SET mood = 42 WHERE id = '${damagedId}'`);
    await fs.writeFile(file, db.export());
    db.close();
    const again = await JournalStore.open({ dir, sql, compactAfterMs: 60_000 });
    const reported: string[] = [];
    again.onBadRow((e) => reported.push(`${e.table}/${e.rowId}: ${e.detail}`));
    const shown = recentEntries(again, 10).map((e) => e.checkIn.note);
    assert.deepStrictEqual(shown, ['good row']);
    assert.strictEqual(reported.length, 1);
    assert.match(reported[0], new RegExp(`^checkins/${damagedId}: mood`));
    // Read again (the good row now comes from the cache of validated rows): the bad one is still
    // reported rather than passed over, and the good one still shown.
    assert.deepStrictEqual(recentEntries(again, 10).map((e) => e.checkIn.note), ['good row']);
    assert.strictEqual(reported.length, 2);
    await again.close();
  });

  it("returns rows in the order the query asks for, and a row's new version once it is edited", async () => {
    const dir = await tempDir();
    const store = await JournalStore.open({ dir, sql: await sqlJs(), compactAfterMs: 60_000 });
    const clock = fixedClock('2026-05-04T10:00:00Z');
    const first = buildCheckIn({ mood: 5, note: 'first' }, clock).ops;
    clock.set('2026-05-04T11:00:00Z');
    await store.write(first);
    await store.write(buildCheckIn({ mood: 6, note: 'second' }, clock).ops);
    const notes = () => store.select('checkins', 'deleted_at IS NULL', [], 'ORDER BY at DESC').map((c) => `${c.note} ${c.mood}`);
    assert.deepStrictEqual(notes(), ['second 6', 'first 5']);
    assert.deepStrictEqual(notes(), ['second 6', 'first 5'], 'the same rows from the cache');
    const row = first.find((op) => op.table === 'checkins')!.row;
    clock.set('2026-05-04T12:00:00Z');
    await store.write([{ table: 'checkins', row: { ...row, mood: 8, updatedAt: '2026-05-04T12:00:00.000Z' } }]);
    assert.deepStrictEqual(notes(), ['second 6', 'first 8']);
    await store.close();
  });
});

describe('compatibility', () => {
  it('writes a journal that the real sqlite3 command-line tool finds intact', async function () {
    let version = '';
    try {
      version = execFileSync('sqlite3', ['--version'], { encoding: 'utf8' });
    } catch {
      this.skip(); // CI installs Debian's sqlite3; skip only on machines without it
    }
    const dir = await tempDir();
    const store = await JournalStore.open({ dir, sql: await sqlJs(), compactAfterMs: 60_000 });
    const clock = fixedClock('2026-05-04T10:00:00Z');
    for (let i = 0; i < 200; i++) {
      clock.advance(3600_000);
      await store.write(buildCheckIn({ mood: 1 + (i % 10), tags: ['a', 'b'], note: `n${i}`, dose: { mg: 10, status: 'taken', medication: 'E' }, symptoms: [{ key: 'dizziness', label: 'Dizziness', severity: 2 }] }, clock).ops);
    }
    await store.close();
    const file = path.join(dir, SNAPSHOT_NAME);
    assert.strictEqual(execFileSync('sqlite3', [file, 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim(), 'ok', `sqlite3 ${version.trim()}`);
    assert.strictEqual(execFileSync('sqlite3', [file, 'SELECT count(*) FROM checkins JOIN doses ON doses.checkin_id = checkins.id'], { encoding: 'utf8' }).trim(), '200');
  });
});
