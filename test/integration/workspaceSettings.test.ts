import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEFAULT_RESOURCES } from '../../src/core/safety';
import { api, harness, queryDisk, waitFor } from './helpers';

// A repository's .vscode/settings.json tries to put another number behind "Call or text 988" and to
// move the journal out of the workspace. VS Code must ignore both (application and machine scope),
// and the extension must read them from the user's settings only.
const HOSTILE_LINE = { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988', link: 'tel:+19005550100' };

describe('A hostile workspace in a real VS Code', () => {
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const settingsFile = () => path.join(folder(), '.vscode', 'settings.json');
  const config = () => vscode.workspace.getConfiguration('moodDose');
  let saved: string | undefined;

  before(() => {
    saved = fs.existsSync(settingsFile()) ? fs.readFileSync(settingsFile(), 'utf8') : undefined;
  });

  after(async () => {
    await config().update('support.resources', undefined, vscode.ConfigurationTarget.Global);
    if (saved !== undefined) return fs.writeFileSync(settingsFile(), saved);
    fs.rmSync(settingsFile(), { force: true });
    await waitFor('the workspace settings to be gone', () => config().inspect('reminders.times')?.workspaceValue === undefined);
  });

  /** Writes the workspace settings, with a harmless window-scoped marker (a reminder time) to know VS Code has read them. */
  async function writeWorkspaceSettings(dataFolder: string, marker: number, more: Record<string, unknown> = {}): Promise<void> {
    fs.mkdirSync(path.dirname(settingsFile()), { recursive: true });
    const time = `0${marker % 10}:${String(marker).padStart(2, '0')}`;
    const hostile = { 'moodDose.support.resources': [HOSTILE_LINE], 'moodDose.dataFolder': dataFolder, 'moodDose.reminders.times': [time], ...more };
    fs.writeFileSync(settingsFile(), JSON.stringify(hostile, null, 2));
    await waitFor('VS Code to read the workspace settings', () => JSON.stringify(config().get('reminders.times')) === JSON.stringify([time]), 30_000);
  }

  /** The support section of the panel, as the user sees it (only with the code-server harness). */
  async function panelSupportText(): Promise<string | undefined> {
    const h = harness();
    if (!h) return undefined;
    await vscode.commands.executeCommand('moodDose.showSupport');
    return h.panelText('#support');
  }

  for (const [what, dataFolder] of [
    ['../..', '../..'],
    ['an absolute path', fs.mkdtempSync(path.join(os.tmpdir(), 'mood-dose-hostile-'))]
  ] as const) {
    it(`keeps the support lines and the journal when the workspace sets the data folder to ${what}`, async () => {
      const a = await api();
      const home = path.join(folder(), '.mood-journal');
      assert.strictEqual(a.dataDir(), home);
      await writeWorkspaceSettings(dataFolder, what === '../..' ? 13 : 12);

      // The journal stays in the workspace: a check-in lands there, nowhere else.
      assert.strictEqual(a.dataDir(), home);
      const note = `hostile settings: ${what}`;
      const id = await vscode.commands.executeCommand<string>('moodDose.checkIn', { mood: 6, note });
      const onDisk = await waitFor('the check-in in the workspace journal on disk', async () => {
        await a.flush();
        const rows = await queryDisk(home, `SELECT note FROM checkins WHERE id = '${id}'`);
        return rows.length ? rows : undefined;
      });
      assert.deepStrictEqual(onDisk, [[note]]);
      assert.strictEqual(a.dataDir(), home);
      const redirected = path.resolve(folder(), dataFolder);
      assert.ok(!fs.existsSync(path.join(redirected, 'journal.sqlite')), `no journal at ${redirected}`);

      // The support lines are the defaults, and the panel shows the number each really dials.
      assert.deepStrictEqual(a.supportLines(), [...DEFAULT_RESOURCES]);
      const text = await panelSupportText();
      if (text !== undefined) {
        assert.match(text, /Call or text 988\s+988/);
        assert.doesNotMatch(text, /19005550100/);
      }
    });
  }

  it('says what the user set for the medication, its unit, default dose, mood labels and check-up interval, whatever the workspace says', async () => {
    const a = await api();
    const before = a.summarySettings();
    // Every setting a summary or a check-in would say, turned against the user.
    await writeWorkspaceSettings('.mood-journal', 17, {
      'moodDose.medication.name': 'Sertraline',
      'moodDose.medication.unit': 'mcg',
      'moodDose.medication.defaultDose': 40,
      'moodDose.moodLabels': ['Best', 'Great', 'Good', 'Fine', 'Okay', 'Meh', 'Low', 'Bad', 'Awful', 'Worst'],
      'moodDose.checkups.intervalDays': 1
    });
    assert.deepStrictEqual(a.summarySettings(), before, 'nothing a repository sets reaches the summary or the check-in');
    assert.deepStrictEqual([before.medication, before.unit, before.defaultDose, before.checkupIntervalDays], ['Escitalopram', 'mg', null, 14]);
    assert.ok(!before.moodLabels.includes('Worst'), 'the default mood labels');
  });

  it('never offers a check-up more often than the questionnaires’ two-week window, even when the user asks for it', async () => {
    const a = await api();
    await config().update('checkups.intervalDays', 3, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the user setting to be read', () => config().inspect('checkups.intervalDays')?.globalValue === 3);
      assert.strictEqual(a.summarySettings().checkupIntervalDays, 14);
    } finally {
      await config().update('checkups.intervalDays', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("shows the user's own support lines from the user settings, still not the workspace's", async () => {
    const a = await api();
    const mine = [{ name: 'Samaritans', contact: 'Call 116 123', link: 'tel:116123' }];
    await config().update('support.resources', mine, vscode.ConfigurationTarget.Global);
    await waitFor('the user setting to apply', () => (a.supportLines()[0]?.name === 'Samaritans' ? true : undefined));
    assert.deepStrictEqual(a.supportLines(), mine);
    const text = await panelSupportText();
    if (text !== undefined) {
      const shown = await waitFor('the panel to show the user line', async () => {
        const t = await panelSupportText();
        return t && /Samaritans/.test(t) ? t : undefined;
      });
      assert.match(shown, /Call 116 123\s+116123/);
      assert.doesNotMatch(shown, /19005550100/);
    }
  });
});
