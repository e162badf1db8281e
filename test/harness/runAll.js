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

async function integrationLayer() {
  const { runTestsInCodeServer } = require('../../tools/codeServer/extensionTests');
  const extensionTestsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
  const keys = await startKeyServer();
  const sources = await captured(() =>
    runTestsInCodeServer({
      extensionDevelopmentPath: root,
      extensionTestsPath,
      workspace: workspace('it'),
      env: { MOOD_DOSE_HARNESS: keys.url },
      onPage: keys.attach,
      timeoutMs: 300_000
    })
  );
  await keys.close();
  // The dashboard's reload suite ends its extension host on purpose, so it gets a window of its own.
  const reloadKeys = await startKeyServer();
  const reload = await captured(() =>
    runTestsInCodeServer({
      extensionDevelopmentPath: root,
      extensionTestsPath,
      workspace: workspace('reload'),
      env: { MOOD_DOSE_HARNESS: reloadKeys.url, MOOD_DOSE_SUITES: 'dashboardReload' },
      onPage: reloadKeys.attach,
      timeoutMs: 180_000
    })
  );
  await reloadKeys.close();
  sources.code = sources.code || reload.code;
  sources.passing += reload.passing;
  sources.failing += reload.failing;
  // A repository that ships a journal, opened in a window of its own: once trusted, once in
  // Restricted Mode (workspace trust is on for that window only; every other window has it off).
  const shipper = path.join(root, 'out', 'harness', 'shipJournal.js');
  await require('esbuild').build({ entryPoints: [path.join(__dirname, 'shipJournal.ts')], outfile: shipper, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['sql.js'], logLevel: 'warning' });
  await buildStorageWorker([path.join('out', 'harness')]);
  for (const restrictedMode of [false, true]) {
    const shippedWorkspace = workspace(restrictedMode ? 'restricted' : 'shipped');
    await require(shipper).shipJournal(shippedWorkspace, root);
    const keys = await startKeyServer();
    const shipped = await captured(() =>
      runTestsInCodeServer({
        extensionDevelopmentPath: root,
        extensionTestsPath,
        workspace: shippedWorkspace,
        env: { MOOD_DOSE_HARNESS: keys.url, MOOD_DOSE_SUITES: 'shippedJournal' },
        onPage: keys.attach,
        timeoutMs: 180_000,
        restrictedMode
      })
    );
    await keys.close();
    sources.code = sources.code || shipped.code;
    sources.passing += shipped.passing;
    sources.failing += shipped.failing;
  }
  // A new user in a Spanish VS Code: --locale es with a stand-in Spanish language pack.
  const spanishKeys = await startKeyServer();
  const spanish = await captured(() =>
    runTestsInCodeServer({
      extensionDevelopmentPath: root,
      extensionTestsPath,
      workspace: workspace('es'),
      env: { MOOD_DOSE_HARNESS: spanishKeys.url, MOOD_DOSE_SUITES: 'spanish' },
      onPage: spanishKeys.attach,
      timeoutMs: 240_000,
      locale: 'es',
      languagePackDir: path.join(root, 'test', 'fixtures', 'languagePackEs')
    })
  );
  await spanishKeys.close();
  sources.code = sources.code || spanish.code;
  sources.passing += spanish.passing;
  sources.failing += spanish.failing;
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
  const installedKeys = await startKeyServer();
  const packaged = await captured(() =>
    runTestsInCodeServer({
      vsixPath: vsix,
      extensionTestsPath,
      workspace: workspace('vsix'),
      env: { MOOD_DOSE_SUITES: 'checkIn', MOOD_DOSE_INSTALLED: '1', MOOD_DOSE_HARNESS: installedKeys.url },
      onPage: installedKeys.attach,
      timeoutMs: 180_000
    })
  );
  await installedKeys.close();
  return {
    code: sources.code || packaged.code,
    passing: sources.passing + packaged.passing,
    failing: sources.failing + packaged.failing,
    pending: sources.pending + packaged.pending,
    version,
    note: `sources ${sources.passing} passing, installed .vsix ${packaged.passing} passing`
  };
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
