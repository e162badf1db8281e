// Bundles the benchmarks (TypeScript) to out/bench/ and runs them: `npm run bench [storage|sidebar|charts|dashboard|summary|startup|import|kdf|inbox]`; `npm run bench -- dashboard-vscode` (only when named); `npm run bench -- report` rewrites bench/README.md's tables from bench/results/.
const esbuild = require('esbuild');
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
// The sidebar benchmarks load the minified sidebar bundle, as shipped.
const built = spawnSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
esbuild
  .build({
    // The in-page stand-in host for the sidebar benchmark runs in the browser.
    entryPoints: [path.join(__dirname, 'inPageHost.ts')],
    outfile: path.join(root, 'out', 'bench', 'inPageHost.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    logLevel: 'warning'
  })
  .then(() => esbuild.build({
    // startupChild.js runs alone in fresh processes, so it is a bundle of its own; the store finds
    // its worker's script beside the bundle, as dist/storageWorker.js is beside dist/journal.js.
    entryPoints: [path.join(__dirname, 'run.ts'), path.join(__dirname, 'startupChild.ts'), { in: path.join(root, 'src', 'storage', 'storageWorkerMain.ts'), out: 'storageWorker' }],
    outdir: path.join(root, 'out', 'bench'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['sql.js', 'playwright-core', 'esbuild'],
    logLevel: 'warning'
  }))
  .then(() => {
    const r = spawnSync(process.execPath, [path.join(root, 'out', 'bench', 'run.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  })
  .catch(() => process.exit(1));
