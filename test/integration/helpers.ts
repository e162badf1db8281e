// Helpers for suites that run inside a real VS Code: the extension's API, and reading the journal
// straight from disk with sql.js, as an independent check of what the extension wrote.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import initSqlJs from 'sql.js';
import * as vscode from 'vscode';
import type { MoodDoseApi } from '../../src/shell/testApi';

export const EXTENSION_ID = 'mood-dose.mood-dose-journal';

export async function api(): Promise<MoodDoseApi> {
  const ext = vscode.extensions.getExtension<MoodDoseApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.isActive ? ext.exports : ext.activate();
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
}

/** Undefined under @vscode/test-electron, where no harness drives the page: UI suites skip there. */
export function harness(): Harness | undefined {
  const url = process.env.MOOD_DOSE_HARNESS;
  if (!url) return undefined;
  const call = async (action: string, body: unknown) => {
    const res = await fetch(`${url}/${action}`, { method: 'POST', body: JSON.stringify(body) });
    const json = (await res.json()) as { error?: string; text?: string };
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
    panelText: async (selector) => (await call('webview/text', { selector })).text ?? ''
  };
}

/** The title of the open quick input, once it matches. */
export async function quickInputTitle(h: Harness, matching: RegExp): Promise<string> {
  return waitFor(`a quick input titled ${matching}`, async () => {
    const title = await h.text('.quick-input-widget .quick-input-title').catch(() => '');
    return matching.test(title) ? title : undefined;
  });
}
