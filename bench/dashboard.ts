// Dashboard benchmark: five years and 10k check-ins (a taper with a plan, symptoms, tags and life
// events). The host side is the real `dashboard/data` handler over a reopened JournalStore, with the
// figures from the shipped dist/figures.js and the answer validated as the host does; the page side
// is the minified dist/dashboard.js in headless Chromium with that answer served from inside the
// page (no harness round trips) as long after its request as the host took (the host side's median),
// from script start to the first frame with the timeline drawn: while the host works, the page goes
// on with its own (its first paint), as it does in VS Code.
// Then the redraw after a range change: a preset clicked, to the frame after it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as figuresBundle from '../src/bundles/figures';
import { DEFAULT_MOOD_LABELS } from '../src/core/mood';
import { buildCheckIn, buildLifeEvent, type Clock } from '../src/core/entries';
import { buildTaperStep } from '../src/core/plan';
import { DEFAULT_RESOURCES } from '../src/core/safety';
import type { Op } from '../src/core/schemas';
import { addDays, instantOf } from '../src/core/time';
import type { DashboardWire } from '../src/webviews/dashboard/protocol';
import type { JournalActions } from '../src/services/journalActions';
import { webviewHandlers, type HandlerDeps } from '../src/webviews/handlers';
import { answer } from '../src/webviews/host/dispatch';
import { JournalStore } from '../src/storage/journalStore';
import { loadSqlJs } from '../src/storage/sqlLoader';
import { openSidebar, startBrowser, stopBrowser } from '../tools/browser/sidebarPage';
import { median, ROOT, type BenchRow } from './stats';

const RUNS = 9;
const FIRST_TARGET_MS = 300;
const REDRAW_TARGET_MS = 50;
const FROM = '2021-07-01';
const DAYS = 1826;
const TODAY = addDays(FROM, DAYS - 1);
const STANDIN = 'out/bench/dashboardHost.js';
/** The same, answering as late as the host's first request after the journal opened. */
const STANDIN_FIRST = 'out/bench/dashboardHostFirst.js';

/** Five years of days, for a journal that ends on a given day (dashboardWorkbench.ts). */
export const FIVE_YEARS_DAYS = DAYS;

export const DASHBOARD_FIRST_METRIC = `dashboard first render (page from script start, the host's answer after its time), median of ${RUNS}`;
export const DASHBOARD_REDRAW_METRIC = `dashboard redraw after a range change, median of ${RUNS}`;

/** 10k check-ins over five years from `from`: a taper from 20 mg in eight steps, symptoms after each cut, two tags, an event a month. */
export function fiveYears(entries: number, from = FROM): Op[] {
  const ops: Op[] = [];
  const taper = [20, 17.5, 15, 12.5, 10, 7.5, 5, 2.5];
  const stretch = Math.ceil(DAYS / taper.length);
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  let t = 0;
  const clock: Clock = { now: () => t, zone: () => 'UTC' };
  taper.forEach((mg, i) => {
    t = Date.parse(`${from}T08:00:00Z`);
    ops.push({ table: 'taper_steps', row: buildTaperStep({ startDate: addDays(from, i * stretch), targetMg: mg, note: '' }, undefined, null, t) });
  });
  for (let i = 0; i < entries; i++) {
    const day = Math.floor((i * DAYS) / entries);
    const date = addDays(from, day);
    const step = Math.floor(day / stretch);
    const sinceCut = day - step * stretch;
    t = instantOf(date, 7 + (i % 14), (i * 7) % 60, 'UTC');
    const mood = Math.max(1, Math.min(10, Math.round(6 + (sinceCut < 14 ? -2 : 0) + (rnd() - 0.5) * 4)));
    const symptoms = sinceCut < 14 && rnd() < 0.4 ? [{ key: 'dizziness', label: 'Dizziness', severity: 1 + Math.floor(rnd() * 3) }] : [];
    const tags = [...(rnd() < 0.5 ? ['work'] : []), ...(rnd() < 0.3 ? ['exercise'] : [])];
    ops.push(...buildCheckIn({ mood, tags, symptoms, note: `entry ${i}`, dose: { mg: taper[step], status: 'taken', medication: 'Escitalopram' } }, clock).ops);
    if (day % 30 === 0 && i === Math.ceil((day * entries) / DAYS)) ops.push({ table: 'life_events', row: buildLifeEvent({ title: `Event on day ${day}` }, clock) });
  }
  return ops;
}

/** The host side: `dashboard/data` over a reopened journal, as the extension answers it. */
async function hostSide(entries: number): Promise<{ times: number[]; cold: number; data: DashboardWire; kb: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-bench-dashboard-'));
  const sql = await loadSqlJs(path.join(ROOT, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'));
  const ops = fiveYears(entries);
  const writer = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000, compactLogBytes: Number.MAX_SAFE_INTEGER });
  for (let i = 0; i < ops.length; i += 2000) await writer.write(ops.slice(i, i + 2000));
  await writer.close();
  const store = await JournalStore.open({ dir, sql, compactAfterMs: 3_600_000 });
  const now = Date.parse(`${TODAY}T20:00:00Z`);
  const figures = ((await import(pathToFileURL(path.join(ROOT, 'dist', 'figures.js')).href)) as { default: typeof figuresBundle }).default;
  const english = (m: string, ...a: (string | number)[]) => m.replace(/\{(\d+)\}/g, (w, i: string) => String(a[+i] ?? w));
  const handlers = webviewHandlers({
    read: async () => store,
    actions: undefined as unknown as JournalActions, // the dashboard never writes
    clock: { now: () => now, zone: () => 'UTC', today: () => TODAY },
    settings: {
      medicationName: () => 'Escitalopram',
      unit: () => 'mg',
      defaultDose: () => null,
      moodLabels: () => DEFAULT_MOOD_LABELS,
      supportResources: () => [...DEFAULT_RESOURCES],
      checkupIntervalDays: () => 14,
      symptomReviewEnabled: () => true
    },
    t: english,
    figures: () => figures,
    support: { cardVisible: () => false, dismiss: async () => undefined },
    commands: undefined as unknown as HandlerDeps['commands'], // the dashboard runs no command
    host: { openLink: async () => undefined, editInSidebar: async () => undefined }
  });
  const log = { info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };
  const times: number[] = [];
  let cold = 0;
  let data: DashboardWire | undefined;
  // One warm-up (first read validates the rows and warms the JIT), then the runs.
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const reply = await answer(handlers, { type: 'request', id: i + 1, method: 'dashboard/data', params: {} }, log, 'malformed');
    const ms = performance.now() - t0;
    if (reply.type !== 'response') throw new Error(`dashboard/data failed: ${reply.type === 'error' ? reply.message : reply.type}`);
    data = reply.result as DashboardWire;
    if (i > 0) times.push(ms);
    else cold = ms;
  }
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const checkins = data!.timeline.days.n.reduce((sum, n) => sum + n, 0);
  if (checkins !== entries) throw new Error(`expected ${entries} check-ins on the timeline, got ${checkins}`);
  return { times, cold, data: data!, kb: JSON.stringify(data).length / 1024 };
}

/**
 * A stand-in for VS Code inside the page: it answers `dashboard/data` `hostMs` after the request (the
 * host's time for it), and marks the first frame drawn with data.
 */
function writeStandin(data: DashboardWire, hostMs: number, file: string): void {
  const js = `(function () {
  var data = ${JSON.stringify(data)};
  var state;
  var reply = function (m, after) { setTimeout(function () { window.postMessage(m, '*'); }, after || 0); };
  window.acquireVsCodeApi = function () {
    return {
      postMessage: function (m) {
        if (m.type === 'ready') { window.__readyAt = performance.now(); reply({ type: 'init', l10n: null, testMode: true }); }
        else if (m.type === 'request' && m.method === 'dashboard/data') window.__requestAt = performance.now(), reply({ type: 'response', id: m.id, ok: true, result: data }, ${hostMs});
        else if (m.type === 'rendered' && window.__firstRenderAt === undefined) {
          window.__firstRenderAt = null;
          window.__renderedAt = performance.now();
          requestAnimationFrame(function () { setTimeout(function () { window.__firstRenderAt = performance.now(); }, 0); });
        }
      },
      getState: function () { return state; },
      setState: function (s) { state = s; }
    };
  };
})();`;
  fs.mkdirSync(path.join(ROOT, path.dirname(file)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, file), js);
}

/** Where the page's first render goes: script start to "ready", the answer (once there) to drawn, drawn to the first frame. */
type Parts = { ready: number[]; drawn: number[]; frame: number[] };

async function pageSide(data: DashboardWire, hostMs: number, firstHostMs: number): Promise<{ first: number[]; cold: number; firstOfSession: number[]; redraw: number[]; parts: Parts }> {
  writeStandin(data, hostMs, STANDIN);
  writeStandin(data, firstHostMs, STANDIN_FIRST);
  await startBrowser();
  try {
    const open = (standin: string) => openSidebar(() => undefined, { dashboard: true, standin: `/${standin}`, viewport: { width: 1280, height: 800 } });
    let panel = await open(STANDIN);
    const measure = async () => {
      await panel.page.waitForFunction(() => typeof (window as unknown as { __firstRenderAt?: number }).__firstRenderAt === 'number', undefined, { timeout: 30_000 });
      return panel.page.evaluate((host) => {
        const w = window as unknown as Record<'__firstRenderAt' | '__panelStart' | '__readyAt' | '__requestAt' | '__renderedAt', number>;
        return { total: w.__firstRenderAt - w.__panelStart, ready: w.__readyAt - w.__panelStart, drawn: w.__renderedAt - w.__requestAt - host, frame: w.__firstRenderAt - w.__renderedAt };
      }, hostMs);
    };
    // Like a webview shown again, the reloads have the bundle cached; the very first load is reported on its own.
    const cold = (await measure()).total;
    const first: number[] = [];
    const parts: Parts = { ready: [], drawn: [], frame: [] };
    for (let i = 0; i < RUNS; i++) {
      await panel.page.reload();
      const m = await measure();
      first.push(m.total);
      parts.ready.push(m.ready);
      parts.drawn.push(m.drawn);
      parts.frame.push(m.frame);
    }
    if (!(await panel.page.$('#timeline-host canvas'))) throw new Error('the timeline was not drawn');
    const redraw = await panel.page.evaluate(async (runs) => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const presets = ['30', '365', '90', 'all'];
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        await frame();
        const t0 = performance.now();
        document.querySelector<HTMLElement>(`[data-preset="${presets[i % presets.length]}"]`)!.click();
        await frame();
        out.push(performance.now() - t0);
      }
      return out;
    }, RUNS);
    // A reload cancels what is still loading (the codicon font), which shows as a failed request.
    const problems = panel.problems.filter((p) => !p.startsWith('request failed'));
    if (problems.length) throw new Error(`The dashboard reported problems: ${problems.join('; ')}`);
    await panel.close();
    // The first dashboard after the journal opens waits for every row to be read and checked.
    panel = await open(STANDIN_FIRST);
    await measure();
    const firstOfSession: number[] = [];
    for (let i = 0; i < 3; i++) {
      await panel.page.reload();
      firstOfSession.push((await measure()).total);
    }
    await panel.close();
    return { first, cold, firstOfSession, redraw, parts };
  } finally {
    await stopBrowser();
  }
}

export async function benchDashboard(entries = 10_000): Promise<BenchRow[]> {
  const host = await hostSide(entries);
  const hostMs = median(host.times);
  const page = await pageSide(host.data, hostMs, host.cold);
  const firstMs = median(page.first);
  const redrawMs = median(page.redraw);
  return [
    { size: entries, metric: DASHBOARD_FIRST_METRIC, value: firstMs, unit: 'ms', target: `≤ ${FIRST_TARGET_MS} ms`, pass: firstMs <= FIRST_TARGET_MS },
    { size: entries, metric: `  host: dashboard/data over 5 years (read, figures, validation), median of ${RUNS}`, value: hostMs, unit: 'ms' },
    { size: entries, metric: '  page: script start to "ready" (parse, page built; the figures asked for)', value: median(page.parts.ready), unit: 'ms' },
    { size: entries, metric: '  page: the answer validated and drawn (lit, uPlot built)', value: median(page.parts.drawn), unit: 'ms' },
    { size: entries, metric: '  page: drawn to the end of the first frame (layout, canvas)', value: median(page.parts.frame), unit: 'ms' },
    { size: entries, metric: '  host: its first request after the journal opens (every row read and checked)', value: host.cold, unit: 'ms' },
    { size: entries, metric: '  first render of the first dashboard after the journal opens, median of 3', value: median(page.firstOfSession), unit: 'ms' },
    { size: entries, metric: '  page: very first load (cold cache)', value: page.cold, unit: 'ms' },
    { size: entries, metric: '  the answer posted to the page (JSON)', value: host.kb, unit: 'KB' },
    { size: entries, metric: DASHBOARD_REDRAW_METRIC, value: redrawMs, unit: 'ms', target: `≤ ${REDRAW_TARGET_MS} ms`, pass: redrawMs <= REDRAW_TARGET_MS }
  ];
}
