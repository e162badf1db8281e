import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import initSqlJs from 'sql.js';
import * as vscode from 'vscode';
import { buildCheckIn } from '../../src/core/entries';
import { encodeChange } from '../../src/storage/opLog';
import { api, harness, queryDisk, waitFor } from './helpers';

/** The text of the notification matching `text`, from the notification center (harness only). */
async function notification(text: string): Promise<string | undefined> {
  const h = harness();
  if (!h) return undefined;
  await vscode.commands.executeCommand('notifications.showList');
  try {
    return await h.text(`.notifications-center .notification-list-item:has-text("${text}")`);
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

describe('Sync tools and restores made elsewhere, in a real VS Code', () => {
  it('merges a sync tool\'s conflict copy, moves it to merged/ and says how many it merged', async () => {
    const a = await api();
    await vscode.commands.executeCommand('moodDose.checkIn', { mood: 6, note: 'before the conflict copy' });
    const dir = a.dataDir();
    const { ops, checkIn } = buildCheckIn({ mood: 4, note: 'only in the conflict copy' }, { now: () => Date.now(), zone: () => 'UTC' });
    // Another machine's log, kept by Syncthing under its conflict name.
    const copy = 'journal.f00d.sync-conflict-20260501-081500-ABCDEFG.oplog';
    fs.writeFileSync(path.join(dir, copy), encodeChange(ops), { mode: 0o600 });
    await waitFor('the copy to be merged and moved to merged/', () => fs.existsSync(path.join(dir, 'merged', copy)), 30_000);
    assert.ok(!fs.existsSync(path.join(dir, copy)));
    await a.flush();
    assert.deepStrictEqual(await queryDisk(dir, `SELECT note FROM checkins WHERE id = '${checkIn.id}'`), [['only in the conflict copy']]);
    const message = await notification('a sync tool made');
    if (message !== undefined) assert.match(message, /Merged 1 copy of the journal/);
  });

  it('reloads a journal restored from a backup in another window instead of merging, and says so', async () => {
    const a = await api();
    await vscode.commands.executeCommand('moodDose.checkIn', { mood: 3, note: 'not in the restored journal' });
    await a.flush();
    const dir = a.dataDir();
    // What another window's restore leaves on disk: a journal without that entry, in a later epoch.
    const wasm = path.join(path.dirname(require.resolve('sql.js')), 'sql-wasm.wasm');
    const SQL = await initSqlJs({ wasmBinary: fs.readFileSync(wasm) as unknown as ArrayBuffer });
    const db = new SQL.Database(fs.readFileSync(path.join(dir, 'journal.sqlite')));
    db.run("DELETE FROM checkins WHERE note = 'not in the restored journal'");
    db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('epoch', ?)", [JSON.stringify({ at: new Date(Date.now() + 60_000).toISOString(), id: 'elsewhere' })]);
    const tmp = path.join(dir, 'restored-elsewhere.tmp');
    fs.writeFileSync(tmp, db.export(), { mode: 0o600 });
    db.close();
    fs.renameSync(tmp, path.join(dir, 'journal.sqlite'));
    // Compacting now would have written the entry back from memory before; the window reloads instead.
    await a.flush();
    assert.deepStrictEqual(await queryDisk(dir, "SELECT count(*) FROM checkins WHERE note = 'not in the restored journal'"), [[0]]);
    const message = await notification('restored from a backup in another window');
    if (message !== undefined) assert.match(message, /showing the restored journal/);
  });
});
