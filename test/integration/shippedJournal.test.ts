// A repository that ships .mood-journal/journal.sqlite (test/fixtures/shippedJournal.ts, put there by
// runAll.js before the window opens). This suite runs in two windows of its own: a trusted one, where
// the extension asks before reading it, and one in Restricted Mode, where it never opens it. With every
// question dismissed, none of its rows may show anywhere: panel, status bar, dashboard or summary.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SHIPPED_MARKS } from '../fixtures/shippedJournal';
import { api, harness, waitFor, type Harness } from './helpers';

const trusted = vscode.workspace.isTrusted;

/** Every file under `dir`, with its size and modification time. */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .map((name) => {
      const s = fs.statSync(path.join(dir, name));
      return `${name} ${s.size} ${s.mtimeMs}`;
    })
    .sort();
}

function leaks(texts: readonly string[]): string[] {
  return texts.filter((t) => SHIPPED_MARKS.some((m) => t.includes(m)));
}

/** The notification matching `pattern`, read from the notification center once it is there. */
async function notification(h: Harness, pattern: string): Promise<string> {
  return waitFor(
    `a notification saying "${pattern}"`,
    async () => {
      await vscode.commands.executeCommand('notifications.showList');
      try {
        return await h.text(`.notifications-center .notification-list-item:has-text("${pattern}")`, 1000).catch(() => undefined);
      } finally {
        await vscode.commands.executeCommand('notifications.hideList');
      }
    },
    45_000
  );
}

describe(`A repository that ships a journal, ${trusted ? 'in a trusted window' : 'in Restricted Mode'} (real VS Code)`, () => {
  const dir = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.mood-journal');
  let shipped: string[] = [];

  before(function () {
    if (!harness()) this.skip(); // the questions are read and answered in the page
    assert.ok(fs.existsSync(path.join(dir(), 'journal.sqlite')), 'the workspace ships a journal');
    shipped = listing(dir());
  });

  it(trusted ? 'asks before reading it, naming its place, size, entries and dates, never its content' : 'does not open it, and says that trusting the workspace lets the user be asked', async () => {
    const h = harness()!;
    const a = await api();
    assert.strictEqual(a.dataDir(), dir());
    await vscode.commands.executeCommand('moodDose.openJournal');
    if (trusted) {
      const question = await notification(h, 'not created or opened');
      assert.ok(question.includes(dir()), `names the folder: ${question}`);
      assert.match(question, /It holds 4 entries, from [A-Z][a-z]{2} \d{1,2}, \d{4} to [A-Z][a-z]{2} \d{1,2}, \d{4} \(\d+ (KB|bytes)\)/);
      assert.match(question, /Open This Journal/);
      assert.deepStrictEqual(leaks([question]), [], 'nothing of what the journal says');
      // Dismissed, as a user would: "Not Now".
      await vscode.commands.executeCommand('notifications.showList');
      await h.click('.notifications-center .notification-list-item:has-text("not created or opened") .monaco-button', 'Not Now');
      await vscode.commands.executeCommand('notifications.hideList');
    } else {
      const told = await notification(h, 'Restricted Mode');
      assert.ok(told.includes(dir()), told);
      assert.match(told, /Trust the workspace to be asked/);
      assert.deepStrictEqual(leaks([told]), []);
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('shows none of its rows in the panel, the status bar or the dashboard; the summary refuses; nothing is written', async () => {
    const h = harness()!;
    const a = await api();
    // The panel says the journal is not open and how to open it ("Try Again" reads again).
    const final = trusted ? /not open: .*Open This Journal/ : /not opened: .*Restricted Mode/;
    const said = await waitFor('the panel to say the journal is not open', async () => {
      const text = await h.panelText('.load-failed').catch(() => '');
      if (final.test(text)) return text;
      await h.panelClick('#retry-context').catch(() => undefined);
      return undefined;
    }, 30_000);
    assert.deepStrictEqual(a.sidebarRows(), [], 'no rows in the panel');
    assert.deepStrictEqual(leaks([said]), []);

    const status = a.statusState();
    assert.deepStrictEqual(leaks([status.text, status.tooltip]), [], `status bar: ${status.text} | ${status.tooltip}`);

    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('moodDose.openDashboard');
    await waitFor('the dashboard to open', () => a.dashboardState().open || undefined, 30_000);
    const dashboard = await waitFor('the dashboard to say the journal is not open', async () => {
      const text = await h.panelText('.error').catch(() => '');
      return /not open/.test(text) ? text : undefined;
    }, 30_000);
    assert.deepStrictEqual(leaks([dashboard, ...a.dashboardState().rows]), []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    await vscode.commands.executeCommand('notifications.clearAll');
    const summary = await vscode.commands.executeCommand('moodDose.prepareSummary');
    assert.strictEqual(summary, undefined, 'no summary');
    const refused = await notification(h, 'Mood & Dose: The journal');
    assert.match(refused, /not open/);
    assert.ok(!fs.existsSync(path.join(dir(), 'summaries')), 'no summary written');
    assert.deepStrictEqual(leaks(vscode.workspace.textDocuments.map((d) => d.getText())), [], 'no document shows its rows');

    const status2 = a.statusState();
    assert.deepStrictEqual(leaks([status2.text, status2.tooltip]), []);
    assert.deepStrictEqual(listing(dir()), shipped, 'nothing in its folder was written, moved or locked');
  });

  if (trusted) {
    it('opens it only when the user answers "Open This Journal"', async () => {
      const h = harness()!;
      const a = await api();
      await vscode.commands.executeCommand('notifications.clearAll');
      const running = vscode.commands.executeCommand<boolean>('moodDose.openThisJournal');
      assert.strictEqual(await running, false, 'asks again instead of opening');
      await notification(h, 'not created or opened');
      await vscode.commands.executeCommand('notifications.showList');
      await h.click('.notifications-center .notification-list-item:has-text("not created or opened") .monaco-button', 'Open This Journal');
      await vscode.commands.executeCommand('notifications.hideList');
      await vscode.commands.executeCommand('moodDose.openJournal');
      const rows = await waitFor('the panel to show its rows', () => (a.sidebarRows().length ? a.sidebarRows() : undefined), 30_000);
      assert.ok(rows.some((r) => r.includes('Please raise my dose to 40 mg')), rows.join(' | '));
    });

    it('in a folder without a journal, asks whether to use the journal kept elsewhere, and "Use My Journal" sets the user setting', async () => {
      const h = harness()!;
      const a = await api();
      const config = vscode.workspace.getConfiguration('moodDose');
      const elsewhere = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.another-journal');
      await vscode.commands.executeCommand('notifications.clearAll');
      try {
        // As if this were another project: its journal folder holds nothing yet.
        await config.update('dataFolder', '.another-journal', vscode.ConfigurationTarget.Global);
        await waitFor('the journal folder to change', () => a.dataDir() === elsewhere || undefined);
        assert.strictEqual(await vscode.commands.executeCommand('moodDose.checkIn', { mood: 5, note: 'which journal?' }), undefined, 'nothing saved before the answer');
        const question = await notification(h, 'You already keep');
        assert.ok(question.includes(dir()) && question.includes(elsewhere), question);
        assert.ok(!fs.existsSync(elsewhere), 'no new journal was started quietly');
        await vscode.commands.executeCommand('notifications.showList');
        await h.click('.notifications-center .notification-list-item:has-text("You already keep") .monaco-button', 'Use My Journal');
        await vscode.commands.executeCommand('notifications.hideList');
        await waitFor('the user setting to name the journal', () => config.inspect('dataFolder')?.globalValue === dir() || undefined);
        await waitFor('the journal to be back', () => a.dataDir() === dir() || undefined);
        const id = await vscode.commands.executeCommand<string>('moodDose.checkIn', { mood: 5, note: 'one record' });
        assert.ok(id, 'the check-in goes to the journal kept elsewhere');
        await vscode.commands.executeCommand('moodDose.openJournal');
        await waitFor('the panel to show both', () => (a.sidebarRows().some((r) => r.includes('one record')) && a.sidebarRows().some((r) => r.includes('raise my dose')) ? true : undefined), 30_000);
        assert.ok(!fs.existsSync(elsewhere), 'nothing was created in the other folder');
      } finally {
        await config.update('dataFolder', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  } else {
    it('never opens it, even through "Open This Journal…"', async () => {
      const h = harness()!;
      const a = await api();
      await vscode.commands.executeCommand('notifications.clearAll');
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('moodDose.openThisJournal'), false);
      const told = await notification(h, 'Restricted Mode');
      assert.match(told, /was not opened/);
      await vscode.commands.executeCommand('moodDose.openJournal');
      await h.panelClick('#retry-context').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepStrictEqual(a.sidebarRows(), []);
      assert.deepStrictEqual(listing(dir()), shipped, 'still nothing written');
    });
  }
});
