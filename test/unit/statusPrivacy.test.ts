// The status item through its real code path (the journal's status feed over a real journal, the
// item, its Markdown tooltip), in Node with a `vscode` stand-in: user text in the tooltip renders
// as literal text, and VS Code's workspace and global state never hold health data.
import { MementoStandIn } from './vscodeStandIn';
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { CheckupReminders } from '../../src/services/checkupReminders';
import type { JournalService } from '../../src/services/journalService';
import { StatusFeed } from '../../src/services/statusFeed';
import { CheckInStatusItem, type StatusJournal } from '../../src/statusBar/checkInStatusItem';
import { TOOLTIP_COMMANDS } from '../../src/statusBar/statusView';
import { markdownText, tooltipMarkdown } from '../../src/statusBar/tooltip';
import { fixedClock } from './helpers';
import { english, testJournal, type TestJournal } from './journalFixture';

/** Medication names (at most 80 characters each) that hold every character Markdown reads. */
const NAMES = [
  '1. <img src=x> <command:workbench.action.terminal.new>',
  '# [link](command:moodDose.checkIn) ![i](x.png) https://evil.example',
  '\\ ` * _ { } [ ] ( ) + - . ! | > ~ $(bug) &lt; **b** <b>'
];
const UNIT = '<b>mg</b>|~';
const PROVIDER = 'PRIVATE Dr <script>x</script>';
const NOTE = 'PRIVATE note';

/** Markdown's own characters, and each occurrence of one that is not backslash-escaped. */
const SPECIAL = /[!-/:-@[-`{-~]/;
function unescapedSpecials(markdown: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') {
      i++; // the next character is escaped (or is an escaped backslash)
      continue;
    }
    if (SPECIAL.test(markdown[i])) out.push(`${markdown[i]} at ${i}: …${markdown.slice(Math.max(0, i - 20), i + 20)}…`);
  }
  return out;
}
const unescape = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

const LINKS = '[$(dashboard) Open Dashboard](command:moodDose.openDashboard) &nbsp;·&nbsp; [$(heart) Check In](command:moodDose.checkIn) &nbsp;·&nbsp; [$(checklist) Take Check\\-up](command:moodDose.takeCheckup)';

/**
 * Checks a tooltip line by line: the bold title, the sentence, "- " list lines and the command
 * links are the only Markdown; in every piece of text each special character is escaped.
 */
function assertLiteral(markdown: string, expectedLines: readonly string[]): void {
  const lines = markdown.split('\n');
  assert.strictEqual(lines[0], '**Mood \\& Dose Journal**');
  assert.strictEqual(lines.at(-1), LINKS, 'the three command links, and no other link');
  const text = lines.slice(1, -1).filter((l) => l !== '');
  const items = text.slice(1).map((l) => {
    assert.ok(l.startsWith('- '), l);
    return l.slice(2);
  });
  for (const piece of [text[0], ...items]) assert.deepStrictEqual(unescapedSpecials(piece), [], `every special escaped in: ${piece}`);
  assert.deepStrictEqual(items.map(unescape), expectedLines.map((l) => l.replace(/\$\(/g, '\\$(')), 'each line reads as the text itself');
  assert.strictEqual(markdown.match(/command:/g)?.length, 3, 'no command but the three links');
  assert.doesNotMatch(markdown, /(?<!\\)[<>]/, 'no HTML tag and no autolink');
}

/** The journal's status feed over a real journal, as the journal bundle wires it; "open" once sync() is called. */
function feed(j: TestJournal, clock: ReturnType<typeof fixedClock>, global: MementoStandIn) {
  let open = false;
  let listener: (() => void) | undefined;
  let locked = false;
  let lockListener: ((state: unknown) => void) | undefined;
  const service = { current: j.store, get: async () => j.store } as unknown as JournalService;
  const status = new StatusFeed(service, clock, new CheckupReminders({ checkupIntervalDays: () => 14, symptomReviewEnabled: () => true }, clock, global as unknown as vscode.Memento), {
    supplyRemindDays: () => 365,
    unit: () => UNIT
  });
  const journal: StatusJournal & { syncs: number; setLocked(to: boolean): void } = {
    syncs: 0,
    locked: () => locked,
    onDidChangeLock: (l: (state: unknown) => void) => ((lockListener = l), { dispose: () => (lockListener = undefined) }),
    setLocked(to: boolean) {
      locked = to;
      lockListener?.(to ? 'locked' : 'unlocked');
    },
    onDidChange: (l: () => void) => ((listener = l), { dispose: () => (listener = undefined) }),
    dir: () => '/journal',
    latest: () => (open ? status.latest() : undefined),
    dueAndDetails: () => (open ? status.dueAndDetails() : { due: [], details: [] }),
    sync: async () => {
      journal.syncs++;
      open = true;
      listener?.();
      return true;
    },
    unsaved: () => ({ count: 0 })
  } as StatusJournal & { syncs: number; setLocked(to: boolean): void };
  return journal;
}

const settings = { onDidChange: () => ({ dispose() {} }), reminders: () => ({ enabled: true, times: [540, 1260] }), notificationsEnabled: () => false, unit: () => UNIT };

function item(workspace: MementoStandIn, global: MementoStandIn, clock: ReturnType<typeof fixedClock>, journal: StatusJournal): CheckInStatusItem {
  return new CheckInStatusItem(workspace as unknown as vscode.Memento, global as unknown as vscode.Memento, clock, settings as never, journal);
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('status bar: the tooltip and the state it keeps', function () {
  this.timeout(20_000);
  const clock = fixedClock('2026-05-04T09:14:00Z');
  let j: TestJournal;
  const items: CheckInStatusItem[] = [];

  before(async () => {
    j = await testJournal(clock);
    for (const name of NAMES) {
      const { id } = await j.actions.saveMedication({ id: null, name, unit: 'mg', form: 'tablet', tabletMg: 10, split: 'half' });
      await j.actions.logSupply({ medicationId: id, kind: 'refill', tablets: 60 });
    }
    await j.actions.saveTaperStep({ id: null, startDate: '2026-04-01', targetMg: 17.5, note: 'PRIVATE step note' });
    await j.actions.saveAppointment({ id: null, date: '2026-06-01', time: '10:30', provider: PROVIDER, questions: ['PRIVATE question'], outcome: null });
    await j.actions.checkIn({ mood: 3, note: NOTE, tags: ['PRIVATE-tag'], dose: { mg: 12.5, status: 'taken', medication: NAMES[0] } }, 'palette');
  });

  after(async () => {
    for (const i of items) i.dispose();
    await j.close();
  });

  it('escapes every Markdown character in each piece of text, and writes no link of its own beyond the three', () => {
    const hostile = [...NAMES, 'a line\n# after a line break', '    four spaces, then `code`', 'www.evil.example and a@b.example', '&amp; &#60;img&#62; &nbsp;'];
    const markdown = tooltipMarkdown({ message: `Last check-in at 09:14, with 10 ${UNIT} logged that day.`, lines: hostile }, english);
    assertLiteral(
      markdown,
      hostile.map((l) => l.replace(/\n/g, ' '))
    );
    assert.strictEqual(markdownText('$(bug)'), '\\\\\\$\\(bug\\)', 'a theme icon stays text: "\\$(bug)" once Markdown has read it');
  });

  it('shows medication names and the unit as literal text in the real tooltip, whose links run only the allow-listed commands', async () => {
    const global = new MementoStandIn();
    const journal = feed(j, clock, global);
    const status = item(new MementoStandIn(), global, clock, journal);
    items.push(status);
    await journal.sync();
    assert.match(status.text, /^✓ 09:14 · 12\.5 <b>mg<\/b>\|~/);
    const tooltip = (status as unknown as { item: { tooltip: vscode.MarkdownString } }).item.tooltip;
    assert.deepStrictEqual(tooltip.isTrusted, { enabledCommands: [...TOOLTIP_COMMANDS] });
    const { details } = journal.dueAndDetails();
    for (const name of NAMES) assert.ok(details.some((l) => l.startsWith(`${name}: `)), `the supply line of ${name}`);
    assert.ok(details.includes('Taper plan: step 1 of 1 (17.5 <b>mg</b>|~)'), details.join('\n'));
    assertLiteral(tooltip.value, details);
  });

  it('keeps only ids, times and flags in workspace and global state after a check-in with a dose, a plan and an appointment', async () => {
    const workspace = new MementoStandIn();
    const global = new MementoStandIn();
    const journal = feed(j, clock, global);
    const status = item(workspace, global, clock, journal);
    items.push(status);
    await tick();
    await journal.sync();
    await status.snooze(60_000);
    await tick();
    assert.match(status.text, /12\.5/, 'the dose is shown');
    const dump = JSON.stringify({ ...workspace.dump(), ...global.dump() });
    for (const value of ['12.5', '17.5', 'PRIVATE', '2026-06-01', '10:30', NAMES[0].slice(0, 12), 'img', 'Taper', 'step', 'appointment', 'mg', 'days']) {
      assert.ok(!dump.includes(value), `"${value}" is not kept in VS Code's state: ${dump}`);
    }
    assert.deepStrictEqual(workspace.get('moodDose.lastCheckIn'), { at: '2026-05-04T09:14:00.000Z', time: '09:14' });
    assert.deepStrictEqual(Object.keys(workspace.get('moodDose.statusShown') ?? {}).sort(), ['slotTime', 'status']);
    assert.deepStrictEqual(global.get('moodDose.reminderState:/journal'), { snoozedUntil: clock.now() + 60_000 });
  });

  it('while the journal is locked, still reminds but shows no dose, plan, appointment or supply, and shows them again once unlocked', async () => {
    const global = new MementoStandIn();
    const journal = feed(j, clock, global);
    const status = item(new MementoStandIn(), global, clock, journal);
    items.push(status);
    await journal.sync();
    assert.match(status.text, /12\.5/, 'unlocked: the dose is shown');
    journal.setLocked(true);
    assert.strictEqual(status.text, '✓ 09:14 $(lock)', 'the time of the check-in only, with a lock');
    const tooltip = (status as unknown as { item: { tooltip: vscode.MarkdownString } }).item.tooltip.value;
    for (const hidden of ['12', '17', 'Taper', 'PRIVATE', 'Dr', '2026-06-01', 'supply', 'tablet', 'img']) {
      assert.ok(!tooltip.includes(hidden), `"${hidden}" is not in the locked tooltip: ${tooltip}`);
    }
    assert.match(tooltip, /locked/);
    assertLiteral(tooltip, []);
    journal.setLocked(false);
    assert.match(status.text, /^✓ 09:14 · 12\.5 /, 'unlocked again: the dose is back');
  });

  it('draws "✓ 09:14" at start-up from the remembered time, reads the journal a moment later for the dose, and forgets what older versions kept', async () => {
    // As an earlier version left them: the drawn text and tooltip, and the dose with the time.
    const workspace = new MementoStandIn({
      'moodDose.lastCheckIn': { at: '2026-05-04T09:14:00.000Z', time: '09:14', mg: 12.5 },
      'moodDose.statusDrawn': { text: '✓ 09:14 · 12.5 mg', tooltip: 'Taper plan: step 1 of 1 (17.5 mg)', label: '', warning: false },
      'moodDose.statusShown': { status: 'done', slotTime: '09:00' }
    });
    const global = new MementoStandIn();
    const journal = feed(j, clock, global);
    const status = item(workspace, global, clock, journal);
    items.push(status);
    assert.strictEqual(status.text, '✓ 09:14', 'at once, without the dose');
    assert.strictEqual(workspace.get('moodDose.statusDrawn'), undefined);
    assert.deepStrictEqual(workspace.get('moodDose.lastCheckIn'), { at: '2026-05-04T09:14:00.000Z', time: '09:14' });
    await tick();
    assert.strictEqual(status.text, '✓ 09:14', 'the reminder state worked out, still without the journal');
    assert.strictEqual(journal.syncs, 0, 'activation does not read the journal');
    // A workspace with no check-in never reads the journal by itself.
    const fresh = feed(j, clock, new MementoStandIn());
    const quiet = item(new MementoStandIn(), new MementoStandIn(), clock, fresh);
    items.push(quiet);
    await tick(3500);
    assert.strictEqual(journal.syncs, 1, 'read a few seconds after start-up');
    assert.match(status.text, /^✓ 09:14 · 12\.5 /);
    assert.strictEqual(fresh.syncs, 0);
    assert.match(quiet.text, /Check in/);
  });
});
