import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn, buildNote } from '../../src/core/entries';
import { readIdentity } from '../../src/storage/journalIdentity';
import { BACKUP_DIR, JournalStore, logName, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { peekJournal } from '../../src/storage/journalPeek';
import { migrate } from '../../src/storage/migrations';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { fixedClock, sqlJs, tempDir } from './helpers';

// A journal's id says which journal it is (the extension remembers the ids this user opened). It must
// be the same on every machine and after every compaction, backup and restore, or the user's own
// journal would be asked about as a stranger's.
describe('the journal id', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  const warnings: string[] = [];

  async function open(dir: string, machine = 'laptop', extra: Partial<Parameters<typeof JournalStore.open>[0]> = {}) {
    return JournalStore.open({ dir, sql: await sqlJs(), machine, now: () => clock.now(), compactAfterMs: 3_600_000, log: (level, m) => level !== 'info' && warnings.push(m), ...extra });
  }

  async function checkIn(store: JournalStore, note: string) {
    clock.advance(60_000);
    await store.write(buildCheckIn({ mood: 6, note }, clock).ops);
  }

  beforeEach(() => (warnings.length = 0));

  it('is made once when the journal is created, and survives compaction, closing and a backup', async () => {
    const dir = await tempDir();
    const a = await open(dir, 'laptop', { today: () => clock.today() });
    const id = a.identity;
    assert.ok(id && id.id.length >= 8, 'a new journal has an id at once');
    await checkIn(a, 'one');
    await a.compact();
    await a.close();
    const again = await open(dir);
    assert.deepStrictEqual(again.identity, id, 'the same id after compaction and reopening');
    await again.close();
    const backups = await fs.readdir(path.join(dir, BACKUP_DIR));
    assert.ok(backups.length > 0, 'a backup was written');
    const SQL = await sqlJs();
    for (const b of backups) assert.deepStrictEqual(readIdentity(new SQL.Database(await fs.readFile(path.join(dir, BACKUP_DIR, b)))), id, `${b} carries the id`);
    assert.deepStrictEqual(warnings, [], 'the id record in the log is not reported as an unknown table');
  });

  it('is kept by restoring a backup, even one made before journals had ids', async () => {
    const dir = await tempDir();
    const a = await open(dir);
    await checkIn(a, 'before the backup');
    await a.compact();
    const id = a.identity;
    // A backup as v0.3 wrote it: no id in it.
    const SQL = await sqlJs();
    const old = new SQL.Database(await fs.readFile(path.join(dir, SNAPSHOT_NAME)));
    old.run("DELETE FROM meta WHERE key = 'journal'");
    old.run('PRAGMA user_version = 3');
    const backup = path.join(dir, 'old-backup.sqlite');
    await fs.writeFile(backup, old.export());
    await checkIn(a, 'after the backup');
    await a.restoreFrom(backup);
    assert.deepStrictEqual(a.identity, id);
    await a.close();
    const again = await open(dir);
    assert.deepStrictEqual(again.identity, id, 'the restored journal on disk is still this journal');
    await again.close();
  });

  it("travels with the op log: a machine that has only another machine's log learns the same id", async () => {
    const [dirA, dirB] = [await tempDir(), await tempDir()];
    // No writer lock, so no compaction folds the log away before the copy.
    const a = await open(dirA, 'desktop', { writer: false });
    await checkIn(a, 'from the desktop');
    // The sync tool brings the desktop's log over before any snapshot.
    await fs.copyFile(path.join(dirA, logName('desktop')), path.join(dirB, logName('desktop')));
    const b = await open(dirB, 'laptop');
    assert.deepStrictEqual(b.identity, a.identity);
    await a.close();
    await b.close();
  });

  it('settles on one id when two machines each started the journal before their first sync (the earliest)', async () => {
    const [dirA, dirB] = [await tempDir(), await tempDir()];
    const a = await open(dirA, 'desktop', { writer: false });
    await checkIn(a, 'desktop');
    clock.advance(3_600_000);
    const b = await open(dirB, 'laptop', { writer: false });
    await checkIn(b, 'laptop');
    assert.notDeepStrictEqual(a.identity, b.identity);
    const first = a.identity;
    // Each gets the other's log, and the other's snapshot.
    await fs.copyFile(path.join(dirA, logName('desktop')), path.join(dirB, logName('desktop')));
    await fs.copyFile(path.join(dirB, logName('laptop')), path.join(dirA, logName('laptop')));
    await Promise.all([a.refresh(), b.refresh()]);
    assert.deepStrictEqual(b.identity, first);
    assert.deepStrictEqual(a.identity, first);
    await b.compact();
    await fs.copyFile(path.join(dirB, SNAPSHOT_NAME), path.join(dirA, SNAPSHOT_NAME));
    await a.refresh();
    assert.deepStrictEqual(a.identity, first, "the other machine's snapshot changes nothing");
    await a.close();
    await b.close();
  });

  it('is the same on every machine that upgrades the same older journal (taken from its first row)', async () => {
    const SQL = await sqlJs();
    const db = new SQL.Database();
    migrate(db, 3);
    db.run(
      `INSERT INTO checkins (id, created_at, updated_at, deleted_at, at, local_date, utc_offset, mood, note) VALUES
       ('b-second', '2025-06-02T08:00:00.000Z', '2025-06-02T08:00:00.000Z', NULL, '2025-06-02T08:00:00.000Z', '2025-06-02', 0, 5, ''),
       ('a-first!', '2025-06-01T08:00:00.000Z', '2025-06-01T08:00:00.000Z', '2025-06-03T08:00:00.000Z', '2025-06-01T08:00:00.000Z', '2025-06-01', 0, 5, '')`
    );
    const bytes = db.export();
    const ids = [];
    for (const machine of ['desktop', 'laptop']) {
      const dir = await tempDir();
      await fs.writeFile(path.join(dir, SNAPSHOT_NAME), bytes);
      const store = await open(dir, machine);
      ids.push(store.identity);
      await store.close();
    }
    assert.ok(ids[0]?.id.startsWith('first-'), `an id from the first row: ${ids[0]?.id}`);
    assert.strictEqual(ids[0]?.createdAt, '2025-06-01T08:00:00.000Z', 'started when its first row was made (a deleted row counts)');
    assert.deepStrictEqual(ids[0], ids[1]);
  });
});

describe('a look at a journal before opening it', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');

  /** Every file under `dir` with its size and modification time. */
  async function listing(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const name of await fs.readdir(dir, { recursive: true })) {
      const s = await fs.stat(path.join(dir, name));
      out.push(`${name} ${s.size} ${s.mtimeMs}`);
    }
    return out.sort();
  }

  it('finds no journal in a folder without one, or a folder that does not exist, and creates neither', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, '.gitignore'), '*\n');
    const files = new NodeFiles();
    assert.strictEqual((await peekJournal(files, await sqlJs(), dir)).present, false);
    const missing = path.join(dir, 'nothing-here');
    assert.strictEqual((await peekJournal(files, await sqlJs(), missing)).present, false);
    await assert.rejects(fs.stat(missing), 'the folder is not created');
  });

  it('reads the id, size, entry count and first and last dates, and writes nothing', async () => {
    const dir = await tempDir();
    const store = await JournalStore.open({ dir, sql: await sqlJs(), machine: 'laptop', now: () => clock.now(), compactAfterMs: 3_600_000 });
    await store.write(buildCheckIn({ mood: 2, note: 'PHQ-9 27 of 27' }, clock).ops);
    await store.compact();
    clock.advance(2 * 86_400_000);
    // A second entry only in the log (close folds it in; the look must count each once).
    await store.write([{ table: 'notes', row: buildNote({ text: 'Please raise my dose to 40 mg' }, clock) }]);
    const id = store.identity;
    await store.close(); // the fingerprint and backups stay; the look must not touch them either
    const before = await listing(dir);
    const peek = await peekJournal(new NodeFiles(), await sqlJs(), dir, true);
    assert.deepStrictEqual(await listing(dir), before, 'nothing in the folder changed');
    assert.deepStrictEqual(peek.identity, id);
    assert.strictEqual(peek.present, true);
    assert.strictEqual(peek.entries, 2);
    assert.strictEqual(peek.first, '2026-03-02');
    assert.strictEqual(peek.last, '2026-03-04');
    assert.ok(peek.bytes > 0);
    assert.ok(!JSON.stringify(peek).includes('raise'), 'nothing of what the entries say');
  });

  it("finds the id of a journal that is only another machine's log, and counts its entries", async () => {
    const [source, dir] = [await tempDir(), await tempDir()];
    const store = await JournalStore.open({ dir: source, sql: await sqlJs(), machine: 'desktop', now: () => clock.now(), compactAfterMs: 3_600_000 });
    await store.write(buildCheckIn({ mood: 4 }, clock).ops);
    await fs.copyFile(path.join(source, logName('desktop')), path.join(dir, logName('desktop')));
    const peek = await peekJournal(new NodeFiles(), await sqlJs(), dir, true);
    assert.deepStrictEqual(peek.identity, store.identity);
    assert.strictEqual(peek.entries, 1);
    await store.close();
  });

  it('says when a journal cannot be read, without an id to go by', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, SNAPSHOT_NAME), 'not a journal at all');
    const peek = await peekJournal(new NodeFiles(), await sqlJs(), dir, true);
    assert.deepStrictEqual([peek.present, peek.readable, peek.identity, peek.entries], [true, false, undefined, undefined]);
    // A sync tool's copy alone is a journal too: opening would merge it.
    const copies = await tempDir();
    await fs.writeFile(path.join(copies, 'journal (1).sqlite'), 'x');
    assert.strictEqual((await peekJournal(new NodeFiles(), await sqlJs(), copies)).present, true);
  });
});
