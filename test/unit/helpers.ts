// Shared fixtures for unit tests: real sql.js, real temp folders, a fixed clock.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import type { Clock } from '../../src/core/entries';
import { loadSqlJs } from '../../src/storage/sqlLoader';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const WASM = path.join(ROOT, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');

export function sqlJs(): Promise<SqlJsStatic> {
  return loadSqlJs(WASM);
}

export async function tempDir(prefix = 'mdj-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export function fixedClock(iso: string, zone = 'UTC'): Clock & { advance(ms: number): void; set(iso: string): void } {
  let t = Date.parse(iso);
  return {
    now: () => t,
    zone: () => zone,
    advance(ms: number) {
      t += ms;
    },
    set(next: string) {
      t = Date.parse(next);
    }
  };
}
