// The charts module alone in headless Chromium, behind the panel's CSP, for the charts tests and
// bench/charts.ts. Sample data to draw comes from sampleChartData.ts.
import { bundleForPage } from './pageBundle';
import type { Browser, Page } from 'playwright-core';
import type { MoodDoseCharts } from '../../webview/sidebar/moodDoseCharts';
import { launchChromium, watchForProblems } from './chromium';
import { REPO_ROOT, serveRepo, type RepoServer } from './repoServer';

declare global {
  interface Window {
    mdc: {
      charts: MoodDoseCharts;
      create(): MoodDoseCharts;
      /** Replaces `charts` with charts in `lang` with the bundle's words (null: English words). */
      inLanguage(lang: string, bundle: Record<string, string> | null): MoodDoseCharts;
      violations: string[];
    };
    /** Set only if an injected payload ever ran. */
    __x?: unknown;
  }
}

const BUNDLE = '/out/charts-test/charts.js';

/** What VS Code's Dark Modern theme puts on <html>; tests override some on <body>. */
const DARK_THEME = `html {
  --vscode-foreground: #cccccc; --vscode-descriptionForeground: #9d9d9d;
  --vscode-charts-blue: #3794ff; --vscode-charts-orange: #d18616; --vscode-charts-red: #f14c4c;
  --vscode-charts-green: #89d185; --vscode-charts-purple: #b180d7; --vscode-charts-foreground: #cccccc;
  --vscode-editorWidget-border: #454545; --vscode-panel-border: #2b2b2b; --vscode-focusBorder: #0078d4;
  --vscode-font-family: system-ui, "Ubuntu", "Droid Sans", sans-serif; --vscode-font-size: 13px;
  --vscode-sideBar-background: #181818; --vscode-button-secondaryBackground: #313131;
  --vscode-button-secondaryForeground: #cccccc; --vscode-editorHoverWidget-background: #202020;
}
body { background: var(--vscode-sideBar-background); }`;

let browser: Browser | undefined;
let server: RepoServer | undefined;
let origin = '';

function pageHtml(): string {
  const csp = `default-src 'none'; img-src ${origin} data:; style-src ${origin}; font-src ${origin}; script-src 'nonce-test'`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="/node_modules/uplot/dist/uPlot.min.css">
<link rel="stylesheet" href="/theme.css">
<link rel="stylesheet" href="/media/journal.css">
<link rel="stylesheet" href="/media/charts.css">
</head><body class="vscode-dark"><main id="app"></main>
<script nonce="test" src="${BUNDLE}"></script></body></html>`;
}

/** Bundles the test entry (minified for the benchmark, as in the packaged panel), serves the repo, starts Chromium. */
export async function startCharts(opts: { minify?: boolean } = {}): Promise<void> {
  await bundleForPage('chartsEntry.ts', BUNDLE, opts.minify ?? false);
  const fixed: Record<string, [string, string]> = { '/theme.css': ['text/css', DARK_THEME] };
  server = await serveRepo(REPO_ROOT, (url) => (url.pathname === '/' ? ['text/html', pageHtml()] : fixed[url.pathname]));
  origin = server.origin;
  browser = await launchChromium();
}

export async function stopCharts(): Promise<void> {
  await browser?.close();
  await server?.close();
  browser = server = undefined;
}

export interface ChartsPage {
  page: Page;
  /** CSP refusals, console errors, page errors and failed requests. */
  problems: string[];
  close(): Promise<void>;
}

export async function openCharts(viewport = { width: 360, height: 900 }): Promise<ChartsPage> {
  if (!browser) throw new Error('startCharts() first');
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(5000); // fail with the waited-for condition, not mocha's timeout
  const problems = watchForProblems(page);
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => !!window.mdc);
  return { page, problems, close: () => context.close() };
}

/** Where a date falls on the timeline's plot, in page coordinates (the x scale spans from..to exactly). */
export function timelinePointAt(page: Page, range: { from: string; to: string }, date: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([from, to, at]) => {
      const box = document.querySelector('.mdc-timeline .u-over')!.getBoundingClientRect();
      const ms = (d: string) => new Date(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)).getTime();
      return { x: box.left + (box.width * (ms(at) - ms(from))) / (ms(to) - ms(from)), y: box.top + box.height / 2 };
    },
    [range.from, range.to, date]
  );
}

