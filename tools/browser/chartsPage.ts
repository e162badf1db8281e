// The charts module alone in headless Chromium, behind the panel's CSP, for charts.test.ts and
// bench/charts.ts. Also makes realistic ChartData: a taper with dips, gaps, markers and symptoms.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ChartData } from '../../src/protocol';
import type { MoodDoseCharts } from '../../webview/charts';
import { CHROME, CHROME_ARGS } from './panelHarness';
import { serveRepo, type RepoServer } from './repoServer';

declare global {
  interface Window {
    mdc: { charts: MoodDoseCharts; create(): MoodDoseCharts; violations: string[] };
    /** Set only if an injected payload ever ran. */
    __x?: unknown;
  }
}

/** The repository root, from wherever this file was bundled to (out/test/browser, out/bench). */
export const REPO = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'webview', 'charts.ts')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
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
  await esbuild.build({
    entryPoints: [path.join(REPO, 'test', 'browser', 'chartsEntry.ts')],
    outfile: path.join(REPO, BUNDLE),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: opts.minify ?? false,
    logLevel: 'warning'
  });
  const fixed: Record<string, [string, string]> = { '/theme.css': ['text/css', DARK_THEME] };
  server = await serveRepo(REPO, (url) => (url.pathname === '/' ? ['text/html', pageHtml()] : fixed[url.pathname]));
  origin = server.origin;
  browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
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
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => !!window.mdc);
  return { page, problems, close: () => context.close() };
}

// ---- Realistic data ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const EVENTS = ['Court date', 'Moved flat', 'Sister visited', 'Job interview', 'Flu, two days in bed', 'Anniversary'];
const SYMPTOMS = [
  ['dizziness', 'Dizziness'],
  ['brain-zaps', 'Brain zaps'],
  ['irritability', 'Irritability'],
  ['insomnia', 'Trouble sleeping']
] as const;

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same data. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `days` days from `from`, tapering through `steps` (mg) in equal stretches. Mood dips for a week or
 * two after each cut and after life events; about 8% of days have no check-in.
 */
export function makeChartData(opts: { from: string; days: number; steps: number[]; seed?: number; eventEvery?: number }): ChartData {
  const rnd = random(opts.seed ?? 1);
  const start = Date.parse(`${opts.from}T00:00:00Z`);
  const date = (i: number) => new Date(start + i * DAY_MS).toISOString().slice(0, 10);
  const stretch = Math.ceil(opts.days / opts.steps.length);
  const eventEvery = opts.eventEvery ?? 40;
  const data: ChartData = { from: date(0), to: date(opts.days - 1), days: [], markers: [], moodByDose: [], symptoms: [], unit: 'mg' };
  const cells = SYMPTOMS.map(() => [] as { date: string; severity: number }[]);
  let lastCut = -100;
  let lastEvent = -100;
  for (let i = 0; i < opts.days; i++) {
    const dose = opts.steps[Math.floor(i / stretch)];
    if (i > 0 && dose !== data.days[i - 1].dose) {
      data.markers.push({ date: date(i), kind: 'dose-change', label: `${data.days[i - 1].dose} → ${dose} mg` });
      lastCut = i;
    }
    if (i % eventEvery === 17) {
      data.markers.push({ date: date(i), kind: 'life-event', label: EVENTS[(i / eventEvery) % EVENTS.length | 0] });
      lastEvent = i;
    }
    const dip = 2.4 * Math.exp(-(i - lastCut) / 6) + 1.5 * Math.exp(-(i - lastEvent) / 3);
    const base = 6.6 + 0.6 * Math.sin(i / 23) - dip;
    if (rnd() < 0.08) {
      data.days.push({ date: date(i), mean: null, min: null, max: null, n: 0, dose });
      continue;
    }
    const n = 1 + Math.floor(rnd() * 3);
    const moods = Array.from({ length: n }, () => Math.min(10, Math.max(1, Math.round(base + (rnd() - 0.5) * 3))));
    data.days.push({ date: date(i), mean: moods.reduce((a, b) => a + b, 0) / n, min: Math.min(...moods), max: Math.max(...moods), n, dose });
    SYMPTOMS.forEach((_, k) => {
      const severity = Math.min(3, Math.max(0, Math.round((3.2 - k * 0.5) * Math.exp(-(i - lastCut) / 7) + (rnd() - 0.6))));
      cells[k].push({ date: date(i), severity });
    });
  }
  data.symptoms = SYMPTOMS.map(([key, label], k) => ({ key, label, cells: cells[k] }));
  data.moodByDose = moodByDose(data.days);
  return data;
}

/** Mean of daily means per dose level, highest dose first, as the host computes it. */
export function moodByDose(days: ChartData['days']): ChartData['moodByDose'] {
  const byDose = new Map<number, ChartData['days']>();
  for (const d of days) {
    if (d.mean === null || d.dose === null) continue;
    const list = byDose.get(d.dose);
    if (list) list.push(d);
    else byDose.set(d.dose, [d]);
  }
  return [...byDose.entries()]
    .sort(([a], [b]) => b - a)
    .map(([mg, list]) => {
      const means = list.map((d) => d.mean!);
      const mean = means.reduce((a, b) => a + b, 0) / means.length;
      const sd = means.length > 1 ? Math.sqrt(means.reduce((a, m) => a + (m - mean) ** 2, 0) / (means.length - 1)) : null;
      return { mg, mean, days: list.length, sd, min: Math.min(...list.map((d) => d.min!)), max: Math.max(...list.map((d) => d.max!)) };
    });
}
