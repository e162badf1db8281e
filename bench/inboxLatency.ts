// Inbox latency (`npm run bench -- inbox`): a line appended to the inbox file is in the journal
// within 2 s, through the path the extension takes (fs.watch on the folder, the 30 s poll behind it,
// the importer writing through the journal actions, the atomic clear), median of 9. No VS Code.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inboxHeader } from '../src/core/inbox/header';
import { localDateOf } from '../src/core/time';
import { InboxFile } from '../src/services/inbox/inboxFile';
import { InboxImporter, UNENDED_SETTLE_MS } from '../src/services/inbox/inboxImporter';
import { InboxWatcher } from '../src/services/inbox/inboxWatcher';
import { JournalStore } from '../src/storage/journalStore';
import { loadSqlJs } from '../src/storage/sqlLoader';
import { median, ROOT, type BenchRow } from './stats';
import { quietActions } from '../test/fixtures/quietActions';

const RUNS = 9;
const TIMEOUT_MS = 35_000;

export async function benchInboxLatency(root = ROOT): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-bench-inbox-'));
  const zone = 'UTC';
  const clock = { now: () => Date.now(), zone: () => zone, today: () => localDateOf(Date.now(), zone) };
  const store = await JournalStore.open({ dir: path.join(dir, 'journal'), sql: await loadSqlJs(path.join(root, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm')), now: clock.now, compactAfterMs: 3_600_000 });
  const actions = quietActions(store, clock);
  const file = new InboxFile(path.join(dir, 'inbox.md'), dir);
  await file.create(inboxHeader({ date: clock.today(), unit: 'mg' }));
  const importer = new InboxImporter({ file, journal: async () => store, write: (ops) => actions.importInbox(ops), context: () => ({ zone, unit: 'mg', medication: 'Escitalopram', defaultDose: null, now: clock.now() }) });
  const watcher = new InboxWatcher(file.file, () => importer.run());
  watcher.start();
  let lines = 0; // each line a minute of its own, all in the past
  /** Appends RUNS lines, each once the one before is in; their latencies. */
  const measure = async (written: (line: string) => string): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const before = store.select('checkins', 'deleted_at IS NULL').length;
      const arrived = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the line did not arrive')), TIMEOUT_MS);
        const off = store.onDidChange(() => {
          if (store.select('checkins', 'deleted_at IS NULL').length > before) {
            clearTimeout(timer);
            off();
            resolve();
          }
        });
      });
      const minute = new Date(Date.now() - (2 * RUNS - lines++) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
      const t = performance.now();
      fs.appendFileSync(file.file, written(`${minute} mood ${1 + (i % 10)} dose 10`));
      await arrived;
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 300)); // let the clear settle before the next line
    }
    return times;
  };
  let times: number[];
  let unended: number[];
  try {
    times = await measure((line) => `${line}\n`);
    // iOS Shortcuts' "Make New Line" writes the break before the line: the last line has none,
    // so it is read once it has stayed the same for UNENDED_SETTLE_MS.
    unended = await measure((line) => `\n${line}`);
  } finally {
    watcher.dispose();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const med = median(times);
  const late = median(unended);
  return [
    { size: RUNS, metric: `line appended → in the journal, median of ${RUNS}`, value: med, unit: 'ms', target: '≤ 2000 ms', pass: med <= 2000 },
    { size: RUNS, metric: '  slowest', value: Math.max(...times), unit: 'ms' },
    { size: RUNS, metric: `line with no line break after it (read once unchanged for ${UNENDED_SETTLE_MS} ms), median of ${RUNS}`, value: late, unit: 'ms', target: '≤ 2000 ms', pass: late <= 2000 },
    { size: RUNS, metric: '  slowest', value: Math.max(...unended), unit: 'ms' }
  ];
}
