// Getting back to a good journal: backups that count only when valid, recovery that lists them
// all, restore without an open journal, and damage that is never trusted or surfaced raw.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { buildCheckIn } from '../../src/core/entries';
import { inspectBackups } from '../../src/storage/backups';
import type { JournalFiles, WriteOptions } from '../../src/storage/files';
import { CorruptJournalError, HASH_NAME, JournalStore, LEGACY_LOG_NAME, LOCK_NAME, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { encodeChange } from '../../src/storage/opLog';
import { recentEntries } from '../../src/storage/read/journal';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { restoreBackup, WriterBusyError } from '../../src/storage/recoveryRestore';
import { VerifyError } from '../../src/storage/verify';
import { WriterLock } from '../../src/storage/writerLock';
import { fixedClock, sqlJs, tempDir } from './helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('backups and recovery', () => {
  let sql: SqlJsStatic;
  const clock = fixedClock('2026-05-01T08:00:00Z');
  before(async () => {
    sql = await sqlJs();
  });

  /** A journal compacted on each of `days`, with `perDay` more check-ins each day. */
  async function journalOver(days: string[], perDay: number): Promise<string> {
    const dir = await tempDir('mdj-recovery-');
    let day = days[0];
    const store = await JournalStore.open({ dir, sql, today: () => day, compactAfterMs: 3_600_000 });
    for (const d of days) {
      day = d;
      for (let i = 0; i < perDay; i++) {
        clock.advance(3600_000);
        await store.write(buildCheckIn({ mood: 5, note: `${d} #${i}` }, clock).ops);
      }
      await store.compact();
    }
    await store.close();
    return dir;
  }

  it('rewrites a backup that was cut short, instead of counting it as present', async () => {
    const dir = await journalOver(['2026-05-04'], 20);
    const daily = path.join(dir, 'backups', 'daily-2026-05-04.0001.sqlite');
    const good = await fs.readFile(daily);
    await fs.writeFile(daily, good.subarray(0, good.length >> 1)); // what a full disk used to leave
    const store = await JournalStore.open({ dir, sql, today: () => '2026-05-04', compactAfterMs: 3_600_000 });
    assert.strictEqual(await store.latestBackup(), path.join(dir, 'backups', 'weekly-2026-W19.0001.sqlite'), 'the cut copy does not count');
    await store.write(buildCheckIn({ mood: 6, note: 'later that day' }, clock).ops);
    await store.compact();
    // Written again, as the newest copy; the cut one is gone.
    const again = path.join(dir, 'backups', 'daily-2026-05-04.0002.sqlite');
    assert.deepStrictEqual((await fs.readdir(path.join(dir, 'backups'))).sort(), ['daily-2026-05-04.0002.sqlite', 'weekly-2026-W19.0001.sqlite']);
    const rewritten = await fs.readFile(again);
    assert.ok(rewritten.length >= good.length, 'written again in full');
    const [first] = await inspectBackups(new NodeFiles(), sql, path.join(dir, 'backups'));
    assert.strictEqual(first.name, 'daily-2026-05-04.0002.sqlite');
    assert.strictEqual(first.valid, true);
    assert.strictEqual(first.checkIns, 21);
    await store.close();
  });

  it('lists every backup, the valid ones newest first with their row counts, the damaged ones last', async () => {
    const dir = await journalOver(['2026-05-01', '2026-05-02', '2026-05-03'], 4);
    const newest = path.join(dir, 'backups', 'daily-2026-05-03.0003.sqlite');
    await fs.truncate(newest, 1000);
    const list = await inspectBackups(new NodeFiles(), sql, path.join(dir, 'backups'));
    assert.deepStrictEqual(
      list.map((b) => [b.name, b.valid, b.checkIns]),
      [
        ['daily-2026-05-02.0002.sqlite', true, 8],
        ['daily-2026-05-01.0001.sqlite', true, 4],
        ['weekly-2026-W18.0001.sqlite', true, 4],
        ['daily-2026-05-03.0003.sqlite', false, undefined]
      ]
    );
    assert.match(list[3].problem ?? '', /not a whole number of its/);
    assert.ok(list.every((b) => b.mtimeMs !== undefined || !b.valid), 'each valid copy has the date it was written');
    assert.ok((list[0].rows ?? 0) >= 8, 'rows in all tables');
  });

  it('restores a backup while the journal cannot open, keeping the damaged file and the log', async () => {
    const dir = await journalOver(['2026-05-01', '2026-05-02'], 3);
    const files = new NodeFiles();
    // One more entry that only the log holds (a window that crashed before compacting), then the
    // snapshot is ruined.
    await fs.appendFile(path.join(dir, LEGACY_LOG_NAME), encodeChange(buildCheckIn({ mood: 8, note: 'only in the log' }, clock).ops));
    const ruined = new Uint8Array(8192).fill(7);
    await fs.writeFile(path.join(dir, SNAPSHOT_NAME), ruined);
    await assert.rejects(JournalStore.open({ dir, sql }), CorruptJournalError);

    const [newest] = await inspectBackups(files, sql, path.join(dir, 'backups'));
    const kept = await restoreBackup(files, sql, dir, newest.path, () => Date.parse('2026-05-02T20:00:00Z'));
    assert.ok(kept && path.basename(kept).startsWith(`${SNAPSHOT_NAME}.before-restore-`));
    assert.strictEqual(sha(await fs.readFile(kept)), sha(ruined), 'the damaged file is kept as it was');
    const restored = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000 });
    const notes = recentEntries(restored, 100).map((e) => e.checkIn.note);
    assert.strictEqual(notes.length, 7, 'six from the backup and the one from the log');
    assert.ok(notes.includes('only in the log'));
    await restored.close();
    assert.deepStrictEqual((await fs.readdir(dir)).filter((n) => n.startsWith(`${LOCK_NAME}`)), [], 'the lock was released');
  });

  it('refuses to restore a damaged backup, or while another window writes', async () => {
    const dir = await journalOver(['2026-05-01'], 2);
    const files = new NodeFiles();
    const backup = path.join(dir, 'backups', 'daily-2026-05-01.0001.sqlite');
    const before = await fs.readFile(path.join(dir, SNAPSHOT_NAME));
    await fs.writeFile(`${backup}.cut`, (await fs.readFile(backup)).subarray(0, 4096));
    await assert.rejects(restoreBackup(files, sql, dir, `${backup}.cut`, Date.now), /cannot be restored/);
    const other = new WriterLock(files, path.join(dir, LOCK_NAME), { pid: process.pid, host: 'this' });
    assert.ok(await other.tryAcquire());
    await assert.rejects(restoreBackup(files, sql, dir, backup, Date.now), WriterBusyError);
    await other.release();
    assert.strictEqual(sha(await fs.readFile(path.join(dir, SNAPSHOT_NAME))), sha(before), 'nothing was replaced');
  });

  it('does not trust a snapshot damaged in place with the same inode, size and modification time', async function () {
    if (process.platform === 'win32') this.skip(); // uses touch -r
    const dir = await journalOver(['2026-05-01'], 300);
    const file = path.join(dir, SNAPSHOT_NAME);
    const before = await fs.stat(file);
    // `touch -r` copies the times to the nanosecond, which fs.utimes cannot.
    const times = path.join(dir, 'times');
    await fs.writeFile(times, '');
    execFileSync('touch', ['-r', file, times]);
    const pageSize = ((await fs.readFile(file))[16] << 8) | (await fs.readFile(file))[17];
    const handle = await fs.open(file, 'r+');
    await handle.write(Buffer.alloc(pageSize * 2, 0xa5), 0, pageSize * 2, pageSize * 2);
    await handle.close();
    execFileSync('touch', ['-r', times, file]);
    const after = await fs.stat(file);
    assert.deepStrictEqual([after.ino, after.size, after.mtimeMs], [before.ino, before.size, before.mtimeMs]);
    // Trusted by its identity for a moment (so opening stays fast), until its hash is checked.
    const store = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000 });
    const reported: CorruptJournalError[] = [];
    store.onCorrupt((e) => reported.push(e));
    await store.compact(); // waits for the hash check, then refuses to compact
    assert.strictEqual(reported.length, 1, 'the damage is reported');
    assert.match(reported[0].detail, /no longer match the fingerprint/);
    assert.strictEqual(store.problem, reported[0]);
    const damaged = await fs.readFile(file);
    await store.close();
    assert.strictEqual(sha(await fs.readFile(file)), sha(damaged), 'nothing was compacted from it');
    await assert.rejects(JournalStore.open({ dir, sql }), (e: unknown) => e instanceof CorruptJournalError && /integrity|unreadable/.test(e.problem));
  });

  it('does not mistake its own changes for damage while confirming the snapshot it trusted', async () => {
    const dir = await journalOver(['2026-05-01'], 20);
    const store = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000 });
    await store.write(buildCheckIn({ mood: 6, note: 'right after opening' }, clock).ops); // before the hash check runs
    await store.compact();
    assert.strictEqual(store.problem, undefined);
    assert.strictEqual(recentEntries(store, 100).length, 21);
    await store.close();
  });

  it('sends a "malformed" error met while running to recovery, not to the caller raw', async () => {
    const dir = await journalOver(['2026-05-01'], 300);
    const file = path.join(dir, SNAPSHOT_NAME);
    const bytes = Buffer.from(await fs.readFile(file));
    const pageSize = (bytes[16] << 8) | bytes[17];
    bytes.fill(0xa5, pageSize, bytes.length); // every page but the first
    await fs.writeFile(file, bytes);
    // A fingerprint that matches the damaged bytes: as if the damage slipped past every check.
    const id = await fs.stat(file);
    await fs.writeFile(path.join(dir, HASH_NAME), JSON.stringify({ sha256: sha(bytes), size: id.size, mtimeMs: id.mtimeMs, ino: id.ino }));
    const store = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000 });
    const reported: CorruptJournalError[] = [];
    store.onCorrupt((e) => reported.push(e));
    assert.throws(() => recentEntries(store, 10), (e: unknown) => e instanceof CorruptJournalError && e.file === file && /damaged/.test(e.message));
    assert.strictEqual(reported.length, 1);
    assert.strictEqual(store.problem, reported[0]);
    await store.compact();
    assert.strictEqual(sha(await fs.readFile(file)), sha(bytes), 'nothing is compacted from a damaged database');
    await store.close();
    assert.ok(!(await fs.readdir(dir)).includes(HASH_NAME), 'the fingerprint is forgotten');
    await assert.rejects(JournalStore.open({ dir, sql }), (e: unknown) => e instanceof CorruptJournalError && e.copy !== undefined);
  });

  it('keeps the old snapshot and every log when the new snapshot does not read back as written', async () => {
    const dir = await journalOver(['2026-05-01'], 5);
    // A disk that says it wrote everything but drops the last page of the snapshot.
    const inner = new NodeFiles();
    const lying: JournalFiles = Object.assign(Object.create(inner) as JournalFiles, {
      writeAtomic: (p: string, data: Uint8Array, opts?: WriteOptions) => inner.writeAtomic(p, path.basename(p) === SNAPSHOT_NAME ? data.subarray(0, data.length - 4096) : data, opts)
    });
    const store = await JournalStore.open({ dir, sql, files: lying, compactAfterMs: 3_600_000 });
    const before = sha(await fs.readFile(path.join(dir, SNAPSHOT_NAME)));
    await store.write(buildCheckIn({ mood: 3, note: 'must survive' }, clock).ops);
    await assert.rejects(store.compact(), VerifyError);
    assert.strictEqual(sha(await fs.readFile(path.join(dir, SNAPSHOT_NAME))), before, 'the old snapshot stands');
    const names = await fs.readdir(dir);
    assert.ok(names.some((n) => n.includes('.compacting-')), 'the folded log is kept');
    assert.deepStrictEqual(names.filter((n) => /\.tmp-/.test(n)), [], 'no temp file is left');
    await store.close();
    const again = await JournalStore.open({ dir, sql, writer: false });
    assert.ok(recentEntries(again, 100).some((e) => e.checkIn.note === 'must survive'));
    await again.close();
  });
});
