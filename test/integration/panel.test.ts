import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, harness, queryDisk, waitFor } from './helpers';

describe('Journal panel in a real VS Code', () => {
  it('saves an entry typed into the panel to the file on disk and the status bar, and edits it in place', async function () {
    const h = harness();
    if (!h) return this.skip(); // clicks inside the webview need the code-server harness
    const a = await api();
    await vscode.commands.executeCommand('moodDose.openJournal');
    await h.panelClick('.mood-option[data-mood="3"]');
    await h.panelFill('#note textarea', 'typed into the panel');
    await h.panelClick('#save');

    const saved = await waitFor('the panel entry on disk', async () => {
      await a.flush();
      const rows = await queryDisk(a.dataDir(), "SELECT c.id, c.mood, d.mg FROM checkins c LEFT JOIN doses d ON d.checkin_id = c.id AND d.deleted_at IS NULL WHERE c.note = 'typed into the panel' AND c.deleted_at IS NULL");
      return rows.length === 1 ? rows[0] : undefined;
    });
    const [id, mood, mg] = saved;
    assert.strictEqual(mood, 3);
    assert.strictEqual(mg, 10, 'the offered dose was prefilled in the form');
    await waitFor('the status bar to show the panel check-in', () => /^✓ \d\d:\d\d · 10 mg( · .+)?$/.test(a.statusText()));

    // Edit it from the history row: same id, new mood.
    await h.panelClick(`li.entry[data-id="${id}"] button.edit`);
    await h.panelClick('.mood-option[data-mood="8"]');
    await h.panelClick('#save');
    const edited = await waitFor('the edited row on disk', async () => {
      await a.flush();
      const rows = await queryDisk(a.dataDir(), `SELECT mood, note, deleted_at FROM checkins WHERE id = '${id}'`);
      return rows[0]?.[0] === 8 ? rows[0] : undefined;
    });
    assert.deepStrictEqual(edited, [8, 'typed into the panel', null]);
    await waitFor('the panel to show the edit', () => a.panelRows().some((r) => r.includes('typed into the panel') && r.includes('Mood 8/10')));
  });
});
