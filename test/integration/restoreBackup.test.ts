import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, harness, queryDisk, quickInputTitle, waitFor } from './helpers';

describe('Restore Backup (real VS Code)', () => {
  it('lists the backups and restores one while the journal file cannot be opened', async function () {
    const h = harness();
    if (!h) return this.skip(); // the list and the confirmation need real keys and clicks
    this.timeout(120_000);
    const a = await api();
    await a.flush();
    const dir = a.dataDir();
    const snapshot = path.join(dir, 'journal.sqlite');
    const [[checkIns]] = await queryDisk(dir, 'SELECT count(*) FROM checkins WHERE deleted_at IS NULL');
    // A backup holding everything so far, newer than the real ones, so later suites lose nothing.
    const backup = path.join(dir, 'backups', 'daily-2099-12-31.sqlite');
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    fs.copyFileSync(snapshot, backup);
    const config = vscode.workspace.getConfiguration('moodDose');
    const away = path.join(path.dirname(dir), '.mood-journal-away');
    try {
      // Move the journal away so this window closes it, ruin the file, and come back: the journal
      // now cannot be opened, and its recovery message waits for an answer.
      await config.update('dataFolder', '.mood-journal-away', vscode.ConfigurationTarget.Global);
      await waitFor('the journal to move', () => a.dataDir() === away);
      fs.writeFileSync(snapshot, 'not a journal any more');
      await config.update('dataFolder', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the journal to move back', () => a.dataDir() === dir);

      const running = vscode.commands.executeCommand('moodDose.restoreBackup');
      await quickInputTitle(h, /Restore Backup/);
      const list = await h.text('.quick-input-widget .quick-input-list');
      assert.match(list, new RegExp(`Daily backup of 2099-12-31[\\s\\S]*${checkIns} check-ins`), `the newest valid backup comes first, with its count: ${list}`);
      await h.press('Enter');
      await h.click('.monaco-dialog-box .monaco-button', 'Restore');
      await running;
      const restored = await waitFor('the journal to open again from the backup', async () => {
        await a.flush();
        const [[n]] = await queryDisk(dir, 'SELECT count(*) FROM checkins WHERE deleted_at IS NULL');
        return n === checkIns ? n : undefined;
      });
      assert.strictEqual(restored, checkIns);
      const kept = fs.readdirSync(dir).filter((n) => n.startsWith('journal.sqlite.before-restore-'));
      assert.ok(kept.some((n) => fs.readFileSync(path.join(dir, n), 'utf8') === 'not a journal any more'), 'the unreadable file is kept aside');
    } finally {
      await config.update('dataFolder', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('notifications.clearAll');
      fs.rmSync(backup, { force: true });
      fs.rmSync(away, { recursive: true, force: true });
    }
  });
});
