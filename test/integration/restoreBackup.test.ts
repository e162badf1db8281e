import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, harness, queryDisk, quickInputTitle, waitFor } from './helpers';

describe('Restore Backup (real VS Code)', () => {
  // The confirmation is a modal dialog, which VS Code refuses under the smoke-test driver, so this
  // suite stops at the list; restoring itself is covered by the unit tests of storage/restore.ts.
  it('lists the backups, newest valid first with their counts, while the journal file cannot be opened', async function () {
    const h = harness();
    if (!h) return this.skip(); // the list needs real keys
    this.timeout(120_000);
    const a = await api();
    await a.flush();
    const dir = a.dataDir();
    const snapshot = path.join(dir, 'journal.sqlite');
    const good = fs.readFileSync(snapshot);
    const [[checkIns]] = await queryDisk(dir, 'SELECT count(*) FROM checkins WHERE deleted_at IS NULL');
    // A backup holding everything so far, written after the real ones (backups are ordered by the
    // write order in their names, never by their dates); and a damaged one written later still.
    const backup = path.join(dir, 'backups', 'daily-2099-12-30.9998.sqlite');
    const damaged = path.join(dir, 'backups', 'daily-2099-12-31.9999.sqlite');
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    fs.writeFileSync(backup, good);
    fs.writeFileSync(damaged, good.subarray(0, 4096));
    const config = vscode.workspace.getConfiguration('moodDose');
    const away = path.join(path.dirname(dir), '.mood-journal-away');
    try {
      // Move the journal away so this window closes it, ruin the file, and come back: the journal
      // now cannot be opened, and its recovery message waits for an answer.
      await config.update('dataFolder', '.mood-journal-away', vscode.ConfigurationTarget.Global);
      await waitFor('the journal to move', () => a.dataDir() === away);
      // The setting moves at once; closing the journal (its last compaction) takes a moment more.
      // It releases the writer lock last, so ruin the file only then.
      await waitFor('the journal here to close', () => !fs.existsSync(path.join(dir, 'journal.sqlite.lock')));
      fs.writeFileSync(snapshot, 'not a journal any more');
      await config.update('dataFolder', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the journal to move back', () => a.dataDir() === dir);

      const running = vscode.commands.executeCommand('moodDose.restoreBackup');
      await quickInputTitle(h, /Restore Backup/);
      const list = await h.text('.quick-input-widget .quick-input-list');
      assert.match(list, new RegExp(`Daily backup of 2099-12-30[\\s\\S]*${checkIns} check-ins`), `the newest valid backup comes first, with its count: ${list}`);
      // The damaged copy is listed too (last, so it may be out of view): filter down to it.
      await h.type('2099-12-31');
      const damagedRow = await waitFor('the damaged copy in the list', async () => {
        const text = await h.text('.quick-input-widget .quick-input-list');
        return /Daily backup of 2099-12-31/.test(text) ? text : undefined;
      });
      assert.match(damagedRow, /not a whole number of its/, `with the reason it cannot be restored: ${damagedRow}`);
      await h.press('Escape');
      await running;
      assert.strictEqual(fs.readFileSync(snapshot, 'utf8'), 'not a journal any more', 'nothing is replaced unless chosen');
    } finally {
      // Leave the journal as later suites expect it.
      fs.writeFileSync(snapshot, good);
      await config.update('dataFolder', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('notifications.clearAll');
      fs.rmSync(backup, { force: true });
      fs.rmSync(damaged, { force: true });
      fs.rmSync(away, { recursive: true, force: true });
    }
    await waitFor('the journal to open again', async () => {
      await a.flush().catch(() => undefined);
      const [[n]] = await queryDisk(dir, 'SELECT count(*) FROM checkins WHERE deleted_at IS NULL');
      return n === checkIns;
    });
  });
});
