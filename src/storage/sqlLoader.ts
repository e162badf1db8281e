// Loads sql.js once per process, from the .wasm file shipped in dist/. The binary is passed in
// directly (wasmBinary): with locateFile, sql.js would try to download the file under Node.
import { promises as fs } from 'fs';
import type { SqlJsStatic } from 'sql.js';

const loaded = new Map<string, Promise<SqlJsStatic>>();

export function loadSqlJs(wasmPath: string): Promise<SqlJsStatic> {
  let pending = loaded.get(wasmPath);
  if (!pending) {
    pending = (async () => {
      let wasmBinary: Uint8Array;
      try {
        wasmBinary = await fs.readFile(wasmPath);
      } catch (e) {
        throw new Error(`Could not read the SQLite engine at ${wasmPath} (${(e as Error).message}). Reinstall the extension, or run "npm run build" in a development checkout.`);
      }
      const init = (await import('sql.js')).default;
      return init({ wasmBinary: wasmBinary as unknown as ArrayBuffer });
    })();
    pending.catch(() => loaded.delete(wasmPath));
    loaded.set(wasmPath, pending);
  }
  return pending;
}
