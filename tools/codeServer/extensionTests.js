// Runs an extension test module inside code-server's extension host: the workbench is opened with
// the test payload, the extension host's console (mocha's reporter) is echoed here without the
// workbench's routine chatter, and its exit code is the result.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { tail } = require('./exec');
const { DEFAULT_CACHE_DIR } = require('./layout');
const { checkPrereqs } = require('./prereqs');
const { startCodeServer } = require('./server');
const { installVsix } = require('./vsix');
const { launchChromium, workbenchUrl } = require('./workbench');

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
  /^No search provider registered for scheme: vscode-remote/,
  // A window in another display language looks its language pack up in a gallery there is none of.
  /^No extension gallery service configured/,
  // A window reload (the dashboard's reload suite) prints these on the way out.
  /^\[lifecycle\] /
];

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
 * `restrictedMode` opens the folder untrusted (workspace trust on), for a suite about Restricted Mode.
 * `locale` with `languagePackDir` opens the window in another display language (see server.js).
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
  onPage,
  restrictedMode = false,
  locale,
  languagePackDir
}) {
  checkPrereqs({ needChromium: true, needCodeServerBuild: true, cacheDir });
  const server = await startCodeServer({ cacheDir, userSettings, env, restrictedMode, locale, languagePackDir });
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

module.exports = { runTestsInCodeServer };
