// One fresh Node process of the start-up benchmark: installs the `vscode` stand-in, then times
// require() of an extension bundle and its activate() call separately, the two parts of the
// Activation figure VS Code shows (code loading + activate call). Prints one JSON line and exits,
// since activation may leave timers running.
//   node out/bench/startupChild.js <bundle.js> <extension root> <workspace folder> <storage folder>
import Module = require('module');
import * as path from 'path';
import { createExtensionContext, createVscodeStandIn, noOpsUsed } from './vscodeStandIn';

export interface StartupSample {
  requireMs: number;
  activateMs: number;
  /** CPU time (user + system) of require + activate: less swayed by other work on a busy machine. */
  cpuMs: number;
  /** activate() returned a promise; this is when it settled, counted from the call. */
  activateResolvedMs: number | null;
  noOps: string[];
}

const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;

async function main(): Promise<void> {
  const [bundle, extensionRoot, workspace, storage] = process.argv.slice(2).map((p) => path.resolve(p));
  const standIn = createVscodeStandIn(extensionRoot, workspace);
  const context = createExtensionContext(extensionRoot, storage);

  // require('vscode') from the bundle resolves to a module that is already loaded: the stand-in.
  const fakePath = path.join(extensionRoot, 'node_modules', 'vscode', 'stand-in.js');
  const fake = new Module(fakePath);
  Object.assign(fake, { filename: fakePath, loaded: true, exports: standIn });
  require.cache[fakePath] = fake;
  const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? fakePath : resolve.call(this, request, ...rest);
  };

  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- times a synchronous require, as VS Code loads an extension
  const extension = require(bundle) as { activate(context: unknown): unknown };
  const t1 = process.hrtime.bigint();
  const result = extension.activate(context);
  const t2 = process.hrtime.bigint();
  const used = process.cpuUsage(cpu);
  let activateResolvedMs: number | null = null;
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    await result;
    activateResolvedMs = ms(t1, process.hrtime.bigint());
  }
  const sample: StartupSample = { requireMs: ms(t0, t1), activateMs: ms(t1, t2), cpuMs: (used.user + used.system) / 1000, activateResolvedMs, noOps: [...noOpsUsed].sort() };
  process.stdout.write(`${JSON.stringify(sample)}\n`, () => process.exit(0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
