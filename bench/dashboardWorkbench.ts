// The dashboard in a real VS Code (code-server, headless Chromium) over the five-year journal of the
// dashboard benchmark, ending today: "Mood & Dose: Open Dashboard" run from the palette, to the first
// frame after the timeline's canvas appears in the webview, as Playwright sees it. Unlike
// `npm run bench -- dashboard`, this includes VS Code's own part: running the command, creating the
// webview and loading its page. The first open after the window starts reads the journal's rows for
// the first time; each reopen (the dashboard closed, then opened again) finds them checked.
// DASHBOARD_EXTENSION=<folder> measures another build (e.g. an earlier commit's) the same way;
// DASHBOARD_MARKS=1 also prints, for each open, when the page's script loaded, when it asked for its
// figures and when the answer came (the page's performance marks), from the document's start.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { addDays, localDateOf, systemZone } from '../src/core/time';
import { JournalStore } from '../src/storage/journalStore';
import { loadSqlJs } from '../src/storage/sqlLoader';
import { FIVE_YEARS_DAYS, fiveYears } from './dashboard';
import { median, ROOT, type BenchRow } from './stats';

const EXTENSION = 'mood-dose.mood-dose-journal';
const REOPENS = 7;

interface CodeServer {
  vscodeVersion: string;
  stop(): Promise<void>;
}
// CommonJS that finds .vscode-test from its own folder: loaded from tools/, not bundled.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- module-level and synchronous, from a path
const harness = (name: string) => require(path.join(ROOT, 'tools', 'codeServer', name));
const { startCodeServer } = harness('server.js') as { startCodeServer(o: object): Promise<CodeServer> };
const { openWorkbench, webviewFrame } = harness('workbench.js') as {
  openWorkbench(o: object): Promise<{ page: Page; close(): Promise<void> }>;
  webviewFrame(page: Page, extensionId: string): FrameLocator;
};

async function seedWorkspace(entries: number): Promise<string> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-bench-workbench-'));
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Five years of Mood & Dose data for the dashboard benchmark\n');
  const today = localDateOf(Date.now(), systemZone());
  const store = await JournalStore.open({
    dir: path.join(workspace, '.mood-journal'),
    sql: await loadSqlJs(path.join(ROOT, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm')),
    compactAfterMs: 3_600_000,
    compactLogBytes: Number.MAX_SAFE_INTEGER
  });
  const ops = fiveYears(entries, addDays(today, -(FIVE_YEARS_DAYS - 1)));
  for (let i = 0; i < ops.length; i += 2000) await store.write(ops.slice(i, i + 2000));
  await store.close();
  return workspace;
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^.*: /, '') }).first().waitFor();
}

/**
 * Opens the dashboard from the palette: milliseconds from Enter to the frame after its timeline
 * appears, and to the moment its page's document started (VS Code's part: running the command and
 * creating the webview).
 */
async function openDashboard(page: Page): Promise<{ total: number; webview: number }> {
  await runCommand(page, 'Mood & Dose: Open Dashboard');
  const t0 = performance.now();
  const epoch0 = Date.now();
  await page.keyboard.press('Enter');
  const dash = webviewFrame(page, EXTENSION);
  await dash.locator('#timeline-host canvas').waitFor({ timeout: 60_000 });
  await dash.locator('html').evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const total = performance.now() - t0;
  const webview = await dash.locator('html').evaluate((_, at) => performance.timeOrigin - at, epoch0);
  if (process.env.DASHBOARD_MARKS) {
    const marks = await dash.locator('html').evaluate(() => {
      const script = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.includes('dashboard.js'));
      const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { script: script?.responseEnd ?? NaN, ready: mark('dashboard:ready'), answer: mark('dashboard:answer') };
    });
    console.log(`  webview ${webview.toFixed(0)}, script loaded +${marks.script.toFixed(0)}, ready +${marks.ready.toFixed(0)}, answer +${marks.answer.toFixed(0)}, frame +${(total - webview).toFixed(0)}`);
  }
  return { total, webview };
}

async function closeEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.keyboard.press('Enter');
  await page.locator('.tab', { hasText: 'Mood & Dose Dashboard' }).waitFor({ state: 'detached' });
  await page.waitForTimeout(1500);
}

export async function benchDashboardWorkbench(entries = 10_000): Promise<BenchRow[]> {
  const extension = process.env.DASHBOARD_EXTENSION ?? ROOT;
  const workspace = await seedWorkspace(entries);
  const server = await startCodeServer({ userSettings: { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false } });
  try {
    const { page, close } = await openWorkbench({ server, folder: workspace, extensionDevelopmentPath: extension, viewport: { width: 1280, height: 800 } });
    try {
      // The status item shows once the extension has started and read today's entries.
      await page.locator('.statusbar-item[id$="moodDose.checkIn"]').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(3000);
      const first = await openDashboard(page);
      const reopens: { total: number; webview: number }[] = [];
      for (let i = 0; i < REOPENS; i++) {
        await closeEditors(page);
        reopens.push(await openDashboard(page));
      }
      const shown = (o: { total: number; webview: number }) => `${o.total.toFixed(0)} (${o.webview.toFixed(0)})`;
      console.log(`Open Dashboard in VS Code ${server.vscodeVersion} (${path.relative(ROOT, extension) || 'this build'}), ms to the first frame (to the page's start): first ${shown(first)}, reopens ${reopens.map(shown).join(', ')}`);
      const where = `VS Code ${server.vscodeVersion}, palette to the timeline's first frame`;
      const total = median(reopens.map((o) => o.total));
      const webview = median(reopens.map((o) => o.webview));
      return [
        { size: entries, metric: `${where}: the first dashboard after the window starts`, value: first.total, unit: 'ms' },
        { size: entries, metric: `${where}: reopened, median of ${REOPENS}`, value: total, unit: 'ms' },
        { size: entries, metric: `  of which VS Code's, to the page's start (the command, the webview), median of ${REOPENS}`, value: webview, unit: 'ms' },
        { size: entries, metric: '  and the page, its figures and its first frame', value: total - webview, unit: 'ms' }
      ];
    } finally {
      await close();
    }
  } finally {
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
