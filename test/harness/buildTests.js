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

async function buildTests(layers = ['unit', 'browser', 'integration']) {
  const entryPoints = layers.flatMap(suites);
  await esbuild.build({
    entryPoints,
    outdir: path.join(root, 'out', 'test'),
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

module.exports = { buildTests };

if (require.main === module) {
  buildTests(process.argv.slice(2).length ? process.argv.slice(2) : undefined).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
