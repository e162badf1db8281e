import * as assert from 'assert';
import { fork, type ChildProcess } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { JournalStore } from '../../src/storage/journalStore';
import { recentEntries } from '../../src/storage/read/journal';
import { testKey } from './encryptionFixture';
import { sqlJs, tempDir } from './helpers';

const WRITER = path.join(__dirname, 'children', 'writer.js');

interface Child {
  proc: ChildProcess;
  acked: string[];
  opened: Promise<void>;
  /** Resolves at the first acknowledged entry. */
  firstAck: Promise<void>;
  done: Promise<void>;
  seen: Promise<string[]>;
}

interface WriterOptions {
  dir: string;
  count: number;
  label: string;
  compactLogBytes: number;
  pauseMs?: number;
  key?: { keyFile: string; keyId: string; key: string };
  toggleEvery?: number;
}

function spawnWriter(opts: WriterOptions): Child {
  const proc = fork(WRITER, [JSON.stringify({ pauseMs: 0, ...opts })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const acked: string[] = [];
  const waiting = new Map<string, { resolve(v: unknown): void; reject(e: Error): void }>();
  const awaitMessage = <T>(type: string) => new Promise<T>((resolve, reject) => waiting.set(type, { resolve: resolve as (v: unknown) => void, reject }));
  const child: Child = { proc, acked, opened: awaitMessage('open'), firstAck: awaitMessage('ack'), done: awaitMessage('done'), seen: awaitMessage('seen') };
  proc.on('message', (m: { type: string; id?: string; ids?: string[] }) => {
    if (m.type === 'ack') acked.push(m.id!);
    waiting.get(m.type)?.resolve(m.ids);
  });
  // A writer that dies on its own (not killed by the test) fails the test instead of hanging it.
  proc.once('exit', (code, signal) => {
    if (signal !== null) return;
    for (const w of waiting.values()) w.reject(new Error(`writer ${opts.label} exited with code ${code}`));
  });
  for (const p of [child.opened, child.firstAck, child.done, child.seen]) p.catch(() => undefined);
  return child;
}

const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));

const STRAY = /\.(?:tmp|new)-|\.stale-|\.compacting-/;

async function strays(dir: string): Promise<string[]> {
  const backups = await fs.readdir(path.join(dir, 'backups')).catch(() => [] as string[]);
  return [...(await fs.readdir(dir)), ...backups.map((n) => `backups/${n}`)].filter((n) => STRAY.test(n));
}

describe('crash safety (separate processes)', function () {
  this.timeout(120_000);

  it('keeps every acknowledged entry through 200 SIGKILLs of two writers, and leaves no stray file', async function () {
    // Two writers per round, each killed at its own random moment: 100 rounds, 200 kills. On a
    // quiet 2-core machine this takes about a minute; on a loaded one, several.
    this.timeout(900_000);
    const dir = await tempDir('mdj-crash-');
    const sql = await sqlJs();
    const acknowledged: string[] = [];
    let midCompaction = 0;
    const seenLeftovers = new Set<string>();
    const started = Date.now();
    for (let round = 0; round < 100; round++) {
      // A small log threshold makes the writers compact every few entries, so kills land inside it.
      const pair = ['A', 'B'].map((w) => spawnWriter({ dir, count: 100_000, label: `round ${round}${w}`, compactLogBytes: 1500 }));
      await Promise.all(
        pair.map(async (child) => {
          // From its first entry on, so a slow (busy) machine still sees writes and compactions.
          await child.firstAck;
          await new Promise((r) => setTimeout(r, Math.random() * 400));
          child.proc.kill('SIGKILL');
          await exited(child.proc);
        })
      );
      for (const child of pair) acknowledged.push(...child.acked);
      // A compaction cut short leaves its renamed log or temp snapshot behind; count new ones.
      const leftovers = await strays(dir);
      if (leftovers.some((n) => !seenLeftovers.has(n))) midCompaction++;
      for (const n of leftovers) seenLeftovers.add(n);
      const store = await JournalStore.open({ dir, sql, writer: false });
      const present = new Set(recentEntries(store, 1_000_000).map((e) => e.checkIn.id));
      const missing = acknowledged.filter((id) => !present.has(id));
      assert.deepStrictEqual(missing, [], `round ${round}: acknowledged entries missing after SIGKILL`);
      assert.strictEqual(store.integrityCheck(), 'ok');
      await store.close();
    }
    assert.ok(acknowledged.length >= 200, `every writer acknowledged entries (${acknowledged.length})`);
    assert.ok(midCompaction > 0, 'at least one kill interrupted a compaction');
    // The next session, a minute or more later: leftovers of the dead writers are removed on open,
    // and its compaction folds every renamed log into the snapshot.
    const later = await JournalStore.open({ dir, sql, now: () => Date.now() + 2 * 60_000, today: () => new Date().toISOString().slice(0, 10) });
    assert.ok(later.isWriter, 'the dead writers\' lock is taken over');
    const present = new Set(recentEntries(later, 1_000_000).map((e) => e.checkIn.id));
    assert.deepStrictEqual(acknowledged.filter((id) => !present.has(id)), []);
    await later.close();
    assert.deepStrictEqual(await strays(dir), [], 'no stray files remain');
    assert.deepStrictEqual((await fs.readdir(dir)).filter((n) => n.includes('.lock')), [], 'the lock is released');
    console.log(`      ${acknowledged.length} acknowledged entries; ${midCompaction} of 100 rounds interrupted a compaction; ${seenLeftovers.size} leftovers seen and removed; ${Math.round((Date.now() - started) / 1000)} s`);
  });

  it('keeps every acknowledged entry through SIGKILLs while encryption is turned on and off, and opens with the key (or plainly)', async function () {
    this.timeout(900_000);
    const dir = await tempDir('mdj-crash-enc-');
    const sql = await sqlJs();
    const { keyFile, dataKey } = await testKey();
    const key = { keyFile: Buffer.from(keyFile).toString('base64'), keyId: dataKey.keyId, key: Buffer.from(dataKey.key).toString('base64') };
    const acknowledged: string[] = [];
    const states = new Set<string>();
    for (let round = 0; round < 40; round++) {
      const pair = ['A', 'B'].map((w) => spawnWriter({ dir, count: 100_000, label: `enc ${round}${w}`, compactLogBytes: 3000, key, toggleEvery: 3 }));
      await Promise.all(
        pair.map(async (child) => {
          await child.firstAck;
          await new Promise((r) => setTimeout(r, Math.random() * 600));
          child.proc.kill('SIGKILL');
          await exited(child.proc);
        })
      );
      for (const child of pair) acknowledged.push(...child.acked);
      const names = await fs.readdir(dir);
      states.add(`${names.includes('journal.key') ? 'key' : 'no key'}${names.includes('journal.key.changing') ? ', mid-change' : ''}`);
      // The user's key opens it whether or not the key file is there; plainly when it is not.
      for (const withKey of names.includes('journal.key') ? [true] : [false, true]) {
        const store = await JournalStore.open({ dir, sql, writer: false, dataKey: withKey ? dataKey : undefined });
        const present = new Set(recentEntries(store, 1_000_000).map((e) => e.checkIn.id));
        assert.deepStrictEqual(acknowledged.filter((id) => !present.has(id)), [], `round ${round}: acknowledged entries missing after SIGKILL (${withKey ? 'with' : 'without'} the key)`);
        await store.close();
      }
    }
    assert.ok(states.has('key, mid-change') || states.has('no key, mid-change'), `some kill landed mid-change: ${[...states].join('; ')}`);
    console.log(`      ${acknowledged.length} acknowledged entries; states seen after kills: ${[...states].join('; ')}`);
  });

  it('two processes writing 300 entries each, interleaved, both end up with all 600', async () => {
    const dir = await tempDir('mdj-two-');
    const a = spawnWriter({ dir, count: 300, label: 'A', compactLogBytes: 20_000, pauseMs: 1 });
    const b = spawnWriter({ dir, count: 300, label: 'B', compactLogBytes: 20_000, pauseMs: 1 });
    await Promise.all([a.done, b.done]);
    a.proc.send({ type: 'verify' });
    b.proc.send({ type: 'verify' });
    const [seenA, seenB] = await Promise.all([a.seen, b.seen]);
    await Promise.all([exited(a.proc), exited(b.proc)]);
    const all = new Set([...a.acked, ...b.acked]);
    assert.strictEqual(all.size, 600);
    assert.deepStrictEqual(new Set(seenA), all, 'window A sees all 600');
    assert.deepStrictEqual(new Set(seenB), all, 'window B sees all 600');
    const store = await JournalStore.open({ dir, sql: await sqlJs(), writer: false });
    assert.strictEqual(recentEntries(store, 10_000).length, 600, 'and so does a fresh reader');
    await store.close();
  });
});
