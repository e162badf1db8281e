import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn, tombstone } from '../../src/core/entries';
import type { CheckIn, Op } from '../../src/core/schemas';
import { recentEntries } from '../../src/storage/read/journal';
import { JournalStore, LEGACY_LOG_NAME, type StoreNotice, type WriteResult } from '../../src/storage/journalStore';
import { encodeChange } from '../../src/storage/opLog';
import { fixedClock, sqlJs, tempDir } from './helpers';
import { SyncedPair, TOOLS, type Machine } from './syncSimulator';

/**
 * Two machines share the journal folder through a sync tool. Each logs entries while the two are
 * apart, then the tool syncs them with its own conflict rule and naming, three rounds over. After
 * every round, both machines must show every entry, as the newest change to it left it.
 */
describe('two machines sharing the folder through a sync tool (simulated)', function () {
  this.timeout(120_000);

  for (const tool of TOOLS) {
    it(`${tool.name}: offline edits on both machines, three syncs, deleted-here/edited-there both ways; every entry visible on both after each`, async () => {
      const sql = await sqlJs();
      const clock = fixedClock('2026-06-01T08:00:00Z');
      const a: Machine = { dir: await tempDir('mdj-sync-a-'), computer: 'DESKTOP-A1', user: 'Sam', device: 'AAAAAAA' };
      const b: Machine = { dir: await tempDir('mdj-sync-b-'), computer: 'LAPTOP-B2', user: 'Sam', device: 'BBBBBBB' };
      const pair = new SyncedPair(tool, a, b);
      const id = (m: Machine) => (m === a ? 'a' : 'b');

      // What every machine should show: the newest version of each check-in.
      const truth = new Map<string, CheckIn>();
      const learn = (ops: readonly Op[]) => {
        for (const op of ops) {
          const known = truth.get(op.row.id);
          if (op.table === 'checkins' && (!known || op.row.updatedAt > known.updatedAt)) truth.set(op.row.id, op.row as CheckIn);
        }
      };
      const expected = () => [...truth.values()].filter((c) => !c.deletedAt).map((c) => `${c.id} ${c.note}`).sort();
      const shown = (store: JournalStore) => recentEntries(store, 1000).map((e) => `${e.checkIn.id} ${e.checkIn.note}`).sort();

      const open: Map<Machine, JournalStore> = new Map();
      const merged: StoreNotice[] = [];
      const storeOf = async (m: Machine) => {
        let store = open.get(m);
        if (!store) {
          store = await JournalStore.open({ dir: m.dir, sql, machine: id(m), compactAfterMs: 3_600_000 });
          store.onNotice((n) => merged.push(n));
          open.set(m, store);
        }
        return store;
      };
      const closeAll = async () => {
        for (const store of open.values()) await store.close();
        open.clear();
      };
      const write = async (m: Machine, ops: Op[]): Promise<WriteResult> => {
        const result = await (await storeOf(m)).write(ops);
        assert.deepStrictEqual(result.notApplied, []);
        learn(result.applied);
        return result;
      };
      const add = async (m: Machine, note: string) => {
        clock.advance(60_000);
        return (await write(m, buildCheckIn({ mood: 5, note }, clock).ops)).applied[0].row.id;
      };
      const editNote = async (m: Machine, entry: string, note: string) => {
        clock.advance(60_000);
        const row = (await storeOf(m)).get('checkins', entry)!;
        await write(m, [{ table: 'checkins', row: { ...row, note, updatedAt: new Date(clock.now()).toISOString() } }]);
      };
      const remove = async (m: Machine, entry: string) => {
        clock.advance(60_000);
        await write(m, [{ table: 'checkins', row: tombstone((await storeOf(m)).get('checkins', entry)!, clock.now()) }]);
      };
      /** The machine's window closes (and compacts), or stays open with its changes in its log only. */
      const leave = async (m: Machine, how: 'close' | 'stay open') => {
        if (how === 'close') await open.get(m)?.close();
        if (how === 'close') open.delete(m);
      };
      const syncAndCheck = async (round: number, by: Machine) => {
        await pair.sync(by, new Date(clock.now()));
        for (const m of [a, b]) {
          const store = await storeOf(m);
          await store.refresh();
          assert.deepStrictEqual(shown(store), expected(), `round ${round}, machine ${id(m).toUpperCase()}: every entry, as last changed`);
        }
        await closeAll();
      };

      // Both machines ran v0.1 apart, each with entries in its journal.sqlite.oplog.
      for (const [m, note] of [[a, 'v0.1 on A'], [b, 'v0.1 on B']] as const) {
        clock.advance(60_000);
        const ops = buildCheckIn({ mood: 6, note }, clock).ops;
        await fs.writeFile(path.join(m.dir, LEGACY_LOG_NAME), encodeChange(ops));
        learn(ops);
      }

      // Round 1: each machine logs entries while apart and closes its window.
      const a1 = await add(a, 'a1');
      const a2 = await add(a, 'a2');
      await leave(a, 'close');
      const b1 = await add(b, 'b1');
      const b2 = await add(b, 'b2');
      await leave(b, 'close');
      await syncAndCheck(1, a);

      // Round 2: B edits a1 and deletes b1 and keeps its window open; later A deletes a1 (deleted
      // here, edited there: the later delete wins) and edits b1 (the later edit wins).
      await editNote(b, a1, 'a1 edited on B');
      await remove(b, b1);
      await add(b, 'b3');
      await leave(b, 'stay open');
      await remove(a, a1);
      await editNote(a, b1, 'b1 edited on A');
      await add(a, 'a3');
      await leave(a, 'close');
      await syncAndCheck(2, b);

      // Round 3: A deletes a2 and edits b2, window left open; later B edits a2 and deletes b2.
      await remove(a, a2);
      await editNote(a, b2, 'b2 edited on A');
      await add(a, 'a4');
      await leave(a, 'stay open');
      await editNote(b, a2, 'a2 edited on B');
      await remove(b, b2);
      await add(b, 'b4');
      await leave(b, 'close');
      await syncAndCheck(3, a);

      assert.ok(pair.conflicts > 0, 'the tool had conflicts to settle');
      assert.ok(merged.some((n) => n.kind === 'merged-copies'), 'and the journal merged its copies');
      assert.deepStrictEqual(
        expected().map((e) => e.split(' ').slice(1).join(' ')).sort(),
        ['a2 edited on B', 'a3', 'a4', 'b1 edited on A', 'b3', 'b4', 'v0.1 on A', 'v0.1 on B']
      );
    });
  }
});
