// Bundles each test suite (TypeScript) into out/test/ with esbuild, one file per suite, so mocha in
// Node and the VS Code extension host both load plain CommonJS.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

function suites(dir) {
  const abs = path.join(root, 'test', dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(abs, f));
}

/**
 * The store runs its snapshot checks in a worker thread whose script it finds beside its own bundle
 * (as dist/storageWorker.js is beside dist/journal.js), so every folder of bundles gets a copy.
 */
async function buildStorageWorker(dirs) {
  await esbuild.build({
    entryPoints: [...new Set(dirs)].map((dir) => ({ in: path.join(root, 'src', 'storage', 'storageWorkerMain.ts'), out: path.join(dir, 'storageWorker') })),
    outdir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['sql.js'],
    logLevel: 'warning'
  });
}

async function buildTests(layers = ['unit', 'browser', 'integration']) {
  // A suite renamed or removed must not run again from an old bundle.
  for (const layer of layers) fs.rmSync(path.join(root, 'out', 'test', layer), { recursive: true, force: true });
  const entryPoints = layers.flatMap(suites);
  const outdir = path.join(root, 'out', 'test');
  await buildStorageWorker(entryPoints.map((file) => path.relative(root, path.join(outdir, path.relative(path.join(root, 'test'), path.dirname(file))))));
  await esbuild.build({
    entryPoints,
    outdir,
    outbase: path.join(root, 'test'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // Real dependencies are loaded from node_modules at run time, as the extension would.
    external: ['vscode', 'mocha', 'playwright-core', 'sql.js', 'fast-check', 'esbuild', 'madge', 'unpdf'],
    logLevel: 'warning'
  });
}

module.exports = { buildTests, buildStorageWorker };

if (require.main === module) {
  buildTests(process.argv.slice(2).length ? process.argv.slice(2) : undefined).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
