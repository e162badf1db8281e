import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { daylioText, defaultDaylioMapping, moodLabelsIn, parseDaylio, parseDaylioTime, unmappedLabels, uuidFromText } from '../../src/core/transfer/daylio';
import type { CheckIn } from '../../src/core/schemas';
import { localTimeOfStamp } from '../../src/core/time';
import { ImportError, planImport } from '../../src/core/transfer/transfer';
import { ROOT } from './helpers';

const ZONE = 'America/New_York';
const SAMPLE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'daylio-sample.csv'), 'utf8');
const HEADER = 'full_date,date,weekday,time,mood,activities,note_title,note';

const checkIns = (csv: string, mapping = defaultDaylioMapping, zone = ZONE) => parseDaylio(csv, mapping, zone).ops.map((o) => o.row as CheckIn);
const byNote = (rows: CheckIn[], start: string) => rows.find((r) => r.note.startsWith(start))!;

describe('Daylio import', () => {
  it('previews the sample: entries, and rejected lines with reasons', () => {
    // 13 records on lines 2–15 (the 03-11 note spans lines 7–8). Rejected with the default mapping:
    //   line 10 "ok but sleepy" (a renamed mood, not mapped), line 11 2026-02-30, line 13 too few columns.
    // 13 − 3 = 10 entries.
    const { preview } = parseDaylio(SAMPLE, defaultDaylioMapping, ZONE);
    assert.strictEqual(preview.entries, 10);
    assert.strictEqual(preview.duplicates, 0);
    assert.deepStrictEqual(preview.rejected, [
      { line: 10, reason: 'mood "ok but sleepy" has no mapping' },
      { line: 11, reason: 'date "2026-02-30" is not a YYYY-MM-DD date' },
      { line: 13, reason: '7 columns, the header has 9' }
    ]);
    assert.deepStrictEqual(preview.tables, { checkins: 10 });
  });

  it('lists the mood labels so unknown ones can be asked about, and maps them case-insensitively', () => {
    assert.deepStrictEqual(moodLabelsIn(SAMPLE), ['good', 'meh', 'bad', 'awful', 'rad', 'ok but sleepy']);
    assert.deepStrictEqual(unmappedLabels(SAMPLE, defaultDaylioMapping), ['ok but sleepy']);
    const mapping = new Map([...defaultDaylioMapping, ['OK but sleepy', 6]]);
    assert.deepStrictEqual(unmappedLabels(SAMPLE, mapping), []);
    const result = parseDaylio(SAMPLE, mapping, ZONE);
    assert.strictEqual(result.preview.entries, 11);
    const moods = (result.ops.map((o) => o.row) as CheckIn[]).map((r) => [r.localDate, localTimeOfStamp(r), r.mood]);
    // rad 10, good 8, meh 5 ("Meh" too), bad 3, awful 1, ok but sleepy 6.
    assert.deepStrictEqual(moods, [
      ['2026-03-14', '21:05', 8],
      ['2026-03-14', '08:10', 5],
      ['2026-03-13', '23:45', 3],
      ['2026-03-12', '00:30', 1],
      ['2026-03-12', '12:15', 5],
      ['2026-03-11', '21:05', 10],
      ['2026-03-10', '07:00', 8],
      ['2026-03-09', '18:30', 6],
      ['2026-03-08', '03:00', 5],
      ['2026-03-06', '18:45', 3],
      ['2026-03-05', '09:00', 8]
    ]);
    assert.throws(() => parseDaylio(SAMPLE, new Map([['rad', 11]]), ZONE), /whole number from 1 to 10/);
  });

  it('stamps 12- and 24-hour times at the right instant in the given zone', () => {
    const rows = checkIns(SAMPLE);
    const at = (note: string) => {
      const r = byNote(rows, note);
      return [r.at, r.localDate, r.utcOffset];
    };
    // 9:05 pm EDT (UTC−4, after the 03-08 change) on 03-14 is 01:05 UTC on 03-15; the local date stays 03-14.
    assert.deepStrictEqual(at("Dinner at Mom's"), ['2026-03-15T01:05:00.000Z', '2026-03-14', -240]);
    // 12:30 am is half past midnight: 04:30 UTC the same day.
    assert.deepStrictEqual(at('Woke up at 12:30'), ['2026-03-12T04:30:00.000Z', '2026-03-12', -240]);
    // 24-hour 21:05 on 03-11 → 01:05 UTC on 03-12.
    assert.deepStrictEqual(at('Good one'), ['2026-03-12T01:05:00.000Z', '2026-03-11', -240]);
    // 06:45 PM EST (UTC−5, before the change) → 23:45 UTC.
    assert.deepStrictEqual(at('Note with bold'), ['2026-03-06T23:45:00.000Z', '2026-03-06', -300]);
    // 2:30 am on 03-08 does not exist in New York (clocks jump 02:00 → 03:00): the first instant after, 03:00 EDT.
    assert.deepStrictEqual(at('Clock change night'), ['2026-03-08T07:00:00.000Z', '2026-03-08', -240]);
    // The same file read in another zone gives other instants for the same wall-clock times.
    const berlin = checkIns(SAMPLE, defaultDaylioMapping, 'Europe/Berlin');
    assert.strictEqual(byNote(berlin, "Dinner at Mom's").at, '2026-03-14T20:05:00.000Z');
  });

  it('parses the time formats Daylio writes', () => {
    assert.deepStrictEqual(parseDaylioTime('9:05 pm'), [21, 5]);
    assert.deepStrictEqual(parseDaylioTime('09:05 PM'), [21, 5]);
    assert.deepStrictEqual(parseDaylioTime('12:00 am'), [0, 0]);
    assert.deepStrictEqual(parseDaylioTime('12:00 pm'), [12, 0]);
    assert.deepStrictEqual(parseDaylioTime('21:05'), [21, 5]);
    assert.deepStrictEqual(parseDaylioTime('7:00 a.m.'), [7, 0]);
    assert.deepStrictEqual(parseDaylioTime('00:15'), [0, 15]);
    for (const bad of ['13:00 pm', '24:00', '9:5 pm', '0:30 am', '', 'noon']) assert.strictEqual(parseDaylioTime(bad), undefined, bad);
  });

  it('keeps notes as plain text and activities as tags', () => {
    const rows = checkIns(SAMPLE);
    assert.strictEqual(byNote(rows, 'Rough day').note, 'Rough day\nBoss said "we need to talk".\nCouldn\'t focus after that.');
    assert.strictEqual(byNote(rows, 'Woke up').note, 'Woke up at 12:30, dizzy\nBrain zaps again');
    assert.strictEqual(byNote(rows, 'Good one').note, 'Good one\nLifted,\nthen pizza with Sam');
    assert.strictEqual(byNote(rows, 'Note with').note, 'Note with bold\nA, B, and "C"');
    assert.deepStrictEqual(byNote(rows, 'Rough day').tags, ['work', 'stressed']);
    const plain = rows.find((r) => r.localDate === '2026-03-14' && r.note === '')!;
    assert.deepStrictEqual(plain.tags, ['work', 'bad sleep'], 'extra spaces around " | " are trimmed');
    assert.deepStrictEqual(rows.find((r) => r.localDate === '2026-03-10')!.tags, []);
    assert.strictEqual(daylioText('<ul><li>one</li><li>two</li></ul>'), '- one\n- two');
    assert.strictEqual(daylioText('a &amp; b &lt;3'), 'a & b <3');
    assert.strictEqual(daylioText('I <3 this, a < b > c'), 'I <3 this, a < b > c', 'text that only looks like markup stays');
  });

  it('derives ids from the line, so a second import adds nothing', () => {
    const first = parseDaylio(SAMPLE, defaultDaylioMapping, ZONE);
    const second = parseDaylio(SAMPLE.replace(/\n/g, '\r\n'), defaultDaylioMapping, ZONE);
    assert.deepStrictEqual(
      second.ops.map((o) => o.row.id),
      first.ops.map((o) => o.row.id),
      'same ids, even with Windows line endings'
    );
    for (const op of first.ops) assert.match(op.row.id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.strictEqual(new Set(first.ops.map((o) => o.row.id)).size, first.ops.length);
    const journal = new Set<string>();
    const once = planImport(first, journal);
    assert.strictEqual(once.preview.entries, 10);
    for (const op of once.toWrite) journal.add(op.row.id);
    const twice = planImport(second, journal);
    assert.strictEqual(twice.toWrite.length, 0);
    assert.strictEqual(twice.preview.entries, 0);
    assert.strictEqual(twice.preview.duplicates, 10);
    assert.strictEqual(twice.preview.rejected.length, 3, 'rejected lines are still reported');
    assert.strictEqual(uuidFromText('daylio|x'), uuidFromText('daylio|x'));
    assert.notStrictEqual(uuidFromText('daylio|x'), uuidFromText('daylio|y'));
  });

  it('counts identical lines in one file once', () => {
    const line = '2026-03-01,1 March,Sunday,9:00 am,good,"","",""';
    const { preview } = parseDaylio([HEADER, line, line].join('\n'), defaultDaylioMapping, ZONE);
    assert.deepStrictEqual([preview.entries, preview.duplicates], [1, 1]);
  });

  it('accepts a scales column anywhere, a BOM and upper-case headers', () => {
    const csv = '\uFEFFSCALES,full_date,date,weekday,time,mood,activities,note_title,note\n"sleep: 3",2026-03-01,1 March,Sunday,21:00,good,"","",""\n';
    const [row] = checkIns(csv);
    assert.deepStrictEqual([row.localDate, localTimeOfStamp(row), row.mood], ['2026-03-01', '21:00', 8]);
  });

  it('throws for a file that is not a Daylio export, naming what is missing', () => {
    assert.throws(
      () => parseDaylio('date,mood\n2026-03-01,good\n', defaultDaylioMapping, ZONE),
      (e: unknown) => e instanceof ImportError && /missing columns full_date, weekday, time, activities, note_title, note/.test(e.message)
    );
    assert.throws(() => parseDaylio('', defaultDaylioMapping, ZONE), /the file is empty/);
    assert.throws(() => parseDaylio(SAMPLE, defaultDaylioMapping, 'Mars/Olympus'), /Unknown time zone "Mars\/Olympus"/);
    assert.throws(() => parseDaylio(`${HEADER}\n2026-03-01,x,y,9:00 am,good,"unterminated,,\n`, defaultDaylioMapping, ZONE), /Daylio export, line 2: Quoted field unterminated/);
  });
});
