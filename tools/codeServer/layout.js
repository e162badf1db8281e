// Where the harness keeps Node 24 and code-server (.vscode-test/ by default), and whether a
// finished install is there. Shared by install.js, which fills it, and prereqs.js, which only needs
// the build tools until it is filled.
'use strict';

const fs = require('fs');
const path = require('path');

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const MARKER = '.install-complete';
const DEFAULT_CACHE_DIR = path.resolve(__dirname, '..', '..', '.vscode-test');

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

module.exports = { NODE_VERSION, CODE_SERVER_VERSION, MARKER, DEFAULT_CACHE_DIR, layout, isInstalled, codeServerInstalled };
