// Storage benchmark: durable check-in latency against the bare JSONL+fsync floor measured in the
// same run, cold load, compaction, load with a pending log, and memory, at 1k, 10k and 100k entries.
// Encrypted beside plain in the same run: the durable check-in (writes interleaved with the plain
// ones) and the cold open (the data key handed in, as after an unlock: the KDF is measured apart,
// `npm run bench -- kdf`).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCheckIn, type Clock } from '../src/core/entries';
import type { DataKey } from '../src/storage/crypto/dataKey';
import { createKeyFile } from '../src/storage/crypto/keyFile';
import { HASH_NAME, JournalStore, SNAPSHOT_NAME } from '../src/storage/journalStore';
import { migrate } from '../src/storage/migrations';
import { encodeChange } from '../src/storage/opLog';
import { sha256 } from '../src/storage/snapshotCheck';
import { loadSqlJs } from '../src/storage/sqlLoader';
import { toParams, upsertSql } from '../src/storage/tables';
import { median, percentile, ROOT, type BenchRow } from './stats';

const WASM = path.join(ROOT, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
const NOTES = [
  'Slept badly, woke at 4. Bit dizzy in the afternoon, better after a walk with the dog.',
  'Good day at work. Felt calm, some brain zaps in the evening but short ones this time.',
  'Irritable in the morning, court papers arrived. Talked to my sister, that helped a lot.',
  'Tired but steady. Took the dose at 8 with breakfast. Vivid dreams again last night too.'
];

/** A journal of `n` realistic check-ins (each with its dose) spread over the last n/2 days. */
async function seedJournal(dir: string, n: number): Promise<void> {
  const SQL = await loadSqlJs(WASM);
  const db = new SQL.Database();
  migrate(db);
  const start = Date.parse('2020-01-01T08:00:00Z');
  let t = start;
  const clock: Clock = { now: () => t, zone: () => 'UTC' };
  const insCheckIn = db.prepare(upsertSql('checkins'));
  const insDose = db.prepare(upsertSql('doses'));
  db.run('BEGIN');
  for (let i = 0; i < n; i++) {
    t = start + i * 12 * 3600_000;
    const { ops } = buildCheckIn(
      { mood: 3 + (i % 7), note: NOTES[i % NOTES.length], tags: i % 5 === 0 ? ['work'] : [], dose: { mg: i < n / 2 ? 20 : 10, status: 'taken', medication: 'Escitalopram' } },
      clock
    );
    insCheckIn.run(toParams('checkins', ops[0].row as never));
    insDose.run(toParams('doses', ops[1].row as never));
  }
  db.run('COMMIT');
  insCheckIn.free();
  insDose.free();
  fs.writeFileSync(path.join(dir, SNAPSHOT_NAME), db.export());
  db.close();
  // Let the extension take the file over once, as after its first compaction: this records the
  // snapshot's hash, so later loads skip the full integrity check.
  const store = await JournalStore.open({ dir, sql: SQL });
  await store.compact();
  await store.close();
}

/** Cold load in a fresh process: WASM compile plus opening the journal, and the RSS after. */
function coldLoad(dir: string, key?: DataKey): { ms: number; rssMb: number } {
  const keyArg = key ? [JSON.stringify({ keyId: key.keyId, key: Buffer.from(key.key).toString('base64') })] : [];
  const out = execFileSync(process.execPath, [__filename, '--cold-load', dir, ...keyArg], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function coldLoadChild(dir: string, keyArg: string | undefined): Promise<void> {
  const parsed = keyArg ? (JSON.parse(keyArg) as { keyId: string; key: string }) : undefined;
  const dataKey = parsed && { keyId: parsed.keyId, key: new Uint8Array(Buffer.from(parsed.key, 'base64')) };
  const t0 = performance.now();
  const store = await JournalStore.open({ dir, sql: await loadSqlJs(WASM), writer: false, dataKey });
  const ms = performance.now() - t0;
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  await store.close();
  console.log(JSON.stringify({ ms, rssMb }));
}

function timed(fn: () => void): number {
  const s = performance.now();
  fn();
  return performance.now() - s;
}

async function measure(n: number): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mdj-bench-${n}-`));
  await seedJournal(dir, n);
  const sql = await loadSqlJs(WASM);
  const rows: BenchRow[] = [];

  const colds = Array.from({ length: 5 }, () => coldLoad(dir));
  rows.push({ size: n, metric: 'cold load (WASM + open), median of 5', value: median(colds.map((c) => c.ms)), unit: 'ms' });
  rows.push({ size: n, metric: 'RSS after cold load, median of 5', value: median(colds.map((c) => c.rssMb)), unit: 'MB' });
  // A file changed outside the extension (sync, restore) gets the full PRAGMA integrity_check.
  const hashFile = path.join(dir, HASH_NAME);
  const hash = fs.readFileSync(hashFile);
  fs.rmSync(hashFile);
  rows.push({ size: n, metric: 'cold load of a file changed elsewhere (full integrity_check), median of 3', value: median(Array.from({ length: 3 }, () => coldLoad(dir).ms)), unit: 'ms' });
  fs.writeFileSync(hashFile, hash);
  // What confirming our own snapshot costs just after each open (a file damaged in place keeps its
  // inode, size and mtime, so the whole file is hashed), against the alternative of a quick_check.
  const bytes = fs.readFileSync(path.join(dir, SNAPSHOT_NAME));
  rows.push({ size: n, metric: 'trust check after open: SHA-256 of the whole snapshot (warm), median of 5', value: median(Array.from({ length: 5 }, () => timed(() => void sha256(bytes)))), unit: 'ms' });
  rows.push({
    size: n,
    metric: 'alternative trust check: open + PRAGMA quick_check, median of 5',
    value: median(Array.from({ length: 5 }, () => timed(() => {
      const db = new sql.Database(bytes);
      db.exec('PRAGMA quick_check');
      db.close();
    }))),
    unit: 'ms'
  });
  rows.push({ size: n, metric: 'snapshot size', value: bytes.length / 1024 / 1024, unit: 'MB' });

  // The same journal encrypted, in a folder of its own.
  const encDir = `${dir}-encrypted`;
  fs.cpSync(dir, encDir, { recursive: true });
  const { bytes: keyFile, dataKey } = await createKeyFile('bench passphrase');
  const turning = await JournalStore.open({ dir: encDir, sql });
  await turning.turnOnEncryption(keyFile, dataKey);
  await turning.close();
  // Plain and encrypted in turns, each pair under the same load (a shared machine's load swings more
  // between two blocks of five than one decrypt costs); the ratio is the median of the pairs' ratios.
  const pairs = Array.from({ length: 7 }, () => ({ plain: coldLoad(dir).ms, encrypted: coldLoad(encDir, dataKey).ms }));
  rows.push({ size: n, metric: 'cold load plain, paired with the encrypted ones, median of 7', value: median(pairs.map((p) => p.plain)), unit: 'ms' });
  rows.push({ size: n, metric: 'cold load encrypted (WASM + open + decrypt; KDF apart), median of 7', value: median(pairs.map((p) => p.encrypted)), unit: 'ms' });
  rows.push({ size: n, metric: 'ratio cold load encrypted / plain', value: median(pairs.map((p) => p.encrypted / p.plain)), unit: '×' });

  // Durable check-ins (plain, encrypted) and the floor, interleaved so all see the same disk conditions.
  const store = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000, compactLogBytes: Number.MAX_SAFE_INTEGER });
  const encStore = await JournalStore.open({ dir: encDir, sql, dataKey, compactAfterMs: 3_600_000, compactLogBytes: Number.MAX_SAFE_INTEGER });
  const encrypted: number[] = [];
  let t = Date.parse('2026-06-01T08:00:00Z');
  const clock: Clock = { now: () => (t += 1000), zone: () => 'UTC' };
  const floorFile = path.join(dir, 'floor.jsonl');
  const floorFd = fs.openSync(floorFile, 'a');
  const durable: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < 200; i++) {
    const { ops } = buildCheckIn({ mood: 6, note: NOTES[i % 4], dose: { mg: 10, status: 'taken', medication: 'Escitalopram' } }, clock);
    let s = performance.now();
    await store.write(ops);
    durable.push(performance.now() - s);
    s = performance.now();
    await encStore.write(ops); // the same rows, in the encrypted copy
    encrypted.push(performance.now() - s);
    const line = JSON.stringify(ops) + '\n';
    s = performance.now();
    fs.writeSync(floorFd, line);
    fs.fsyncSync(floorFd);
    floor.push(performance.now() - s);
  }
  fs.closeSync(floorFd);
  const p50 = percentile(durable, 50);
  const floor50 = percentile(floor, 50);
  rows.push({ size: n, metric: 'durable check-in p50', value: p50, unit: 'ms' });
  rows.push({ size: n, metric: 'durable check-in p90', value: percentile(durable, 90), unit: 'ms' });
  rows.push({ size: n, metric: 'JSONL append + fsync floor p50', value: floor50, unit: 'ms' });
  rows.push({ size: n, metric: 'JSONL append + fsync floor p90', value: percentile(floor, 90), unit: 'ms' });
  rows.push({ size: n, metric: 'ratio check-in p50 / floor p50', value: p50 / floor50, unit: '×' });
  rows.push({ size: n, metric: 'durable check-in p50, encrypted', value: percentile(encrypted, 50), unit: 'ms' });
  rows.push({ size: n, metric: 'ratio check-in p50 encrypted / plain', value: percentile(encrypted, 50) / p50, unit: '×' });
  await encStore.close();
  fs.rmSync(encDir, { recursive: true, force: true });

  const compactions: number[] = [];
  for (let i = 0; i < 5; i++) {
    await store.write(buildCheckIn({ mood: 5, note: NOTES[0] }, clock).ops);
    const s = performance.now();
    await store.compact();
    compactions.push(performance.now() - s);
  }
  rows.push({ size: n, metric: 'compaction (export, write, read back + quick_check, fingerprint), median of 5', value: median(compactions), unit: 'ms' });

  // 1,000 pending log lines, as after a crash before any compaction.
  const logBytes: Uint8Array[] = [];
  for (let i = 0; i < 1000; i++) logBytes.push(encodeChange(buildCheckIn({ mood: 4, note: NOTES[i % 4], dose: { mg: 10, status: 'taken', medication: 'Escitalopram' } }, clock).ops));
  await store.close();
  fs.writeFileSync(path.join(dir, 'journal.sqlite.oplog'), Buffer.concat(logBytes));
  const pending = Array.from({ length: 5 }, () => coldLoad(dir).ms);
  rows.push({ size: n, metric: 'cold load with 1,000 pending log lines, median of 5', value: median(pending), unit: 'ms' });
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

export async function benchStorage(sizes = [1_000, 10_000, 100_000]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of sizes) rows.push(...(await measure(n)));
  return rows;
}

if (process.argv[2] === '--cold-load') {
  void coldLoadChild(process.argv[3], process.argv[4]);
}
