// What an import refuses, and how it says so: too many rows, text that is not well-formed Unicode,
// dates too far ahead; and mood labels that happen to be names on Object.prototype.
import * as assert from 'assert';
import { defaultDaylioMapping, moodLabelsIn, parseDaylio, unmappedLabels } from '../../src/core/transfer/daylio';
import { IMPORT_MAX_ROWS } from '../../src/core/limits';
import type { Appointment, CheckIn, LifeEvent } from '../../src/core/schemas';
import { exportCsv, exportJson, importCsv, importJson, ImportError, type RowsByTable } from '../../src/core/transfer/transfer';
import { appointment, checkIn, dose, lifeEvent, note, step, symptom } from '../fixtures/transfer-rows';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const ZONE = 'America/New_York';
const HEADER = 'full_date,date,weekday,time,mood,activities,note_title,note';
const jsonOf = (rows: RowsByTable) => exportJson(rows, '2026-06-01T12:00:00.000Z');
const stampedNow = { createdAt: '2026-06-01T11:00:00.000Z', updatedAt: '2026-06-01T11:00:00.000Z', at: '2026-06-01T11:00:00.000Z' };

describe('import: a row cap per file', () => {
  const daylioLines = (n: number) => {
    const line = '2026-03-01,1 March,Sunday,9:00 am,good,,,';
    return `${HEADER}\n${`${line}\n`.repeat(n)}`;
  };

  it(`refuses a Daylio export of more than ${IMPORT_MAX_ROWS.toLocaleString('en-US')} rows before checking any, naming the file, the count and the fix`, () => {
    const csv = daylioLines(IMPORT_MAX_ROWS + 1);
    const expected = /^ImportError: \/home\/u\/daylio\.csv: the file holds 200,001 rows; an import takes at most 200,000 rows per file\. Split it into files of at most 200,000 rows \(or export a shorter range of dates\), then import them one at a time\.$/;
    assert.throws(() => moodLabelsIn(csv, '/home/u/daylio.csv'), expected, 'refused before the mood labels are asked about');
    assert.throws(() => parseDaylio(csv, defaultDaylioMapping, ZONE, NOW, '/home/u/daylio.csv'), expected);
  });

  it('counts records, not lines: notes that span lines do not count twice', () => {
    // 200,000 rows whose notes hold a line break each: 400,001 lines, but 200,000 rows.
    const line = '2026-03-01,1 March,Sunday,9:00 am,good,,,"first line\nsecond line"';
    const csv = `${HEADER}\n${`${line}\n`.repeat(IMPORT_MAX_ROWS)}`;
    assert.deepStrictEqual(moodLabelsIn(csv), ['good']);
  });

  it('refuses a JSON export or a table CSV of more rows, naming the file', () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => '{}').join(',');
    const json = `{"format":"mood-dose-journal","version":2,"tables":{"notes":[${rows}]}}`;
    assert.throws(() => importJson(json, NOW, 'big.json'), /^ImportError: big\.json: the file holds 200,001 rows; an import takes at most 200,000 rows per file\./);
    const csv = `id,createdAt,updatedAt,deletedAt,at,localDate,utcOffset,text\r\n${'x\r\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    assert.throws(() => importCsv({ '/exports/notes.csv': csv }, NOW), /^ImportError: \/exports\/notes\.csv: the file holds 200,001 rows;/);
  });
});

describe('import: Daylio mood labels are the user\'s own text', () => {
  it('maps labels called __proto__, constructor, toString and hasOwnProperty like any other', () => {
    const labels = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const csv = [HEADER, ...labels.map((label, i) => `2026-03-0${i + 1},x,y,9:00 am,${label},,,line ${i + 1}`)].join('\n');
    assert.deepStrictEqual(moodLabelsIn(csv), labels);
    // As the command builds it: one answer per label the file holds.
    const mapping = new Map(labels.map((label, i) => [label.toLowerCase(), i + 2]));
    assert.deepStrictEqual(unmappedLabels(csv, mapping), []);
    const { ops, preview } = parseDaylio(csv, mapping, ZONE, NOW);
    assert.deepStrictEqual(preview.rejected, []);
    assert.deepStrictEqual(
      ops.map((o) => [(o.row as CheckIn).note, (o.row as CheckIn).mood]),
      [['line 1', 2], ['line 2', 3], ['line 3', 4], ['line 4', 5]]
    );
    assert.strictEqual(defaultDaylioMapping.get('constructor'), undefined, 'no default for a label Daylio never uses');
    assert.deepStrictEqual(unmappedLabels(csv, defaultDaylioMapping), labels, 'and none of them counts as mapped by default');
  });
});

describe('import: text must be well-formed Unicode', () => {
  const lone = '\ud800';

  it('refuses a JSON row whose note holds a lone surrogate, naming the line, the field and the fix', () => {
    const text = jsonOf({ checkins: [checkIn('ci-ok-000001', '2026-03-01', 6), checkIn('ci-broken-01', '2026-03-02', 5, { note: `before ${lone} after` })] });
    assert.ok(text.includes('"note": "before \\ud800 after"'), 'JSON.stringify writes the lone surrogate as an escape, as another tool might');
    const line = text.split('\n').findIndex((l) => l.includes('"id": "ci-broken-01"')) + 1;
    assert.throws(
      () => importJson(text, NOW, 'export.json'),
      (e: unknown) => {
        assert.ok(e instanceof ImportError);
        assert.strictEqual(e.message, `export.json, line ${line}: table "checkins", row ci-broken-01: note holds a broken character at position 8 (a lone UTF-16 surrogate, \\uD800, which is not text). Delete it or type the character again in the file, then import it again.`);
        return true;
      }
    );
    assert.strictEqual(importJson(jsonOf({ checkins: [checkIn('ci-pair-0001', '2026-03-02', 5, { note: 'a whole pair: \ud83d\ude42' })] }), NOW).ops.length, 1, 'a surrogate pair is a character');
  });

  it('refuses a lone surrogate in a CSV cell or a tag, naming file and line', () => {
    const csv = exportCsv({ checkins: [checkIn('ci-ok-000001', '2026-03-01', 6), checkIn('ci-tag-00001', '2026-03-02', 5, { tags: [`work${lone}`] })] });
    assert.throws(() => importCsv(csv, NOW), /^ImportError: checkins\.csv, line 3: table "checkins", row ci-tag-00001: tags holds a broken character at position 5 /);
  });

  it('lists a Daylio line with a lone surrogate as rejected with its line, and never imports it as U+FFFD', () => {
    const csv = [HEADER, '2026-03-01,x,y,9:00 am,good,,,fine', `2026-03-02,x,y,9:00 am,good,,,broken ${lone}`].join('\n');
    const { ops, preview } = parseDaylio(csv, defaultDaylioMapping, ZONE, NOW);
    assert.deepStrictEqual(
      ops.map((o) => (o.row as CheckIn).note),
      ['fine']
    );
    assert.deepStrictEqual(preview.rejected, [{ line: 3, reason: 'note holds a broken character at position 8 (a lone UTF-16 surrogate, \\uD800, which is not text). Delete it or type the character again in the file, then import it again.' }]);
    assert.ok(!JSON.stringify(ops).includes('\ufffd'));
  });
});

describe('import: every date is bounded', () => {
  it('refuses a check-in dated 9999-12-31 with a current stamp, naming file, line, date and the fix', () => {
    const far = { ...checkIn('ci-far-000001', '2026-06-01', 6), ...stampedNow, localDate: '9999-12-31' };
    const text = jsonOf({ checkins: [far] });
    const line = text.split('\n').findIndex((l) => l.includes('"id": "ci-far-000001"')) + 1;
    assert.throws(
      () => importJson(text, NOW, 'export.json'),
      new RegExp(
        `^ImportError: export\\.json, line ${line}: table "checkins", row ci-far-000001: localDate 9999-12-31 is after tomorrow \\(2026-06-03\\): an entry records what happened, so it cannot lie ahead\\. Correct the date in the file, then import it again\\.$`
      )
    );
    assert.throws(() => importCsv(exportCsv({ checkins: [far] }), NOW), /^ImportError: checkins\.csv, line 2: table "checkins", row ci-far-000001: localDate 9999-12-31 is after tomorrow/);
  });

  it('holds doses, symptoms, notes to tomorrow as well, and accepts tomorrow itself', () => {
    for (const [table, row] of [
      ['doses', { ...dose('do-far-000001', '2026-06-01', 10), ...stampedNow, localDate: '2027-01-01' }],
      ['symptoms', { ...symptom('sy-far-000001', '2026-06-01', 'dizziness', 'Dizziness', 1), ...stampedNow, localDate: '2027-01-01' }],
      ['notes', { ...note('no-far-000001', '2026-06-01', 'later'), ...stampedNow, localDate: '2027-01-01' }]
    ] as const) {
      assert.throws(() => importJson(jsonOf({ [table]: [row] }), NOW), /localDate 2027-01-01 is after tomorrow/, table);
    }
    const tomorrow = { ...checkIn('ci-tomorrow-1', '2026-06-01', 6), ...stampedNow, localDate: '2026-06-02' };
    assert.strictEqual(importJson(jsonOf({ checkins: [tomorrow] }), NOW).ops.length, 1);
  });

  it('refuses an appointment, a life event or a plan step more than 5 years ahead, and takes one 4 years ahead', () => {
    const at = (date: string): Appointment => ({ ...appointment('ap-ahead-0001', date, 'Dr. Rivera', []), createdAt: stampedNow.createdAt, updatedAt: stampedNow.updatedAt });
    assert.throws(
      () => importJson(jsonOf({ appointments: [at('2032-06-01')] }), NOW, 'export.json'),
      /^ImportError: export\.json, line \d+: table "appointments", row ap-ahead-0001: date 2032-06-01 is more than 5 years ahead \(the latest date an import takes is 2031-06-02\)\. Correct the date in the file, then import it again\.$/
    );
    assert.strictEqual(importJson(jsonOf({ appointments: [at('2030-06-01')] }), NOW).ops.length, 1, 'four years ahead is a plan');
    const event = (date: string): LifeEvent => ({ ...lifeEvent('ev-ahead-0001', date, 'Court date'), createdAt: stampedNow.createdAt, updatedAt: stampedNow.updatedAt });
    assert.throws(() => importJson(jsonOf({ life_events: [event('2032-06-01')] }), NOW), /row ev-ahead-0001: at 2032-06-01T\d\d:00:00\.000Z is more than 5 years ahead/);
    assert.strictEqual(importJson(jsonOf({ life_events: [event('2027-01-15')] }), NOW).ops.length, 1, 'an upcoming court date');
    assert.throws(() => importJson(jsonOf({ taper_steps: [{ ...step('st-ahead-0001', '2033-01-01', 5), ...{ createdAt: stampedNow.createdAt, updatedAt: stampedNow.updatedAt } }] }), NOW), /startDate 2033-01-01 is more than 5 years ahead/);
  });

  it('keeps the floor: nothing before 1900', () => {
    const old = { ...appointment('ap-old-00001', '1899-12-31', '', []), createdAt: stampedNow.createdAt, updatedAt: stampedNow.updatedAt };
    assert.throws(() => importJson(jsonOf({ appointments: [old] }), NOW), /date 1899-12-31 is before 1900/);
  });
});
