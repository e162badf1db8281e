// Lets a unit test load host code that imports `vscode`: from here on, `require('vscode')` gives the
// start-up benchmark's stand-in (bench/vscodeStandIn.ts), which behaves as VS Code does for what the
// status item touches (status bar items, Markdown strings, events, l10n). Import this module before
// any module that imports `vscode`: esbuild keeps the import order.
import Module = require('module');
import * as os from 'os';
import * as path from 'path';
import { createVscodeStandIn } from '../../bench/vscodeStandIn';
import { ROOT } from './helpers';

const fakePath = path.join(ROOT, 'node_modules', 'vscode', 'unit-stand-in.js');
if (!require.cache[fakePath]) {
  const fake = new Module(fakePath);
  Object.assign(fake, { filename: fakePath, loaded: true, exports: createVscodeStandIn(ROOT, os.tmpdir()) });
  require.cache[fakePath] = fake;
  const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? fakePath : resolve.call(this, request, ...rest);
  };
}

/** A Memento as VS Code keeps one: values by key, with every key listed. */
export class MementoStandIn {
  private readonly values = new Map<string, unknown>();
  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.values.set(k, JSON.parse(JSON.stringify(v)));
  }
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  /** Stored as JSON, as VS Code stores it. */
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
  setKeysForSync(): void {}
  /** Every key and value, as a test dumps them. */
  dump(): Record<string, unknown> {
    return Object.fromEntries(this.values);
  }
}
