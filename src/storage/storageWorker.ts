// Runs a compaction's heavy checks (checks.ts) in a worker thread, so the extension host never
// freezes for the seconds a large snapshot takes to open, quick-check, count and hash. The thread
// starts on the first check, loads its own sql.js from the same .wasm file, and stops after a while
// idle (its WebAssembly memory is as large as the biggest snapshot it opened) and when the store closes.
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { Worker } from 'worker_threads';
import { inThreadChecker, type CheckRequest, type CheckResult, type SnapshotChecker } from './checks';
import { wasmPathOf } from './sqlLoader';

/** The worker's script as built beside the host bundles (dist/storageWorker.js, see esbuild.js). */
function defaultWorkerScript(): string {
  return path.join(__dirname, 'storageWorker.js');
}

/**
 * The storage worker's script (default: storageWorker.js beside this bundle, as in dist/), the
 * sql.js .wasm it loads (default: the one the store's engine was loaded from) and how long it may
 * sit idle. 'in-thread' runs the checks on the calling thread instead, blocking it for seconds on a
 * large journal: for tests that ask for it only.
 */
export type WorkerOption = { script?: string; wasm?: string; idleMs?: number } | 'in-thread';

/** The checker `option` asks for; a worker starts on its first check. */
export function storageChecker(SQL: SqlJsStatic, option: WorkerOption = {}): SnapshotChecker {
  if (option === 'in-thread') return inThreadChecker(SQL);
  const wasm = option.wasm ?? wasmPathOf(SQL);
  if (!wasm) throw new Error('The storage worker needs the sql.js .wasm file: load sql.js with loadSqlJs, or pass worker.wasm.');
  return new StorageWorker({ script: option.script ?? defaultWorkerScript(), wasm, idleMs: option.idleMs });
}

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  request: CheckRequest;
}

export type WorkerReply = { id: number; result: CheckResult } | { id: number; error: string };

export interface StorageWorkerOptions {
  /** The worker's script (storageWorker.js). */
  script: string;
  /** The sql.js .wasm file it loads. */
  wasm: string;
  /** Stop the thread after this long without a check. */
  idleMs?: number;
}

interface Pending {
  resolve(result: CheckResult): void;
  reject(e: Error): void;
}

export class StorageWorker implements SnapshotChecker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private held = 0;

  constructor(private readonly opts: StorageWorkerOptions) {}

  check(bytes: Uint8Array, request: CheckRequest): Promise<CheckResult> {
    if (this.closed) return Promise.reject(new Error('The storage worker is closed.'));
    clearTimeout(this.idle);
    const id = this.nextId++;
    const answer = new Promise<CheckResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // Handed over, not copied, when the bytes are a whole buffer of their own (a file just read).
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer);
    const message: WorkerRequest = { id, bytes, request };
    try {
      const worker = this.start();
      try {
        worker.postMessage(message, whole ? [bytes.buffer as ArrayBuffer] : []);
      } catch {
        worker.postMessage(message); // a buffer Node will not hand over (pooled): copied instead
      }
      worker.ref(); // the process waits for the answer
    } catch (e) {
      this.pending.delete(id);
      return Promise.reject(new Error(`The storage worker (${this.opts.script}) could not be asked: ${(e as Error).message}`));
    }
    return answer;
  }

  /** Keeps the thread between the checks of one compaction, so an idle timeout cannot fall between them. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    this.held++;
    clearTimeout(this.idle);
    try {
      return await work();
    } finally {
      this.held--;
      this.idleLater();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop(new Error('The storage worker was closed before it answered.'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.opts.script, { workerData: { wasm: this.opts.wasm } });
    worker.on('message', (reply: WorkerReply) => this.answer(reply));
    worker.on('error', (e) => this.fail(worker, new Error(`The storage worker (${this.opts.script}) failed: ${e.message}`)));
    worker.on('exit', (code) => this.fail(worker, new Error(`The storage worker (${this.opts.script}) stopped (exit code ${code}).`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private answer(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if ('error' in reply) waiting?.reject(new Error(reply.error));
    else waiting?.resolve(reply.result);
    this.idleLater();
  }

  /** Stops the thread after idleMs, once nothing waits for it and no compaction holds it. */
  private idleLater(): void {
    if (this.pending.size > 0 || this.held > 0 || !this.worker) return;
    this.worker.unref();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.stop(), this.opts.idleMs ?? 30_000);
    this.idle.unref?.();
  }

  /** The thread failed or ended: everything waiting fails; the next check starts a new one. */
  private fail(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    clearTimeout(this.idle);
    for (const waiting of this.pending.values()) waiting.reject(e);
    this.pending.clear();
  }

  private async stop(reason?: Error): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    for (const waiting of this.pending.values()) waiting.reject(reason ?? new Error('The storage worker stopped.'));
    this.pending.clear();
    await worker.terminate();
  }
}
