// The storage worker's thread (built as dist/storageWorker.js): loads sql.js from the .wasm file it
// is given, as the extension host does, and answers each check (checks.ts) in turn.
import { parentPort, workerData } from 'worker_threads';
import { checkBytes } from './checks';
import { loadSqlJs } from './sqlLoader';
import type { WorkerReply, WorkerRequest } from './storageWorker';

const port = parentPort;
if (!port) throw new Error('storageWorker.js runs only as a worker thread.');
const engine = loadSqlJs((workerData as { wasm: string }).wasm);

port.on('message', (message: WorkerRequest) => {
  void engine
    .then((SQL): WorkerReply => ({ id: message.id, result: checkBytes(SQL, message.bytes, message.request) }))
    .catch((e: unknown): WorkerReply => ({ id: message.id, error: String((e as Error)?.message ?? e) }))
    .then((reply) => port.postMessage(reply));
});
