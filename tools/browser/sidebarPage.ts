// Loads the built panel (dist/sidebar.js) or the dashboard (dist/dashboard.js) into headless Chromium
// behind the same strict CSP that VS Code uses, with a stand-in for acquireVsCodeApi (standin.js, or
// the caller's) and a scripted host on the Node side. The browser tests and the benchmarks drive it.
import { bundleForPage } from './pageBundle';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { HostMessage, WebviewMessage } from '../../src/webviews/protocol';
import { launchChromium, watchForProblems } from './chromium';
import { REPO_ROOT, serveRepo, type RepoServer } from './repoServer';
import { BODY_CLASS, isThemeName, themeCss, type ThemeName } from './themes';

/** Answers one request from the panel; return undefined to leave it unanswered. */
export type HostHandler = (msg: WebviewMessage, panel: PanelPage) => HostMessage | undefined | Promise<HostMessage | undefined>;

export interface PanelPage {
  page: Page;
  /** Every message the panel posted, in order. */
  posted: WebviewMessage[];
  /** Messages refused by the page's CSP or thrown as page errors. */
  problems: string[];
  send(message: unknown): Promise<void>;
  waitForPosted(pred: (m: WebviewMessage) => boolean, timeoutMs?: number): Promise<WebviewMessage>;
  close(): Promise<void>;
}

let browser: Browser | undefined;
let server: RepoServer | undefined;
let origin = '';

export async function startBrowser(): Promise<void> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'sidebar.js'))) throw new Error('dist/sidebar.js is missing: run "npm run build" first.');
  server = await serveRepo(REPO_ROOT, (url) => {
    const theme = url.searchParams.get('theme');
    if (url.pathname === '/theme.css' && isThemeName(theme)) return ['text/css', themeCss(theme, url.searchParams.get('surface') === 'editor' ? 'editor' : 'sideBar')];
    return url.pathname === '/panel.html' || url.pathname === '/dashboard.html'
      ? ['text/html', panelPageHtml(url.searchParams.get('state'), url.searchParams.get('standin'), url.searchParams.get('timeout'), url.pathname === '/dashboard.html', isThemeName(theme) ? theme : undefined, url.searchParams.get('lang') ?? 'en')]
      : undefined;
  });
  origin = server.origin;
  browser = await launchChromium();
}

export async function stopBrowser(): Promise<void> {
  await browser?.close();
  await server?.close();
  browser = undefined;
  server = undefined;
}

/** The panel with a short request timeout (tools/browser/sidebarEntry.ts), bundled on first use. */
const TIMEOUT_BUNDLE = 'out/test-pages/panel-timeout.js';

async function buildTimeoutPanel(): Promise<void> {
  await bundleForPage('sidebarEntry.ts', TIMEOUT_BUNDLE);
}

/**
 * The same shell and CSP as src/webviews/host/html.ts, with `origin` standing in for cspSource; with a
 * theme, its colour variables and body class as VS Code gives them (without, no variables at all).
 */
/** `lang`: the display language, as the host writes it into <html lang> (escaped: it comes from a query). */
function panelPageHtml(state: string | null, standin: string | null, timeout: string | null, dashboard = false, theme?: ThemeName, lang = 'en'): string {
  const csp = `default-src 'none'; img-src ${origin} data:; style-src ${origin}; font-src ${origin}; script-src 'nonce-test'`;
  const themeSheet = theme ? `<link rel="stylesheet" href="/theme.css?theme=${theme}&surface=${dashboard ? 'editor' : 'sideBar'}">\n` : '';
  return `<!DOCTYPE html><html lang="${lang.replace(/[^A-Za-z0-9-]/g, '')}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${themeSheet}<link rel="stylesheet" href="/dist/codicon.css" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="/dist/uplot.css">
<link rel="stylesheet" href="/media/journal.css">
<link rel="stylesheet" href="/media/charts.css">
${dashboard ? '<link rel="stylesheet" href="/media/dashboard.css">\n' : ''}<script nonce="test">window.__initialState = ${state ? JSON.stringify(JSON.parse(state)) : 'undefined'};</script>
<script nonce="test" src="${standin ?? '/tools/browser/standin.js'}"></script>
<title>${dashboard ? 'Mood &amp; Dose Dashboard' : 'Mood &amp; Dose Journal'}</title>
</head><body${theme ? ` class="${BODY_CLASS[theme]}" data-vscode-theme-kind="${BODY_CLASS[theme]}"` : ''}><main id="app" aria-busy="true"></main>
<script nonce="test">window.__panelStart = performance.now();</script>
<script nonce="test" src="${dashboard ? '/dist/dashboard.js' : timeout ? `/${TIMEOUT_BUNDLE}` : '/dist/sidebar.js'}"></script></body></html>`;
}

export async function openSidebar(
  handler: HostHandler,
  opts: { state?: unknown; viewport?: { width: number; height: number }; requestTimeoutMs?: number; standin?: string; dashboard?: boolean; theme?: ThemeName; lang?: string } = {}
): Promise<PanelPage> {
  if (!browser) throw new Error('startBrowser() first');
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 360, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const posted: WebviewMessage[] = [];
  const problems = watchForProblems(page);
  const waiters: { pred: (m: WebviewMessage) => boolean; resolve: (m: WebviewMessage) => void }[] = [];
  const panel: PanelPage = {
    page,
    posted,
    problems,
    send: async (message) => {
      await page.evaluate((m) => window.postMessage(m, '*'), message as never);
    },
    waitForPosted: (pred, timeoutMs = 5000) => {
      const found = posted.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The panel did not post the expected message in time')), timeoutMs);
        waiters.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    close: () => context.close()
  };
  await page.exposeFunction('__toHost', async (raw: WebviewMessage) => {
    posted.push(raw);
    for (const w of [...waiters]) {
      if (!w.pred(raw)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(raw);
    }
    const reply = await handler(raw, panel);
    if (reply) await panel.send(reply);
  });
  const query = new URLSearchParams();
  if (opts.requestTimeoutMs) {
    await buildTimeoutPanel();
    query.set('timeout', String(opts.requestTimeoutMs));
  }
  if (opts.state !== undefined) query.set('state', JSON.stringify(opts.state));
  if (opts.standin) query.set('standin', opts.standin);
  if (opts.theme) query.set('theme', opts.theme);
  if (opts.lang) query.set('lang', opts.lang);
  // The dashboard (dist/dashboard.js) in the same shell, with its own style sheet.
  await page.goto(`${origin}/${opts.dashboard ? 'dashboard' : 'panel'}.html?${query}`);
  return panel;
}
