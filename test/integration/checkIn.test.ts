import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, INSTALLED, observe, queryDisk, waitFor } from './helpers';

// Also run against the packaged .vsix, installed as a user would: the extension then runs in
// production mode and exports nothing, so these tests read the page and the file on disk.
describe('Check-in slice in a real VS Code', () => {
  it('activates on start-up by itself and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    // onStartupFinished: nothing here activates it; VS Code must do so once the workbench is up.
    await waitFor('activation after start-up', () => ext.isActive, 30_000);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['moodDose.checkIn', 'moodDose.openJournal']) assert.ok(commands.includes(id), `${id} is registered`);
    const o = await observe();
    assert.match(await o.statusText(), /\$\(heart\) Check in/);
  });

  it('exports nothing when installed, and its test API only when run for its tests', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor('activation', () => ext.isActive, 30_000);
    if (INSTALLED) assert.strictEqual(ext.exports, undefined);
    else assert.strictEqual(typeof ext.exports?.statusText, 'function');
  });

  it('saves a check-in to the database file on disk and shows it in the status bar', async () => {
    const o = await observe();
    const id = await vscode.commands.executeCommand<string>('moodDose.checkIn', { mood: 7, mg: 10, note: 'integration: walked in the park' });
    assert.ok(id, 'the command returns the new entry id');
    await o.flush();
    const rows = await queryDisk(o.dataDir(), `SELECT c.mood, c.note, d.mg, d.status FROM checkins c JOIN doses d ON d.checkin_id = c.id WHERE c.id = '${id}'`);
    assert.deepStrictEqual(rows, [[7, 'integration: walked in the park', 10, 'taken']]);
    assert.match(await o.statusText(), /^✓ \d\d:\d\d · 10 mg( · .+)?$/);
    const ignore = fs.readFileSync(path.join(o.dataDir(), '.gitignore'), 'utf8');
    assert.match(ignore, /^\*$/m, 'the data folder ignores everything in it');
  });

  it('shows the new entry in the Journal view', async () => {
    const o = await observe();
    await vscode.commands.executeCommand('moodDose.openJournal');
    const rows = await waitFor('the panel to show the entry', async () => {
      const r = await o.sidebarRows();
      return r.some((row) => row.includes('integration: walked in the park')) ? r : undefined;
    });
    assert.match(rows[0], /Mood 7\/10/);
    assert.match(rows[0], /10 mg/);
    // A check-in made while the view is open appears without reopening it.
    await vscode.commands.executeCommand('moodDose.checkIn', { mood: 5, note: 'integration: live update' });
    await waitFor('the live update', async () => (await o.sidebarRows())[0]?.includes('integration: live update'));
  });
});
