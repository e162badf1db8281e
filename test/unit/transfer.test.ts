import * as assert from 'assert';
import type { AnyRow, Medication, Op, TableName } from '../../src/core/schemas';
import { exportCsv, exportJson, importCsv, importJson, ImportError, planImport, rowsFromOps, type RowsByTable } from '../../src/core/transfer/transfer';
import { appointment, checkIn, dose, lifeEvent, note, questionnaire, step, symptom } from '../fixtures/transfer-rows';

const EXPORTED_AT = '2026-03-22T12:00:00.000Z';

const medication: Medication = { id: 'med-escitalopram', createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT, deletedAt: null, name: 'Escitalopram', unit: 'mg', form: 'tablet', tabletMg: 20, split: 'half' };

const plain = (id: string) => ({ id, createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT, deletedAt: null });

/** One or more rows in every table, with text that CSV has to quote. */
function journal(): RowsByTable {
  return {
    checkins: [
      checkIn('ci-b-0302', '2026-03-02', 6, { note: 'Line one, with a comma\nand "quotes" on line two', tags: ['work', 'a|b', 'ünïcödé'] }),
      checkIn('ci-a-0301', '2026-03-01', 7, { note: '  leading spaces and =SUM(A1) ' }),
      { ...checkIn('ci-c-0303', '2026-03-03', 3, { deleted: true }), energy: 4, anxiety: 7, sleepHours: 6.5 }
    ],
    doses: [dose('do-a-0301', '2026-03-01', 20), dose('do-b-0302', '2026-03-02', 17.5, 'changed'), dose('do-c-0303', '2026-03-03', 17.5, 'skipped')],
    medications: [medication],
    taper_steps: [step('st-a-0201', '2026-02-01', 20), step('st-b-0309', '2026-03-09', 15)],
    symptoms: [symptom('sy-a-0302', '2026-03-02', 'dizziness', 'Dizziness', 2), symptom('sy-b-0302', '2026-03-02', 'own:ringing_ears', 'Ringing, "ears"', 1)],
    life_events: [lifeEvent('ev-a-0305', '2026-03-05', 'Court hearing', 'Postponed')],
    notes: [note('no-a-0306', '2026-03-06', '<b>not html</b>\r\nsecond line')],
    appointments: [{ ...appointment('ap-a-0406', '2026-04-06', 'Dr. Rivera', ['Is this, "expected"?', 'Pace?'], '10:30'), outcome: 'Hold, then review', outcomeAsked: true }, appointment('ap-b-0302', '2026-03-02', '', [])],
    questionnaires: [questionnaire('qu-a-0302', '2026-03-02', 'phq9', [1, 1, 1, 1, 0, 1, 1, 0, 0]), questionnaire('qu-b-0316', '2026-03-16', 'gad7', [2, 1, 1, 2, 0, 1, 1])],
    recalled_periods: [
      { ...plain('rp-a-2025'), medication: 'Escitalopram', startDate: '2025-03', endDate: '2025-06-14', mg: 30, context: 'Raised during the divorce, "it didn\'t seem to do anything"', mood: 3, certainty: 'clearly' },
      { ...plain('rp-b-2025'), medication: 'Escitalopram', startDate: '2025-07', endDate: '2026-01', mg: 10, context: '', mood: null, certainty: null }
    ],
    tablet_supply: [
      { ...plain('ts-a-0301'), at: '2026-03-01T12:00:00.000Z', localDate: '2026-03-01', utcOffset: -300, medicationId: 'med-escitalopram', kind: 'count', tablets: 12.25 },
      { ...plain('ts-b-0310'), at: '2026-03-10T16:00:00.000Z', localDate: '2026-03-10', utcOffset: -240, medicationId: 'med-escitalopram', kind: 'refill', tablets: 30 }
    ]
  };
}

/** An in-memory journal: what the store would hold after writing the ops. */
class FakeJournal {
  readonly rows = new Map<string, AnyRow>();
  write(ops: readonly Op[]): void {
    for (const op of ops) this.rows.set(op.row.id, op.row);
  }
  lookup = (_table: TableName, id: string) => this.rows.get(id);
}

describe('JSON export and import', () => {
  it('round-trips: export → import into an empty journal → export gives identical JSON', () => {
    const first = exportJson(journal(), EXPORTED_AT);
    const imported = importJson(first);
    // 3 check-ins + 3 doses + 1 medication + 2 steps + 2 symptoms + 1 event + 1 note + 2 appointments + 2 questionnaires
    // + 2 recalled periods + 2 supply rows = 21.
    assert.strictEqual(imported.preview.entries, 21);
    assert.deepStrictEqual(imported.preview.tables, { checkins: 3, doses: 3, medications: 1, taper_steps: 2, symptoms: 2, life_events: 1, notes: 1, appointments: 2, questionnaires: 2, recalled_periods: 2, tablet_supply: 2 });
    const { toWrite, preview } = planImport(imported, new Set());
    assert.strictEqual(preview.entries, 21);
    assert.strictEqual(exportJson(rowsFromOps(toWrite), EXPORTED_AT), first);
  });

  it('is deterministic: table order, rows by id, keys in schema order', () => {
    const rows = journal();
    const shuffled: RowsByTable = {
      questionnaires: [...rows.questionnaires!].reverse(),
      checkins: [...rows.checkins!].reverse().map((r) => Object.fromEntries(Object.entries(r).reverse()) as typeof r),
      doses: rows.doses,
      notes: rows.notes,
      appointments: rows.appointments,
      medications: rows.medications,
      taper_steps: rows.taper_steps,
      symptoms: rows.symptoms,
      life_events: rows.life_events,
      tablet_supply: [...rows.tablet_supply!].reverse(),
      recalled_periods: rows.recalled_periods
    };
    const text = exportJson(shuffled, EXPORTED_AT);
    assert.strictEqual(text, exportJson(rows, EXPORTED_AT));
    const doc = JSON.parse(text) as { format: string; version: number; exportedAt: string; tables: Record<string, { id: string }[]> };
    assert.deepStrictEqual([doc.format, doc.version, doc.exportedAt], ['mood-dose-journal', 2, EXPORTED_AT]);
    assert.deepStrictEqual(Object.keys(doc.tables), ['checkins', 'doses', 'medications', 'taper_steps', 'symptoms', 'life_events', 'notes', 'appointments', 'questionnaires', 'recalled_periods', 'tablet_supply']);
    assert.deepStrictEqual(
      doc.tables.checkins.map((r) => r.id),
      ['ci-a-0301', 'ci-b-0302', 'ci-c-0303']
    );
    assert.ok(text.includes('\n  "tables": {\n    "checkins": [\n      {\n        "id": "ci-a-0301",'), 'pretty-printed');
    assert.strictEqual(exportJson({}, EXPORTED_AT), exportJson({}, EXPORTED_AT));
  });

  it('adds nothing when the same file is imported twice', () => {
    const text = exportJson(journal(), EXPORTED_AT);
    const store = new FakeJournal();
    const first = planImport(importJson(text), store.lookup);
    store.write(first.toWrite);
    assert.strictEqual(first.preview.entries, 21);
    const second = planImport(importJson(text), store.lookup);
    assert.deepStrictEqual(second.toWrite, []);
    assert.deepStrictEqual(second.preview, { entries: 0, duplicates: 21, differing: 0, rejected: [], tables: {} });
    // With only a set of ids the answer is the same.
    assert.strictEqual(planImport(importJson(text), new Set(store.rows.keys())).toWrite.length, 0);
  });

  it('never overwrites a row the journal already has, and says when content differs', () => {
    const store = new FakeJournal();
    store.write(planImport(importJson(exportJson(journal(), EXPORTED_AT)), store.lookup).toWrite);
    const edited = journal();
    const [b, a, c] = edited.checkins!;
    edited.checkins = [{ ...b, mood: 2 }, a, c, checkIn('ci-new-0310', '2026-03-10', 5)];
    const plan = planImport(importJson(exportJson(edited, EXPORTED_AT)), store.lookup);
    assert.deepStrictEqual(
      plan.toWrite.map((o) => o.row.id),
      ['ci-new-0310']
    );
    assert.strictEqual(plan.preview.duplicates, 21);
    assert.strictEqual(plan.preview.differing, 1);
  });

  it('names the line of a JSON syntax error', () => {
    const lines = exportJson(journal(), EXPORTED_AT).split('\n');
    const at = lines.findIndex((l) => l.includes('"mood": 7'));
    lines[at] = lines[at].replace('"mood": 7', '"mood": 7,,');
    assert.throws(
      () => importJson(lines.join('\n')),
      (e: unknown) => e instanceof ImportError && e.where.line === at + 1 && e.message.startsWith(`line ${at + 1}: `)
    );
    assert.throws(() => importJson(''), /not valid JSON/);
  });

  it('rejects the whole file when one row is invalid, naming line, table and row', () => {
    const text = exportJson(journal(), EXPORTED_AT).replace('"mood": 6', '"mood": 11');
    const line = text.split('\n').findIndex((l) => l.includes('"id": "ci-b-0302"')) + 1;
    let error: unknown;
    try {
      importJson(text);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof ImportError, 'throws; no partial result is returned');
    assert.deepStrictEqual(error.where, { file: undefined, line, table: 'checkins', rowId: 'ci-b-0302' });
    assert.match(error.message, new RegExp(`^line ${line}: table "checkins", row ci-b-0302: mood`));
  });

  it('rejects files that are not a journal export, newer versions, unknown tables and repeated ids', () => {
    assert.throws(() => importJson('{"format":"other","version":1,"tables":{}}'), /not a mood-dose-journal export/);
    assert.throws(() => importJson('{"format":"mood-dose-journal","version":3,"tables":{}}'), /version 3 is newer/);
    assert.throws(() => importJson('{"format":"mood-dose-journal","version":1,"tables":{"pets":[]}}'), /unknown table "pets"/);
    const row = checkIn('ci-twice-0301', '2026-03-01', 5);
    assert.throws(() => importJson(JSON.stringify({ format: 'mood-dose-journal', version: 1, tables: { checkins: [row, row] } })), /ci-twice-0301 appears twice/);
    assert.throws(() => importJson(JSON.stringify({ format: 'mood-dose-journal', version: 1, tables: { checkins: [{ mood: 5 }] } })), /row 1 \(id \(no id\)\)/);
  });
});

describe('CSV export and import', () => {
  it('writes one file per table with a header, and quotes with papaparse', () => {
    const files = exportCsv(journal());
    assert.deepStrictEqual(Object.keys(files), ['checkins.csv', 'doses.csv', 'medications.csv', 'taper_steps.csv', 'symptoms.csv', 'life_events.csv', 'notes.csv', 'appointments.csv', 'questionnaires.csv', 'recalled_periods.csv', 'tablet_supply.csv']);
    const csv = files['checkins.csv'];
    assert.ok(csv.startsWith('id,createdAt,updatedAt,deletedAt,at,localDate,utcOffset,mood,energy,anxiety,sleepHours,note,tags\r\n'));
    assert.ok(csv.includes('"Line one, with a comma\nand ""quotes"" on line two","[""work"",""a|b"",""ünïcödé""]"'), 'quoted note and JSON tags');
    assert.strictEqual(exportCsv({})['notes.csv'], 'id,createdAt,updatedAt,deletedAt,at,localDate,utcOffset,text\r\n');
  });

  it('imports an export made before schema v3: medications take the tablet defaults', () => {
    const files = exportCsv(journal());
    // medications.csv as version 1 wrote it: no tabletMg or split column, no new tables.
    const [head, row] = files['medications.csv'].split('\r\n');
    const old = `${head.replace(',tabletMg,split', '')}\r\n${row.replace(/,20,half$/, '')}\r\n`;
    assert.notStrictEqual(old, files['medications.csv']);
    const fromCsv = rowsFromOps(importCsv({ 'medications.csv': old }).ops).medications![0];
    assert.deepStrictEqual([fromCsv.name, fromCsv.tabletMg, fromCsv.split], ['Escitalopram', null, 'none']);
    const { tabletMg: _t, split: _s, ...v1Row } = medication;
    const fromJson = rowsFromOps(importJson(JSON.stringify({ format: 'mood-dose-journal', version: 1, tables: { medications: [v1Row] } })).ops).medications![0];
    assert.deepStrictEqual([fromJson.tabletMg, fromJson.split], [null, 'none']);
  });

  it('round-trips every table exactly', () => {
    const rows = journal();
    const imported = importCsv(exportCsv(rows));
    assert.strictEqual(imported.preview.entries, 21);
    const { toWrite } = planImport(imported, new Set());
    assert.strictEqual(exportJson(rowsFromOps(toWrite), EXPORTED_AT), exportJson(rows, EXPORTED_AT));
  });

  it('accepts a subset of the files, under a folder path, and adds nothing the second time', () => {
    const files = exportCsv(journal());
    const partial = { 'backup/checkins.csv': files['checkins.csv'], 'backup/doses.csv': files['doses.csv'] };
    const store = new FakeJournal();
    const first = planImport(importCsv(partial), store.lookup);
    assert.strictEqual(first.preview.entries, 6);
    store.write(first.toWrite);
    assert.deepStrictEqual(planImport(importCsv(partial), store.lookup).preview, { entries: 0, duplicates: 6, differing: 0, rejected: [], tables: {} });
  });

  it('names the file and line of malformed CSV', () => {
    const files = exportCsv(journal());
    // The second check-in (ci-b-0302) starts on line 3 and its note spans two lines, so line 5 is ci-c-0303.
    const lines = files['checkins.csv'].split('\r\n');
    assert.ok(lines[3].startsWith('ci-c-0303,'));
    lines[3] = lines[3].replace('ci-c-0303,', 'ci-c-0303,"bad"quote,');
    assert.throws(() => importCsv({ 'checkins.csv': lines.join('\r\n') }), /^ImportError: checkins\.csv, line 5: Trailing quote on quoted field is malformed/);
  });

  it('rejects the whole set when a cell is wrong, naming file, line and column', () => {
    const files = exportCsv(journal());
    const badMood = files['checkins.csv'].replace(/^(ci-a-0301,(?:[^,]*,){6})7,/m, '$1eleven,');
    assert.notStrictEqual(badMood, files['checkins.csv']);
    assert.throws(() => importCsv({ ...files, 'checkins.csv': badMood }), /checkins\.csv, line 2: table "checkins", row ci-a-0301: mood/);
    const badJson = files['checkins.csv'].replace('"[""work""', '"[""work');
    assert.throws(() => importCsv({ 'checkins.csv': badJson }), /checkins\.csv, line 3: column "tags" is not valid JSON/);
    const shortRow = files['doses.csv'].replace(/\r\n$/, '\r\nonly,three,cells\r\n');
    assert.throws(() => importCsv({ 'doses.csv': shortRow }), /doses\.csv, line 5: 3 cells, the header has 12/);
    assert.throws(() => importCsv({ 'pets.csv': 'id\r\n' }), /pets\.csv: not a journal table file/);
    assert.throws(() => importCsv({ 'notes.csv': 'id,text\r\n' }), /notes\.csv, line 1: missing column "createdAt"/);
  });
});
