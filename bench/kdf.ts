// Encryption benchmark (`npm run bench -- kdf`): the passphrase KDF (Argon2id with the shipped
// parameters) as an unlock pays it, and seal/open throughput for what the store will encrypt most:
// a 200-byte op-log record (one line) and a 5 MB snapshot (one file). The machine is shared, so the
// load average is printed beside the timings.
import * as os from 'os';
import { randomBytes, toBase64Url } from '../src/storage/crypto/bytes';
import { DEFAULT_KDF, derivePassphraseKey, newKdfParams } from '../src/storage/crypto/kdf';
import { openFile, openLine, sealFile, sealLine } from '../src/storage/crypto/sealed';
import { median, type BenchRow } from './stats';

const KDF_RUNS = 5;
const RECORD_BYTES = 200;
const RECORD_RUNS = 20_000;
const SNAPSHOT_BYTES = 5 * 1024 * 1024;
const SNAPSHOT_RUNS = 5;

export async function benchKdf(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const load = () => os.loadavg()[0];
  const params = `${DEFAULT_KDF.memoryKiB / 1024} MiB, ${DEFAULT_KDF.passes} passes, ${DEFAULT_KDF.parallelism} lane`;
  rows.push({ size: '-', metric: `load average (1 min) before, on ${os.cpus().length} CPUs`, value: load(), unit: '' });

  // One derivation first: it compiles the WebAssembly, which an unlock pays once per window.
  const first = performance.now();
  await derivePassphraseKey('warm-up passphrase', newKdfParams());
  rows.push({ size: params, metric: 'Argon2id first derivation (WASM compile included)', value: performance.now() - first, unit: 'ms' });
  const times: number[] = [];
  for (let i = 0; i < KDF_RUNS; i++) {
    const p = newKdfParams();
    const t = performance.now();
    await derivePassphraseKey('a passphrase of ordinary length', p);
    times.push(performance.now() - t);
  }
  const kdf = median(times);
  rows.push({ size: params, metric: `Argon2id passphrase key, median of ${KDF_RUNS}`, value: kdf, unit: 'ms', target: '0.3–1 s', pass: kdf >= 300 && kdf <= 1000 });
  rows.push({ size: params, metric: `Argon2id min / max of ${KDF_RUNS}`, value: Math.min(...times), unit: `ms / ${Math.max(...times).toFixed(0)} ms` });

  const key = { keyId: toBase64Url(randomBytes(16)), key: randomBytes(32) };
  const record = JSON.stringify({ table: 'checkins', row: { id: 'c'.repeat(20), note: 'n'.repeat(RECORD_BYTES) } }).slice(0, RECORD_BYTES);
  const lines: string[] = new Array<string>(RECORD_RUNS);
  let t = performance.now();
  for (let i = 0; i < RECORD_RUNS; i++) lines[i] = sealLine(key, record);
  const sealUs = ((performance.now() - t) * 1000) / RECORD_RUNS;
  t = performance.now();
  for (let i = 0; i < RECORD_RUNS; i++) openLine(key, lines[i]);
  const openUs = ((performance.now() - t) * 1000) / RECORD_RUNS;
  rows.push({ size: `${RECORD_BYTES} B record`, metric: `sealLine, mean of ${RECORD_RUNS}`, value: sealUs, unit: `µs (${Math.round(1e6 / sealUs)} records/s)` });
  rows.push({ size: `${RECORD_BYTES} B record`, metric: `openLine, mean of ${RECORD_RUNS}`, value: openUs, unit: `µs (${Math.round(1e6 / openUs)} records/s)` });
  rows.push({ size: `${RECORD_BYTES} B record`, metric: 'sealed line length', value: lines[0].length, unit: 'chars' });

  const snapshot = randomBytes(SNAPSHOT_BYTES);
  const sealMs: number[] = [];
  const openMs: number[] = [];
  sealFile(key, 'snapshot', snapshot); // a warm-up run, not timed
  for (let i = 0; i < SNAPSHOT_RUNS; i++) {
    t = performance.now();
    const sealed = sealFile(key, 'snapshot', snapshot);
    sealMs.push(performance.now() - t);
    t = performance.now();
    openFile(key, 'snapshot', sealed);
    openMs.push(performance.now() - t);
  }
  const mb = SNAPSHOT_BYTES / (1024 * 1024);
  rows.push({ size: '5 MB snapshot', metric: `sealFile, median of ${SNAPSHOT_RUNS}`, value: median(sealMs), unit: `ms (${(mb / (median(sealMs) / 1000)).toFixed(0)} MB/s)` });
  rows.push({ size: '5 MB snapshot', metric: `openFile, median of ${SNAPSHOT_RUNS}`, value: median(openMs), unit: `ms (${(mb / (median(openMs) / 1000)).toFixed(0)} MB/s)` });
  rows.push({ size: '-', metric: 'load average (1 min) after', value: load(), unit: '' });
  return rows;
}
