// Fails fast, naming the exact install command, when system packages the code-server harness needs
// are missing, instead of failing minutes into an npm build or with a cryptic Playwright error.
'use strict';

const fs = require('fs');
const path = require('path');
const { codeServerInstalled } = require('./layout');

const BUILD_PACKAGES = 'libkrb5-dev python3 make g++ pkg-config';
/** The repository root: the nearest folder above with package.json (the browser tests bundle this file into out/test/browser). */
const ROOT = (() => {
  let dir = path.resolve(__dirname, '..', '..');
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

/** Whether `version` (e.g. "20.20.2") is in a range of `^x.y.z` and `>=x` parts joined by `||`. */
function nodeSatisfies(version, range) {
  const [major, minor, patch] = version.split('.').map(Number);
  const atLeast = (n, p) => minor > n || (minor === n && patch >= p);
  return range.split('||').some((part) => {
    const m = /^\s*(\^|>=)\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(part);
    if (!m) return false;
    const [want, n, p] = [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)];
    if (m[1] === '>=') return major > want || (major === want && atLeast(n, p));
    return major === want && atLeast(n, p);
  });
}

/** The Node versions the dependencies accept, as package.json states them (engines.node). */
function nodeRange() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines?.node;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(command) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, command)));
}

// Root shells on CI images often have no sudo at all.
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';

/**
 * Throws one error listing everything missing. The code-server build tools are only needed until
 * code-server is installed in cacheDir (default <repo>/.vscode-test).
 */
function checkPrereqs({ needChromium = true, needCodeServerBuild = true, cacheDir } = {}) {
  const problems = [];

  const range = nodeRange();
  if (range && !nodeSatisfies(process.versions.node, range)) {
    problems.push(`Node ${process.versions.node} is running; the dependencies need Node ${range} (package.json engines.node).`);
  }

  if (needChromium) {
    const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
    if (!isExecutable(chrome)) {
      problems.push(
        process.env.CHROME_PATH
          ? `CHROME_PATH=${chrome} is not an executable file.`
          : `Chromium not found at /usr/bin/chromium. Install it with: ${sudo}apt-get install -y chromium (or set CHROME_PATH).`
      );
    }
  }

  if (needCodeServerBuild && !codeServerInstalled(cacheDir)) {
    if (!onPath('npm')) problems.push('npm not found on PATH; it ships with Node.js.');
    const missing = [];
    // code-server's kerberos module compiles against the GSSAPI headers from libkrb5-dev.
    if (!fs.existsSync('/usr/include/gssapi/gssapi.h') && !onPath('krb5-config')) missing.push('Kerberos headers (libkrb5-dev)');
    for (const tool of ['python3', 'make', 'g++', 'pkg-config']) {
      if (!onPath(tool)) missing.push(tool);
    }
    if (missing.length) {
      problems.push(
        `Building code-server's native modules needs ${missing.join(', ')}. Install with: ${sudo}apt-get install -y ${BUILD_PACKAGES}`
      );
    }
  }

  if (problems.length) {
    throw new Error(`Missing prerequisites:\n  - ${problems.join('\n  - ')}`);
  }
}

module.exports = { checkPrereqs, nodeSatisfies };

if (require.main === module) {
  try {
    checkPrereqs();
    console.log('Prerequisites OK.');
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
