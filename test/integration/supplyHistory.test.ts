// Medication history as recalled and the tablet supply, in a real VS Code: a period added from the
// command palette shows up in the summary marked as recalled; a refill logged from the palette
// changes the status bar's tooltip; the remind-days setting makes the status bar mention the supply.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { addDays, localDateOf, systemZone } from '../../src/core/time';
import { api, ensureTablets, fromPalette, harness, queryDisk, quickInputTitle, waitFor } from './helpers';

const DAYS_LEFT = /about (\d+) days left at the current dose \((\d+(?:\.\d+)?) mg\)/;

/** The status bar's tooltip as the user reads it: its Markdown with the escapes and &nbsp; taken out. */
const tooltipText = (a: { statusState(): { tooltip: string } }) => a.statusState().tooltip.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');

describe('Medication history and tablets in a real VS Code', () => {
  const today = localDateOf(Date.now(), systemZone());

  // The summary suite imports a demo journal with 10 mg tablets; alone, this suite brings its own.
  before(async () => ensureTablets(await api()));

  it('adds a period of medication history from the palette, and the summary shows it as recalled', async function () {
    const h = harness();
    if (!h) return this.skip(); // the palette and its prompts need real keys
    const a = await api();
    await fromPalette(h, 'Mood & Dose: Add Medication History');
    await quickInputTitle(h, /as recalled \(1\/7\): medication/);
    await h.press('Enter'); // the medication from the settings is offered
    await quickInputTitle(h, /\(2\/7\): start/);
    await h.type('2024-02');
    await h.press('Enter');
    await quickInputTitle(h, /\(3\/7\): end/);
    await h.type('2024-05');
    await h.press('Enter');
    await quickInputTitle(h, /\(4\/7\): dose/);
    await h.type('30');
    await h.press('Enter');
    await quickInputTitle(h, /\(5\/7\): context/);
    await h.type('Raised during the divorce');
    await h.press('Enter');
    await quickInputTitle(h, /\(6\/7\): mood then/);
    await h.press('3'); // one digit picks the recalled mood
    await quickInputTitle(h, /\(7\/7\): how sure/);
    await h.type('c'); // "Clearly"

    await waitFor('the period on disk', async () => {
      await a.flush();
      const rows = await queryDisk(a.dataDir(), "SELECT mg, context, mood, certainty FROM recalled_periods WHERE deleted_at IS NULL AND start_date = '2024-02' AND end_date = '2024-05'");
      return rows.length === 1 ? rows : undefined;
    }).then((rows) => assert.deepStrictEqual(rows, [[30, 'Raised during the divorce', 3, 'clearly']]));

    const file = await vscode.commands.executeCommand<string>('moodDose.prepareSummary', { from: addDays(today, -59), to: today });
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /Medication history \(as recalled\)/);
    assert.match(text, /as recalled by the patient/i);
    assert.match(text, /2024-02 to 2024-05 \| Escitalopram 30 mg \| 3 of 10, clearly \| Raised during the divorce/);
  });

  it('logs a refill from the palette, and the status bar tooltip says the days left at the dose it assumes', async function () {
    const h = harness();
    if (!h) return this.skip();
    const a = await api();
    const before = await waitFor('the supply in the tooltip', () => DAYS_LEFT.exec(tooltipText(a)) ?? undefined);
    const [, daysBefore, mg] = before;
    await fromPalette(h, 'Mood & Dose: Log Refill');
    await quickInputTitle(h, /Log Refill/);
    await h.type('30');
    await h.press('Enter');
    const after = await waitFor('the tooltip to change', () => {
      const m = DAYS_LEFT.exec(tooltipText(a));
      return m && m[1] !== daysBefore ? m : undefined;
    });
    // 30 tablets of 10 mg at the same dose: 30 / (mg / 10) more days, give or take the rounding down.
    const added = Math.floor(30 / (Number(mg) / 10));
    assert.strictEqual(after[2], mg, 'the same dose is assumed');
    assert.ok(Math.abs(Number(after[1]) - Number(daysBefore) - added) <= 1, `${daysBefore} → ${after[1]} days (${added} added)`);
    assert.doesNotMatch(tooltipText(a), /you should|increase|reduce|lower your dose|raise your dose/i);
  });

  it('mentions the supply in the status bar at or below moodDose.supply.remindDays, in neutral words', async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration('moodDose');
    try {
      await config.update('supply.remindDays', 365, vscode.ConfigurationTarget.Global);
      // In the quiet summary after a check-in, and in the tooltip while a check-in is still open.
      const shown = () => a.statusState().text + '\n' + tooltipText(a);
      const state = await waitFor('the mention', () => (/about \d+ days of tablets left/.test(shown()) ? a.statusState() : undefined));
      assert.doesNotMatch(state.text + tooltipText({ statusState: () => state }), /you should|increase|reduce|lower your dose|raise your dose|run out/i, 'plain words, nothing about the dose');
      await config.update('supply.remindDays', 0, vscode.ConfigurationTarget.Global);
      await waitFor('no mention at 0', () => (!/days of tablets left/.test(shown()) ? true : undefined));
    } finally {
      await config.update('supply.remindDays', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
