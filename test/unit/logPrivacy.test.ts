// Nothing the journal logs carries a health value. Bad rows of every table, with private words and
// distinctive numbers in every field, are fed through each path that logs: replaying another
// machine's op log, reading a snapshot edited by another program (a questionnaire whose total
// disagrees with its answers among them), a compaction that fails and a change listener that throws,
// each with an error message that quotes private words. The log is captured and scanned.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn, buildLifeEvent, buildNote, buildQuestionnaire, buildReview } from '../../src/core/entries';
import { buildAppointment, buildMedication, buildTaperStep } from '../../src/core/plan';
import { buildRecalledPeriod } from '../../src/core/recalled';
import { TABLE_NAMES, type Op, type TableName } from '../../src/core/schemas';
import { buildSupplyChange } from '../../src/core/supply';
import type { JournalFiles } from '../../src/storage/files';
import { JournalStore } from '../../src/storage/journalStore';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { encodeChange } from '../../src/storage/opLog';
import { fixedClock, sqlJs, tempDir } from './helpers';

const P = 'PRIVATE';
/** Numbers no log line has any other reason to print. */
const NUMBERS = ['37.25', '6.75', '17.5', '2.5', '13.75'];
/** A PHQ-9 whose answers add up to 26 ("severe"); its stored total is edited to 11. */
const ANSWERS = [3, 3, 3, 3, 3, 3, 3, 3, 2];

/** One valid row of every table, each holding private words in every text field. */
function privateRows(clock: ReturnType<typeof fixedClock>): Op[] {
  const now = clock.now();
  const medication = buildMedication({ name: `${P} Escitalopram`, unit: `${P}u`, form: `${P} form`, tabletMg: 2.5, split: 'half' }, undefined, now);
  const checkIn = buildCheckIn(
    {
      mood: 4,
      sleepHours: 6.75,
      note: `${P} note <img src=x>`,
      tags: [`${P}-tag`],
      dose: { mg: 37.25, status: 'taken', medication: `${P} Escitalopram`, medicationId: medication.id },
      symptoms: [{ key: `${P}-symptom`, label: `${P} symptom label`, severity: 2 }]
    },
    clock
  );
  return [
    ...checkIn.ops,
    { table: 'medications', row: medication },
    { table: 'taper_steps', row: buildTaperStep({ startDate: '2026-05-01', targetMg: 17.5, note: `${P} step note` }, undefined, medication.id, now) },
    ...buildReview([{ key: `${P}-reviewed`, label: `${P} reviewed label`, severity: 1 }], clock).map((row) => ({ table: 'symptoms', row }) as Op),
    { table: 'life_events', row: buildLifeEvent({ title: `${P} event title`, note: `${P} event note` }, clock) },
    { table: 'notes', row: buildNote({ text: `${P} note text` }, clock) },
    { table: 'appointments', row: buildAppointment({ date: '2026-06-01', time: '10:30', provider: `${P} Dr Who`, questions: [`${P} question`], outcome: `${P} outcome` }, undefined, now) },
    { table: 'questionnaires', row: buildQuestionnaire({ kind: 'phq9', answers: ANSWERS, difficulty: 2 }, clock) },
    { table: 'recalled_periods', row: buildRecalledPeriod({ medication: `${P} recalled`, startDate: '2024-02', endDate: '2024-05', mg: 37.25, context: `${P} context`, mood: 3, certainty: 'clearly' }, undefined, now) },
    { table: 'tablet_supply', row: buildSupplyChange({ medicationId: medication.id, kind: 'refill', tablets: 13.75 }, clock) },
    { table: 'inbox_lines', row: { id: 'inbox-line-0001', createdAt: checkIn.checkIn.createdAt, updatedAt: checkIn.checkIn.updatedAt, deletedAt: null, timeId: `${P} 08:10`, rows: [`notes:${P}`], importedAt: checkIn.checkIn.createdAt } }
  ];
}

/** Each table's row broken in one field; every private value stays in it. */
const BREAK: Record<TableName, Record<string, unknown>> = {
  checkins: { mood: 99 },
  doses: { status: `${P} status` },
  medications: { unit: '   ' },
  taper_steps: { startDate: '2026-13-45' },
  symptoms: { severity: 9 },
  life_events: { utcOffset: 99_999 },
  notes: { utcOffset: 99_999 },
  appointments: { time: `${P} 25:99` },
  questionnaires: { total: 11 },
  recalled_periods: { certainty: null },
  tablet_supply: { tablets: 13.3 },
  inbox_lines: { importedAt: `${P} 08:10` }
};

/** The same breaks, made by another program editing the snapshot. */
const BREAK_SQL: Record<TableName, string> = {
  checkins: 'mood = 99',
  doses: `status = '${P} status'`,
  medications: "unit = '   '",
  taper_steps: "start_date = '2026-13-45'",
  symptoms: 'severity = 9',
  life_events: 'utc_offset = 99999',
  notes: 'utc_offset = 99999',
  appointments: `time = '${P} 25:99'`,
  questionnaires: 'total = 11',
  recalled_periods: 'certainty = NULL',
  tablet_supply: 'tablets = 13.3',
  inbox_lines: `imported_at = '${P} 08:10'`
};

/** Files whose snapshot writes fail with an error that quotes private words, as a library's might. */
class LeakyFiles extends NodeFiles implements JournalFiles {
  failing = false;
  override writeAtomic(...args: Parameters<NodeFiles['writeAtomic']>): Promise<void> {
    if (this.failing) return Promise.reject(new Error(`${P} note quoted by a failing write: mood 4, 37.25 mg`));
    return super.writeAtomic(...args);
  }
}

function assertClean(log: string[]): void {
  const text = log.join('\n');
  assert.ok(!text.includes(P), `no private words in the log:\n${log.filter((l) => l.includes(P)).join('\n')}`);
  for (const n of NUMBERS) assert.ok(!text.includes(n), `no ${n} in the log:\n${log.filter((l) => l.includes(n)).join('\n')}`);
  assert.doesNotMatch(text, /sum of the answers|severe|total 11|\(26\)/, 'no questionnaire total, sum or band');
}

describe('the log holds no health values', () => {
  it('names a bad row of any table by id, table, field and issue code only: from another machine\'s log and from an edited snapshot', async () => {
    const dir = await tempDir('mdj-log-');
    const sql = await sqlJs();
    const clock = fixedClock('2026-05-04T09:14:00Z');
    const log: string[] = [];
    const capture = (level: string, message: string) => void log.push(`${level} ${message}`);

    const first = await JournalStore.open({ dir, sql, now: clock.now, log: capture, machine: 'here', compactAfterMs: 60_000 });
    const stored = privateRows(clock);
    await first.write(stored);
    await first.close();
    assert.deepStrictEqual(new Set(stored.map((o) => o.table)), new Set(TABLE_NAMES), 'a row of every table');

    // Another program edits every table in the snapshot…
    const file = path.join(dir, 'journal.sqlite');
    const db = new sql.Database(await fs.readFile(file));
    for (const table of TABLE_NAMES) db.run(`UPDATE ${table} SET ${BREAK_SQL[table]}`);
    await fs.writeFile(file, db.export());
    db.close();
    // …and another machine's log brings broken rows of every table, one with an id that is not an id.
    const broken = privateRows(clock).map((op) => ({ table: op.table, row: { ...op.row, ...BREAK[op.table] } }) as Op);
    (broken[0].row as { id: string }).id = `${P} id <command:moodDose.checkIn>`;
    const wrongBand = buildQuestionnaire({ kind: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1], difficulty: null }, clock);
    broken.push({ table: 'questionnaires', row: { ...wrongBand, band: `${P} band` } });
    await fs.writeFile(path.join(dir, 'journal.elsewhere.oplog'), encodeChange(broken));

    const again = await JournalStore.open({ dir, sql, now: clock.now, log: capture, machine: 'here', compactAfterMs: 60_000 });
    for (const table of TABLE_NAMES) assert.deepStrictEqual(again.select(table, 'deleted_at IS NULL'), [], `${table}: every row is bad`);
    await again.close();

    const badRowLines = log.filter((l) => / in table /.test(l));
    for (const table of TABLE_NAMES) {
      assert.ok(badRowLines.filter((l) => l.includes(`"${table}"`)).length >= 2, `${table}: reported from the log and from the snapshot\n${badRowLines.join('\n')}`);
    }
    for (const line of badRowLines) {
      assert.match(line, /^warn Row ([A-Za-z0-9_-]+|\(not an id\)) in table "[a-z_]+" is not valid: [A-Za-z0-9_.?]+: [a-z_]+(; [A-Za-z0-9_.?]+: [a-z_]+)*$/, line);
    }
    assert.ok(log.some((l) => /^warn Row [\w-]+ in table "questionnaires" is not valid: total: custom$/.test(l)), 'the total that disagrees is named by field and code');
    assertClean(log);
  });

  it('says a compaction failed or a change listener threw by the error\'s kind and place, not its message', async () => {
    const dir = await tempDir('mdj-log-');
    const clock = fixedClock('2026-05-04T09:14:00Z');
    const log: string[] = [];
    const files = new LeakyFiles();
    const store = await JournalStore.open({ dir, sql: await sqlJs(), files, now: clock.now, log: (level, message) => void log.push(`${level} ${message}`), compactAfterMs: 60_000 });
    store.onDidChange(() => {
      throw new Error(`${P} note seen by a listener: 37.25 mg`);
    });
    await store.write(privateRows(clock));
    files.failing = true;
    await store.close();
    assert.ok(log.some((l) => l.startsWith('error A journal change listener failed: Error')), log.join('\n'));
    assert.ok(log.some((l) => l.startsWith('error Final compaction failed; the log keeps every change: Error')), log.join('\n'));
    assertClean(log);
  });
});
