// Creates a throw-away workspace filled with the demo journal (test/fixtures/demoJournal.ts),
// for `npm start -- --demo` and the README screenshots.
const { spawnSync } = require('child_process');
const esbuild = require('esbuild');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

async function demoWorkspace() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mood-dose-demo-'));
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Demo workspace\n\nA throw-away folder with 90 days of sample Mood & Dose data.\n');
  const out = path.join(root, 'out', 'harness', 'seedDemo.js');
  await esbuild.build({ entryPoints: [path.join(__dirname, 'seedDemo.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', external: ['sql.js'], logLevel: 'warning' });
  await require('./buildTests').buildStorageWorker([path.join('out', 'harness')]);
  const r = spawnSync(process.execPath, [out, workspace, root], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('Seeding the demo journal failed.');
  return workspace;
}

module.exports = { demoWorkspace };
