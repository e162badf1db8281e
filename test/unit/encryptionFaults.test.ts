// A full disk at every possible moment while encryption is turned on or off: the k-th system call
// that changes the disk fails (or writes short, then fails), for every k. Afterwards the journal
// opens (with the key when the key file is there, plainly when not) with every entry, no temp file
// is left, and doing the change again (or the next open) finishes it: nothing in plaintext once on,
// nothing sealed once off.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { isSealedFile } from '../../src/storage/crypto/sealed';
import { JournalStore } from '../../src/storage/journalStore';
import { recentEntries } from '../../src/storage/read/journal';
import { allFiles, canaryCheckIn, plaintextHits, testKey, type TestKey } from './encryptionFixture';
import { FaultyFiles, type FaultMode, type FaultPlan } from './faultyFiles';
import { fixedClock, sqlJs, tempDir } from './helpers';

const LEFTOVER = /\.(?:tmp|new)-|\.stale-|\.compacting-/;

describe('a full disk at every step while turning encryption on or off', function () {
  this.timeout(600_000);
  const clock = fixedClock('2026-05-04T08:00:00Z');
  let sql: SqlJsStatic;
  let key: TestKey;
  const templates: Record<'plain' | 'encrypted', string> = { plain: '', encrypted: '' };
  let ids: string[];

  const open = (dir: string, extra: object = {}) => JournalStore.open({ dir, sql, machine: 'a', worker: 'in-thread', compactAfterMs: 3_600_000, retryUnsavedMs: 3_600_000, today: () => clock.today(), now: () => clock.now(), ...extra });

  before(async () => {
    sql = await sqlJs();
    key = await testKey();
    templates.plain = await tempDir('mdj-encfault-plain-');
    const store = await open(templates.plain);
    for (let i = 0; i < 6; i++) {
      clock.advance(60_000);
      await store.write(canaryCheckIn(clock, i));
      if (i === 2) await store.compact(); // a snapshot and backups, then entries only in the log
    }
    ids = recentEntries(store, 100).map((e) => e.checkIn.id).sort();
    await store.close();
    templates.encrypted = await tempDir('mdj-encfault-enc-');
    await fs.cp(templates.plain, templates.encrypted, { recursive: true });
    const enc = await open(templates.encrypted);
    await enc.turnOnEncryption(key.keyFile, key.dataKey);
    await enc.close();
  });

  async function run(to: 'on' | 'off', plan: FaultPlan): Promise<{ calls: number; injected: number; problems: string[] }> {
    const dir = await tempDir('mdj-encfault-run-');
    await fs.cp(to === 'on' ? templates.plain : templates.encrypted, dir, { recursive: true });
    const files = new FaultyFiles();
    const problems: string[] = [];
    const store = await open(dir, { files, dataKey: to === 'off' ? key.dataKey : undefined });
    files.arm(plan);
    await (to === 'on' ? store.turnOnEncryption(key.keyFile, key.dataKey) : store.turnOffEncryption()).catch(() => undefined);
    const outcome = { calls: files.calls, injected: files.injected };
    files.free();
    const left = (await allFiles(dir)).filter((n) => LEFTOVER.test(n));
    if (left.length > 0) problems.push(`temp files left: ${left.join(', ')}`);
    await store.close();
    const keyed = await fs.stat(path.join(dir, 'journal.key')).then(() => true, () => false);
    const again = await open(dir, { dataKey: keyed ? key.dataKey : undefined });
    const present = recentEntries(again, 100).map((e) => e.checkIn.id).sort();
    if (present.join() !== ids.join()) problems.push(`entries after the fault: ${present.length} of ${ids.length}`);
    // Doing it again finishes the change (an open as the writer starts the same).
    await (to === 'on' ? again.turnOnEncryption(key.keyFile, key.dataKey) : again.turnOffEncryption()).catch((e: unknown) => {
      if ((e as { reason?: string }).reason !== 'already-off') problems.push(`finishing: ${String(e)}`);
    });
    if (again.encryption !== to) problems.push(`encryption is ${again.encryption}`);
    await again.close();
    if (to === 'on') for (const hit of await plaintextHits(dir)) problems.push(`plaintext left: ${hit}`);
    else for (const f of await allFiles(dir)) if (isSealedFile(await fs.readFile(path.join(dir, f))) || f.startsWith('journal.key')) problems.push(`sealed or key file left: ${f}`);
    const final = await open(dir, { dataKey: to === 'on' ? key.dataKey : undefined, writer: false });
    if (recentEntries(final, 100).length !== ids.length) problems.push('entries missing after finishing');
    await final.close();
    return { ...outcome, problems };
  }

  for (const to of ['on', 'off'] as const) {
    for (const mode of ['enospc', 'short'] as FaultMode[]) {
      it(`turning ${to}: loses nothing and finishes later when the k-th call ${mode === 'enospc' ? 'fails with ENOSPC' : 'writes short, then fails'}, for every k`, async () => {
        const count = await run(to, { k: Number.POSITIVE_INFINITY, mode });
        assert.deepStrictEqual(count.problems, []);
        assert.ok(count.calls >= 10, `${count.calls} calls`);
        const failures: string[] = [];
        for (let k = 1; k <= count.calls; k++) {
          const outcome = await run(to, { k, mode });
          if (outcome.injected === 0) failures.push(`k=${k}: no fault was injected`);
          for (const p of outcome.problems) failures.push(`k=${k}: ${p}`);
        }
        assert.deepStrictEqual(failures, []);
        console.log(`      ${count.calls} calls change the disk while turning ${to}; each failed in turn`);
      });
    }
  }
});
