// The dashboard in a real VS Code: the command opens one editor panel (again: the same one), and a
// check-in from the palette shows in it at once. (Reload: dashboardReload.test.ts, in a window of its own.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, harness, quickInputTitle, waitFor } from './helpers';

/** The dashboard's tabs in the editor area (VS Code prefixes a webview's viewType). */
function dashboardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('moodDose.dashboard'));
}

/** The number after "check-ins: " in what the dashboard drew last. */
function checkIns(rows: readonly string[]): number | undefined {
  const row = rows.find((r) => r.startsWith('check-ins: '));
  return row === undefined ? undefined : Number(row.slice('check-ins: '.length));
}

describe('Dashboard in a real VS Code', () => {
  // Later suites drive the Journal view's webview: leave only that one visible.
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens from its command as one panel in the editor area, and the command again reveals the same one', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('moodDose.openDashboard');
    const rows = await waitFor('the dashboard to draw', () => (a.dashboardState().rows.includes('section: timeline') ? a.dashboardState().rows : undefined), 30_000);
    assert.ok(rows.some((r) => r === 'heading: Timeline'), `the Timeline section is shown: ${rows.join(' | ')}`);
    assert.strictEqual(dashboardTabs().length, 1);
    assert.strictEqual(dashboardTabs()[0].label, 'Mood & Dose Dashboard');
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await vscode.commands.executeCommand('moodDose.openDashboard');
    await waitFor('the dashboard to be the active tab again', () => dashboardTabs()[0]?.isActive || undefined);
    assert.strictEqual(dashboardTabs().length, 1, 'still one dashboard');
  });

  it('shows a check-in from the palette at once', async function () {
    const h = harness();
    if (!h) return this.skip(); // needs real key presses: code-server harness only
    const a = await api();
    await vscode.commands.executeCommand('moodDose.openDashboard');
    const before = await waitFor('the dashboard to draw', () => checkIns(a.dashboardState().rows));
    // From the palette, as a user would: the command, then mood 6, the offered dose, no note.
    const done = vscode.commands.executeCommand('moodDose.checkIn');
    await quickInputTitle(h, /mood/);
    await h.press('6');
    await quickInputTitle(h, /dose/);
    await h.press('Enter');
    await quickInputTitle(h, /note/);
    await h.press('Enter');
    await done;
    const after = await waitFor('the dashboard to show the new check-in', () => {
      const n = checkIns(a.dashboardState().rows);
      return n !== undefined && n > before ? n : undefined;
    });
    assert.strictEqual(after, before + 1);
    assert.ok(a.dashboardState().rows.some((r) => /^last day: \d{4}-\d\d-\d\d mean \d+\.\d\d from \d+$/.test(r)));
  });
});
