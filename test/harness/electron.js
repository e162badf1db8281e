// `npm run test:electron`: the integration suites through @vscode/test-electron, which downloads
// VS Code. Use it on machines with internet access; CI here uses the code-server harness instead.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '..', '..');

async function main() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mood-dose-electron-'));
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
    // The keystroke suites need the code-server harness to press real keys; they skip themselves here.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust']
  });
}

main().catch((e) => {
  console.error(`Integration tests with @vscode/test-electron failed: ${e.message || e}`);
  process.exit(1);
});
