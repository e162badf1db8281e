// Writes the demo journal (test/fixtures/demoJournal.ts) into <workspace>/.mood-journal through the
// real store, exactly as the extension would have written it day by day.
import * as path from 'path';
import { localDateOf, systemZone } from '../../src/core/time';
import { JournalStore } from '../../src/storage/journalStore';
import { loadSqlJs } from '../../src/storage/sqlLoader';
import { demoJournal } from '../fixtures/demoJournal';

export async function seedDemo(workspace: string, root: string, days = 90): Promise<number> {
  const zone = systemZone();
  const store = await JournalStore.open({
    dir: path.join(workspace, '.mood-journal'),
    sql: await loadSqlJs(path.join(root, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm')),
    compactAfterMs: 3_600_000
  });
  // Today's entries only up to this moment, so a check-in now is the latest one.
  const now = Date.now();
  const changes = demoJournal({ end: localDateOf(now, zone), zone, days, now });
  for (const ops of changes) await store.write(ops);
  await store.close();
  return changes.length;
}

if (require.main === module) {
  const [workspace, root] = process.argv.slice(2);
  seedDemo(workspace, root).then(
    (n) => console.log(`Seeded ${n} demo changes into ${workspace}/.mood-journal`),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
