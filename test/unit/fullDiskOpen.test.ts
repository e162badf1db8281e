// A full disk while the journal opens: the k-th system call that changes the disk fails (for every
// k across the open: merging a sync tool's copy, taking over an abandoned lock). The journal must
// open all the same, read-only, show everything, say so once, keep what is entered in memory, and
// once there is room again take the writer role and save it all.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { buildCheckIn } from '../../src/core/entries';
import { DiskFullError, JournalStore, LOCK_NAME, logName, MERGED_DIR, type StoreNotice } from '../../src/storage/journalStore';
import { recentEntries } from '../../src/storage/read/journal';
import { encodeChange } from '../../src/storage/opLog';
import { FaultyFiles, type FaultMode, type FaultPlan } from './faultyFiles';
import { fixedClock, sqlJs, tempDir } from './helpers';

const TODAY = '2026-05-04';
const LEFTOVER = /\.(?:tmp|new)-|\.stale-/;
const COPY = 'journal.lap (1).oplog';

describe('a full disk while the journal opens', function () {
  this.timeout(300_000);
  const clock = fixedClock('2026-05-04T08:00:00Z');
  let sql: SqlJsStatic;
  let template: string;
  /** Every entry in the journal on disk: snapshot, this machine's log, another's, a conflict copy. */
  const expected: string[] = [];

  const entry = (note: string) => {
    clock.advance(60_000);
    const { ops, checkIn } = buildCheckIn({ mood: 5, note }, clock);
    expected.push(checkIn.id);
    return ops;
  };

  before(async () => {
    sql = await sqlJs();
    template = await tempDir('mdj-open-full-');
    const store = await JournalStore.open({ dir: template, sql, machine: 'desk', today: () => '2026-05-03', compactAfterMs: 3_600_000 });
    for (let i = 0; i < 5; i++) await store.write(entry(`compacted ${i}`));
    await store.compact();
    await store.close();
    // Left by the last session: entries only in this machine's log, another machine's log, a sync
    // tool's copy of that log, and the lock of a window that crashed.
    await fs.writeFile(path.join(template, logName('desk')), Buffer.concat([encodeChange(entry('in my log')), encodeChange(entry('in my log too'))]));
    await fs.writeFile(path.join(template, logName('lap')), encodeChange(entry("in the laptop's log")));
    await fs.writeFile(path.join(template, COPY), encodeChange(entry("in a copy of the laptop's log")));
    await fs.writeFile(path.join(template, LOCK_NAME), JSON.stringify({ pid: 2_000_000_000, host: os.hostname(), token: 'crashed', heartbeat: Date.now() }));
  });

  interface Outcome {
    injected: number;
    calls: number;
    problems: string[];
  }

  async function run(plan: FaultPlan): Promise<Outcome> {
    const dir = await tempDir('mdj-open-full-run-');
    await fs.cp(template, dir, { recursive: true });
    const files = new FaultyFiles();
    files.arm(plan);
    const problems: string[] = [];
    const notices: StoreNotice[] = [];
    let store: JournalStore;
    try {
      store = await JournalStore.open({ dir, sql, files, machine: 'desk', today: () => TODAY, compactAfterMs: 3_600_000, retryUnsavedMs: 3_600_000 });
    } catch (e) {
      return { injected: files.injected, calls: files.calls, problems: [`the journal did not open: ${e}`] };
    }
    store.onNotice((n) => notices.push(n));
    const outcome = { injected: files.injected, calls: files.calls };
    const readOnly = () => notices.filter((n) => n.kind === 'read-only');

    const shown = new Set(recentEntries(store, 1000).map((e) => e.checkIn.id));
    const missing = expected.filter((id) => !shown.has(id));
    if (missing.length > 0) problems.push(`${missing.length} entr(ies) not shown`);
    if (outcome.injected > 0) {
      if (readOnly().length !== 1) problems.push(`said ${readOnly().length} times that it opened read-only`);
      const told = readOnly()[0];
      if (told?.kind === 'read-only' && (told.dir !== dir || told.freeBytes !== 4096 || !(told.neededBytes > 0))) problems.push(`the message does not name the folder and the space: ${JSON.stringify(told)}`);
      if (store.isWriter) problems.push('read-only, yet the writer');
    } else if (readOnly().length > 0 || !store.isWriter) problems.push('read-only although the disk had room');

    // An entry made now is kept (in memory while the disk is still full).
    clock.advance(60_000);
    const late = buildCheckIn({ mood: 7, note: 'entered while read-only' }, clock);
    try {
      await store.write(late.ops);
    } catch (e) {
      if (!(e instanceof DiskFullError)) problems.push(`a check-in failed with ${e}, not a DiskFullError`);
    }
    const left = (await fs.readdir(dir)).filter((n) => LEFTOVER.test(n));
    if (left.length > 0) problems.push(`temp files left: ${left.join(', ')}`);

    // Room again: the window becomes the writer, merges the copy for good and compacts.
    files.free();
    if (!(await store.retryUnsaved())) problems.push('the entry kept in memory was not saved');
    if (!(await store.heartbeat())) problems.push('did not become the writer once there was room');
    await store.refresh();
    await store.compact();
    if (readOnly().length > (outcome.injected > 0 ? 1 : 0)) problems.push('said it again');
    await store.close();

    const again = await JournalStore.open({ dir, sql, writer: false, backups: false, machine: 'other' });
    const saved = new Set(recentEntries(again, 1000).map((e) => e.checkIn.id));
    const lost = [...expected, late.checkIn.id].filter((id) => !saved.has(id));
    if (lost.length > 0) problems.push(`${lost.length} entr(ies) not on disk after reopening`);
    await again.close();
    if (!(await fs.readdir(path.join(dir, MERGED_DIR)).catch(() => [] as string[])).includes(COPY)) problems.push('the conflict copy was not merged and moved once there was room');
    return { ...outcome, problems };
  }

  /** The calls that change the disk while the journal opens: merging the copy, taking over the lock. */
  let total = 0;
  before(async () => {
    const outcome = await run({ k: Number.POSITIVE_INFINITY, mode: 'enospc' });
    assert.deepStrictEqual(outcome.problems, [], 'with room on the disk');
    total = outcome.calls;
    console.log(`      ${total} calls change the disk while the journal opens`);
    assert.ok(total >= 10, `${total} calls`);
  });

  for (const mode of ['enospc', 'short'] as FaultMode[]) {
    for (const sticky of [true, false]) {
      const what = `${mode === 'enospc' ? 'fails with ENOSPC' : 'writes short, then fails'}${sticky ? ' and the disk stays full' : ' once'}`;
      it(`opens read-only, shows everything and says so once when the k-th call ${what}, for every k`, async () => {
        assert.ok(total > 0);
        const failures: string[] = [];
        for (let k = 1; k <= total; k++) {
          const outcome = await run({ k, mode, sticky });
          if (outcome.injected === 0) failures.push(`k=${k}: no fault was injected`);
          for (const p of outcome.problems) failures.push(`k=${k}: ${p}`);
        }
        assert.deepStrictEqual(failures, []);
      });
    }
  }

  it('opens a journal whose folder cannot even be created, empty and read-only, and saves what is entered once there is room', async () => {
    const dir = path.join(await tempDir('mdj-open-no-folder-'), 'not', 'yet');
    const files = new FaultyFiles();
    files.arm({ k: 1, mode: 'enospc', sticky: true });
    const notices: StoreNotice[] = [];
    const store = await JournalStore.open({ dir, sql, files, machine: 'desk', compactAfterMs: 3_600_000, retryUnsavedMs: 3_600_000 });
    store.onNotice((n) => notices.push(n));
    assert.deepStrictEqual(notices.map((n) => n.kind), ['read-only']);
    const { ops, checkIn } = buildCheckIn({ mood: 4, note: 'first entry' }, clock);
    await assert.rejects(store.write(ops), DiskFullError);
    files.free();
    assert.ok(await store.retryUnsaved());
    assert.deepStrictEqual(recentEntries(store, 10).map((e) => e.checkIn.id), [checkIn.id]);
    await store.close();
  });
});
