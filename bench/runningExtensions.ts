// Reads the Activation figures VS Code itself shows in "Developer: Show Running Extensions": a fresh
// code-server with the packaged .vsix installed, a workspace opened in headless Chromium, the
// command run from the palette as a user would, and each row's "Activation: N ms" read from the DOM.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ROOT } from './stats';

interface CodeServer {
  vscodeVersion: string;
  stop(): Promise<void>;
}
// The harness is CommonJS that finds .vscode-test from its own folder, so it is loaded from tools/
// where it lives rather than bundled into out/bench.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- module-level and synchronous, from a path
const harness = (name: string) => require(path.join(ROOT, 'tools', 'codeServer', name));
const { startCodeServer } = harness('server.js') as { startCodeServer(o: object): Promise<CodeServer> };
const { installVsix } = harness('vsix.js') as { installVsix(server: CodeServer, vsix: string): Promise<void> };
const { openWorkbench } = harness('workbench.js') as {
  openWorkbench(o: object): Promise<{ page: Page; close(): Promise<void> }>;
};

export interface RunningExtension {
  name: string;
  /** Code loading + activate call, as the row shows it. */
  ms: number;
  /** The row's own words, e.g. "Activation: 188ms" or "Startup Activation: 118ms". */
  text: string;
}

export interface WorkbenchStart {
  vscodeVersion: string;
  rows: RunningExtension[];
}

const ACTIVATION = /^(?:Startup )?Activation: (\d+)ms$/;
const ROW = '.runtime-extensions-editor .monaco-list-row';

/** The rows in view: the list is virtual, so only those exist in the DOM. */
function visibleRows(page: Page): Promise<{ name: string; text: string }[]> {
  return page.$$eval(ROW, (els) =>
    els.map((el) => ({ name: el.querySelector('.name')?.textContent ?? '', text: el.querySelector('.activation-time')?.textContent ?? '' }))
  );
}

type Box = { x: number; y: number; width: number; height: number };

/** Scrolls the list with the mouse wheel and says whether it moved (the rows in view changed). */
async function scrollList(page: Page, list: Box, dy: number): Promise<boolean> {
  const before = JSON.stringify(await visibleRows(page));
  await page.mouse.move(list.x + list.width / 2, list.y + list.height / 2);
  await page.mouse.wheel(0, dy);
  await page.waitForTimeout(150);
  return JSON.stringify(await visibleRows(page)) !== before;
}

async function listBox(page: Page): Promise<Box | null> {
  const box = await page.locator('.runtime-extensions-editor .monaco-list').first().boundingBox();
  if (box) for (let i = 0; i < 50 && (await scrollList(page, box, -box.height)); i++);
  return box;
}

/** Every activated row of the Running Extensions editor, read from the top of its list to the end. */
async function readRows(page: Page): Promise<Map<string, RunningExtension>> {
  const seen = new Map<string, RunningExtension>();
  const list = await listBox(page);
  for (let i = 0; list && i < 50; i++) {
    for (const r of await visibleRows(page)) {
      const m = ACTIVATION.exec(r.text);
      if (m) seen.set(r.name, { name: r.name, ms: Number(m[1]), text: r.text });
    }
    if (!(await scrollList(page, list, list.height / 2))) break;
  }
  return seen;
}

/** Scrolls the list until `name`'s row is fully in view, for a screenshot that shows the figure read. */
async function bringIntoView(page: Page, name: string): Promise<void> {
  const list = await listBox(page);
  const row = page.locator(ROW, { has: page.locator('.name', { hasText: name }) }).first();
  for (let i = 0; list && i < 50; i++) {
    const box = (await row.count()) ? await row.boundingBox() : null;
    const below = box ? box.y + box.height - (list.y + list.height) : 1;
    if (box && below <= 0) return;
    if (!(await scrollList(page, list, box ? below + 10 : list.height / 2))) return;
  }
}

export interface StartOptions {
  /** More packaged extensions to install beside it, e.g. an empty control extension. */
  also?: string[];
  /** Saves the Running Extensions editor as displayed. */
  screenshot?: string;
  /** Display names of the others to wait for, beside `displayName`. */
  waitFor?: string[];
}

/**
 * One fresh workbench start: a new server (new user data, new extensions folder) with the .vsix
 * installed, a workspace folder opened, then "Developer: Show Running Extensions" once `displayName`
 * has finished activating.
 */
export async function runningExtensions(vsix: string, displayName: string, options: StartOptions = {}): Promise<WorkbenchStart> {
  const { screenshot } = options;
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-bench-startup-'));
  fs.writeFileSync(path.join(workspace, 'README.md'), '# A workspace for the start-up benchmark\n');
  const server = await startCodeServer({ userSettings: { 'workbench.colorTheme': 'Default Dark Modern', 'workbench.tips.enabled': false } });
  try {
    await installVsix(server, vsix);
    for (const other of options.also ?? []) await installVsix(server, other);
    const { page, close } = await openWorkbench({ server, folder: workspace, viewport: { width: 1280, height: 900 } });
    try {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget').waitFor();
      await page.keyboard.type('Developer: Show Running Extensions');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator(ROW).first().waitFor();
      // The extension activates on onStartupFinished: until then it has no row, then one that
      // reads "Activating..." until activate() has returned.
      const deadline = Date.now() + 60_000;
      const names = [displayName, ...(options.waitFor ?? [])];
      let rows = await readRows(page);
      while (!names.every((n) => rows.has(n)) && Date.now() < deadline) {
        await page.waitForTimeout(1000);
        rows = await readRows(page);
      }
      if (screenshot) {
        await bringIntoView(page, displayName);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: screenshot });
      }
      return { vscodeVersion: server.vscodeVersion, rows: [...rows.values()] };
    } finally {
      await close();
    }
  } finally {
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
