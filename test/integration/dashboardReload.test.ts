// The dashboard comes back after "Developer: Reload Window" on the section it showed. Reloading ends
// the extension host that runs this suite, so the suite runs in a window of its own (runAll.js) and
// in two passes: the first opens the dashboard on a section, leaves a note in the workspace and
// reloads; VS Code then runs the suite again in the reloaded window, which finds the note.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, harness, waitFor } from './helpers';

describe('Dashboard after a window reload (real VS Code)', () => {
  it('is restored by its serializer, on the same section', async function () {
    const h = harness();
    if (!h) return this.skip(); // the section is chosen by a click in the page
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const note = path.join(folder.uri.fsPath, '.dashboard-reload-test');
    const a = await api();
    if (!fs.existsSync(note)) {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('moodDose.openDashboard');
      await waitFor('the dashboard to draw', () => a.dashboardState().rows.includes('section: timeline') || undefined, 30_000);
      await h.panelClick('vscode-tab-header[data-section="steps"]');
      await waitFor('the Steps section', () => a.dashboardState().rows.includes('section: steps') || undefined);
      fs.writeFileSync(note, 'steps');
      await vscode.commands.executeCommand('workbench.action.reloadWindow');
      // The reload ends this extension host; the second pass takes over.
      await new Promise(() => undefined);
    }
    fs.rmSync(note);
    const state = await waitFor('the dashboard to come back', () => (a.dashboardState().restored && a.dashboardState().rows.length ? a.dashboardState() : undefined), 30_000);
    assert.ok(state.rows.includes('section: steps'), `restored on the Steps section: ${state.rows.join(' | ')}`);
    assert.ok(state.rows.includes('heading: Each dose step side by side'));
  });
});
