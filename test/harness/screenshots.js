// Takes the README screenshots from the real workbench (code-server in headless Chromium) with the
// demo journal: the Journal view in the light, dark and high-contrast themes, the Charts and Plan
// tabs, and an appointment summary beside its preview. `node test/harness/screenshots.js [name…]`.
// No tests are loaded: the webview would go blank once a test host exits.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { startCodeServer } = require('../../tools/codeServer/server');
const { openWorkbench, webviewFrame } = require('../../tools/codeServer/workbench');
const { demoWorkspace } = require('./demo');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'media', 'screenshots');
const EXTENSION = 'mood-dose.mood-dose-journal';
const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern', 'high-contrast': 'Default High Contrast' };

/** Opens the workbench in a theme, shows the Journal view, and hands the page to `shoot`. */
async function withJournal(theme, workspace, shoot) {
  const server = await startCodeServer({ userSettings: { 'workbench.colorTheme': theme, 'window.zoomLevel': 0, 'workbench.tips.enabled': false } });
  try {
    const { page, close } = await openWorkbench({ server, folder: workspace, extensionDevelopmentPath: root, viewport: { width: 1280, height: 1000 } });
    try {
      await page.locator('.activitybar a[aria-label^="Mood & Dose Journal"]').click();
      const panel = webviewFrame(page, EXTENSION);
      await panel.locator('li.entry').first().waitFor({ timeout: 60_000 });
      await page.mouse.move(900, 700); // no hover tooltip over the panel
      await shoot(page, panel);
    } finally {
      await close();
    }
  } finally {
    await server.stop();
  }
}

async function save(page, name) {
  await page.waitForTimeout(1500); // fonts, charts and the status bar settle
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`Wrote ${path.relative(root, file)}`);
}

const SHOTS = {
  ...Object.fromEntries(Object.entries(THEMES).map(([name, theme]) => [`journal-${name}`, { theme, shoot: (page) => save(page, `journal-${name}`) }])),
  'charts-dark': {
    theme: THEMES.dark,
    shoot: async (page, panel) => {
      await panel.locator('vscode-tab-header[data-tab=charts]').click();
      await panel.locator('canvas').first().waitFor();
      await save(page, 'charts-dark');
    }
  },
  'plan-dark': {
    theme: THEMES.dark,
    shoot: async (page, panel) => {
      await panel.locator('vscode-tab-header[data-tab=plan]').click();
      await panel.locator('.plan-status').waitFor();
      await save(page, 'plan-dark');
    }
  },
  'summary-dark': {
    theme: THEMES.dark,
    shoot: async (page) => {
      // Through the command palette, as a user would: default range, no notes picked.
      await page.keyboard.press('F1');
      await page.keyboard.type('Mood & Dose: Prepare Appointment Summary');
      await page.waitForTimeout(500);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-title', { hasText: 'range' }).waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-title', { hasText: 'notes' }).waitFor();
      await page.keyboard.press('Enter');
      await page.locator('iframe.webview.ready').nth(1).waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+B'); // hide the side bar: the summary is the subject here
      // The preview shows the figures (the .svg files next to the Markdown) once they have loaded.
      const preview = webviewFrame(page, 'vscode.markdown-language-features');
      await preview.locator('img[src*="figure-a.svg"]').waitFor({ timeout: 30_000 });
      await preview.locator('img[src*="figure-a.svg"]').evaluate((img) => (img.complete ? undefined : new Promise((r) => img.addEventListener('load', r))));
      await page.waitForTimeout(500);
      await save(page, 'summary-dark');
    }
  }
};

async function main() {
  const build = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  fs.mkdirSync(outDir, { recursive: true });
  const workspace = await demoWorkspace();
  const only = process.argv.slice(2);
  for (const [name, { theme, shoot }] of Object.entries(SHOTS)) {
    if (only.length && !only.includes(name)) continue;
    await withJournal(theme, workspace, shoot);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
