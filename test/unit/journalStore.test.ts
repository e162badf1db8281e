import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn, deleteEntryOps, restoreEntryOps } from '../../src/core/entries';
import { entryById, lastDose, recentEntries } from '../../src/storage/read/journal';
import { JournalStore, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { encodeChange } from '../../src/storage/opLog';
import { fixedClock, sqlJs, tempDir } from './helpers';

describe('JournalStore', () => {
  const clock = fixedClock('2026-03-01T09:14:00Z', 'UTC');

  async function open(dir: string, extra: Partial<Parameters<typeof JournalStore.open>[0]> = {}) {
    return JournalStore.open({ dir, sql: await sqlJs(), compactAfterMs: 60_000, ...extra });
  }

  function checkIn(mood: number, mg = 10, note = '') {
    return buildCheckIn({ mood, note, dose: { mg, status: 'taken', medication: 'Escitalopram' } }, clock);
  }

  it('acknowledges a check-in only once it is in the log on disk, then finds it after reopening', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const { ops, checkIn: row } = checkIn(7, 10, 'walked the dog');
    await store.write(ops);
    const log = await fs.readFile(store.logPath, 'utf8');
    assert.ok(log.includes(row.id), 'the acknowledged change is in the op log');
    // Simulate a crash: no close(), no compaction. A new store must still see the entry.
    const again = await open(dir);
    const entry = entryById(again, row.id);
    assert.strictEqual(entry?.checkIn.note, 'walked the dog');
    assert.strictEqual(entry?.dose?.mg, 10);
    await again.close();
  });

  it('compacts into a snapshot, empties the log and keeps every entry', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    for (let i = 1; i <= 10; i++) await store.write(checkIn(i).ops);
    await store.compact();
    assert.ok((await fs.stat(path.join(dir, SNAPSHOT_NAME))).size > 0);
    await assert.rejects(fs.stat(store.logPath), /ENOENT/, 'the log was folded into the snapshot');
    await store.close();
    const again = await open(dir);
    assert.strictEqual(recentEntries(again, 100).length, 10);
    assert.strictEqual(again.integrityCheck(), 'ok');
    await again.close();
  });

  it('ignores a torn last record and keeps every complete one', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const kept = checkIn(6);
    await store.write(kept.ops);
    const torn = encodeChange(checkIn(3).ops);
    await fs.appendFile(store.logPath, torn.subarray(0, torn.length - 20));
    const again = await open(dir);
    assert.deepStrictEqual(
      recentEntries(again, 10).map((e) => e.checkIn.id),
      [kept.checkIn.id]
    );
    // The next write after a torn tail still lands intact.
    const after = checkIn(8);
    await again.write(after.ops);
    const third = await open(dir, { writer: false });
    assert.strictEqual(recentEntries(third, 10).length, 2);
    await Promise.all([again.close(), third.close()]);
  });

  it('deletes with a tombstone and undoes by clearing it', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const { ops, checkIn: row } = checkIn(5);
    await store.write(ops);
    const entry = entryById(store, row.id)!;
    clock.advance(1000);
    await store.write(deleteEntryOps(entry, clock.now()));
    assert.strictEqual(recentEntries(store, 10).length, 0);
    const raw = store.query('SELECT deleted_at FROM checkins WHERE id = ?', [row.id]);
    assert.ok(raw[0][0], 'the row is still there, marked deleted');
    clock.advance(1000);
    await store.write(restoreEntryOps(entryById(store, row.id)!, clock.now()));
    assert.strictEqual(recentEntries(store, 10)[0].dose?.mg, 10);
    await store.close();
  });

  it('rejects an invalid row without writing anything', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const { ops } = checkIn(5);
    (ops[0].row as { mood: number }).mood = 11;
    await assert.rejects(store.write(ops), /mood/);
    await assert.rejects(fs.stat(store.logPath), /ENOENT/);
    await store.close();
  });

  it('remembers the last dose taken, ignoring skipped days', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.write(checkIn(5, 20).ops);
    clock.advance(86400000);
    await store.write(buildCheckIn({ mood: 5, dose: { mg: 15, status: 'changed', medication: 'E' } }, clock).ops);
    clock.advance(86400000);
    await store.write(buildCheckIn({ mood: 5, dose: { mg: 15, status: 'skipped', medication: 'E' } }, clock).ops);
    assert.strictEqual(lastDose(store)?.mg, 15);
    assert.strictEqual(lastDose(store)?.status, 'changed');
    await store.close();
  });
});
