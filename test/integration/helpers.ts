// Helpers for suites that run inside a real VS Code: the extension's test API, what a user sees
// (read from the workbench page when the extension runs as installed, without that API), and
// reading the journal straight from disk with sql.js, as an independent check of what it wrote.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import initSqlJs from 'sql.js';
import * as vscode from 'vscode';
import type { MoodDoseApi } from '../../src/shell/testApi';
import { localDateOf, systemZone } from '../../src/core/time';
import { exportJson, rowsFromOps } from '../../src/core/transfer/transfer';
import { demoJournal } from '../fixtures/demoJournal';

export const EXTENSION_ID = 'mood-dose.mood-dose-journal';

/** The test API, which the extension returns only in ExtensionMode.Test (run from its sources). */
export async function api(): Promise<MoodDoseApi> {
  const ext = vscode.extensions.getExtension<MoodDoseApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  const exports = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(exports, 'the test API (the extension runs in test mode)');
  return exports;
}

/** Set by test/harness/runAll.js for the run against the packaged .vsix, installed as a user would. */
export const INSTALLED = process.env.MOOD_DOSE_INSTALLED === '1';

/** What a user sees of the extension, and its journal on disk. */
export interface Observer {
  /** The status bar item's label, codicons as $(name). */
  statusText(): Promise<string>;
  /** The text of the panel's rows, newest first. */
  sidebarRows(): Promise<string[]>;
  dataDir(): string;
  /** Waits until the journal's changes are in its file on disk. */
  flush(): Promise<void>;
}

/**
 * The test API where there is one; otherwise (the installed .vsix, which exports nothing) the
 * workbench page through the harness, and the journal folder in the workspace.
 */
export async function observe(): Promise<Observer> {
  const ext = vscode.extensions.getExtension<MoodDoseApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  const exports = ext.isActive ? ext.exports : await ext.activate();
  if (exports) {
    return { statusText: async () => exports.statusText(), sidebarRows: async () => [...exports.sidebarRows()], dataDir: () => exports.dataDir(), flush: () => exports.flush() };
  }
  const h = harness();
  assert.ok(h, 'without the test API, the workbench page is read through the harness');
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const dir = path.resolve(folder.uri.fsPath, vscode.workspace.getConfiguration('moodDose').get<string>('dataFolder', '.mood-journal'));
  return {
    // The page draws what the extension host sets a moment later: read until two looks agree.
    statusText: async () => {
      let last = '';
      for (;;) {
        const text = await h.statusItem('mood-dose.mood-dose-journal.moodDose.checkIn');
        if (text === last) return text;
        last = text;
        await new Promise((r) => setTimeout(r, 300));
      }
    },
    sidebarRows: () => h.panelTexts('li.entry').catch(() => []),
    dataDir: () => dir,
    // Compaction folds the op log into the snapshot a few seconds after the last write: it renames
    // the log aside, writes the snapshot, then removes the renamed log.
    flush: async () => {
      await waitFor(
        'the journal to be compacted',
        // Each machine writes its own op log (journal.<machine>.oplog, or v0.1's journal.sqlite.oplog).
        () => fs.existsSync(path.join(dir, 'journal.sqlite')) && !fs.readdirSync(dir).some((f) => /^journal\.[a-z0-9]{1,32}\.oplog/.test(f)),
        30_000
      );
    }
  };
}

/** Runs a query against the snapshot file on disk, independently of the extension. */
export async function queryDisk(dir: string, sql: string): Promise<unknown[][]> {
  const wasm = path.join(path.dirname(require.resolve('sql.js')), 'sql-wasm.wasm');
  const SQL = await initSqlJs({ wasmBinary: fs.readFileSync(wasm) as unknown as ArrayBuffer });
  const db = new SQL.Database(fs.readFileSync(path.join(dir, 'journal.sqlite')));
  try {
    return db.exec(sql)[0]?.values ?? [];
  } finally {
    db.close();
  }
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The code-server harness's key server, which presses real keys in the workbench page. */
export interface Harness {
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  text(selector: string, timeoutMs?: number): Promise<string>;
  click(selector: string, text: string): Promise<void>;
  /** Actions inside the journal panel's webview. */
  panelClick(selector: string): Promise<void>;
  panelFill(selector: string, value: string): Promise<void>;
  panelText(selector: string): Promise<string>;
  /** The text of every element in the panel matching the selector. */
  panelTexts(selector: string): Promise<string[]>;
  /** A status bar item's label by its id, codicons as $(name). */
  statusItem(id: string): Promise<string>;
  /** Every entry of the workbench page's IndexedDB databases (where code-server keeps VS Code's state), as text. */
  browserStorage(): Promise<{ db: string; key: string; value: string }[]>;
  /** What a user reads or hears (text and labels) in the first visible workbench element matching the selector. */
  words(selector: string): Promise<string[]>;
  /** What each visible webview of the extension shows and speaks (text and labels): a view (the Journal view) or an editor (the dashboard). */
  webviewWords(): Promise<{ kind: 'view' | 'editor'; words: string[] }[]>;
}

/** Undefined under @vscode/test-electron, where no harness drives the page: UI suites skip there. */
export function harness(): Harness | undefined {
  const url = process.env.MOOD_DOSE_HARNESS;
  if (!url) return undefined;
  const call = async (action: string, body: unknown) => {
    const res = await fetch(`${url}/${action}`, { method: 'POST', body: JSON.stringify(body) });
    const json = (await res.json()) as { error?: string; text?: string; texts?: string[] };
    if (!res.ok) throw new Error(`harness ${action} failed: ${json.error}`);
    return json;
  };
  return {
    press: async (key) => void (await call('press', { key })),
    type: async (text) => void (await call('type', { text })),
    text: async (selector, timeoutMs) => (await call('text', { selector, timeoutMs })).text ?? '',
    click: async (selector, text) => void (await call('click', { selector, text })),
    panelClick: async (selector) => void (await call('webview/click', { selector })),
    panelFill: async (selector, value) => void (await call('webview/fill', { selector, value })),
    panelText: async (selector) => (await call('webview/text', { selector })).text ?? '',
    panelTexts: async (selector) => (await call('webview/texts', { selector })).texts ?? [],
    statusItem: async (id) => (await call('statusItem', { id })).text ?? '',
    browserStorage: async () => ((await call('browserStorage', {})) as { entries?: { db: string; key: string; value: string }[] }).entries ?? [],
    words: async (selector) => ((await call('words', { selector })) as { words?: string[] }).words ?? [],
    webviewWords: async () => ((await call('webview/words', {})) as { views?: { kind: 'view' | 'editor'; words: string[] }[] }).views ?? []
  };
}

/** Runs a command from the palette by its title, as a user would. */
export async function fromPalette(h: Harness, title: string): Promise<void> {
  // A summary's preview (a webview) may hold the focus, and keys pressed there never reach the workbench.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await h.press('F1');
  await h.text('.quick-input-widget .quick-input-list', 5_000).catch(() => '');
  await h.type(title);
  await waitFor(`"${title}" in the palette`, async () => (await h.text('.quick-input-widget .quick-input-list .monaco-list-row.focused', 1_000).catch(() => '')).includes(title) || undefined);
  await h.press('Enter');
}

/** The title of the open quick input, once it matches. */
export async function quickInputTitle(h: Harness, matching: RegExp): Promise<string> {
  return waitFor(`a quick input titled ${matching}`, async () => {
    const title = await h.text('.quick-input-widget .quick-input-title').catch(() => '');
    return matching.test(title) ? title : undefined;
  });
}

/**
 * Makes sure the journal has a medication with a tablet strength: the summary suite imports a demo
 * journal with 10 mg tablets; a suite run alone imports its own.
 */
export async function ensureTablets(a: MoodDoseApi): Promise<void> {
  await a.flush();
  const [[withTablets]] = fs.existsSync(path.join(a.dataDir(), 'journal.sqlite'))
    ? await queryDisk(a.dataDir(), 'SELECT count(*) FROM medications WHERE deleted_at IS NULL AND tablet_mg IS NOT NULL')
    : [[0]];
  if (Number(withTablets) > 0) return;
  const today = localDateOf(Date.now(), systemZone());
  const file = path.join(os.tmpdir(), `mood-dose-supply-${process.pid}.json`);
  fs.writeFileSync(file, exportJson(rowsFromOps(demoJournal({ end: today, zone: systemZone(), days: 60 }).flat()), new Date().toISOString()));
  await vscode.commands.executeCommand('moodDose.importJournal', { files: [file], confirm: true });
  await a.flush();
}
