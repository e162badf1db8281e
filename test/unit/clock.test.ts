import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn, restore, tombstone } from '../../src/core/entries';
import type { CheckIn, Op } from '../../src/core/schemas';
import { editStamp } from '../../src/storage/clockStamp';
import { JournalStore, logName } from '../../src/storage/journalStore';
import { fixedClock, sqlJs, tempDir } from './helpers';

const YEAR = 365 * 86_400_000;

describe('time you can trust', () => {
  const clock = fixedClock('2026-03-01T09:00:00Z');

  async function open(dir: string, machine: string) {
    return JournalStore.open({ dir, sql: await sqlJs(), machine, compactAfterMs: 60_000 });
  }

  /** A check-in stamped a year ahead, as an import from a device whose clock ran ahead brings it. */
  function futureCheckIn(mood = 6): Op[] {
    const { ops } = buildCheckIn({ mood, note: 'imported' }, clock);
    const future = new Date(clock.now() + YEAR).toISOString();
    return ops.map((op) => ({ table: op.table, row: { ...op.row, createdAt: future, updatedAt: future } }) as Op);
  }

  /** What a sync tool does with another machine's log: copies it into this machine's folder. */
  async function bringLog(from: JournalStore, to: JournalStore, machine: string): Promise<void> {
    await fs.copyFile(from.logPath, path.join(path.dirname(to.snapshotPath), logName(machine)));
    await to.refresh();
  }

  const edit = (row: CheckIn, changes: Partial<CheckIn>): Op[] => [{ table: 'checkins', row: { ...row, ...changes, updatedAt: new Date(clock.now()).toISOString() } }];

  it('stamps a local edit after the row it edits: max(now, that row + 1 ms)', () => {
    assert.strictEqual(editStamp(Date.parse('2026-03-01T09:00:00Z'), undefined), '2026-03-01T09:00:00.000Z');
    assert.strictEqual(editStamp(Date.parse('2026-03-01T09:00:00Z'), '2025-01-01T00:00:00Z'), '2026-03-01T09:00:00.000Z');
    assert.strictEqual(editStamp(Date.parse('2026-03-01T09:00:00Z'), '2027-03-01T09:00:00.000Z'), '2027-03-01T09:00:00.001Z');
  });

  it('edits, deletes and undoes a row stamped a year ahead, and the edit wins on every store that merges it', async () => {
    const [dirA, dirB] = [await tempDir(), await tempDir()];
    const [a, b] = [await open(dirA, 'a'), await open(dirB, 'b')];
    const imported = futureCheckIn();
    const id = imported[0].row.id;
    for (const store of [a, b]) {
      const result = await store.write(imported, { keepStamps: true });
      assert.deepStrictEqual(result.notApplied, [], 'an import keeps its own stamps');
    }

    const edited = await a.write(edit(a.get('checkins', id)!, { mood: 3, note: 'fixed a typo' }));
    assert.deepStrictEqual(edited.notApplied, [], 'the edit applies');
    assert.strictEqual(a.get('checkins', id)?.mood, 3);
    assert.ok(a.get('checkins', id)!.updatedAt > imported[0].row.updatedAt, 'stamped after the future row');

    clock.advance(60_000);
    await a.write([{ table: 'checkins', row: tombstone(a.get('checkins', id)!, clock.now()) }]);
    assert.ok(a.get('checkins', id)?.deletedAt, 'deleted');
    clock.advance(60_000);
    await a.write([{ table: 'checkins', row: restore(a.get('checkins', id)!, clock.now()) }]);
    assert.strictEqual(a.get('checkins', id)?.deletedAt, null, 'undone');

    await bringLog(a, b, 'a');
    assert.deepStrictEqual(b.get('checkins', id), a.get('checkins', id), 'the other machine shows the last edit');
    await a.close();
    const reopened = await open(dirA, 'a');
    assert.strictEqual(reopened.get('checkins', id)?.mood, 3, 'and so does the snapshot after compaction');
    assert.strictEqual(reopened.get('checkins', id)?.deletedAt, null);
    await Promise.all([reopened.close(), b.close()]);
  });

  it('keeps the later edit when the clock goes backwards between two edits', async () => {
    const dir = await tempDir();
    const store = await open(dir, 'a');
    const { ops, checkIn } = buildCheckIn({ mood: 5 }, clock);
    await store.write(ops);
    await store.write(edit(store.get('checkins', checkIn.id)!, { mood: 6 }));
    clock.advance(-3_600_000); // the clock is corrected an hour back
    const second = await store.write(edit(store.get('checkins', checkIn.id)!, { mood: 7 }));
    assert.deepStrictEqual(second.notApplied, []);
    assert.strictEqual(store.get('checkins', checkIn.id)?.mood, 7);
    const again = await open(dir, 'a');
    assert.strictEqual(again.get('checkins', checkIn.id)?.mood, 7, 'replaying the log keeps the same order');
    clock.advance(3_600_000);
    await Promise.all([store.close(), again.close()]);
  });

  it('converges on two stores whose edits carry equal stamps, whatever order they merge in', async () => {
    const [dirA, dirB] = [await tempDir(), await tempDir()];
    const [a, b] = [await open(dirA, 'a'), await open(dirB, 'b')];
    const imported = futureCheckIn();
    const id = imported[0].row.id;
    for (const store of [a, b]) await store.write(imported, { keepStamps: true });
    // Both machines edit the future row while apart: both edits get its stamp + 1 ms.
    const fromA = await a.write(edit(a.get('checkins', id)!, { mood: 2, note: 'edited on A' }));
    const fromB = await b.write(edit(b.get('checkins', id)!, { mood: 9, note: 'edited on B' }));
    assert.strictEqual(fromA.applied[0].row.updatedAt, fromB.applied[0].row.updatedAt, 'the stamps tie');
    await bringLog(b, a, 'b');
    await bringLog(a, b, 'a');
    assert.deepStrictEqual(a.get('checkins', id), b.get('checkins', id), 'both machines show the same version');
    // A third store that hears of the two edits in the other order agrees too.
    const dirC = await tempDir();
    const c = await open(dirC, 'c');
    await bringLog(b, c, 'b');
    await bringLog(a, c, 'a');
    assert.deepStrictEqual(c.get('checkins', id), a.get('checkins', id));
    await Promise.all([a.close(), b.close(), c.close()]);
  });

  it('reports a change that did not apply instead of resolving silently', async () => {
    const dir = await tempDir();
    const store = await open(dir, 'a');
    const imported = futureCheckIn(6);
    await store.write(imported, { keepStamps: true });
    // An older version of the same row, as from an import of an earlier export, keeping its stamp.
    const older = { table: 'checkins', row: { ...imported[0].row, mood: 1, updatedAt: new Date(clock.now()).toISOString() } } as Op;
    const result = await store.write([older], { keepStamps: true });
    assert.strictEqual(result.notApplied.length, 1);
    assert.deepStrictEqual(result.applied, []);
    assert.strictEqual(store.get('checkins', imported[0].row.id)?.mood, 6, 'the newer version stays');
    const again = await store.write([imported[0]], { keepStamps: true });
    assert.deepStrictEqual(again.notApplied, [], 'writing the version already there is not a failure');
    await store.close();
  });
});
