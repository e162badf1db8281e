// A new user in a Spanish VS Code (runAll.js opens this window with --locale es and a Spanish
// language pack): checks in from the palette, opens the Journal view and the dashboard, exports a
// PDF, and meets no English word of ours. The exceptions are the README's ("In Spanish"): what the
// user typed, the GAD-7's items, and VS Code's own words (the stand-in pack translates none).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Op } from '../../src/core/schemas';
import { localDateOf, systemZone, addDays } from '../../src/core/time';
import { exportJson, rowsFromOps } from '../../src/core/transfer/transfer';
import { demoJournal } from '../fixtures/demoJournal';
import { findEnglish } from '../fixtures/findEnglish';
import { readPdfInChild } from '../fixtures/pdfText';
import { api, EXTENSION_ID, harness, queryDisk, quickInputTitle, waitFor, type Harness } from './helpers';

/** Fails with every English word found, and where it was seen. */
function assertSpanish(where: string, texts: readonly string[]): void {
  const found = texts.flatMap((text) =>
    text.split('\n').flatMap((line) => {
      const words = findEnglish(line);
      return words.length ? [`${JSON.stringify(line.slice(0, 160))}: ${words.join(', ')}`] : [];
    })
  );
  assert.deepStrictEqual(found, [], `English in ${where}`);
}

/** What the open quick input says of ours: its title, its placeholder and its rows. */
async function quickInputWords(h: Harness): Promise<string[]> {
  const title = await h.words('.quick-input-widget .quick-input-title');
  const box = await h.words('.quick-input-widget .quick-input-box input').catch(() => []);
  const rows = await h.words('.quick-input-widget .quick-input-list').catch(() => []);
  return [...title, ...box.slice(1), ...rows];
}

/** The demo journal as a Spanish speaker would have written it: their own words in Spanish. */
function spanishDemo(today: string): Op[] {
  const mine: Record<string, string> = { note: 'Caminé por el parque', context: 'Dosis completa', title: 'Audiencia en el juzgado', outcome: 'Acordamos seguir así', form: 'comprimido' };
  return demoJournal({ end: today, zone: systemZone(), days: 90 })
    .flat()
    .map((op) => {
      const row = { ...(op.row as unknown as Record<string, unknown>) };
      for (const key of Object.keys(mine)) if (typeof row[key] === 'string' && row[key]) row[key] = mine[key];
      if (Array.isArray(row.questions)) row.questions = row.questions.map((_, i) => `¿Pregunta ${i + 1} para la médica?`);
      return { ...op, row } as Op;
    });
}

describe('A new user in a Spanish VS Code', function () {
  this.timeout(180_000);
  const today = localDateOf(Date.now(), systemZone());

  it('runs in Spanish: the display language, its bundle and the status bar', async function () {
    const h = harness();
    if (!h) return this.skip();
    assert.strictEqual(vscode.env.language, 'es');
    await api();
    const status = await h.statusItem('mood-dose.mood-dose-journal.moodDose.checkIn');
    assert.match(status, /Registrar/);
    assertSpanish('the status bar', [status]);
  });

  it('opens the walkthrough in Spanish, its side pages too', async function () {
    const h = harness();
    if (!h) return this.skip();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { walkthroughs: { steps: { media: { markdown: string } }[] }[] } };
    const pages = pkg.contributes.walkthroughs[0].steps.map((s) => s.media.markdown);
    assert.ok(pages.every((p) => p.startsWith('media/walkthrough/es/')), `the Spanish side pages: ${pages.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#moodDose.gettingStarted`, false);
    const words = await waitFor('the walkthrough', async () => {
      const w = await h.words('.gettingStartedSlideDetails').catch(() => [] as string[]);
      return /Configure su medicamento/.test(w.join(' ')) ? w : undefined;
    });
    // "Mark Done" and "Not completed" are VS Code's own words around ours.
    const ours = words[0].split('\n').filter((line) => line.trim() !== 'Mark Done');
    assertSpanish('the walkthrough', ours);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('checks in from the palette in Spanish, and the confirmation and its Undo are Spanish', async function () {
    const h = harness();
    if (!h) return this.skip();
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const seen: string[] = [];
    await h.press('Control+Alt+J');
    await quickInputTitle(h, /ánimo/i);
    seen.push(...(await quickInputWords(h)));
    await h.press('7');
    await quickInputTitle(h, /dosis/i);
    seen.push(...(await quickInputWords(h)));
    await h.type('10');
    await h.press('Enter');
    await quickInputTitle(h, /nota/i);
    seen.push(...(await quickInputWords(h)));
    await h.type('Dormí bien');
    await h.press('Enter');
    await waitFor('the check-in on disk', async () => {
      await a.flush();
      const [[n]] = await queryDisk(a.dataDir(), "SELECT count(*) FROM checkins WHERE deleted_at IS NULL AND mood = 7 AND note = 'Dormí bien'");
      return Number(n) === 1 || undefined;
    });
    await vscode.commands.executeCommand('notifications.showList');
    const toast = await h.words('.notifications-center .notification-list-item:has-text("ánimo 7")');
    await vscode.commands.executeCommand('notifications.hideList');
    assert.ok(toast.some((t) => /Deshacer/.test(t)), `the confirmation offers Deshacer: ${toast.join(' | ')}`);
    assertSpanish('the check-in', seen);
    // The notification's own close and settings buttons are VS Code's words.
    assertSpanish('the confirmation', [toast[0]]);
  });

  it('shows the Journal view, its four tabs and the dashboard in Spanish', async function () {
    const h = harness();
    if (!h) return this.skip();
    const a = await api();
    const file = path.join(os.tmpdir(), `mood-dose-es-${process.pid}.json`);
    fs.writeFileSync(file, exportJson(rowsFromOps(spanishDemo(today)), new Date().toISOString()));
    await vscode.commands.executeCommand('moodDose.importJournal', { files: [file], confirm: true });
    await a.flush();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('moodDose.openJournal');
    // Each tab by a line only it shows (a hidden tab's text is not in what a user reads).
    const tabs = { journal: /Guardar registro/, charts: /Ánimo y dosis a lo largo del tiempo/, plan: /Paso 3 de 3/, checkups: /Cuestionarios breves/ };
    for (const [tab, shown] of Object.entries(tabs)) {
      await h.panelClick(`vscode-tab-header[data-tab="${tab}"]`);
      const words = await waitFor(`the ${tab} tab`, async () => {
        const view = (await h.webviewWords()).find((v) => v.kind === 'view');
        return view && shown.test(view.words[0]) ? view.words : undefined;
      });
      assertSpanish(`the Journal view's ${tab} tab`, words);
    }
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('moodDose.openDashboard');
    const dashboard = await waitFor('the dashboard with its five sections', async () => {
      const view = (await h.webviewWords()).find((v) => v.kind === 'editor');
      const sections = [/Línea de tiempo/, /El año en píxeles/, /Días después de cada cambio de dosis/, /Cada nivel de dosis lado a lado/, /Qué acompaña a los días con mejor ánimo/];
      return view && sections.every((re) => re.test(view.words[0])) ? view.words : undefined;
    }, 30_000);
    assertSpanish('the dashboard', dashboard);
  });

  it('says why a broken file was not imported in Spanish, naming the file and the line', async function () {
    const h = harness();
    if (!h) return this.skip();
    const file = path.join(os.tmpdir(), `exportacion-${process.pid}.json`);
    fs.writeFileSync(file, '{\n  "format": "mood-dose-journal",\n  "tables": {\n    "checkins": [\n      {"id": \n');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('moodDose.importJournal', { files: [file] });
    await vscode.commands.executeCommand('notifications.showList');
    const error = await waitFor('the error notification', async () => {
      const w = await h.words('.notifications-center .notification-list-item-message').catch(() => [] as string[]);
      return /No se importó nada/.test(w[0] ?? '') ? w[0] : undefined;
    });
    await vscode.commands.executeCommand('notifications.hideList');
    assert.match(error, new RegExp(`${path.basename(file).replace('.', '\\.')}, línea \\d+`), error);
    assertSpanish('the import error', [error]);
  });

  it('takes the PHQ-9 from the palette in its official Spanish text', async function () {
    const h = harness();
    if (!h) return this.skip();
    const a = await api();
    const seen: string[] = [];
    const running = vscode.commands.executeCommand<string>('moodDose.takeCheckup');
    await quickInputTitle(h, /Cuestionario|Responder/i);
    seen.push(...(await quickInputWords(h)));
    await h.press('Enter'); // the PHQ-9 is first
    for (let i = 1; i <= 9; i++) {
      await quickInputTitle(h, new RegExp(`PHQ-9 \\(${i}/9\\)`));
      seen.push(...(await quickInputWords(h)));
      await h.press('0');
    }
    assert.ok(await running, 'the check-up was saved');
    await a.flush();
    const [[n]] = await queryDisk(a.dataDir(), "SELECT count(*) FROM questionnaires WHERE deleted_at IS NULL AND kind = 'phq9'");
    assert.ok(Number(n) >= 1);
    assert.ok(seen.some((w) => /Poco interés o placer en hacer cosas/.test(w)), 'the official Spanish first item');
    assertSpanish('the PHQ-9', seen);
  });

  it('exports the summary as a PDF from the palette, every word of ours in Spanish', async function () {
    const h = harness();
    if (!h) return this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const seen: string[] = [];
    let written: string | undefined;
    const running = vscode.commands.executeCommand<string>('moodDose.exportSummaryPdf').then((f) => (written = f ?? ''));
    // The period, then the save dialog (VS Code's own in a browser, under our title).
    await quickInputTitle(h, /\(1\/2\)/);
    seen.push(...(await quickInputWords(h)));
    await h.press('Enter');
    await quickInputTitle(h, /\(2\/2\)/);
    seen.push(...(await quickInputWords(h)));
    await h.press('Enter');
    await quickInputTitle(h, /Exportar resumen como PDF/);
    seen.push(...(await h.words('.quick-input-widget .quick-input-title')));
    await h.press('Enter');
    await running;
    assert.ok(written && fs.existsSync(written), `the PDF was written: ${written}`);
    assertSpanish('the export prompts', seen);
    const { pages } = await readPdfInChild(written);
    assert.match(pages[0], /Resumen/);
    assertSpanish('the PDF', pages);
    // A period that really has the journal's days in it.
    assert.ok(pages[0].includes(addDays(today, -1).slice(0, 4)), 'the PDF speaks of this year');
  });
});
