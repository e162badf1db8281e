// `npm test`: type-check, lint, build, then the three test layers, each ending with a summary line.
//   unit         mocha in Node: src/core and src/storage with real sql.js and real temp files
//   browser      the built pages (the sidebar, the dashboard) in headless Chromium behind its real CSP, with a stand-in host
//   integration  the suites in test/integration inside a real VS Code (code-server), once against
//                the sources and once against the packaged .vsix
// `npm test -- unit` (or browser, integration) runs one layer. Any failure fails the run.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { buildStorageWorker, buildTests } = require('./buildTests');
const { startKeyServer } = require('./keyServer');
const { checkPrereqs } = require('../../tools/codeServer/prereqs');

const root = path.resolve(__dirname, '..', '..');
const LAYERS = ['unit', 'browser', 'integration'];

function step(title, cmd, args) {
  console.log(`\n> ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${title} failed (exit ${r.status}).`);
    process.exit(r.status || 1);
  }
}

/** Runs a command, echoing its output, and returns the exit code and the "N passing/failing" counts. */
function runEchoing(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (d) => {
        text += d;
        (stream === child.stdout ? process.stdout : process.stderr).write(d);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, ...counts(text), text }));
  });
}

function counts(text) {
  const n = (re) => Number((text.match(re) || [])[1] || 0);
  return { passing: n(/(\d+) passing/), failing: n(/(\d+) failing/), pending: n(/(\d+) pending/) };
}

/** ESLint over the TypeScript (eslint.config.mjs). A finding fails the run, after the tests have run. */
async function lint() {
  console.log('\n> Lint');
  const eslint = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
  const r = await runEchoing(process.execPath, [eslint, '--max-warnings', '0']);
  // ESLint's last line: "✖ 3 problems (2 errors, 1 warning)"; nothing when clean.
  const [, errors = 0, warnings = 0] = (r.text.match(/problems? \((\d+) errors?, (\d+) warnings?\)/) || []).map(Number);
  console.log(`=== lint: ${r.code === 0 ? 'PASSED' : 'FAILED'}, ${errors} errors, ${warnings} warnings ===`);
  return { code: r.code, errors, warnings };
}

function mochaLayer(layer) {
  const files = fs
    .readdirSync(path.join(root, 'out', 'test', layer))
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join('out', 'test', layer, f));
  return runEchoing(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--reporter', 'spec', '--timeout', '30000', ...files]);
}

/** Captures what the harness prints while a code-server run is in progress, to count results. */
async function captured(fn) {
  const write = process.stdout.write.bind(process.stdout);
  let text = '';
  process.stdout.write = (chunk, ...rest) => {
    text += chunk;
    return write(chunk, ...rest);
  };
  try {
    const code = await fn();
    return { code, ...counts(text), text };
  } finally {
    process.stdout.write = write;
  }
}

function workspace(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mood-dose-${name}-`));
  fs.writeFileSync(path.join(dir, 'README.md'), '# A workspace for the Mood & Dose integration tests\n');
  return dir;
}

/**
 * Runs suites in a code-server window of its own, with a key server for real keys and clicks.
 * `suites` (MOOD_DOSE_SUITES) picks suites by file name; all but the window-owning ones without it.
 */
async function inWindow({ name, suites, env = {}, workspaceDir, timeoutMs = 180_000, ...options }) {
  const { runTestsInCodeServer } = require('../../tools/codeServer/extensionTests');
  const keys = await startKeyServer();
  try {
    return await captured(() =>
      runTestsInCodeServer({
        extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
        workspace: workspaceDir ?? workspace(name),
        env: { MOOD_DOSE_HARNESS: keys.url, ...(suites ? { MOOD_DOSE_SUITES: suites } : {}), ...env },
        onPage: keys.attach,
        timeoutMs,
        ...options
      })
    );
  } finally {
    await keys.close();
  }
}

/** Adds one window's results to the running total. */
function add(total, r) {
  total.code = total.code || r.code;
  total.passing += r.passing;
  total.failing += r.failing;
  total.pending += r.pending;
}

async function integrationLayer() {
  const sources = await inWindow({ name: 'it', extensionDevelopmentPath: root, timeoutMs: 300_000 });
  // The dashboard's reload suite ends its extension host on purpose, so it gets a window of its own.
  add(sources, await inWindow({ name: 'reload', suites: 'dashboardReload', extensionDevelopmentPath: root }));
  // A repository that ships a journal, opened in a window of its own: once trusted, once in
  // Restricted Mode (workspace trust is on for that window only; every other window has it off).
  const shipper = path.join(root, 'out', 'harness', 'shipJournal.js');
  await require('esbuild').build({ entryPoints: [path.join(__dirname, 'shipJournal.ts')], outfile: shipper, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['sql.js'], logLevel: 'warning' });
  await buildStorageWorker([path.join('out', 'harness')]);
  for (const restrictedMode of [false, true]) {
    const workspaceDir = workspace(restrictedMode ? 'restricted' : 'shipped');
    await require(shipper).shipJournal(workspaceDir, root);
    add(sources, await inWindow({ workspaceDir, suites: 'shippedJournal', extensionDevelopmentPath: root, restrictedMode }));
  }
  // A new user in a Spanish VS Code: --locale es with a stand-in Spanish language pack.
  add(sources, await inWindow({ name: 'es', suites: 'spanish', extensionDevelopmentPath: root, timeoutMs: 240_000, locale: 'es', languagePackDir: path.join(root, 'test', 'fixtures', 'languagePackEs') }));
  const version = (sources.text.match(/VS Code (\d+\.\d+\.\d+)/) || [])[1] || 'unknown';
  // The packaged extension, installed as a user would, must check in too.
  console.log('\n> Packaging the extension and running the check-in suite against the installed .vsix');
  const vsix = path.join(root, 'mood-dose-journal.vsix');
  const pack = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8' });
  if (pack.status !== 0) {
    console.error(pack.stdout, pack.stderr);
    return { ...sources, code: 1, version, note: 'packaging failed' };
  }
  console.log(`Packaged ${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`);
  // Installed, the extension runs in production mode and exports no test API: the suite reads the
  // workbench page through the key server, and the journal from disk.
  const packaged = await inWindow({ name: 'vsix', suites: 'checkIn', vsixPath: vsix, env: { MOOD_DOSE_INSTALLED: '1' } });
  const sourcesPassing = sources.passing;
  add(sources, packaged);
  return { ...sources, version, note: `sources ${sourcesPassing} passing, installed .vsix ${packaged.passing} passing` };
}

async function main() {
  const chosen = process.argv.slice(2).filter((a) => LAYERS.includes(a));
  const layers = chosen.length ? chosen : LAYERS;
  checkPrereqs({ needChromium: layers.some((l) => l !== 'unit'), needCodeServerBuild: layers.includes('integration') });
  step('Type-check', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.']);
  step('Type-check the pages', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'webview']);
  const linted = await lint();
  step('Build', process.execPath, ['esbuild.js']);
  await buildTests(layers);

  const results = {};
  for (const layer of layers) {
    console.log(`\n=== ${layer} tests ===`);
    results[layer] = layer === 'integration' ? await integrationLayer() : await mochaLayer(layer);
    const r = results[layer];
    const where = layer === 'integration' ? ` in VS Code ${r.version} (code-server)` : layer === 'browser' ? ' in headless Chromium' : ' in Node';
    console.log(`=== ${layer}: ${r.code === 0 ? 'PASSED' : 'FAILED'}, ${r.passing} passing, ${r.failing} failing${where}${r.note ? `; ${r.note}` : ''} ===`);
  }

  console.log('\nSummary');
  console.log(`  ${'lint'.padEnd(12)} ${linted.code === 0 ? 'passed' : 'FAILED'}  ${linted.errors} errors, ${linted.warnings} warnings`);
  for (const [layer, r] of Object.entries(results)) {
    console.log(`  ${layer.padEnd(12)} ${r.code === 0 ? 'passed' : 'FAILED'}  ${r.passing} passing, ${r.failing} failing`);
  }
  const failed = linted.code !== 0 || Object.values(results).some((r) => r.code !== 0 || r.failing > 0 || r.passing === 0);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e.stack || e);
  process.exit(1);
});
