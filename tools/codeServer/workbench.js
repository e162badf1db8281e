// Opens the code-server workbench in headless Chromium: the workbench URL (folder, extension under
// development, test module), launching Chromium, waiting until the workbench is restored, and
// reaching into an extension's webview. Screenshots, the key server and the tests all drive it.
'use strict';

const path = require('path');
const { checkPrereqs } = require('./prereqs');

const WORKBENCH_TIMEOUT_MS = 60_000;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

// VS Code parses these as URIs, so each path segment must be percent-encoded.
function remoteUri(server, fsPath) {
  const segments = path.resolve(fsPath).split(path.sep).map(encodeURIComponent);
  return `vscode-remote://${server.remoteAuthority}${segments.join('/')}`;
}

/**
 * URL that opens `folder` in the workbench, optionally with an extension under development and a
 * test module. The tests only run when extensionDevelopmentPath is present too.
 */
function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, extensionTestsPath)]);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}/${query.length ? `?${query.join('&')}` : ''}`;
}

function launchChromium() {
  checkPrereqs({ needChromium: true, needCodeServerBuild: false });
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS
  });
}

/**
 * Opens the workbench in headless Chromium for screenshots or scripted driving (no tests run) and
 * waits until it is restored. The extension may still be activating then: wait for something it
 * shows before driving it.
 */
async function openWorkbench({ server, folder, extensionDevelopmentPath, viewport = { width: 1280, height: 800 } }) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(WORKBENCH_TIMEOUT_MS);
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath }));
    // The smoke-test driver (window.driver) knows when the layout and editors are restored; the
    // .monaco-workbench element alone appears seconds earlier, before contributions are in.
    await page.waitForFunction(() => window.driver);
    await page.evaluate(
      (ms) =>
        Promise.race([
          window.driver.whenWorkbenchRestored(),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`workbench not restored after ${ms} ms`)), ms))
        ]),
      WORKBENCH_TIMEOUT_MS
    );
    return { browser, page, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * Content frame of the visible webview that extension `extensionId` (publisher.name) shows, for
 * DOM checks: VS Code hosts each webview in an outer iframe (src carries ?extensionId=) whose
 * #active-frame iframe holds the extension's HTML. Returns a Playwright FrameLocator.
 */
function webviewFrame(page, extensionId) {
  return page
    .locator(`iframe.webview.ready[src*="extensionId=${extensionId}"]:visible`)
    .contentFrame()
    .locator('#active-frame')
    .contentFrame();
}

module.exports = { CHROMIUM_ARGS, workbenchUrl, launchChromium, openWorkbench, webviewFrame };
