// Shared fixtures for unit tests: real sql.js, real temp folders, a fixed clock.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import type { DayClock } from '../../src/core/entries';
import { localDateOf } from '../../src/core/time';
import { loadSqlJs } from '../../src/storage/sqlLoader';

import { existsSync } from 'fs';

/** The repository root: the nearest folder above this bundle that has node_modules/sql.js. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'node_modules', 'sql.js')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
export const WASM = path.join(ROOT, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');

export function sqlJs(): Promise<SqlJsStatic> {
  return loadSqlJs(WASM);
}

export async function tempDir(prefix = 'mdj-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export function fixedClock(iso: string, zone = 'UTC'): DayClock & { advance(ms: number): void; set(iso: string): void } {
  let t = Date.parse(iso);
  return {
    now: () => t,
    zone: () => zone,
    today: () => localDateOf(t, zone),
    advance(ms: number) {
      t += ms;
    },
    set(next: string) {
      t = Date.parse(next);
    }
  };
}
