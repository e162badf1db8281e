// Encryption at rest in a real VS Code, driven as a user would from the palette: turned on (the
// explanation, a passphrase twice, the 24 recovery words read and three typed back), no note left
// in plaintext in the data folder, Lock Journal hides the dose, a wrong passphrase is refused
// plainly, the right one brings the entry back. The journal lives in a folder of its own, so the
// suites after this one find their journal as they left it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, fromPalette, harness, quickInputTitle, waitFor } from './helpers';

const PASSPHRASE = 'integration tulip lantern 42';
const MESSAGE = '.quick-input-widget .quick-input-message';

/** Every file under `dir` whose bytes hold `word`. */
function filesHolding(dir: string, word: string): string[] {
  const hits: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(e.parentPath, e.name);
    if (e.isFile() && fs.readFileSync(file).includes(Buffer.from(word))) hits.push(path.relative(dir, file));
  }
  return hits;
}

describe('Encryption at rest in a real VS Code', () => {
  it('turns on from the palette, locks, refuses a wrong passphrase and unlocks with the right one', async function () {
    const h = harness();
    if (!h) return this.skip(); // the palette, the password boxes and the status bar need real keys
    this.timeout(300_000);
    const a = await api();
    const config = vscode.workspace.getConfiguration('moodDose');
    const dir = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.mood-journal-encrypted');
    const canary = `canarynote${process.pid}x${Date.now()}`;
    const dialogs: { message: string; detail: string }[] = [];
    let words: string[] = [];
    try {
      // An absolute folder the user chose opens without a question about whose journal it is.
      await config.update('dataFolder', dir, vscode.ConfigurationTarget.Global);
      await waitFor('the journal to move', () => a.dataDir() === dir);
      await vscode.commands.executeCommand('moodDose.checkIn', { mood: 6, mg: 10, note: canary });
      await a.flush();
      assert.notDeepStrictEqual(filesHolding(dir, canary), [], 'before: the note is on disk in plaintext (the scan finds it)');
      assert.strictEqual(a.encryptionState(), 'off');

      // VS Code refuses modal dialogs under its test driver: the test reads and answers them instead.
      a.answerModals((message, detail) => {
        dialogs.push({ message, detail });
        if (message === 'Your recovery phrase') words = [...detail.matchAll(/\b(\d+)\. ([a-z]+)/g)].map((m) => m[2]);
        return true;
      });
      await fromPalette(h, 'Mood & Dose: Turn On Encryption');
      await quickInputTitle(h, /Turn On Encryption \(1\/4\): passphrase$/);
      assert.strictEqual(dialogs[0]?.message, 'Turn on encryption for this journal?', 'the explanation comes first');
      assert.match(dialogs[0].detail, /It protects:[\s\S]*It does not protect:[\s\S]*If you lose both, the journal is lost/);
      await h.type(PASSPHRASE);
      await h.press('Enter');
      await quickInputTitle(h, /\(2\/4\): passphrase again/);
      await h.type(PASSPHRASE);
      await h.press('Enter');
      // The key is made (Argon2id), then the phrase is shown and three of its words are asked.
      await quickInputTitle(h, /\(4\/4\): check the recovery phrase/);
      assert.strictEqual(words.length, 24, `the dialog lists 24 numbered words: ${dialogs.at(-1)?.detail}`);
      const prompt = await waitFor('the words asked', async () => {
        const text = await h.text(MESSAGE, 2_000).catch(() => '');
        return /type words \d+, \d+ and \d+/.test(text) ? text : undefined;
      });
      const asked = prompt.match(/type words (\d+), (\d+) and (\d+)/)!.slice(1).map(Number);
      await h.type(asked.map((n) => words[n - 1]).join(' '));
      await h.press('Enter');
      await waitFor('encryption to be on', () => a.encryptionState() === 'unlocked', 60_000);
      await waitFor('the folder to be rewritten', () => !fs.existsSync(path.join(dir, 'journal.key.changing')), 60_000);
      await a.flush();
      assert.ok(fs.existsSync(path.join(dir, 'journal.key')), 'journal.key is written');
      assert.deepStrictEqual(filesHolding(dir, canary), [], 'no file in the data folder holds the note in plaintext');
      a.answerModals(undefined);

      await a.flush();
      await waitFor('the status bar to show the dose', () => /10 mg/.test(a.statusText()));
      await fromPalette(h, 'Mood & Dose: Lock Journal');
      await waitFor('the lock in the status bar', () => a.statusText().includes('$(lock)') || undefined);
      assert.strictEqual(a.encryptionState(), 'locked');
      assert.doesNotMatch(a.statusText(), /mg/, `no dose while locked: ${a.statusText()}`);

      await fromPalette(h, 'Mood & Dose: Unlock Journal');
      await quickInputTitle(h, /^Unlock Journal$/);
      await h.type('not the passphrase at all');
      await h.press('Enter');
      const refusal = await waitFor('the refusal', async () => {
        const text = await h.text(MESSAGE, 2_000).catch(() => '');
        return /does not unlock/.test(text) ? text : undefined;
      }, 60_000);
      assert.match(refusal, /^That passphrase does not unlock this journal\. Check Caps Lock/);
      assert.strictEqual(a.encryptionState(), 'locked', 'still locked after the wrong passphrase');
      await h.type(PASSPHRASE);
      await h.press('Enter');
      // Unlocked by passphrase: whether to remember it is asked; Escape keeps it for this window only.
      await quickInputTitle(h, /Journal unlocked/);
      await h.press('Escape');
      await waitFor('the journal to unlock', () => a.encryptionState() === 'unlocked', 60_000);
      await waitFor('the lock to leave the status bar', () => !a.statusText().includes('$(lock)') || undefined);

      await vscode.commands.executeCommand('moodDose.openJournal');
      await waitFor('the entry in the Journal view', () => a.sidebarRows().some((row) => row.includes(canary)) || undefined);
    } finally {
      a.answerModals(undefined);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await config.update('dataFolder', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the journal to move back', () => a.dataDir() !== dir);
      await vscode.commands.executeCommand('notifications.clearAll');
    }
    await waitFor('the journal here to close', () => !fs.existsSync(path.join(dir, 'journal.sqlite.lock')), 30_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
