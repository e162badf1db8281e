import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { addDays, localDateOf, systemZone } from '../../src/core/time';
import { exportJson, rowsFromOps } from '../../src/core/transfer';
import { demoJournal } from '../fixtures/demoJournal';
import { api, harness, queryDisk, quickInputTitle, waitFor } from './helpers';

describe('Taper plan, summary, import and check-ups in a real VS Code', () => {
  const today = localDateOf(Date.now(), systemZone());

  it('imports a journal export once: a second import of the same file adds nothing', async () => {
    const a = await api();
    const file = path.join(os.tmpdir(), `mood-dose-import-${process.pid}.json`);
    const ops = demoJournal({ end: today, zone: systemZone(), days: 60 }).flat();
    fs.writeFileSync(file, exportJson(rowsFromOps(ops), new Date().toISOString()));
    const first = await vscode.commands.executeCommand<{ written: number; duplicates: number }>('moodDose.importJournal', { files: [file], confirm: true });
    assert.ok(first && first.written === ops.length, `imported ${first?.written} of ${ops.length} rows`);
    const second = await vscode.commands.executeCommand<{ written: number; duplicates: number }>('moodDose.importJournal', { files: [file], confirm: true });
    assert.deepStrictEqual(second, { written: 0, duplicates: ops.length });
    await a.flush();
    const [[steps]] = await queryDisk(a.dataDir(), 'SELECT count(*) FROM taper_steps WHERE deleted_at IS NULL');
    assert.strictEqual(steps, 3, 'the demo taper plan (20 → 15 → 10 mg) is in the journal');
  });

  it('prepares the appointment summary and opens it with every section', async () => {
    const from = addDays(today, -59);
    const file = await vscode.commands.executeCommand<string>('moodDose.prepareSummary', { from, to: today });
    assert.ok(file && fs.existsSync(file), 'the summary is written to the journal folder');
    const text = await waitFor('the summary in an editor', () => {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === file);
      return editor?.document.getText();
    });
    for (const section of [/^# .*[Ss]ummary/m, /^## .*[Dd]ose/m, /^## .*[Mm]ood by dose/m, /^## .*[Ww]eek/m, /^## .*[Ss]ymptom/m, /^## .*[Ll]ife events/m, /^## .*[Aa]dherence|plan/m, /^## .*[Qq]uestions/m]) {
      assert.match(text, section);
    }
    assert.match(text, /n = \d+/, 'numbers state their n');
    assert.match(text, /not medical advice/i);
    assert.match(text, /logged|plan/);
  });

  it('takes a PHQ-9 from the palette and stores every answer and the score on disk', async function () {
    const h = harness();
    if (!h) return this.skip(); // needs real key presses: code-server harness only
    const a = await api();
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    void vscode.commands.executeCommand('moodDose.takeCheckup', 'phq9');
    const answers = [1, 2, 0, 1, 1, 0, 2, 0, 0];
    for (let i = 0; i < answers.length; i++) {
      await quickInputTitle(h, new RegExp(`PHQ-9 \\(${i + 1}/9\\)`));
      await h.press(String(answers[i]));
    }
    await quickInputTitle(h, /not scored/);
    await h.press('1');
    const row = await waitFor('the PHQ-9 on disk', async () => {
      await a.flush();
      const rows = await queryDisk(a.dataDir(), "SELECT answers, total, band, difficulty FROM questionnaires WHERE kind = 'phq9' AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1");
      return rows[0];
    });
    assert.deepStrictEqual(row, [JSON.stringify(answers), 7, 'mild', 1]);
  });
});
