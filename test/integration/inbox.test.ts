// The phone inbox in a real VS Code: a line appended to the inbox file shows up in the Journal view
// and the status bar with no command run (the watcher reads it); a line that cannot be read stays
// in the file, marked, appears in Problems on the inbox file, and is counted in the tooltip.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { addDays, instantOf, localDateOf } from '../../src/core/time';
import { api, waitFor } from './helpers';

describe('The phone inbox in a real VS Code', () => {
  // A day after the entries of the suites before this one (so this check-in is the latest) and
  // before the days later suites travel to (10 and 11 days ahead), which look for their own newest.
  const day = addDays(localDateOf(Date.now(), 'UTC'), 5);

  after(async () => {
    const a = await api();
    const inbox = a.inboxPath();
    // Leave the inbox as the extension made it and take the entry back for the suites after this one.
    if (inbox) fs.writeFileSync(inbox, fs.readFileSync(inbox, 'utf8').replace(/^.*mood 12.*\r?\n?/m, ''));
    await vscode.commands.executeCommand('moodDose.undoLast');
    a.travelTo(Date.now());
  });

  it('reads a line appended to the inbox into the panel and the status bar without any command', async () => {
    const a = await api();
    await a.acceptInboxPreview();
    a.travelTo(instantOf(day, 8, 30, 'UTC'), 'UTC');
    await vscode.commands.executeCommand('moodDose.openJournal');
    const inbox = await waitFor('the inbox to be created and watched', () => {
      const p = a.inboxPath();
      return p && fs.existsSync(p) ? p : undefined;
    });
    assert.match(fs.readFileSync(inbox, 'utf8'), /^# Mood & Dose inbox\n/, 'created with its header');
    assert.strictEqual(fs.statSync(inbox).mode & 0o777, 0o600);

    fs.appendFileSync(inbox, `${day} 08:20 mood 7 dose 10 note: written on the phone\n`);
    await waitFor('the panel to show the line', () => a.sidebarRows().some((r) => r.includes('written on the phone')), 20_000);
    await waitFor('the status bar to show the line', () => /^✓ 08:20 · 10 mg( · .+)?$/.test(a.statusText()), 20_000);
    await waitFor('the line to be cleared from the inbox', () => !fs.readFileSync(inbox, 'utf8').includes('written on the phone'));
  });

  it('keeps a line it cannot read, marked, in Problems on the inbox file and counted in the tooltip', async () => {
    const a = await api();
    const inbox = a.inboxPath()!;
    fs.appendFileSync(inbox, `${day} 08:25 mood 12\n`);
    const uri = vscode.Uri.file(inbox);
    const diagnostics = await waitFor('a problem on the inbox file', () => {
      const list = vscode.languages.getDiagnostics(uri);
      return list.length ? list : undefined;
    }, 20_000);
    assert.strictEqual(diagnostics.length, 1);
    assert.strictEqual(diagnostics[0].range.start.line, fs.readFileSync(inbox, 'utf8').split('\n').findIndex((l) => l.includes('mood 12')));
    assert.match(diagnostics[0].message, /"mood 12" is outside 1–10\. .* Write it like: \d{4}-\d\d-\d\d 08:25 mood 6/);
    assert.match(fs.readFileSync(inbox, 'utf8'), /^! .* mood 12 {2}<!-- ✗ /m, 'marked in the file');
    await waitFor('the tooltip to count it', () => a.statusState().tooltip.includes('could not be read'), 20_000);
  });
});
