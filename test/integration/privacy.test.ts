// Privacy in a real VS Code: user text in the status bar's tooltip (here medication names and a
// unit that hold every character Markdown reads) stays literal text in the real MarkdownString, and
// after a check-in with a dose, a plan and an appointment VS Code's state (the mementos, and the
// workbench's state database) holds only ids, times and flags.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { formatDate } from '../../src/core/dates';
import { buildAppointment, buildMedication, buildTaperStep } from '../../src/core/plan';
import type { Op } from '../../src/core/schemas';
import { buildSupplyChange } from '../../src/core/supply';
import { addDays, localDateOf, systemZone } from '../../src/core/time';
import { exportJson, rowsFromOps } from '../../src/core/transfer/transfer';
import { api, EXTENSION_ID, harness, waitFor } from './helpers';

/** Medication names (at most 80 characters) and a unit (at most 12) with every character Markdown reads. */
const NAMES = ['PRIVATE 1. <img src=x> <command:workbench.action.terminal.new>', '# [link](command:moodDose.checkIn) ![i](x.png) https://evil.example', '\\ ` * _ { } [ ] ( ) + - . ! | > ~ $(bug) &lt; **b** <b>'];
const UNIT = '<b>u</b>|~';
const PROVIDER = 'PRIVATE Dr <script>';

/** Each character Markdown reads that is not backslash-escaped, with where it is. */
function unescapedSpecials(markdown: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') i++;
    else if (/[!-/:-@[-`{-~]/.test(markdown[i])) out.push(`${markdown[i]} in …${markdown.slice(Math.max(0, i - 20), i + 20)}…`);
  }
  return out;
}

/** Instants are allowed (and their seconds could read like a dose): out of the way before a scan. */
const withoutInstants = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '(instant)');
/** The same for dates and times of day, before looking for a number. */
const withoutTimes = (text: string) => withoutInstants(text).replace(/\d{4}-\d\d-\d\d|\d\d:\d\d/g, '(time)');
/** A number standing alone, not part of a longer one. */
const holding = (n: string) => new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d.])`);

describe('Privacy in a real VS Code', () => {
  const today = localDateOf(Date.now(), systemZone());
  let undo = 0;

  before(async () => {
    const now = Date.now();
    const clock = { now: () => now, zone: systemZone, today: () => today };
    const ops: Op[] = [];
    for (const name of NAMES) {
      const medication = buildMedication({ name, unit: UNIT, form: 'tablet', tabletMg: 10, split: 'half' }, undefined, now);
      ops.push({ table: 'medications', row: medication }, { table: 'tablet_supply', row: buildSupplyChange({ medicationId: medication.id, kind: 'refill', tablets: 60 }, clock) });
    }
    ops.push({ table: 'taper_steps', row: buildTaperStep({ startDate: addDays(today, -3), targetMg: 17.5, note: 'PRIVATE step note' }, undefined, null, now) });
    ops.push({ table: 'appointments', row: buildAppointment({ date: addDays(today, 9), time: '10:30', provider: PROVIDER, questions: ['PRIVATE question'], outcome: null }, undefined, now) });
    const file = path.join(os.tmpdir(), `mood-dose-privacy-${process.pid}.json`);
    fs.writeFileSync(file, exportJson(rowsFromOps(ops), new Date(now).toISOString()));
    await vscode.commands.executeCommand('moodDose.importJournal', { files: [file], confirm: true });
    undo++;
    await vscode.commands.executeCommand('moodDose.checkIn', { mood: 4, mg: 12.5, note: 'PRIVATE note' });
    undo++;
  });

  // Later suites read the journal as they left it: take the rows back out.
  after(async () => {
    for (; undo > 0; undo--) await vscode.commands.executeCommand('moodDose.undoLast');
  });

  it('shows medication names in the tooltip as literal text, whose links run only its three commands', async () => {
    const a = await api();
    // One supply line per imported medication ("…: about 34 days left at the current dose (17.5 mg).").
    const state = await waitFor('the supply lines in the tooltip', () => {
      const s = a.statusState();
      return (s.tooltip.match(/days(&nbsp;| )left/g)?.length ?? 0) >= NAMES.length ? s : undefined;
    });
    assert.deepStrictEqual(state.tooltipCommands, ['moodDose.openDashboard', 'moodDose.checkIn', 'moodDose.takeCheckup']);
    const lines = state.tooltip.split('\n');
    const links = lines.pop()!;
    assert.strictEqual(links.match(/\]\(command:/g)?.length, 3, links);
    assert.strictEqual(state.tooltip.match(/command:/g)?.length, 3, 'no command but the three links');
    assert.doesNotMatch(state.tooltip, /(?<!\\)[<>]/, 'no HTML tag and no autolink');
    const items = lines.filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    for (const name of NAMES) {
      const line = items.find((l) => l.replace(/\\([!-/:-@[-`{-~])/g, '$1').startsWith(`${name.replace(/\$\(/g, '\\$(')}: `));
      assert.ok(line, `a line for ${name} in:\n${state.tooltip}`);
      assert.deepStrictEqual(unescapedSpecials(line), [], line);
    }
    assert.ok(items.length >= NAMES.length + 2, 'the plan step and the appointment are there too');
    for (const item of items) assert.deepStrictEqual(unescapedSpecials(item), [], item);
  });

  it('keeps only ids, times and flags in VS Code\'s state, in memory and where the workbench stores it', async () => {
    const a = await api();
    // The day's total: this check-in's 12.5 mg and whatever earlier suites logged today.
    const [, total] = await waitFor('the dose in the status bar', () => /^✓ \d\d:\d\d · (\d+(?:\.\d+)?) mg/.exec(a.statusText()) ?? undefined);
    const forbidden = ['12.5', '17.5', 'PRIVATE', addDays(today, 9), formatDate(addDays(today, 9), 'en'), '10:30', 'img', 'mg', 'Taper', 'step', 'appointment', 'Dr ', 'tablets'];
    const stored = withoutInstants(JSON.stringify(a.storedState()));
    assert.match(stored, /moodDose\.lastCheckIn/, 'the time of the last check-in is kept');
    for (const value of forbidden) assert.ok(!stored.includes(value), `"${value}" is not in the extension's state: ${stored}`);
    assert.doesNotMatch(withoutTimes(stored), holding(total), `the day's ${total} mg is not in the extension's state: ${stored}`);
    // code-server's workbench keeps VS Code's state in the page's IndexedDB (the ItemTable that
    // desktop VS Code keeps in state.vscdb): each extension's mementos under its id, written a
    // moment after they change. The whole of it must be free of the private words.
    const h = harness();
    if (!h) return; // under @vscode/test-electron no harness reads the page
    const entries = await waitFor('the mementos in the page\'s storage', async () => {
      const all = await h.browserStorage();
      const ours = all.filter((e) => e.key === EXTENSION_ID);
      return ours.length === 2 && ours.some((e) => e.value.includes('lastCheckIn')) ? all : undefined;
    });
    for (const e of entries) {
      for (const value of ['PRIVATE', 'evil.example', '<b>u</b>']) assert.ok(!e.value.includes(value) && !e.key.includes(value), `"${value}" is not in ${e.db} ${e.key}`);
      if (e.key !== EXTENSION_ID) continue;
      for (const value of forbidden) assert.ok(!withoutInstants(e.value).includes(value), `"${value}" is not in ${e.db} ${e.key}: ${e.value}`);
      assert.doesNotMatch(withoutTimes(e.value), holding(total), `the day's ${total} mg is not in ${e.db} ${e.key}: ${e.value}`);
    }
  });
});
