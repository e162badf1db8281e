import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';
import { ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { hostOptions, pageOptions } = require(path.join(ROOT, 'esbuild.js')) as {
  hostOptions(name: string, overrides: object): esbuild.BuildOptions;
  pageOptions(name: string, overrides: object): esbuild.BuildOptions;
};

/** Builds one host bundle (or, with `page`, one browser bundle) as packaged (minified) in memory: its size and the files it holds. */
async function bundle(name: string, page = false): Promise<{ kb: number; inputs: string[] }> {
  const overrides = { minify: true, sourcemap: false, write: false, metafile: true, plugins: [] };
  const result = await esbuild.build(page ? pageOptions(name, overrides) : hostOptions(name, overrides));
  const output = Object.values(result.metafile!.outputs)[0];
  return { kb: output.bytes / 1024, inputs: Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([file]) => file) };
}

const holds = (inputs: string[], prefix: string) => inputs.filter((f) => f.startsWith(prefix));

describe('bundles: start-up loads only what activate() needs', function () {
  this.timeout(60_000);

  it('keeps dist/extension.js under 100 KB, without storage, sql.js, zod, papaparse or the summary', async () => {
    const { kb, inputs } = await bundle('extension');
    assert.ok(kb <= 100, `dist/extension.js is ${kb.toFixed(1)} KB`);
    for (const heavy of ['src/storage/', 'node_modules/sql.js/', 'node_modules/zod/', 'node_modules/papaparse/', 'src/core/summary/', 'src/core/transfer/', 'src/core/stats/', 'src/webviews/sidebar/handlers/', 'src/webviews/dashboard/handlers', 'src/services/journalActions', 'src/services/encryption/', 'src/commands/encryption', 'src/commands/recoveryPhraseCheck']) {
      assert.deepStrictEqual(holds(inputs, heavy), [], `dist/extension.js holds nothing of ${heavy}`);
    }
    // The KDF, the word list and the ciphers load with the journal (by path anywhere: node_modules may be a link).
    for (const pkg of ['node_modules/hash-wasm/', 'node_modules/@scure/', 'node_modules/@noble/']) {
      assert.deepStrictEqual(inputs.filter((f) => f.includes(pkg)), [], `dist/extension.js holds nothing of ${pkg}`);
    }
  });

  it('keeps import/export and the summary out of dist/journal.js, each in a bundle of its own', async () => {
    const journal = await bundle('journal');
    // The import checks and pacing are small and pure: the Plan tab refuses early dates with them.
    const heavy = ['src/core/transfer/transfer', 'src/core/transfer/json', 'src/core/transfer/csv', 'src/core/transfer/daylio', 'src/core/transfer/rows'];
    for (const other of ['node_modules/papaparse/', ...heavy, 'src/core/summary/']) {
      assert.deepStrictEqual(holds(journal.inputs, other), [], `dist/journal.js holds nothing of ${other}`);
    }
    assert.ok(holds(journal.inputs, 'node_modules/sql.js/').length > 0, 'sql.js is in the journal bundle');
    assert.ok(holds((await bundle('transfer')).inputs, 'node_modules/papaparse/').length > 0, 'papaparse is in the transfer bundle');
    assert.deepStrictEqual(holds((await bundle('summary')).inputs, 'node_modules/zod/'), [], 'the summary validates nothing, so carries no zod');
  });
});

describe('bundles: the storage worker', function () {
  this.timeout(60_000);

  it('is a script of its own (dist/storageWorker.js) holding sql.js and the snapshot checks, no zod and no store', async () => {
    const { kb, inputs } = await bundle('storageWorker');
    assert.ok(kb <= 80, `dist/storageWorker.js is ${kb.toFixed(1)} KB`);
    assert.ok(inputs.some((f) => f.includes('node_modules/sql.js/')), 'it loads its own sql.js');
    assert.ok(holds(inputs, 'src/storage/checks').length > 0, 'it runs src/storage/checks.ts');
    for (const heavy of ['node_modules/zod/', 'src/core/schemas', 'src/services/', 'src/storage/journalStore', 'src/storage/journalRows']) {
      assert.deepStrictEqual(inputs.filter((f) => f.includes(heavy)), [], `dist/storageWorker.js holds nothing of ${heavy}`);
    }
  });
});

describe('bundles: the dashboard', function () {
  this.timeout(60_000);

  it('keeps its figures out of the start-up and journal bundles, in dist/figures.js', async () => {
    const figures = ['src/core/charts/dashboard', 'src/core/stats/associations', 'src/core/stats/changeDetail'];
    for (const name of ['extension', 'journal']) {
      const { inputs } = await bundle(name);
      for (const f of figures) assert.deepStrictEqual(holds(inputs, f), [], `dist/${name}.js holds nothing of ${f}`);
    }
    const own = await bundle('figures');
    for (const f of figures) assert.ok(holds(own.inputs, f).length > 0, `dist/figures.js holds ${f}`);
    for (const heavy of ['node_modules/sql.js/', 'src/storage/', 'node_modules/zod/']) assert.deepStrictEqual(holds(own.inputs, heavy), [], `dist/figures.js holds nothing of ${heavy}`);
  });

  it('keeps the dashboard page bundle (dist/dashboard.js) at most 300 KB minified, sharing the sidebar\'s chart modules', async () => {
    const { kb, inputs } = await bundle('dashboard', true);
    assert.ok(kb <= 300, `dist/dashboard.js is ${kb.toFixed(1)} KB`);
    assert.ok(holds(inputs, 'webview/charts/timeline').length > 0, 'the dashboard draws with webview/charts/timeline.ts');
    assert.deepStrictEqual(holds(inputs, 'node_modules/sql.js/'), [], 'no sql.js in the page');
  });
});
