// The file layer itself: every byte written and checked, failed writes leave nothing behind, modes
// are private, symbolic links in the data folder are refused, and crash leftovers are cleaned up.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCheckIn } from '../../src/core/entries';
import { SymlinkError } from '../../src/storage/fileErrors';
import { HASH_NAME, JournalStore, LEGACY_LOG_NAME, LOCK_NAME, logName, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { machineIdFromHost } from '../../src/storage/logSet';
import { recentEntries } from '../../src/storage/read/journal';
import { LEFTOVER_MIN_AGE_MS, removeLeftovers } from '../../src/storage/leftovers';
import { NodeFiles, realIo } from '../../src/storage/nodeFiles';
import { decodeLog, encodeChange } from '../../src/storage/opLog';
import { enospc } from './faultyFiles';
import { fixedClock, sqlJs, tempDir } from './helpers';

const text = (s: string) => new TextEncoder().encode(s);
const mode = async (p: string) => (await fs.stat(p)).mode & 0o777;

describe('checked writes', () => {
  it('writes every byte when the disk accepts only a few at a time', async () => {
    const dir = await tempDir();
    const files = new NodeFiles({
      io: {
        write: (handle, data, offset, length) => realIo.write(handle, data, offset, Math.min(length, 7)),
        writeSync: (fd, data, offset, length) => realIo.writeSync(fd, data, offset, Math.min(length, 5))
      }
    });
    const big = text('0123456789'.repeat(100));
    await files.writeAtomic(path.join(dir, 'snapshot'), big);
    assert.deepStrictEqual(new Uint8Array(await fs.readFile(path.join(dir, 'snapshot'))), big);
    await files.appendDurable(path.join(dir, 'log'), big);
    assert.deepStrictEqual(new Uint8Array(await fs.readFile(path.join(dir, 'log'))), big);
    files.dispose();
  });

  it('keeps the old file and leaves no temp file when the disk fills mid-write', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'journal.sqlite');
    await fs.writeFile(file, 'the old, good file');
    let calls = 0;
    const files = new NodeFiles({
      io: {
        write: async (handle, data, offset, length) => {
          if (calls++ > 0) throw enospc('write');
          return realIo.write(handle, data, offset, Math.floor(length / 2));
        }
      }
    });
    await assert.rejects(files.writeAtomic(file, text('x'.repeat(10_000))), /ENOSPC/);
    assert.strictEqual(await fs.readFile(file, 'utf8'), 'the old, good file');
    assert.deepStrictEqual(await fs.readdir(dir), ['journal.sqlite']);
  });

  it('refuses to rename a temp file whose size on disk is not what was written', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'journal.sqlite');
    await fs.writeFile(file, 'the old, good file');
    // A layer that claims every byte was written but drops half of them.
    const files = new NodeFiles({ io: { write: async (handle, data, offset, length) => (await realIo.write(handle, data, offset, Math.ceil(length / 2)), length) } });
    await assert.rejects(files.writeAtomic(file, text('y'.repeat(10_000))), /holds 5000 bytes after writing 10000/);
    assert.strictEqual(await fs.readFile(file, 'utf8'), 'the old, good file');
    assert.deepStrictEqual(await fs.readdir(dir), ['journal.sqlite']);
  });

  it('keeps the old file and removes the temp file when verification fails', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'f');
    await fs.writeFile(file, 'old');
    const files = new NodeFiles();
    let seen = '';
    await assert.rejects(
      files.writeAtomic(file, text('new'), {
        verify: async (tmp) => {
          seen = await fs.readFile(tmp, 'utf8');
          throw new Error('not what was meant');
        }
      }),
      /not what was meant/
    );
    assert.strictEqual(seen, 'new', 'verify reads the temp file as written');
    assert.strictEqual(await fs.readFile(file, 'utf8'), 'old');
    assert.deepStrictEqual(await fs.readdir(dir), ['f']);
  });

  it('rejects an append cut short, and the next record is still read intact', async () => {
    const dir = await tempDir();
    const log = path.join(dir, 'log');
    let cut = false;
    const files = new NodeFiles({
      io: {
        writeSync: (fd, data, offset, length) => {
          if (cut) {
            cut = false;
            throw Object.assign(new Error('EFBIG: file too large'), { code: 'EFBIG' });
          }
          return realIo.writeSync(fd, data, offset, length);
        }
      }
    });
    const clock = fixedClock('2026-05-04T08:00:00Z');
    const a = encodeChange(buildCheckIn({ mood: 3 }, clock).ops);
    const b = encodeChange(buildCheckIn({ mood: 4 }, clock).ops);
    const c = encodeChange(buildCheckIn({ mood: 5 }, clock).ops);
    await files.appendDurable(log, a);
    // Half of b lands, then the write fails: the call must reject (never acknowledged).
    const half = b.subarray(0, b.length >> 1);
    await fs.appendFile(log, half);
    cut = true;
    await assert.rejects(files.appendDurable(log, b.subarray(half.length)), /EFBIG/);
    await files.appendDurable(log, c);
    const decoded = decodeLog(await fs.readFile(log));
    assert.strictEqual(decoded.changes.length, 2);
    assert.strictEqual(decoded.badRecords, 1);
    assert.strictEqual((decoded.changes[1][0].row as { mood: number }).mood, 5);
    files.dispose();
  });

  it('makes files 0600 and folders 0700, including copies of files that were not', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = await tempDir();
    const files = new NodeFiles();
    const sub = path.join(dir, 'a', 'b');
    await files.mkdirp(sub);
    assert.strictEqual(await mode(path.join(dir, 'a')), 0o700);
    assert.strictEqual(await mode(sub), 0o700);
    await files.writeAtomic(path.join(sub, 'w'), text('w'));
    await files.appendDurable(path.join(sub, 'l'), text('l'));
    await files.createExclusive(path.join(sub, 'c'), text('c'));
    await fs.writeFile(path.join(sub, 'open'), 'from elsewhere', { mode: 0o644 });
    await files.copy(path.join(sub, 'open'), path.join(sub, 'copy'));
    for (const name of ['w', 'l', 'c', 'copy']) assert.strictEqual(await mode(path.join(sub, name)), 0o600, name);
    files.dispose();
  });
});

describe('symbolic links in the data folder', () => {
  async function linked(): Promise<{ dir: string; link: string; target: string }> {
    const root = await tempDir();
    const target = path.join(root, 'NOTES.md');
    await fs.writeFile(target, '# Project notes\n');
    const dir = path.join(root, '.mood-journal');
    await fs.mkdir(dir);
    return { dir, link: path.join(dir, 'linked'), target };
  }

  it('are refused by every file operation, naming the file and the fix, and the target is untouched', async () => {
    const { link, target } = await linked();
    await fs.symlink(target, link);
    const files = new NodeFiles();
    const ops: [string, () => Promise<unknown>][] = [
      ['read', () => files.read(link)],
      ['readFrom', () => files.readFrom(link, 0)],
      ['appendDurable', () => files.appendDurable(link, text('mood 2, note: private'))],
      ['writeAtomic', () => files.writeAtomic(link, text('private'))],
      ['identity', () => files.identity(link)],
      ['copy', () => files.copy(link, `${link}.copy`)],
      ['copy onto a link', () => files.copy(target, link)],
      ['rename', () => files.rename(link, `${link}.moved`)]
    ];
    for (const [name, op] of ops) {
      await assert.rejects(op(), (e: unknown) => {
        assert.ok(e instanceof SymlinkError, `${name}: ${e}`);
        assert.strictEqual(e.file, link);
        assert.strictEqual(e.target, target, `${name}: names where the link leads`);
        assert.strictEqual(e.message, `${link} is a link to ${target}; the journal never follows a link in its folder. Remove the link, or choose a data folder in your user settings (moodDose.dataFolder).`);
        return true;
      });
    }
    assert.strictEqual(await fs.readFile(target, 'utf8'), '# Project notes\n');
    assert.ok((await fs.lstat(link)).isSymbolicLink(), 'the link itself is left for the user');
    files.dispose();
  });

  it('allow a data folder reached through a linked parent folder', async () => {
    const real = await tempDir();
    const viaLink = path.join(await tempDir(), 'workspace');
    await fs.symlink(real, viaLink);
    const store = await JournalStore.open({ dir: path.join(viaLink, '.mood-journal'), sql: await sqlJs(), compactAfterMs: 60_000 });
    await store.write(buildCheckIn({ mood: 7 }, fixedClock('2026-05-04T08:00:00Z')).ops);
    await store.close();
    assert.ok((await fs.readdir(path.join(real, '.mood-journal'))).includes(SNAPSHOT_NAME));
  });

  // This machine's log, the v0.1 log and its compaction leftover, and every other file the store opens.
  const ownLog = logName(machineIdFromHost(os.hostname()));
  for (const name of [ownLog, LEGACY_LOG_NAME, SNAPSHOT_NAME, HASH_NAME, LOCK_NAME, `${ownLog}.compacting-1-2`, `${LEGACY_LOG_NAME}.compacting-1-2`, 'backups']) {
    it(`stop the journal from opening when ${name} is one, and nothing is written through it`, async () => {
      const { dir, target } = await linked();
      await fs.symlink(name === 'backups' ? path.dirname(target) : path.relative(dir, target), path.join(dir, name));
      const before = await fs.readFile(target, 'utf8');
      const opening = JournalStore.open({ dir, sql: await sqlJs(), today: () => '2026-05-04', compactAfterMs: 0 });
      await assert.rejects(opening, (e: unknown) => e instanceof SymlinkError && e.file === path.join(dir, name) && e.message.startsWith(`${path.join(dir, name)} is a link to `) && /Remove the link, or choose a data folder in your user settings/.test(e.message));
      assert.strictEqual(await fs.readFile(target, 'utf8'), before);
    });
  }

  it('a shipped op log -> ../NOTES.md: a check-in is refused and NOTES.md is unchanged', async () => {
    const { dir, target } = await linked();
    const sql = await sqlJs();
    const clock = fixedClock('2026-05-04T08:00:00Z');
    // The journal was fine when it opened; then a checkout put the link in the log's place.
    const store = await JournalStore.open({ dir, sql, compactAfterMs: 60_000 });
    await store.write(buildCheckIn({ mood: 6, note: 'before' }, clock).ops);
    await fs.rm(store.logPath);
    await fs.symlink('../NOTES.md', store.logPath);
    await assert.rejects(store.write(buildCheckIn({ mood: 2, note: 'private note', dose: { mg: 10, status: 'taken', medication: 'E' } }, clock).ops), SymlinkError);
    assert.strictEqual(await fs.readFile(target, 'utf8'), '# Project notes\n');
    assert.deepStrictEqual(recentEntries(store, 10).map((e) => e.checkIn.note), ['before'], 'the refused entry is not shown as saved');
    await store.close();
    assert.strictEqual(await fs.readFile(target, 'utf8'), '# Project notes\n', 'closing writes nothing through it either');
  });
});

describe('crash leftovers', () => {
  const host = os.hostname();
  const dead = 2_000_000_000; // far above any real pid

  async function ageFile(file: string, ms: number): Promise<void> {
    const t = new Date(Date.now() - ms);
    await fs.utimes(file, t, t);
  }

  it('removes old temp files, lock candidates and claims of dead processes, and nothing else', async () => {
    const dir = await tempDir();
    const backups = path.join(dir, 'backups');
    await fs.mkdir(backups);
    const claim = (pid: number, h = host) => JSON.stringify({ pid, host: h, token: `${pid}-x`, heartbeat: 0 });
    const files: Record<string, [string, number]> = {
      // name: [content, age in ms]
      [`journal.sqlite.tmp-${dead}-abc`]: ['partial private snapshot', 120_000],
      [`journal.sqlite.sha256.tmp-${dead}-abc`]: ['{}', 120_000],
      [`journal.sqlite.lock.new-${dead}-abc`]: ['{}', 120_000],
      [`journal.sqlite.lock.stale-${dead}-abc`]: ['{}', 120_000],
      ['journal.sqlite.lock.stale-1a2b3c-4f']: [claim(dead), 120_000],
      ['journal.sqlite.lock.stale-5d6e7f-4f']: [claim(process.pid, 'another-machine'), 120_000],
      [`backups/daily-2026-05-04.sqlite.tmp-${dead}-abc`]: ['partial backup', 120_000],
      // kept: too young, a live process, a claim by a live process, and real journal files
      [`journal.sqlite.tmp-${dead}-young`]: ['in progress?', 1_000],
      [`journal.sqlite.tmp-${process.pid}-live`]: ['being written', 120_000],
      ['journal.sqlite.lock.stale-0a0b0c-4f']: [claim(process.pid), 120_000],
      ['journal.sqlite']: ['snapshot', 120_000],
      ['journal.sqlite.oplog.compacting-1-2']: ['a log to replay', 120_000],
      ['journal.sqlite.corrupt-2026-05-04T08-00-00-000Z']: ['kept for the user', 120_000],
      ['backups/daily-2026-05-03.sqlite']: ['backup', 120_000]
    };
    for (const [name, [content, age]] of Object.entries(files)) {
      await fs.writeFile(path.join(dir, name), content);
      await ageFile(path.join(dir, name), age);
    }
    const removed = await removeLeftovers(new NodeFiles(), [dir, backups], { now: Date.now, host });
    assert.deepStrictEqual(removed.sort(), Object.keys(files).slice(0, 7).map((n) => path.basename(n)).sort());
    const left = [...(await fs.readdir(dir)).filter((n) => n !== 'backups'), ...(await fs.readdir(backups)).map((n) => `backups/${n}`)];
    assert.deepStrictEqual(left.sort(), Object.keys(files).slice(7).sort());
  });

  it('are removed when the journal opens, after a minute', async () => {
    const dir = await tempDir();
    const sql = await sqlJs();
    const tmp = path.join(dir, `journal.sqlite.tmp-${dead}-xyz`);
    await fs.writeFile(tmp, 'partial private snapshot');
    const young = await JournalStore.open({ dir, sql, writer: false });
    await young.close();
    assert.ok((await fs.readdir(dir)).includes(path.basename(tmp)), 'younger than a minute: maybe still being written');
    const later = await JournalStore.open({ dir, sql, writer: false, now: () => Date.now() + LEFTOVER_MIN_AGE_MS + 1000 });
    await later.close();
    assert.ok(!(await fs.readdir(dir)).includes(path.basename(tmp)));
  });
});
