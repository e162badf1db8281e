// Each phone recipe in docs/inbox.md writes the inbox its own way; this writes a file exactly so
// and checks that every line is accounted for: read into the journal once (its id in the ledger),
// or left in the file, marked, with a problem to show in Problems. Nothing is dropped.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseInbox, splitLines } from '../../src/core/inbox/grammar';
import { inboxHeader } from '../../src/core/inbox/header';
import { unmarkLine } from '../../src/core/inbox/markers';
import { InboxFile } from '../../src/services/inbox/inboxFile';
import { InboxImporter } from '../../src/services/inbox/inboxImporter';
import { JournalStore } from '../../src/storage/journalStore';
import { english } from './journalFixture';
import { fixedClock, sqlJs, tempDir } from './helpers';
import { quietActions } from '../fixtures/quietActions';

const clock = fixedClock('2026-12-08T12:00:00Z', 'Europe/Berlin');
const header = inboxHeader({ date: '2026-12-07', unit: 'mg' });

/** How each recipe leaves the file after the user logged three times. */
const RECIPES: Record<string, () => string> = {
  // Markor saves the whole file, LF, as typed: the last line often without a newline.
  'Android: Syncthing or Dropbox with Markor': () => `${header}2026-12-07 08:10 mood 6 dose 10\n2026-12-07 13:00 m5 dizzy 2 #work\n2026-12-07 21:30 m4 note: long day 😴`,
  // Tasker's Write File with Append and Add Newline: "yyyy-MM-dd HH:mm mood %mood dose %dose\n" each run.
  'Android: Tasker': () => header + ['2026-12-07 08:10 mood 6 dose 10', '2026-12-07 20:45 mood 5 dose 2.5', '2026-12-08 07:55 mood 7 dose 10'].map((l) => `${l}\n`).join(''),
  // Shortcuts' Append to Text File with Make New Line: a newline before each line, ISO 8601 dates
  // with the phone's offset; a phone set to a decimal comma writes "7,5" (read as 7.5).
  'iOS: Shortcuts (iCloud Drive or Dropbox)': () =>
    header + ['2026-12-07T08:10:00+01:00 mood 6 dose 10', '2026-12-07T21:30:00+01:00 mood 4 dose 7.5', '2026-12-08T07:50:00+01:00 mood 7 dose 7,5'].map((l) => `\n${l}`).join('')
};

describe('the phone recipes, line by line', () => {
  for (const [recipe, write] of Object.entries(RECIPES)) {
    it(`${recipe}: every line is read once or left with its problem`, async () => {
      const dir = await tempDir('mdj-recipe-');
      const inbox = path.join(dir, 'inbox.md');
      const text = write();
      await fs.writeFile(inbox, text);
      const store = await JournalStore.open({ dir: path.join(dir, 'journal'), sql: await sqlJs(), now: () => clock.now(), compactAfterMs: 3_600_000 });
      const actions = quietActions(store, clock);
      const importer = new InboxImporter({
        file: new InboxFile(inbox, dir),
        journal: async () => store,
        write: (ops) => actions.importInbox(ops),
        context: () => ({ zone: clock.zone(), unit: 'mg', medication: 'Escitalopram', defaultDose: null, now: clock.now(), t: english })
      });
      const before = parseInbox(text, { zone: clock.zone(), unit: 'mg', now: clock.now() });
      const written = before.lines.filter((l) => l.kind !== 'ignored');
      assert.ok(written.length >= 3, 'the recipe wrote its lines');
      let report = await importer.run();
      // A last line with no line break is read once it has stayed the same: the watcher reads again then.
      if (report.recheckInMs !== undefined) {
        clock.advance(report.recheckInMs);
        report = await importer.run();
      }
      const left = splitLines(await fs.readFile(inbox, 'utf8')).map(unmarkLine);
      const reported = report.problems.flatMap((p) => p.problems).map((p) => unmarkLine(p.text));
      for (const line of written) {
        const raw = splitLines(text)[line.line - 1];
        if (line.kind === 'entry') {
          assert.ok(store.get('inbox_lines', line.entry.id), `read once: ${raw}`);
          assert.ok(!left.includes(raw), `cleared: ${raw}`);
        } else {
          assert.ok(left.includes(raw.trim()), `kept: ${raw}`);
          assert.ok(reported.includes(raw.trim()), `reported: ${raw}`);
        }
      }
      const again = await importer.run();
      assert.strictEqual(again.added.length, 0, 'nothing is read twice');
      assert.strictEqual(store.select('checkins', 'deleted_at IS NULL').length, before.entries.length);
      await store.close();
    });
  }
});
