import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { addDays, localDateOf, systemZone } from '../../src/core/time';
import { exportJson, rowsFromOps } from '../../src/core/transfer/transfer';
import type { Appointment } from '../../src/core/schemas';
import { demoJournal } from '../fixtures/demoJournal';
import { flat, readPdfInChild } from '../fixtures/pdfText';
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

  it('imports a Daylio export with its preview, mapping each mood label; a second import adds nothing', async function () {
    const h = harness();
    if (!h) return this.skip(); // the mapping prompts and the preview dialog need real clicks
    const a = await api();
    const fixture = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'daylio-sample.csv');
    // The last prompt answered, kept across both imports: the closing widget of one must not be
    // mistaken for a new prompt of the next.
    let answered = '';
    /** Runs Import… and answers its prompts like a user until it finishes; returns the preview text. */
    const importOnce = async () => {
      let finished: { written: number; duplicates: number } | undefined;
      let failed: unknown;
      const running = vscode.commands.executeCommand<{ written: number; duplicates: number }>('moodDose.importJournal', { files: [fixture] });
      running.then((v) => (finished = v ?? { written: -1, duplicates: -1 }), (e: unknown) => (failed = e));
      let preview = '';
      await vscode.commands.executeCommand('notifications.hideList');
      const deadline = Date.now() + 60_000;
      while (!finished && !failed && Date.now() < deadline) {
        const title = await h.text('.quick-input-widget .quick-input-title', 300).catch(() => '');
        if (!title || title === answered) continue;
        answered = title;
        if (title.includes('Import Daylio')) {
          // One prompt per mood label: Daylio's own labels come preselected; "ok but sleepy" is ours to say.
          await h.press(/mood "ok but sleepy"/.test(title) ? '6' : 'Enter');
        } else if (title.includes('Import preview')) {
          preview = await h.text('.quick-input-widget .quick-input-list');
          await h.press('Enter'); // "Import" is the first choice
        }
      }
      if (failed) throw failed;
      assert.ok(finished, 'the import finished');
      return { result: finished!, preview };
    };
    const { result: first, preview } = await importOnce();
    assert.match(preview, /\d+ entries to add, 0 duplicates skipped, \d+ rows rejected \(line \d+:/, `the preview was shown first: ${preview}`);
    assert.match(preview, /Rows that will be left out/);
    assert.ok(first.written >= 8, `imported ${first.written} check-ins`);
    await a.flush();
    const [[sleepy]] = await queryDisk(a.dataDir(), "SELECT count(*) FROM checkins WHERE deleted_at IS NULL AND mood = 6 AND local_date = '2026-03-09'");
    assert.strictEqual(sleepy, 1, 'the custom label was mapped as confirmed');
    const { result: second, preview: none } = await importOnce();
    assert.deepStrictEqual(second, { written: 0, duplicates: first.written });
    assert.strictEqual(none, '', 'nothing new: no preview to confirm');
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
    // The figures sit next to it as .svg files, linked, so the preview shows them; all private.
    const base = path.basename(file, '.md');
    for (const id of ['figure-a', 'figure-b']) {
      assert.ok(text.includes(`](${base}-${id}.svg)`), `${id} is linked`);
      const svg = path.join(path.dirname(file), `${base}-${id}.svg`);
      assert.match(fs.readFileSync(svg, 'utf8'), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      if (process.platform !== 'win32') assert.strictEqual(fs.statSync(svg).mode & 0o777, 0o600, `${id}.svg is 0600`);
    }
    if (process.platform !== 'win32') {
      assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600, 'the summary is 0600');
      assert.strictEqual(fs.statSync(path.dirname(file)).mode & 0o777, 0o700, 'summaries/ is 0700');
    }
  });

  it('exports the summary as a PDF from the palette command: page 1 with the header, then the appendix', async () => {
    const from = addDays(today, -59);
    const file = await vscode.commands.executeCommand<string>('moodDose.exportSummaryPdf', { from, to: today, size: 'A4' });
    assert.ok(file && file.endsWith('.pdf') && fs.existsSync(file), 'the PDF is written to the summaries folder');
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600, 'the PDF is 0600');
    const { pages, title } = await readPdfInChild(file);
    assert.ok(pages.length >= 3, `page 1 and the appendix pages: ${pages.length} pages`);
    const first = flat(pages[0]);
    for (const header of ['Mood and dose summary:', `Range: ${from} to ${today}`, 'Patient-recorded. Not medical advice.', 'Mood and dose over time', 'Each dose step side by side']) {
      assert.ok(first.includes(header), `page 1 has "${header}"`);
    }
    assert.ok(flat(pages[1]).startsWith('Appendix'), 'page 2 opens the appendix');
    assert.match(title, /^Mood and dose summary: .+, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/);
  });

  it('takes a PHQ-9 from the palette and stores every answer and the score on disk', async function () {
    const h = harness();
    if (!h) return this.skip(); // needs real key presses: code-server harness only
    const a = await api();
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const taking = vscode.commands.executeCommand<string>('moodDose.takeCheckup', 'phq9');
    const answers = [1, 2, 0, 1, 1, 0, 2, 0, 0];
    for (let i = 0; i < answers.length; i++) {
      await quickInputTitle(h, new RegExp(`PHQ-9 \\(${i + 1}/9\\)`));
      await h.press(String(answers[i]));
    }
    await quickInputTitle(h, /not scored/);
    await h.press('1');
    const id = await taking;
    assert.ok(id, 'the command returns the saved questionnaire id');
    const row = await waitFor('the PHQ-9 on disk', async () => {
      await a.flush();
      const rows = await queryDisk(a.dataDir(), `SELECT answers, total, band, difficulty FROM questionnaires WHERE id = '${id}'`);
      return rows[0];
    });
    assert.deepStrictEqual(row, [JSON.stringify(answers), 7, 'mild', 1]);
  });

  it('asks which appointment a question is for when several are ahead, and files it there', async function () {
    const h = harness();
    if (!h) return this.skip(); // needs real key presses: code-server harness only
    const a = await api();
    // The next appointment, added after a later one that already has a question.
    const stamp = new Date().toISOString();
    const row = (id: string, date: string, provider: string, questions: string[]): Appointment => ({ id, createdAt: stamp, updatedAt: stamp, deletedAt: null, date, time: null, provider, questions, outcome: null, outcomeAsked: false });
    const file = path.join(os.tmpdir(), `mood-dose-appointments-${process.pid}.json`);
    const later = row('appt-it-later', addDays(today, 2), 'Dr. Later (psychiatry)', ['Can we hold at 10 mg?']);
    fs.writeFileSync(file, exportJson({ appointments: [row('appt-it-next', addDays(today, 1), 'Dr. Next (GP)', []), later] }, stamp));
    await vscode.commands.executeCommand('moodDose.importJournal', { files: [file], confirm: true });
    await vscode.commands.executeCommand('notifications.hideList');
    const adding = vscode.commands.executeCommand<string>('moodDose.addQuestion');
    await quickInputTitle(h, /Add Question for Provider \(1\/2\): appointment/);
    await h.press('ArrowDown'); // the next appointment is first; the later one second
    await h.press('Enter');
    await quickInputTitle(h, /Add Question for Provider \(2\/2\): question/);
    await h.type('Is the dizziness expected to pass?');
    await h.press('Enter');
    assert.strictEqual(await adding, later.id, 'the question went to the appointment picked');
    await a.flush();
    const rows = await queryDisk(a.dataDir(), "SELECT id, questions FROM appointments WHERE id IN ('appt-it-next', 'appt-it-later') ORDER BY date");
    assert.deepStrictEqual(rows, [
      ['appt-it-next', '[]'],
      ['appt-it-later', JSON.stringify(['Can we hold at 10 mg?', 'Is the dizziness expected to pass?'])]
    ]);
  });
});
