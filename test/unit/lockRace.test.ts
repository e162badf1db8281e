// Stale-lock takeover under every interleaving: contenders run on an in-memory files layer that
// pauses each of them before every file operation, and a scheduler decides who goes next. Two
// contenders are explored exhaustively; three by a few hundred random schedules.
import * as assert from 'assert';
import type { FileIdentity, JournalFiles } from '../../src/storage/files';
import { CLAIM_INFIX, WriterLock } from '../../src/storage/writerLock';

/** Files in memory; each operation is atomic, as the real ones are on a local disk. */
class MemFiles {
  readonly data = new Map<string, Uint8Array>();
  private ino = 1;
  private readonly inodes = new Map<string, number>();

  set(p: string, bytes: Uint8Array): void {
    this.data.set(p, bytes);
    this.inodes.set(p, this.ino++);
  }

  read(p: string): Uint8Array | undefined {
    return this.data.get(p);
  }

  createExclusive(p: string, bytes: Uint8Array): boolean {
    if (this.data.has(p)) return false;
    this.set(p, bytes);
    return true;
  }

  rename(from: string, to: string): void {
    const bytes = this.data.get(from);
    if (!bytes) throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
    this.data.delete(from);
    this.set(to, bytes);
  }

  identity(p: string): FileIdentity | undefined {
    const bytes = this.data.get(p);
    return bytes && { size: bytes.length, mtimeMs: 0, ino: this.inodes.get(p)! };
  }
}

/** Decides which paused contender runs its next file operation. */
class Scheduler {
  private readonly waiting = new Map<string, () => void>();
  private running = 0;
  /** At each point where several could go: how many could, and which index went. */
  readonly decisions: { options: number; chosen: number }[] = [];
  /** Once set, nobody pauses any more. */
  free = false;

  constructor(private readonly choose: (options: number, point: number) => number) {}

  start(count: number): void {
    this.running = count;
  }

  /** Called by a contender before each file operation. */
  pause(who: string): Promise<void> {
    if (this.free) return Promise.resolve();
    return new Promise((resume) => {
      this.waiting.set(who, resume);
      this.running--;
      this.next();
    });
  }

  finished(): void {
    this.running--;
    this.next();
  }

  private next(): void {
    if (this.running > 0 || this.waiting.size === 0) return;
    const names = [...this.waiting.keys()].sort();
    let chosen = 0;
    if (names.length > 1) {
      chosen = this.choose(names.length, this.decisions.length);
      this.decisions.push({ options: names.length, chosen });
    }
    const resume = this.waiting.get(names[chosen])!;
    this.waiting.delete(names[chosen]);
    this.running++;
    resume();
  }
}

/** One contender's view of the files: every call first waits for the scheduler. */
function gated(mem: MemFiles, scheduler: Scheduler, who: string): JournalFiles {
  const step = async <T>(fn: () => T): Promise<T> => {
    await scheduler.pause(who);
    return fn();
  };
  const unused = () => Promise.reject(new Error('not used by the lock'));
  return {
    read: (p) => step(() => mem.read(p)),
    readFrom: unused,
    appendDurable: unused,
    writeAtomic: (p, bytes) => step(() => mem.set(p, bytes)),
    createExclusive: (p, bytes) => step(() => mem.createExclusive(p, bytes)),
    rename: (from, to) => step(() => mem.rename(from, to)),
    copy: unused,
    remove: (p) => step(() => void mem.data.delete(p)),
    list: (dir) => step(() => [...mem.data.keys()].filter((k) => k.startsWith(`${dir}/`)).map((k) => k.slice(dir.length + 1))),
    identity: (p) => step(() => mem.identity(p)),
    mkdirp: () => Promise.resolve()
  };
}

const LOCK = '/journal/journal.sqlite.lock';
const NOW = 10_000_000;

interface Round {
  results: boolean[];
  locks: WriterLock[];
  mem: MemFiles;
  scheduler: Scheduler;
  decisions: Scheduler['decisions'];
}

/** A lock abandoned by a dead process, then `n` contenders calling tryAcquire at once. */
async function round(n: number, choose: (options: number, point: number) => number): Promise<Round> {
  const mem = new MemFiles();
  mem.set(LOCK, new TextEncoder().encode(JSON.stringify({ pid: 999, host: 'h', token: '999-dead', heartbeat: NOW - 60_000 })));
  const scheduler = new Scheduler(choose);
  const names = Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
  const locks = names.map((who, i) => new WriterLock(gated(mem, scheduler, who), LOCK, { now: () => NOW, pid: 100 + i, host: 'h', isAlive: (pid) => pid !== 999 }));
  scheduler.start(n);
  const results = await Promise.all(
    locks.map(async (lock) => {
      try {
        return await lock.tryAcquire();
      } finally {
        scheduler.finished();
      }
    })
  );
  return { results, locks, mem, scheduler, decisions: scheduler.decisions };
}

/** What must hold after any interleaving. */
async function check(r: Round): Promise<string | undefined> {
  const holders = r.locks.filter((l) => l.held);
  if (holders.length > 1) return `${holders.length} contenders believe they hold the lock`;
  if (r.results.some((ok, i) => ok !== r.locks[i].held)) return 'a result disagrees with held';
  const file = r.mem.read(LOCK);
  const token = file && (JSON.parse(new TextDecoder().decode(file)) as { token: string }).token;
  if (holders.length === 1 && token !== holders[0].id) return 'the holder is not the one named in the lock file';
  const claims = [...r.mem.data.keys()].filter((k) => k.includes(CLAIM_INFIX));
  if (claims.length > 0) return `claims left behind: ${claims.join(', ')}`;
  return undefined;
}

/** Afterwards, with no pauses: the holder keeps it, everyone else is refused, and one holds it. */
async function settle(r: Round): Promise<string | undefined> {
  r.scheduler.free = true;
  let holders = 0;
  for (const l of r.locks) if (l.held ? await l.heartbeat() : await l.tryAcquire()) holders++;
  return holders === 1 ? undefined : `${holders} holders once everything settled`;
}

describe('writer lock takeover races', () => {
  it('two contenders: under every interleaving, at most one holds the lock, and it is the one in the file', async () => {
    let prefix: number[] = [];
    let explored = 0;
    const failures: string[] = [];
    for (;;) {
      const r = await round(2, (_options, point) => prefix[point] ?? 0);
      explored++;
      const problem = (await check(r)) ?? (await settle(r));
      if (problem) failures.push(`schedule ${r.decisions.map((d) => d.chosen).join('')}: ${problem}`);
      // Depth-first: the next schedule changes the last decision that still has an untried option.
      let i = r.decisions.length - 1;
      while (i >= 0 && r.decisions[i].chosen + 1 >= r.decisions[i].options) i--;
      if (i < 0) break;
      prefix = [...r.decisions.slice(0, i).map((d) => d.chosen), r.decisions[i].chosen + 1];
    }
    assert.deepStrictEqual(failures.slice(0, 5), []);
    assert.ok(explored > 20, `${explored} interleavings explored`);
    console.log(`      ${explored} interleavings of two contenders explored`);
  });

  it('three contenders: 300 random interleavings', async () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const failures: string[] = [];
    for (let i = 0; i < 300; i++) {
      const r = await round(3, (options) => Math.floor(random() * options));
      const problem = (await check(r)) ?? (await settle(r));
      if (problem) failures.push(`run ${i}: ${problem}`);
    }
    assert.deepStrictEqual(failures.slice(0, 5), []);
  });
});
