// The dashboard comes back after "Developer: Reload Window" on the section it showed, and opening it
// then reveals that one instead of making a second. Reloading ends the extension host that runs this
// suite, so the suite runs in a window of its own (runAll.js) and in three passes: the first opens
// the dashboard on a section, leaves a note in the workspace and reloads; VS Code then runs the
// suite again in the reloaded window, which finds the note. The second pass reloads once more with
// the dashboard behind another tab, where VS Code restores it only when it is shown.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, harness, waitFor } from './helpers';

/** The dashboard's tabs in the editor area (VS Code prefixes a webview's viewType). */
function dashboardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('moodDose.dashboard'));
}

async function reload(note: string, pass: string): Promise<never> {
  fs.writeFileSync(note, pass);
  await vscode.commands.executeCommand('workbench.action.reloadWindow');
  // The reload ends this extension host; the next pass takes over.
  return new Promise<never>(() => undefined);
}

describe('Dashboard after a window reload (real VS Code)', () => {
  it('is restored by its serializer, on the same section, and the command reveals it instead of opening another', async function () {
    const h = harness();
    if (!h) return this.skip(); // the section is chosen by a click in the page
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const note = path.join(folder.uri.fsPath, '.dashboard-reload-test');
    const a = await api();
    const pass = fs.existsSync(note) ? fs.readFileSync(note, 'utf8') : 'start';

    if (pass === 'start') {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('moodDose.openDashboard');
      await waitFor('the dashboard to draw', () => a.dashboardState().rows.includes('section: timeline') || undefined, 30_000);
      await h.panelClick('vscode-tab-header[data-section="steps"]');
      await waitFor('the Steps section', () => a.dashboardState().rows.includes('section: steps') || undefined);
      return reload(note, 'shown');
    }

    if (pass === 'shown') {
      // The dashboard was the active tab: VS Code restores it as soon as the window is back.
      const state = await waitFor('the dashboard to come back', () => (a.dashboardState().restored && a.dashboardState().rows.length ? a.dashboardState() : undefined), 30_000);
      assert.ok(state.rows.includes('section: steps'), `restored on the Steps section: ${state.rows.join(' | ')}`);
      assert.ok(state.rows.includes('heading: Each dose step side by side'));
      await vscode.commands.executeCommand('moodDose.openDashboard');
      await waitFor('the dashboard to be the active tab', () => dashboardTabs()[0]?.isActive || undefined);
      assert.strictEqual(dashboardTabs().length, 1, 'one dashboard after Open Dashboard');
      assert.ok(a.dashboardState().restored, 'the restored panel was revealed, not replaced');
      // Put the README in front of it, in the same group, and reload again.
      const readme = vscode.Uri.joinPath(folder.uri, 'README.md');
      await vscode.window.showTextDocument(readme, { preview: false, viewColumn: dashboardTabs()[0].group.viewColumn });
      await waitFor('the README in front of the dashboard', () => !dashboardTabs()[0]?.isActive || undefined);
      return reload(note, 'hidden');
    }

    fs.rmSync(note);
    // Behind the README, the dashboard's tab is back but VS Code has not restored its page yet.
    await waitFor('the dashboard tab to be back', () => dashboardTabs().length === 1 || undefined, 30_000);
    assert.ok(!dashboardTabs()[0].isActive, 'the README is in front');
    await vscode.commands.executeCommand('moodDose.openDashboard');
    const state = await waitFor('the dashboard to draw', () => (a.dashboardState().rows.length ? a.dashboardState() : undefined), 30_000);
    await waitFor('the dashboard to be the active tab', () => dashboardTabs().some((t) => t.isActive) || undefined);
    assert.strictEqual(dashboardTabs().length, 1, `one dashboard after Open Dashboard, not ${dashboardTabs().length}`);
    assert.ok(state.restored, 'the restored panel was revealed, not replaced');
    assert.ok(state.rows.includes('section: steps'), `still on the Steps section: ${state.rows.join(' | ')}`);
  });
});
