// The check-in knows today, in a real VS Code with real keys: with the default 09:00 and 21:00
// reminders, the morning and the evening four-key check-ins (shortcut, mood digit, Enter, Enter)
// log one dose, and the tablets go down once; another dose that day is picked on purpose.
// Runs after the summary suite's demo journal (one medication with tablets), so Count Tablets asks
// only for the count.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { addDays, instantOf, localDateOf } from '../../src/core/time';
import { api, ensureTablets, harness, queryDisk, quickInputTitle, waitFor, type Harness } from './helpers';

const DAYS_LEFT = /about (\d+) days left at the current dose \((\d+(?:\.\d+)?) mg\)/;

/** The status bar's tooltip as the user reads it: its Markdown with the escapes and &nbsp; taken out. */
const tooltipText = (a: { statusState(): { tooltip: string } }) => a.statusState().tooltip.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');

/** Ctrl+Alt+J, a mood digit, the dose step's keys (Enter), and Enter on the note. */
async function checkIn(h: Harness, mood: string, atDose: () => Promise<void> = () => h.press('Enter')): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await h.press('Control+Alt+J');
  await quickInputTitle(h, /mood/);
  await h.press(mood);
  await quickInputTitle(h, /dose/);
  await atDose();
  await quickInputTitle(h, /note/);
  await h.press('Enter');
}

describe('The check-in knows today (real VS Code)', () => {
  before(async () => ensureTablets(await api()));

  it('two four-key check-ins on one day log one dose and take the tablets down once; another dose is an explicit choice', async function () {
    const h = harness();
    if (!h) return this.skip(); // real keys: code-server harness only
    this.timeout(180_000);
    const a = await api();
    const dir = a.dataDir();
    const medications = await queryDisk(dir, 'SELECT tablet_mg FROM medications WHERE deleted_at IS NULL AND tablet_mg IS NOT NULL');
    assert.strictEqual(medications.length, 1, 'one medication with tablets');
    const tabletMg = Number(medications[0][0]);
    // A day after every other suite's, so no dose is logged on it and none after its count.
    const day = addDays(localDateOf(Date.now(), 'UTC'), 30);
    const at = (hh: number, mm: number) => a.travelTo(instantOf(day, hh, mm, 'UTC'), 'UTC');
    const dosesThatDay = async () => {
      await a.flush();
      return queryDisk(dir, `SELECT mg, status FROM doses WHERE deleted_at IS NULL AND local_date = '${day}' ORDER BY at`);
    };
    /** The tooltip once it says the days `onHand` tablets last at the dose it assumes. */
    const daysLeftFor = (onHand: number) =>
      waitFor(`the tooltip's days left for ${onHand} tablets`, () => {
        const m = DAYS_LEFT.exec(tooltipText(a));
        return m && Number(m[1]) === Math.floor(onHand / (Number(m[2]) / tabletMg) + 1e-9) ? m : undefined;
      });
    try {
      at(8, 0);
      const counting = vscode.commands.executeCommand('moodDose.countTablets');
      await quickInputTitle(h, /Count Tablets/);
      await h.type('30');
      await h.press('Enter');
      await counting;
      await daysLeftFor(30);

      // Morning: the dose step offers the day's dose, and Enter records it.
      at(8, 30);
      await checkIn(h, '7');
      const morning = await waitFor('the morning dose on disk', async () => {
        const rows = await dosesThatDay();
        return rows.length === 1 ? rows : undefined;
      });
      const mg = Number(morning[0][0]);
      await daysLeftFor(30 - mg / tabletMg);
      await waitFor('the status bar to show the morning check-in', () => new RegExp(`^✓ 08:30 · ${mg} mg`).test(a.statusText()));

      // Evening, after the 21:00 reminder: the same four keys name the morning's dose and log none.
      at(21, 30);
      await checkIn(h, '4', async () => {
        const focused = await waitFor('the dose step to name the morning dose', async () => {
          const text = await h.text('.quick-input-widget .quick-input-list .monaco-list-row.focused', 2_000).catch(() => '');
          return /Already logged today/.test(text) ? text : undefined;
        });
        // "changed to" when the morning's dose began a new plan step (this suite run alone).
        assert.match(focused, new RegExp(`Already logged today: (changed to )?${mg} mg at 08:30`));
        await h.press('Enter');
      });
      await waitFor('the evening check-in on disk', async () => {
        await a.flush();
        const [row] = await queryDisk(dir, `SELECT c.mood, (SELECT count(*) FROM doses d WHERE d.checkin_id = c.id) FROM checkins c WHERE c.local_date = '${day}' ORDER BY c.at DESC LIMIT 1`);
        return row?.[0] === 4 ? row : undefined;
      }).then((row) => assert.strictEqual(row[1], 0, 'the evening check-in has no dose'));
      assert.deepStrictEqual((await dosesThatDay()).map((r) => r[0]), [mg], 'one dose logged that day');
      await daysLeftFor(30 - mg / tabletMg);
      await waitFor('the status bar to show the day\'s dose', () => new RegExp(`^✓ 21:30 · ${mg} mg`).test(a.statusText()));

      // Another dose that day is an item of its own, then its amount: an intake taken, never a change.
      at(21, 40);
      await checkIn(h, '6', async () => {
        await waitFor('the dose step', async () => /Already logged today/.test(await h.text('.quick-input-widget .quick-input-list .monaco-list-row.focused', 2_000).catch(() => '')) || undefined);
        await h.press('ArrowDown');
        await h.press('Enter');
        await waitFor('the amount prompt', async () => /Another dose today/.test(await h.text('.quick-input-widget .quick-input-message', 2_000).catch(() => '')) || undefined);
        await h.type('5');
        await h.press('Enter');
      });
      const both = await waitFor('the second intake on disk', async () => {
        const rows = await dosesThatDay();
        return rows.length === 2 ? rows : undefined;
      });
      assert.deepStrictEqual(both[1], [5, 'taken']);
      await daysLeftFor(30 - (mg + 5) / tabletMg);
      await waitFor('the status bar to show the day\'s total', () => new RegExp(`^✓ 21:40 · ${mg + 5} mg`).test(a.statusText()));
    } finally {
      a.travelTo(Date.now());
    }
  });
});
