// Loads sql.js once per process, from the .wasm file shipped in dist/. The binary is passed in
// directly (wasmBinary): with locateFile, sql.js would try to download the file under Node.
import { promises as fs } from 'fs';
import type { SqlJsStatic } from 'sql.js';

const loaded = new Map<string, Promise<SqlJsStatic>>();
/** Where each engine came from, so the storage worker loads the same file (storageWorker.ts). */
const sources = new WeakMap<SqlJsStatic, string>();

/** The .wasm file `SQL` was loaded from by loadSqlJs, if it was. */
export function wasmPathOf(SQL: SqlJsStatic): string | undefined {
  return sources.get(SQL);
}

export function loadSqlJs(wasmPath: string): Promise<SqlJsStatic> {
  let pending = loaded.get(wasmPath);
  if (!pending) {
    pending = (async () => {
      let wasmBinary: Uint8Array;
      try {
        wasmBinary = await fs.readFile(wasmPath);
      } catch (e) {
        throw new Error(`Could not read the SQLite engine at ${wasmPath} (${(e as Error).message}). Reinstall the extension, or run "npm run build" in a development checkout.`, { cause: e });
      }
      const init = (await import('sql.js')).default;
      const SQL = await init({ wasmBinary: wasmBinary as unknown as ArrayBuffer });
      sources.set(SQL, wasmPath);
      return SQL;
    })();
    pending.catch(() => loaded.delete(wasmPath));
    loaded.set(wasmPath, pending);
  }
  return pending;
}
