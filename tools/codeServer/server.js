// Starts and stops code-server on 127.0.0.1 with throwaway user data, settings that keep the
// workbench quiet, and cleanup that survives a crash or Ctrl-C.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { tail } = require('./exec');
const { ensureCodeServer } = require('./install');
const { DEFAULT_CACHE_DIR } = require('./layout');
const { registerLanguagePack } = require('./languagePack');
const { codeServerEnv, makeScratchDir } = require('./sandbox');

const SERVER_START_TIMEOUT_MS = 60_000;
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

// With workspace trust on: no "Do you trust the authors?" dialog at start-up (the folder simply
// stays untrusted), and no banner over the editor.
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never'
};

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
 * Workspace trust is off unless `restrictedMode`: then it is on, and the folder, trusted by nobody
 * in the throwaway user data, opens in Restricted Mode (without the startup prompt).
 * `locale` ("es") with `languagePackDir` (a language pack's folder) starts the window in that
 * display language: the pack is registered before the server starts, so the server finds it.
 */
async function startCodeServer({ cacheDir = DEFAULT_CACHE_DIR, userSettings, env = {}, port = 0, extensionsDir, log, restrictedMode = false, locale, languagePackDir } = {}) {
  const install = await ensureCodeServer({ cacheDir, log });
  const tmp = makeScratchDir('cs-');
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  extensionsDir ??= path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(restrictedMode ? RESTRICTED_SETTINGS : {}), ...userSettings }, null, 2)
  );
  if (languagePackDir) registerLanguagePack(userDataDir, path.resolve(languagePackDir));

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
      ...(restrictedMode ? [] : ['--disable-workspace-trust']),
      ...(locale ? ['--locale', locale] : []),
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


module.exports = { startCodeServer };
