// `npm start`: builds the extension and opens it in a real VS Code (code-server) on 127.0.0.1.
//   npm start                     a persistent workspace in .vscode-test/workspace
//   npm start -- --demo           a throw-away workspace with 90 days of sample data
//   npm start -- --folder <path>  your own folder
//   npm start -- --port <n>       a fixed port (default: a free one)
// It prints the address to open in a browser and runs until Ctrl+C.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { demoWorkspace } = require('./demo');
const { checkPrereqs } = require('../../tools/codeServer/prereqs');

const root = path.resolve(__dirname, '..', '..');

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  checkPrereqs({ needChromium: false, needCodeServerBuild: true });
  const build = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status || 1);

  let workspace = option('--folder');
  if (process.argv.includes('--demo')) {
    workspace = await demoWorkspace();
  }
  workspace = path.resolve(workspace ?? path.join(root, '.vscode-test', 'workspace'));
  fs.mkdirSync(workspace, { recursive: true });

  const { startCodeServer } = require('../../tools/codeServer/server');
  const { workbenchUrl } = require('../../tools/codeServer/workbench');
  const server = await startCodeServer({ port: Number(option('--port') ?? 0), userSettings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: root });
  console.log(`\nMood & Dose Journal is running in VS Code ${server.vscodeVersion} (code-server ${server.version}).`);
  console.log(`Workspace: ${workspace}`);
  console.log(`\nOpen this address in your browser:\n\n  ${url}\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await server.exited;
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
