import * as assert from 'assert';
import * as vscode from 'vscode';
import { addDays, instantOf, localDateOf } from '../../src/core/time';
import { api, harness, queryDisk, waitFor } from './helpers';

describe('Journal panel in a real VS Code', () => {
  it('saves an entry typed into the panel to the file on disk and the status bar, edits it in place, and adds no second dose that day', async function () {
    const h = harness();
    if (!h) return this.skip(); // clicks inside the webview need the code-server harness
    const a = await api();
    // A day with nothing logged yet (earlier suites log today's dose), before its 09:00 reminder.
    const day = addDays(localDateOf(Date.now(), 'UTC'), 10);
    a.travelTo(instantOf(day, 8, 30, 'UTC'), 'UTC');
    try {
      // Shown afresh, the panel asks for that day's context.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('moodDose.openJournal');
      await h.panelText('#dose-mg');
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
      await waitFor('the panel to show the edit', () => a.sidebarRows().some((r) => r.includes('typed into the panel') && r.includes('Mood 8/10')));

      // A second check-in that day: the form names the dose logged, and saving adds none.
      assert.strictEqual((await h.panelText('#dose-logged')).trim(), 'Already logged today: 10 mg at 08:30');
      await h.panelClick('.mood-option[data-mood="5"]');
      await h.panelFill('#note textarea', 'second panel check-in');
      await h.panelClick('#save');
      const second = await waitFor('the second panel entry on disk', async () => {
        await a.flush();
        const rows = await queryDisk(a.dataDir(), "SELECT c.id, c.mood, d.mg FROM checkins c LEFT JOIN doses d ON d.checkin_id = c.id AND d.deleted_at IS NULL WHERE c.note = 'second panel check-in' AND c.deleted_at IS NULL");
        return rows.length === 1 ? rows[0] : undefined;
      });
      assert.deepStrictEqual(second.slice(1), [5, null], 'no second dose');
      const doses = await queryDisk(a.dataDir(), `SELECT mg FROM doses WHERE deleted_at IS NULL AND local_date = '${day}'`);
      assert.deepStrictEqual(doses, [[10]], 'one dose logged that day');

      // Leave no check-in in the future for the suites that follow: the status bar reads the latest.
      for (const row of [second[0], id]) await h.panelClick(`li.entry[data-id="${row}"] button.delete`);
      await waitFor('that day\'s check-ins deleted on disk', async () => {
        await a.flush();
        const [[n]] = await queryDisk(a.dataDir(), `SELECT count(*) FROM checkins WHERE deleted_at IS NULL AND local_date = '${day}'`);
        return Number(n) === 0 || undefined;
      });
    } finally {
      a.travelTo(Date.now());
    }
  });
});
