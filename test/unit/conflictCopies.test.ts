import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn } from '../../src/core/entries';
import type { Op } from '../../src/core/schemas';
import { backupCopyOf, listBackups } from '../../src/storage/backups';
import { conflictCopyOf, fingerprintCopyOf } from '../../src/storage/conflictCopies';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { recentEntries } from '../../src/storage/read/journal';
import { HASH_NAME, JournalStore, LEGACY_LOG_NAME, logName, MERGED_DIR, SNAPSHOT_NAME, type StoreNotice } from '../../src/storage/journalStore';
import { encodeChange } from '../../src/storage/opLog';
import { fixedClock, sqlJs, tempDir } from './helpers';

describe('sync conflict copies', () => {
  const clock = fixedClock('2026-05-01T08:00:00Z');

  async function open(dir: string, machine = 'desk') {
    return JournalStore.open({ dir, sql: await sqlJs(), machine, compactAfterMs: 60_000 });
  }

  function entry(note: string): Op[] {
    clock.advance(1000);
    return buildCheckIn({ mood: 4, note }, clock).ops;
  }

  const notes = (store: JournalStore) => recentEntries(store, 100).map((e) => e.checkIn.note).sort();

  describe('names', () => {
    const copies: [string, string, string][] = [
      ['journal.sync-conflict-20260501-081500-ABCDEFG.sqlite', 'syncthing', 'journal.sqlite'],
      ['journal.sync-conflict-20150101-101010.sqlite', 'syncthing', 'journal.sqlite'],
      ['journal.a1b2.sync-conflict-20260501-081500-ABCDEFG.oplog', 'syncthing', 'journal.a1b2.oplog'],
      ['journal.sqlite.sync-conflict-20260501-081500-ABCDEFG.oplog', 'syncthing', 'journal.sqlite.oplog'],
      ["journal (Sam's conflicted copy 2026-05-01).sqlite", 'dropbox', 'journal.sqlite'],
      ['journal (Sam’s conflicted copy 2026-05-01 (1)).sqlite', 'dropbox', 'journal.sqlite'],
      ['journal (conflicted copy 2012-05-01).sqlite', 'dropbox', 'journal.sqlite'],
      ["journal.a1b2 (MacBook's conflicted copy 2026-05-01).oplog", 'dropbox', 'journal.a1b2.oplog'],
      ['journal (conflicted copy 2026-05-01 081500).sqlite', 'nextcloud', 'journal.sqlite'],
      ['journal_conflict-20260501-081500.sqlite', 'owncloud', 'journal.sqlite'],
      ['journal (Konfliktkopie von Sam 2026-05-01).sqlite', 'localized', 'journal.sqlite'],
      ['journal (1).sqlite', 'google-drive', 'journal.sqlite'],
      ['journal.a1b2 (2).oplog', 'google-drive', 'journal.a1b2.oplog'],
      ['journal 2.sqlite', 'icloud', 'journal.sqlite'],
      ['journal.a1b2 3.oplog', 'icloud', 'journal.a1b2.oplog'],
      ['journal-DESKTOP-7H2K.sqlite', 'onedrive', 'journal.sqlite'],
      ['journal.a1b2-LAPTOP.oplog', 'onedrive', 'journal.a1b2.oplog']
    ];
    for (const [name, tool, of] of copies) {
      it(`knows "${name}" as ${tool}'s copy of ${of}`, () => {
        assert.deepStrictEqual(conflictCopyOf(name), { kind: of.endsWith('.sqlite') ? 'snapshot' : 'log', tool, of });
      });
    }

    it('leaves the journal\'s own files and anything else alone', () => {
      for (const name of [
        'journal.sqlite',
        'journal.a1b2.oplog',
        LEGACY_LOG_NAME,
        'journal.sqlite.lock',
        'journal.sqlite.sha256',
        'journal.sqlite.tmp-123-abc',
        'journal.sqlite.before-restore-2026-05-01T08-00-00-000Z',
        'journal.sqlite.corrupt-2026-05-01T08-00-00-000Z',
        'journal.a1b2.oplog.compacting-1-2',
        'journal.sqlite.sync-conflict-20260501-081500-ABCDEFG.lock',
        'notes.sqlite',
        'journal (draft).txt'
      ]) {
        assert.strictEqual(conflictCopyOf(name), undefined, name);
      }
    });
  });

  it('merges a snapshot copy by id, newest stamp winning, moves it to merged/ and says so once with the count', async () => {
    const dir = await tempDir();
    const other = await tempDir();
    const here = await open(dir);
    const shared = entry('on both');
    await here.write(shared);
    // The other machine's journal: the shared entry edited later, plus one entry of its own.
    const there = await open(other, 'lap');
    await there.write(shared, { keepStamps: true });
    clock.advance(1000);
    await there.write([{ table: 'checkins', row: { ...shared[0].row, note: 'on both, edited there', updatedAt: new Date(clock.now()).toISOString() } } as Op]);
    await there.write(entry('only there'));
    await there.close();
    const copy = "journal (Sam's conflicted copy 2026-05-01).sqlite";
    await fs.copyFile(path.join(other, SNAPSHOT_NAME), path.join(dir, copy));
    await fs.writeFile(path.join(dir, 'journal (1).sqlite'), 'not a database'); // unreadable: left in place

    const heard: StoreNotice[] = [];
    here.onNotice((n) => heard.push(n));
    await here.refresh();
    assert.deepStrictEqual(notes(here), ['on both, edited there', 'only there']);
    assert.deepStrictEqual(heard, [{ kind: 'merged-copies', count: 1, folder: path.join(dir, MERGED_DIR) }]);
    const left = await fs.readdir(dir);
    assert.ok(!left.includes(copy), 'the copy was moved');
    assert.ok(left.includes('journal (1).sqlite'), 'the unreadable copy is left where it was');
    assert.deepStrictEqual(await fs.readdir(path.join(dir, MERGED_DIR)), [copy], 'kept in merged/');
    assert.strictEqual((await fs.stat(path.join(dir, MERGED_DIR))).mode & 0o777, 0o700);
    await here.refresh();
    assert.strictEqual(heard.length, 1, 'said once');

    // The merged rows are durable in this machine's log before the copy is moved.
    const reopened = await open(dir, 'desk');
    assert.deepStrictEqual(notes(reopened), ['on both, edited there', 'only there']);
    await Promise.all([here.close(), reopened.close()]);
  });

  it('reads every machine\'s log and the v0.1 log, and deletes only its own', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, LEGACY_LOG_NAME), encodeChange(entry('from the v0.1 log')));
    await fs.writeFile(path.join(dir, logName('lap')), encodeChange(entry('from the laptop\'s log')));
    await fs.writeFile(path.join(dir, 'journal.sqlite.sync-conflict-20260501-081500-ABCDEFG.oplog'), encodeChange(entry('from a copy of the v0.1 log')));
    const store = await open(dir, 'desk');
    await store.write(entry('from this machine'));
    assert.deepStrictEqual(notes(store), ['from a copy of the v0.1 log', 'from the laptop\'s log', 'from the v0.1 log', 'from this machine']);
    await store.compact();
    const names = await fs.readdir(dir);
    assert.ok(!names.includes(logName('desk')) && !names.includes(LEGACY_LOG_NAME), 'its own log and the v0.1 log are folded away');
    assert.ok(names.includes(logName('lap')), 'another machine\'s log is left to that machine');
    await store.close();
    const fresh = await open(dir, 'lap');
    assert.strictEqual(notes(fresh).length, 4);
    await fresh.close();
  });

  it('notices when a sync tool rewrites another machine\'s log with other content, and reads it again', async () => {
    const dir = await tempDir();
    const lap = path.join(dir, logName('lap'));
    await fs.writeFile(lap, encodeChange(entry('laptop 1')));
    const store = await open(dir, 'desk');
    assert.deepStrictEqual(notes(store), ['laptop 1']);
    await fs.appendFile(lap, encodeChange(entry('laptop 2')));
    await store.refresh();
    assert.deepStrictEqual(notes(store), ['laptop 1', 'laptop 2'], 'an append is read on from where it stopped');
    // The laptop compacted and logged more; its new log, longer than the old one, replaces it in place.
    const fresh = Buffer.concat([encodeChange(entry('laptop 3, a longer note than before')), encodeChange(entry('laptop 4')), encodeChange(entry('laptop 5'))]);
    const handle = await fs.open(lap, 'r+');
    await handle.write(fresh, 0, fresh.length, 0);
    await handle.close();
    await store.refresh();
    assert.deepStrictEqual(notes(store), ['laptop 1', 'laptop 2', 'laptop 3, a longer note than before', 'laptop 4', 'laptop 5']);
    await store.close();
  });

  describe('copies of the fingerprint and of backups', () => {
    /** Every naming the journal knows for a copy of `<stem><ext>`, one per tool. */
    const namings = (stem: string, ext: string): [string, string][] => [
      [`${stem}.sync-conflict-20260501-081500-ABCDEFG${ext}`, 'syncthing'],
      [`${stem} (Sam's conflicted copy 2026-05-01)${ext}`, 'dropbox'],
      [`${stem} (conflicted copy 2026-05-01 081500)${ext}`, 'nextcloud'],
      [`${stem}_conflict-20260501-081500${ext}`, 'owncloud'],
      [`${stem} (Konfliktkopie von Sam 2026-05-01)${ext}`, 'localized'],
      [`${stem} (1)${ext}`, 'google-drive'],
      [`${stem} 2${ext}`, 'icloud'],
      [`${stem}-DESKTOP-7H2K${ext}`, 'onedrive']
    ];

    it('knows every tool\'s copy of the fingerprint and of a backup, and leaves the files themselves alone', () => {
      for (const [name, tool] of namings('journal.sqlite', '.sha256')) assert.deepStrictEqual(fingerprintCopyOf(name), { tool, of: HASH_NAME }, name);
      for (const stem of ['daily-2026-05-04.0007', 'weekly-2026-W19.0007', 'daily-2026-05-04']) {
        for (const [name, tool] of namings(stem, '.sqlite')) assert.deepStrictEqual(backupCopyOf(name), { tool, of: `${stem}.sqlite` }, name);
      }
      for (const name of [HASH_NAME, `${HASH_NAME}.tmp-1-abc`, 'journal.sqlite', 'daily-2026-05-04.0007.sqlite', 'weekly-2026-W19.sqlite', 'daily-2026-05-04.0007.sqlite.tmp-1-abc']) {
        assert.strictEqual(fingerprintCopyOf(name), undefined, name);
        assert.strictEqual(backupCopyOf(name), undefined, name);
      }
    });

    it('clears them once dealt with: fingerprint copies go, a backup copy replaces a missing or damaged original, else goes', async () => {
      const dir = await tempDir();
      const store = await JournalStore.open({ dir, sql: await sqlJs(), machine: 'desk', today: () => '2026-05-04', compactAfterMs: 3_600_000 });
      await store.write(entry('an entry'));
      await store.compact();
      await store.close();
      const backups = path.join(dir, 'backups');
      const [daily, weekly] = (await fs.readdir(backups)).sort(); // daily-2026-05-04.0001, weekly-2026-W19.0001
      const good = await fs.readFile(path.join(backups, daily));
      const fingerprint = await fs.readFile(path.join(dir, HASH_NAME));
      // The sync tools of two machines, in every naming.
      for (const [name] of namings('journal.sqlite', '.sha256')) await fs.writeFile(path.join(dir, name), '{"sha256":"another machine\'s"}');
      for (const [name] of namings(daily.slice(0, -'.sqlite'.length), '.sqlite')) await fs.writeFile(path.join(backups, name), good);
      await fs.writeFile(path.join(backups, `${weekly.slice(0, -'.sqlite'.length)} (1).sqlite`), 'a copy cut short');
      // A backup only another machine's copy holds: its original is gone.
      await fs.rename(path.join(backups, weekly), path.join(backups, 'weekly-2026-W18.0001.sqlite'));
      await fs.writeFile(path.join(backups, 'weekly-2026-W18.0001 (1).sqlite'), good);
      await fs.rm(path.join(backups, 'weekly-2026-W18.0001.sqlite'));

      const again = await JournalStore.open({ dir, sql: await sqlJs(), machine: 'desk', today: () => '2026-05-04', compactAfterMs: 3_600_000 });
      assert.ok(again.isWriter);
      assert.deepStrictEqual((await fs.readdir(dir)).filter((n) => n.includes('sha256')), [HASH_NAME], 'the fingerprint copies are gone');
      assert.deepStrictEqual(await fs.readFile(path.join(dir, HASH_NAME)), fingerprint, 'the fingerprint itself is kept');
      assert.deepStrictEqual((await fs.readdir(backups)).sort(), [daily, 'weekly-2026-W18.0001.sqlite'], 'no backup copy is left');
      assert.deepStrictEqual(await fs.readFile(path.join(backups, 'weekly-2026-W18.0001.sqlite')), good, 'the copy took the missing original\'s place');
      assert.deepStrictEqual((await listBackups(new NodeFiles(), backups)).map((b) => b.name), [daily, 'weekly-2026-W18.0001.sqlite']);
      // And copies that arrive while the journal is open are cleared on the next refresh.
      await fs.writeFile(path.join(dir, 'journal.sqlite (1).sha256'), '{}');
      await fs.writeFile(path.join(backups, `${daily.slice(0, -'.sqlite'.length)} 2.sqlite`), good);
      await again.refresh();
      assert.deepStrictEqual((await fs.readdir(dir)).filter((n) => n.includes('sha256')), [HASH_NAME]);
      assert.deepStrictEqual((await fs.readdir(backups)).sort(), [daily, 'weekly-2026-W18.0001.sqlite']);
      await again.close();
    });
  });
});
