import './vscodeStandIn';
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import * as summaryBundle from '../../src/bundles/summary';
import type { CommandDeps } from '../../src/commands/deps';
import { prepareSummaryCommand } from '../../src/commands/prepareSummary';
import { SUMMARY_SCHEME } from '../../src/commands/summaryDocument';
import type { DataKey } from '../../src/storage/crypto/dataKey';
import { isSealedFile, openFile } from '../../src/storage/crypto/sealed';
import { JournalStore } from '../../src/storage/journalStore';
import { allRows } from '../../src/storage/read/journal';
import { CANARIES, canaryCheckIn, plaintextHits, testKey } from './encryptionFixture';
import { fixedClock, sqlJs, tempDir } from './helpers';

type Patchable = Record<string, unknown>;

/** Replaces members of the stand-in `vscode` namespaces for one test; returns the undo. */
function patch(target: object, members: Patchable): () => void {
  const t = target as Patchable;
  const saved = Object.fromEntries(Object.keys(members).map((k) => [k, t[k]]));
  Object.assign(t, members);
  return () => Object.assign(t, saved);
}

describe('a summary of an encrypted journal', function () {
  this.timeout(120_000);
  const clock = fixedClock('2026-05-04T08:00:00Z');
  const undo: (() => void)[] = [];
  afterEach(() => undo.splice(0).forEach((u) => u()));

  /** What the command showed: documents opened (by URI), with the text a content provider gave them. */
  function watchEditors(): { opened: string[]; texts: string[] } {
    const seen = { opened: [] as string[], texts: [] as string[] };
    let provider: { provideTextDocumentContent(uri: vscode.Uri): string } | undefined;
    undo.push(
      patch(vscode.workspace, {
        registerTextDocumentContentProvider: (_scheme: string, p: typeof provider) => ((provider = p), { dispose: () => undefined }),
        openTextDocument: (uri: vscode.Uri) => {
          seen.opened.push(uri.toString());
          if (uri.scheme === SUMMARY_SCHEME) seen.texts.push(provider!.provideTextDocumentContent(uri));
          return Promise.resolve({ uri, languageId: 'markdown' });
        }
      }),
      patch(vscode.window, { showTextDocument: (doc: { uri: vscode.Uri }) => Promise.resolve({ document: doc }) })
    );
    return seen;
  }

  async function summarise(encrypt: boolean): Promise<{ dir: string; file: string; store: JournalStore; seen: ReturnType<typeof watchEditors>; dataKey: DataKey }> {
    const dir = await tempDir('mdj-summary-sealed-');
    const store = await JournalStore.open({ dir, sql: await sqlJs(), machine: 'a', worker: 'in-thread', compactAfterMs: 3_600_000, today: () => clock.today(), now: () => clock.now() });
    for (let i = 0; i < 4; i++) {
      clock.advance(6 * 3600_000);
      await store.write(canaryCheckIn(clock, i));
    }
    const key = await testKey();
    if (encrypt) await store.turnOnEncryption(key.keyFile, key.dataKey);
    const seen = watchEditors();
    const today = clock.today();
    const from = '2026-04-01';
    const includeNoteIds = summaryBundle.selectableNotes(allRows(store, true), from, today).map((n) => n.id);
    assert.ok(includeNoteIds.length > 0, 'the canary notes are offered');
    const d = {
      read: () => Promise.resolve(store),
      journal: { location: () => ({ dir }), get: () => Promise.resolve(store) },
      clock,
      settings: { medicationName: () => CANARIES[3], unit: () => 'mg', supportResources: () => [], summaryLanguage: () => 'en' as const },
      load: () => summaryBundle
    } as unknown as CommandDeps;
    const file = (await prepareSummaryCommand(d)({ from, to: today, includeNoteIds }))!;
    return { dir, file, store, seen, dataKey: key.dataKey };
  }

  it('leaves no canary in plaintext under the data folder, and shows the summary from memory', async () => {
    const { dir, file, store, seen, dataKey } = await summarise(true);
    try {
      assert.deepStrictEqual(await plaintextHits(dir), []);
      assert.strictEqual(path.dirname(file), path.join(dir, 'summaries'));
      assert.deepStrictEqual(await fs.readdir(path.dirname(file)), [path.basename(file)], 'figures are inside the sealed summary, not beside it');
      // What is kept is the summary itself, sealed as one.
      const sealed = new Uint8Array(await fs.readFile(file));
      assert.ok(isSealedFile(sealed));
      const kept = new TextDecoder().decode(openFile(dataKey, 'summary', sealed));
      assert.ok(kept.includes(CANARIES[0]), 'the picked notes are in the kept summary');
      // The editor got the text from memory: no file: URI was opened; its figures are inline.
      assert.deepStrictEqual(seen.opened.filter((u) => !u.startsWith(`${SUMMARY_SCHEME}:`)), []);
      assert.strictEqual(seen.texts.length, 1);
      assert.strictEqual(seen.texts[0], kept);
      assert.ok(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,/u.test(kept), 'figures as data: URIs');
    } finally {
      await store.close();
    }
  });

  it('a plain journal still writes the Markdown and its figures to the folder and opens that file', async () => {
    const { dir, file, store, seen } = await summarise(false);
    try {
      const text = await fs.readFile(file, 'utf8');
      assert.ok(text.includes(CANARIES[0]));
      assert.ok((await fs.readdir(path.join(dir, 'summaries'))).some((f) => f.endsWith('.svg')));
      assert.deepStrictEqual(seen.opened, [vscode.Uri.file(file).toString()]);
    } finally {
      await store.close();
    }
  });
});
