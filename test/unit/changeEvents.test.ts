// The store's one change event says why the journal changed and which tables: every view reloads
// exactly the parts the user would see change, once, whether the change was made here, came from
// another machine's log or another window, or is a restored backup.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn } from '../../src/core/entries';
import { TABLE_NAMES } from '../../src/core/schemas';
import { JournalStore, logName, SNAPSHOT_NAME, type ChangeEvent } from '../../src/storage/journalStore';
import { fixedClock, sqlJs, tempDir } from './helpers';

describe('the store\'s change event', () => {
  const clock = fixedClock('2026-05-01T09:00:00Z');
  const stores: JournalStore[] = [];

  async function open(dir: string, machine: string, writer = true): Promise<JournalStore> {
    const store = await JournalStore.open({ dir, sql: await sqlJs(), machine, writer, compactAfterMs: 60_000, now: () => clock.now() });
    stores.push(store);
    return store;
  }

  /** Every change the store announces from now on, as plain values. */
  function heard(store: JournalStore): { tables: string[]; source: string; reason: string }[] {
    const out: { tables: string[]; source: string; reason: string }[] = [];
    store.onDidChange((e: ChangeEvent) => out.push({ tables: [...e.tables].sort(), source: e.source, reason: e.reason }));
    return out;
  }

  /** A check-in with a dose and a symptom: three tables. */
  function entry(note: string) {
    clock.advance(60_000);
    return buildCheckIn({ mood: 6, note, dose: { mg: 10, status: 'taken', medication: 'escitalopram' }, symptoms: [{ key: 'dizzy', label: 'Dizziness', severity: 2 }] }, clock).ops;
  }

  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  it('fires exactly one "write" change, naming its tables, for an entry made here', async () => {
    const store = await open(await tempDir(), 'desk');
    const events = heard(store);
    await store.write(entry('made here'));
    assert.deepStrictEqual(events, [{ tables: ['checkins', 'doses', 'symptoms'], source: 'local', reason: 'write' }]);
  });

  it('fires one "sync" change when another machine\'s log is merged, and none when nothing is new', async () => {
    const [desk, lap] = [await open(await tempDir(), 'desk'), await open(await tempDir(), 'lap')];
    await lap.write(entry('made on the laptop'));
    const events = heard(desk);
    // What a sync tool does: the laptop's log appears in the desk's folder.
    await fs.copyFile(lap.logPath, path.join(path.dirname(desk.snapshotPath), logName('lap')));
    assert.strictEqual(await desk.refresh(), true);
    assert.strictEqual(await desk.refresh(), false);
    assert.deepStrictEqual(events, [{ tables: ['checkins', 'doses', 'symptoms'], source: 'external', reason: 'sync' }]);
  });

  it('fires one "sync" change when a compaction folds in what another window wrote', async () => {
    const dir = await tempDir();
    const writer = await open(dir, 'desk');
    const other = await open(dir, 'desk', false); // a second window on this machine, sharing its log
    await other.write(entry('made in the other window'));
    const events = heard(writer);
    await writer.compact();
    assert.deepStrictEqual(events, [{ tables: ['checkins', 'doses', 'symptoms'], source: 'external', reason: 'sync' }]);
  });

  it('fires exactly one "restore" change, naming every table, when a backup is restored', async () => {
    const dir = await tempDir();
    const store = await open(dir, 'desk');
    await store.write(entry('before the backup'));
    await store.compact();
    const backup = path.join(dir, 'backup.sqlite');
    await fs.copyFile(path.join(dir, SNAPSHOT_NAME), backup);
    await store.write(entry('after the backup'));
    const events = heard(store);
    await store.restoreFrom(backup);
    assert.deepStrictEqual(events, [{ tables: [...TABLE_NAMES].sort(), source: 'local', reason: 'restore' }]);
  });
});
