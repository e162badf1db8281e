import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';
import * as vm from 'vm';
import { ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { hostOptions } = require(path.join(ROOT, 'esbuild.js')) as { hostOptions(name: string, overrides: object): esbuild.BuildOptions };

type CryptoApi = typeof import('../../src/storage/crypto/index');

/** src/storage/crypto bundled for the browser, as a vscode.dev worker would load it (minified). */
async function browserBundle(): Promise<{ code: string; kb: number }> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'storage', 'crypto', 'index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'mdjCrypto',
    minify: true,
    write: false,
    logLevel: 'silent'
  });
  const code = result.outputFiles[0].text;
  return { code, kb: code.length / 1024 };
}

/**
 * Runs the bundle in a fresh V8 context that holds only what a browser worker has: no Buffer, no
 * require, no process, no node:crypto; WebCrypto, TextEncoder/TextDecoder and WebAssembly only.
 */
function inWorkerLikeContext(code: string): CryptoApi {
  const sandbox: Record<string, unknown> = { crypto: globalThis.crypto, TextEncoder, TextDecoder };
  const context = vm.createContext(sandbox);
  vm.runInContext(code, context);
  assert.strictEqual(vm.runInContext('typeof Buffer + typeof require + typeof process', context), 'undefinedundefinedundefined');
  return vm.runInContext('mdjCrypto', context) as CryptoApi;
}

describe('crypto: runs where a browser worker runs', function () {
  this.timeout(60_000);

  it('creates, unlocks, seals and opens in a context without Buffer, require or process', async () => {
    const { code, kb } = await browserBundle();
    assert.ok(kb <= 100, `the encryption bundle is ${kb.toFixed(1)} KB minified`);
    const c = inWorkerLikeContext(code);
    const cheap = { kdf: { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 } };
    const { bytes, phrase, dataKey } = await c.createKeyFile('passphrase in a worker', cheap);
    assert.strictEqual(phrase.split(' ').length, 24);
    const again = await c.unlockWithPassphrase(bytes, 'passphrase in a worker');
    assert.strictEqual(again.keyId, dataKey.keyId);
    const byPhrase = await c.unlockWithPhrase(bytes, phrase);
    assert.strictEqual(byPhrase.keyId, dataKey.keyId);
    await assert.rejects(c.unlockWithPassphrase(bytes, 'wrong'), (e: unknown) => (e as { code?: string }).code === 'EWRONGPASS');
    const line = c.sealLine(dataKey, '{"note":"worker"}');
    assert.strictEqual(c.openLine(again, line), '{"note":"worker"}');
    const file = c.sealFile(dataKey, 'snapshot', new TextEncoder().encode('SQLite format 3\u0000'));
    assert.ok(c.isSealedFile(file) && c.isSealedLine(line));
    assert.strictEqual(new TextDecoder().decode(c.openFile(byPhrase, 'snapshot', file)), 'SQLite format 3\u0000');
  });

  it('and in Node with globalThis.Buffer removed while it seals and opens', async () => {
    const { sealLine, openLine, sealFile, openFile } = await import('../../src/storage/crypto/sealed');
    const { randomBytes, toBase64Url } = await import('../../src/storage/crypto/bytes');
    const saved = globalThis.Buffer;
    try {
      delete (globalThis as { Buffer?: unknown }).Buffer;
      const key = { keyId: toBase64Url(randomBytes(16)), key: randomBytes(32) };
      assert.strictEqual(openLine(key, sealLine(key, 'x'.repeat(200))), 'x'.repeat(200));
      const big = randomBytes(100_000);
      assert.deepStrictEqual(openFile(key, 'backup', sealFile(key, 'backup', big)), big);
    } finally {
      globalThis.Buffer = saved;
    }
  });

  it('stays out of the start-up bundle dist/extension.js (it loads on first use only)', async () => {
    const result = await esbuild.build(hostOptions('extension', { minify: true, sourcemap: false, write: false, metafile: true, plugins: [] }));
    const inputs = Object.keys(Object.values(result.metafile!.outputs)[0].inputs);
    for (const heavy of ['src/storage/crypto/', 'node_modules/hash-wasm/', 'node_modules/@noble/', 'node_modules/@scure/']) {
      assert.deepStrictEqual(inputs.filter((f) => f.includes(heavy)), [], `dist/extension.js holds nothing of ${heavy}`);
    }
  });
});
