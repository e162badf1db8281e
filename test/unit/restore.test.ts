import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn } from '../../src/core/entries';
import type { CheckIn, Op } from '../../src/core/schemas';
import { recentEntries } from '../../src/storage/read/journal';
import { JournalStore, MERGED_DIR, SNAPSHOT_NAME, type StoreNotice } from '../../src/storage/journalStore';
import { fixedClock, sqlJs, tempDir } from './helpers';

describe('restoring a backup (a new journal epoch)', () => {
  const clock = fixedClock('2026-04-01T09:00:00Z');

  async function open(dir: string, machine: string) {
    return JournalStore.open({ dir, sql: await sqlJs(), machine, compactAfterMs: 60_000, now: () => clock.now() });
  }

  async function checkIn(store: JournalStore, note: string): Promise<CheckIn> {
    clock.advance(60_000);
    const { ops, checkIn: row } = buildCheckIn({ mood: 5, note }, clock);
    await store.write(ops);
    return row;
  }

  const notes = (store: JournalStore) => recentEntries(store, 100).map((e) => e.checkIn.note).sort();

  /** A journal with a backup of two entries, then two more entries and an edit made after it. */
  async function journalWithBackup() {
    const dir = await tempDir();
    const a = await open(dir, 'laptop');
    const first = await checkIn(a, 'before the backup 1');
    await checkIn(a, 'before the backup 2');
    await a.compact();
    const backup = path.join(dir, 'backups-daily.sqlite');
    await fs.copyFile(path.join(dir, SNAPSHOT_NAME), backup);
    await checkIn(a, 'after the backup 1');
    await checkIn(a, 'after the backup 2');
    clock.advance(60_000);
    await a.write([{ table: 'checkins', row: { ...a.get('checkins', first.id)!, note: 'before the backup 1, edited later', updatedAt: new Date(clock.now()).toISOString() } } as Op]);
    await a.compact();
    return { dir, a, backup };
  }

  it('survives a second window: its compaction brings no removed row back, and its entry made right after is kept', async () => {
    const { dir, a, backup } = await journalWithBackup();
    const b = await open(dir, 'laptop'); // a second window on the same machine
    const heard: StoreNotice[] = [];
    b.onNotice((n) => heard.push(n));
    assert.strictEqual(notes(b).length, 4);

    const kept = await a.restoreFrom(backup);
    assert.deepStrictEqual(notes(a), ['before the backup 1', 'before the backup 2'], 'the backup, as it was');

    // The second window has not noticed yet: it writes an entry on top of what it still shows.
    await checkIn(b, 'made in the second window right after the restore');
    await a.close(); // the restoring window goes away; the second becomes the writer
    await b.refresh();
    assert.ok(b.isWriter);
    await b.compact();
    const expected = ['before the backup 1', 'before the backup 2', 'made in the second window right after the restore'];
    assert.deepStrictEqual(notes(b), expected, 'the second window shows the restored journal plus its new entry');
    assert.deepStrictEqual(heard, [{ kind: 'restored-elsewhere' }], 'and says so once');
    await b.refresh();
    assert.strictEqual(heard.length, 1, 'only once');

    const fresh = await open(dir, 'desktop');
    assert.deepStrictEqual(notes(fresh), expected, 'what is on disk after its compaction');
    await Promise.all([b.close(), fresh.close()]);

    const before = await open(await copyAs(kept), 'x');
    assert.deepStrictEqual(notes(before), ['after the backup 1', 'after the backup 2', 'before the backup 1, edited later', 'before the backup 2'], 'the journal as it was is kept');
    await before.close();
  });

  it('keeps the restore when a stale copy of the old journal comes back through a sync tool', async () => {
    const { dir, a, backup } = await journalWithBackup();
    const stale = await fs.readFile(path.join(dir, SNAPSHOT_NAME));
    await a.restoreFrom(backup);
    // Another machine compacted the old journal before it heard of the restore; the sync tool
    // kept both, one of them as a conflict copy.
    await fs.writeFile(path.join(dir, 'journal.sync-conflict-20260401-091500-ABCDEFG.sqlite'), stale);
    await a.refresh();
    assert.deepStrictEqual(notes(a), ['before the backup 1', 'before the backup 2']);
    assert.deepStrictEqual(await fs.readdir(path.join(dir, MERGED_DIR)), ['journal.sync-conflict-20260401-091500-ABCDEFG.sqlite'], 'the copy was merged');
    await a.close();
    const fresh = await open(dir, 'laptop');
    assert.deepStrictEqual(notes(fresh), ['before the backup 1', 'before the backup 2']);
    await fresh.close();
  });

  it('leaves an older snapshot that wins the name to be merged, not reloaded, so the restore stands', async () => {
    const { dir, a, backup } = await journalWithBackup();
    const stale = await fs.readFile(path.join(dir, SNAPSHOT_NAME));
    await a.restoreFrom(backup);
    const heard: StoreNotice[] = [];
    a.onNotice((n) => heard.push(n));
    await fs.writeFile(path.join(dir, SNAPSHOT_NAME), stale);
    await a.refresh();
    assert.deepStrictEqual(notes(a), ['before the backup 1', 'before the backup 2']);
    assert.deepStrictEqual(heard, [], 'an older epoch is not announced as a restore');
    await a.close();
  });

  it('reaches another machine as a sync conflict copy: the restore wins there too, and it says so', async () => {
    const { dir, a, backup } = await journalWithBackup();
    const other = await copyAs(path.join(dir, SNAPSHOT_NAME)); // the other machine had synced the old journal
    await a.restoreFrom(backup);
    await a.close();
    const b = await open(other, 'desktop');
    const heard: StoreNotice[] = [];
    b.onNotice((n) => heard.push(n));
    await checkIn(b, 'made on the other machine');
    // Both machines changed journal.sqlite while apart; Nextcloud kept the restored one as the copy.
    await fs.copyFile(path.join(dir, SNAPSHOT_NAME), path.join(other, 'journal (conflicted copy 2026-04-01 091500).sqlite'));
    await b.refresh();
    assert.deepStrictEqual(notes(b), ['before the backup 1', 'before the backup 2', 'made on the other machine']);
    assert.deepStrictEqual(heard.map((n) => n.kind).sort(), ['merged-copies', 'restored-elsewhere']);
    await b.close();
  });

  async function copyAs(file: string): Promise<string> {
    const dir = await tempDir();
    await fs.copyFile(file, path.join(dir, SNAPSHOT_NAME));
    return dir;
  }
});
