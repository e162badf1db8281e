// What every code-server process runs in: a throwaway folder for its temp files and XDG homes, and
// an environment cleared of the outer VS Code's variables.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

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

module.exports = { makeScratchDir, codeServerEnv };
