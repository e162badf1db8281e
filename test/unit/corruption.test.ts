import * as assert from 'assert';
import { createHash, randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { buildCheckIn } from '../../src/core/entries';
import { CorruptJournalError, JournalStore, logName, replaceSnapshot, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { recentEntries } from '../../src/storage/read/journal';
import { migrate, SCHEMA_VERSION } from '../../src/storage/migrations';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { fixedClock, sqlJs, tempDir } from './helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('corrupt and foreign journal files', () => {
  const clock = fixedClock('2026-04-01T10:00:00Z');
  let healthy: Uint8Array;

  before(async () => {
    const dir = await tempDir();
    const store = await JournalStore.open({ dir, sql: await sqlJs() });
    for (let i = 0; i < 300; i++) await store.write(buildCheckIn({ mood: 1 + (i % 10), note: `entry ${i} `.repeat(8) }, clock).ops);
    await store.close();
    healthy = await fs.readFile(path.join(dir, SNAPSHOT_NAME));
  });

  async function sqlite(build: (db: import('sql.js').Database) => void): Promise<Uint8Array> {
    const db = new (await sqlJs()).Database();
    build(db);
    const bytes = db.export();
    db.close();
    return bytes;
  }

  const pageSize = () => (healthy[16] << 8) | healthy[17];
  const variants: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['an empty file', () => new Uint8Array(0), /empty/],
    ['a file cut to half', () => healthy.subarray(0, Math.floor(healthy.length / 2)), /truncated|integrity|unreadable/],
    ['a file cut to its first page', () => healthy.subarray(0, pageSize()), /truncated|integrity|unreadable/],
    ['a file one byte short', () => healthy.subarray(0, healthy.length - 1), /truncated/],
    ['only the 100-byte header', () => healthy.subarray(0, 100), /truncated/],
    ['random bytes', () => randomBytes(8192), /not-sqlite/],
    ['random bytes behind a valid SQLite header', () => Buffer.concat([Buffer.from(healthy.subarray(0, 100)), randomBytes(pageSize() * 4 - 100)]), /truncated|integrity|unreadable/],
    ['a text file', () => Buffer.from('Dear diary, today was fine.\n'), /not-sqlite/],
    ['a JSON export saved under the wrong name', () => Buffer.from(JSON.stringify({ checkins: [] })), /not-sqlite/],
    ['a gzip archive', () => gzipSync(healthy), /not-sqlite/],
    ['all zero bytes', () => new Uint8Array(8192), /not-sqlite/],
    ['a wrong magic header', () => Buffer.concat([Buffer.from('SQLite format 2\u0000'), Buffer.from(healthy.subarray(16))]), /not-sqlite/],
    ['a page size field that is impossible', () => Object.assign(Buffer.from(healthy), { 16: 0, 17: 3 }), /truncated|unreadable/],
    [
      'damaged data pages',
      () => {
        const b = Buffer.from(healthy);
        b.fill(0xa5, pageSize() * 2, pageSize() * 4);
        return b;
      },
      /integrity|unreadable/
    ],
    ['valid SQLite with someone else\'s schema', () => sqlite((db) => db.run('CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users VALUES (1, "a@b")')), /foreign-schema/],
    ['our tables without the journal marker', () => sqlite((db) => (migrate(db), db.run("DELETE FROM meta"))), /foreign-schema/],
    ['a journal from a newer version of the extension', () => sqlite((db) => (migrate(db), db.run(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`))), /newer-schema/]
  ];

  for (const [name, make, problem] of variants) {
    it(`refuses ${name}, leaves it byte-for-byte intact and copies it aside`, async () => {
      const dir = await tempDir();
      const file = path.join(dir, SNAPSHOT_NAME);
      const bytes = await make();
      await fs.writeFile(file, bytes);
      const log = path.join(dir, logName('m1'));
      await fs.writeFile(log, 'pending-log-bytes');
      const error = await JournalStore.open({ dir, sql: await sqlJs(), machine: 'm1' }).then(
        () => assert.fail('opened a bad file'),
        (e: unknown) => e
      );
      assert.ok(error instanceof CorruptJournalError, String(error));
      assert.match(error.problem, problem);
      assert.strictEqual(error.file, file);
      assert.match(error.message, new RegExp(SNAPSHOT_NAME));
      assert.strictEqual(sha(await fs.readFile(file)), sha(bytes), 'the original is untouched');
      assert.ok(error.copy && path.basename(error.copy).startsWith(`${SNAPSHOT_NAME}.corrupt-`));
      assert.strictEqual(sha(await fs.readFile(error.copy)), sha(bytes), 'the copy is exact');
      assert.strictEqual(await fs.readFile(log, 'utf8'), 'pending-log-bytes', 'the op log is untouched');
    });
  }

  it('starts a new journal only when asked, and keeps the changes still in the log', async () => {
    const dir = await tempDir();
    const sql = await sqlJs();
    const store = await JournalStore.open({ dir, sql, compactAfterMs: 60_000 });
    await store.write(buildCheckIn({ mood: 4, note: 'only in the log' }, clock).ops);
    await fs.writeFile(path.join(dir, SNAPSHOT_NAME), 'garbage');
    await assert.rejects(JournalStore.open({ dir, sql, writer: false }), CorruptJournalError);
    await replaceSnapshot(new NodeFiles(), dir, undefined);
    const fresh = await JournalStore.open({ dir, sql, writer: false });
    assert.deepStrictEqual(recentEntries(fresh, 5).map((e) => e.checkIn.note), ['only in the log']);
    const copies = (await fs.readdir(dir)).filter((n) => n.includes('.corrupt-'));
    assert.strictEqual(copies.length, 1);
    assert.strictEqual(await fs.readFile(path.join(dir, copies[0]), 'utf8'), 'garbage');
    await Promise.all([store.close(), fresh.close()]);
  });

  it('restores a backup when asked', async () => {
    const dir = await tempDir();
    const sql = await sqlJs();
    const backup = path.join(dir, 'backup.sqlite');
    await fs.writeFile(backup, healthy);
    await fs.writeFile(path.join(dir, SNAPSHOT_NAME), randomBytes(4096));
    await assert.rejects(JournalStore.open({ dir, sql }), CorruptJournalError);
    await replaceSnapshot(new NodeFiles(), dir, backup);
    const restored = await JournalStore.open({ dir, sql });
    assert.strictEqual(recentEntries(restored, 500).length, 300);
    await restored.close();
  });

  it('pauses compaction instead of overwriting when another program replaces the file with junk', async () => {
    const dir = await tempDir();
    const sql = await sqlJs();
    const store = await JournalStore.open({ dir, sql, compactAfterMs: 60_000 });
    await store.write(buildCheckIn({ mood: 6 }, clock).ops);
    await store.compact();
    await fs.writeFile(path.join(dir, SNAPSHOT_NAME), 'synced junk');
    await store.refresh();
    assert.strictEqual(store.problem?.problem, 'not-sqlite');
    await store.write(buildCheckIn({ mood: 7 }, clock).ops);
    await store.compact();
    assert.strictEqual(await fs.readFile(path.join(dir, SNAPSHOT_NAME), 'utf8'), 'synced junk', 'not overwritten');
    assert.ok((await fs.readFile(store.logPath)).length > 0, 'the new change is safe in the log');
    await store.close();
  });
});
