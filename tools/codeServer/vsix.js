// Installs a packaged .vsix into code-server, the way a user installs it, so the packaged build
// (not the sources) can be tested and measured.
'use strict';

const fs = require('fs');
const path = require('path');
const { run } = require('./exec');
const { ensureCodeServer } = require('./install');
const { codeServerEnv, makeScratchDir } = require('./sandbox');

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

module.exports = { installVsix };
