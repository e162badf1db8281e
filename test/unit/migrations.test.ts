import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn } from '../../src/core/entries';
import { JournalStore, SNAPSHOT_NAME } from '../../src/storage/journalStore';
import { recentEntries } from '../../src/storage/read/journal';
import { migrate, MIGRATIONS, SCHEMA_VERSION, userVersion } from '../../src/storage/migrations';
import { fixedClock, sqlJs, tempDir } from './helpers';

describe('migrations', () => {
  const clock = fixedClock('2026-02-01T08:00:00Z');

  /** A journal exactly as the given schema version wrote it, with one check-in and its dose. */
  async function journalAt(version: number): Promise<Uint8Array> {
    const SQL = await sqlJs();
    const db = new SQL.Database();
    migrate(db, version);
    if (version >= 1) {
      db.run(
        `INSERT INTO checkins (id, created_at, updated_at, deleted_at, at, local_date, utc_offset, mood, note)
         VALUES ('old-checkin-1', '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z', NULL, '2026-01-05T08:00:00.000Z', '2026-01-05', -300, 6, 'from v${version}')`
      );
      db.run(
        `INSERT INTO doses (id, created_at, updated_at, deleted_at, at, local_date, utc_offset, medication, mg, status, checkin_id)
         VALUES ('old-dose-1', '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z', NULL, '2026-01-05T08:00:00.000Z', '2026-01-05', -300, 'Escitalopram', 20, 'taken', 'old-checkin-1')`
      );
    }
    const bytes = db.export();
    db.close();
    return bytes;
  }

  for (let from = 0; from < SCHEMA_VERSION; from++) {
    it(`upgrades a journal from version ${from} to ${SCHEMA_VERSION} without losing rows`, async () => {
      const dir = await tempDir();
      await fs.writeFile(path.join(dir, SNAPSHOT_NAME), await journalAt(from));
      const store = await JournalStore.open({ dir, sql: await sqlJs(), compactAfterMs: 60_000 });
      assert.strictEqual(Number(store.query('PRAGMA user_version')[0][0]), SCHEMA_VERSION);
      const entries = recentEntries(store, 10);
      if (from >= 1) {
        assert.strictEqual(entries.length, 1);
        assert.strictEqual(entries[0].checkIn.note, `from v${from}`);
        assert.deepStrictEqual(entries[0].checkIn.tags, [], 'new columns get their defaults');
        assert.strictEqual(entries[0].dose?.mg, 20);
      }
      // Rows of the newest model can be written after the upgrade.
      await store.write(buildCheckIn({ mood: 8, tags: ['work'], energy: 6, symptoms: [{ key: 'dizziness', label: 'Dizziness', severity: 2 }] }, clock).ops);
      await store.close();
      const again = await JournalStore.open({ dir, sql: await sqlJs() });
      assert.strictEqual(recentEntries(again, 10).length, from >= 1 ? 2 : 1);
      assert.strictEqual(again.integrityCheck(), 'ok');
      await again.close();
    });
  }

  it('v3 gives every earlier medication the tablet defaults, and takes recalled periods and supply rows', async () => {
    for (const from of [0, 1, 2]) {
      const SQL = await sqlJs();
      const db = new SQL.Database();
      migrate(db, from);
      if (from >= 2) db.run(`INSERT INTO medications (id, created_at, updated_at, name) VALUES ('med-old-1', '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z', 'Escitalopram')`);
      const dir = await tempDir();
      await fs.writeFile(path.join(dir, SNAPSHOT_NAME), db.export());
      db.close();
      const store = await JournalStore.open({ dir, sql: await sqlJs(), compactAfterMs: 60_000 });
      if (from >= 2) {
        const med = store.get('medications', 'med-old-1');
        assert.deepStrictEqual([med?.name, med?.tabletMg, med?.split], ['Escitalopram', null, 'none'], `from v${from}`);
      }
      const base = { createdAt: '2026-02-01T08:00:00.000Z', updatedAt: '2026-02-01T08:00:00.000Z', deletedAt: null };
      await store.write([
        { table: 'recalled_periods', row: { id: 'recalled-1', ...base, medication: 'Escitalopram', startDate: '2025-03', endDate: '2025-06-14', mg: 30, context: 'Raised during the divorce', mood: 3, certainty: 'clearly' } },
        { table: 'tablet_supply', row: { id: 'supply-1', ...base, at: '2026-02-01T08:00:00.000Z', localDate: '2026-02-01', utcOffset: 0, medicationId: 'med-old-1', kind: 'refill', tablets: 30.5 } }
      ]);
      await store.close();
      const again = await JournalStore.open({ dir, sql: await sqlJs() });
      assert.strictEqual(again.get('recalled_periods', 'recalled-1')?.endDate, '2025-06-14', `from v${from}`);
      assert.strictEqual(again.get('tablet_supply', 'supply-1')?.tablets, 30.5, `from v${from}`);
      assert.strictEqual(again.integrityCheck(), 'ok');
      await again.close();
    }
  });

  it('has one migration per version and leaves a current journal alone', async () => {
    assert.strictEqual(MIGRATIONS.length, SCHEMA_VERSION);
    const SQL = await sqlJs();
    const db = new SQL.Database();
    migrate(db);
    assert.strictEqual(migrate(db), SCHEMA_VERSION);
    assert.strictEqual(userVersion(db), SCHEMA_VERSION);
    db.close();
  });

  it('rolls back a failing migration completely', async () => {
    const SQL = await sqlJs();
    const db = new SQL.Database();
    migrate(db, 1);
    db.run('CREATE TABLE medications (x)'); // makes v2's CREATE TABLE fail half-way
    assert.throws(() => migrate(db));
    assert.strictEqual(userVersion(db), 1);
    const cols = db.exec('PRAGMA table_info(checkins)')[0].values.map((v) => v[1]);
    assert.ok(!cols.includes('energy'), 'no half-applied columns');
    db.close();
  });
});
