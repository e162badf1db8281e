// Takes the README screenshots from the real workbench (code-server in headless Chromium) with the
// demo journal: the Journal view in the light, dark and high-contrast themes, the Charts and Plan
// tabs, an appointment summary beside its preview, and the dashboard at 1280 × 800 in the dark and
// light themes (each of its five sections checked for horizontal scrolling on the way). PNGs are
// quantised with pngquant when it is installed. `node test/harness/screenshots.js [name…]`.
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
  // A 256-colour palette keeps each PNG well under 150 KB; the .vsix leaves them out anyway.
  const quantised = spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality=65-95', '--output', file, file]);
  const note = quantised.error ? ' (pngquant not installed: not quantised)' : '';
  console.log(`Wrote ${path.relative(root, file)}, ${(fs.statSync(file).size / 1024).toFixed(0)} KB${note}`);
}

const DASHBOARD_SECTIONS = ['timeline', 'afterChange', 'steps', 'year', 'associations'];

/**
 * Opens the dashboard from the palette at 1280 × 800 with the side bar hidden, checks that none of
 * its five sections scrolls sideways, then shows `section` and saves it as `name`.
 */
async function dashboardShot(theme, workspace, name, section) {
  const server = await startCodeServer({ userSettings: { 'workbench.colorTheme': theme, 'window.zoomLevel': 0, 'workbench.tips.enabled': false } });
  try {
    const { page, close } = await openWorkbench({ server, folder: workspace, extensionDevelopmentPath: root, viewport: { width: 1280, height: 800 } });
    try {
      await page.locator('.activitybar').waitFor({ timeout: 60_000 });
      // Through the command palette, as a user would; the dashboard may also come back restored.
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type('Mood & Dose: Open Dashboard');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Dashboard' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tab', { hasText: 'Mood & Dose Dashboard' }).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000); // the restored layout settles (the side bar may come back)
      if (await page.locator('.part.sidebar:visible').count()) await page.keyboard.press('Control+B');
      const dash = webviewFrame(page, EXTENSION);
      await dash.locator('#timeline-host canvas').waitFor({ timeout: 60_000 });
      for (const s of DASHBOARD_SECTIONS) {
        await dash.locator(`vscode-tab-header[data-section=${s}]`).click();
        await dash.locator('vscode-tab-panel:not([hidden]) h2').waitFor();
        await page.waitForTimeout(300);
        const wide = await dash.locator('html').evaluate((html) => html.scrollWidth > html.clientWidth);
        if (wide) throw new Error(`The dashboard's ${s} section scrolls sideways at 1280 × 800.`);
      }
      await dash.locator(`vscode-tab-header[data-section=${section}]`).click();
      if (section === 'afterChange') await dash.locator('#change-chart canvas').waitFor();
      await page.mouse.move(26, 600); // an empty spot of the activity bar: no hover tooltip anywhere
      await save(page, name);
    } finally {
      await close();
    }
  } finally {
    await server.stop();
  }
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
  for (const [name, theme, section] of [
    ['dashboard-dark', THEMES.dark, 'timeline'],
    ['dashboard-light', THEMES.light, 'timeline'],
    ['dashboard-changes-dark', THEMES.dark, 'afterChange'],
    ['dashboard-year-light', THEMES.light, 'year']
  ]) {
    if (only.length && !only.includes(name)) continue;
    await dashboardShot(theme, workspace, name, section);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
