// Takes the README screenshots from the real workbench (code-server in headless Chromium), with the
// demo journal, in the light, dark and high-contrast themes: `node test/harness/screenshots.js`.
// No tests are loaded: the webview would go blank once a test host exits.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { openWorkbench, startCodeServer, webviewFrame } = require('./codeServer');
const { demoWorkspace } = require('./demo');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'media', 'screenshots');
const THEMES = {
  dark: 'Default Dark Modern',
  light: 'Default Light Modern',
  'high-contrast': 'Default High Contrast'
};

async function shoot(name, theme, workspace) {
  const server = await startCodeServer({ userSettings: { 'workbench.colorTheme': theme, 'window.zoomLevel': 0 } });
  try {
    const { page, close } = await openWorkbench({ server, folder: workspace, extensionDevelopmentPath: root, viewport: { width: 1280, height: 800 } });
    try {
      await page.locator('.activitybar a[aria-label^="Mood & Dose Journal"]').click();
      const panel = webviewFrame(page, 'mood-dose.mood-dose-journal');
      await panel.locator('li.entry').first().waitFor({ timeout: 60_000 });
      await page.mouse.move(900, 700); // no hover tooltip over the panel
      await page.waitForTimeout(1500); // let fonts and the status bar settle
      const file = path.join(outDir, `journal-${name}.png`);
      await page.screenshot({ path: file });
      console.log(`Wrote ${path.relative(root, file)}`);
    } finally {
      await close();
    }
  } finally {
    await server.stop();
  }
}

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  fs.mkdirSync(outDir, { recursive: true });
  const workspace = await demoWorkspace();
  const only = process.argv.slice(2);
  for (const [name, theme] of Object.entries(THEMES)) {
    if (only.length && !only.includes(name)) continue;
    await shoot(name, theme, workspace);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
