// A Spanish user who imports a broken file reads why in Spanish: the reason names the file and the
// line ("línea"), says the fix, and keeps only the quoted technical tokens (columns, JSON keys) as
// they are. Numbers follow the language ("107,5 MB"), counts take their plural form.
import * as assert from 'assert';
import { defaultDaylioMapping, parseDaylio } from '../../src/core/transfer/daylio';
import { checkImportSize, decodeImportText, exportJson, importCsv, importJson, ImportError } from '../../src/core/transfer/transfer';
import { checkIn } from '../fixtures/transfer-rows';
import { findEnglish } from '../fixtures/findEnglish';
import { SPANISH } from '../fixtures/spanish';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const MB = 1024 * 1024;
const ZONE = 'America/New_York';

/** The ImportError `run` throws, said in Spanish. */
function spanishReason(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof ImportError, String(e));
    return e.describe(SPANISH);
  }
  assert.fail('no ImportError');
}

/** English words left once quoted tokens ("createdAt", "format") and the named `tokens` are taken out. */
function english(reason: string, tokens: string[] = []): string[] {
  let text = reason.replace(/"[^"]*"/g, ' ');
  for (const token of tokens) text = text.split(token).join(' ');
  return findEnglish(text);
}

describe('import errors in Spanish', () => {
  it('an empty Daylio file: names the file, in Spanish', () => {
    const reason = spanishReason(() => parseDaylio('', defaultDaylioMapping, ZONE, NOW, 'daylio.csv'));
    assert.strictEqual(reason, 'daylio.csv: el archivo está vacío');
  });

  it('a Daylio file missing columns: file, line and the columns, with the plural form', () => {
    const many = spanishReason(() => parseDaylio('full_date,date,mood\n2026-03-01,x,good\n', defaultDaylioMapping, ZONE, NOW, 'daylio.csv'));
    assert.strictEqual(many, 'daylio.csv, línea 1: no es una exportación de Daylio: faltan las columnas weekday, time, activities, note_title, note');
    assert.deepStrictEqual(english(many, ['weekday, time, activities, note_title, note']), []);
    const one = spanishReason(() => parseDaylio('full_date,date,weekday,time,mood,activities,note_title\n', defaultDaylioMapping, ZONE, NOW, 'daylio.csv'));
    assert.strictEqual(one, 'daylio.csv, línea 1: no es una exportación de Daylio: falta la columna note');
  });

  it('files too large: the files, Spanish decimals and the fix', () => {
    const reason = spanishReason(() => checkImportSize([{ file: 'a.csv', size: 60 * MB }, { file: 'b.csv', size: 47.5 * MB }]));
    assert.strictEqual(reason, 'a.csv, b.csv: los archivos elegidos ocupan 107,5 MB; una importación puede ocupar como máximo 100,0 MB. Elija menos archivos a la vez.');
    assert.deepStrictEqual(english(reason), []);
  });

  it('a file that is not UTF-8: the file and how to save it again', () => {
    const latin1 = new Uint8Array([0x6e, 0x6f, 0x74, 0x61, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9]);
    const reason = spanishReason(() => decodeImportText(latin1, '/home/u/notas.csv'));
    assert.ok(reason.startsWith('/home/u/notas.csv: el archivo no es texto UTF-8.'), reason);
    assert.deepStrictEqual(english(reason), []);
  });

  it('bad JSON: the file and the line', () => {
    const reason = spanishReason(() => importJson('{\n  "format": "mood-dose-journal",\n  "version": 2,\n  "tables": {\n    "checkins": [ {,} ]\n  }\n}\n', NOW, 'export.json'));
    assert.strictEqual(reason, 'export.json, línea 5: el archivo no es JSON válido');
  });

  it('a CSV without a column, and a row dated ahead: file, line, table and fix in Spanish', () => {
    const missing = spanishReason(() => importCsv({ 'notes.csv': 'id,text\r\n' }, NOW));
    assert.strictEqual(missing, 'notes.csv, línea 1: falta la columna "createdAt"');
    const ahead = { ...checkIn('ci-ahead-0001', '2026-03-01', 5), updatedAt: '2099-01-01T00:00:00.000Z' };
    const reason = spanishReason(() => importJson(exportJson({ checkins: [ahead] }, '2026-06-01T12:00:00.000Z'), NOW, 'export.json'));
    assert.match(reason, /^export\.json, línea \d+: tabla "checkins", fila ci-ahead-0001: updatedAt 2099-01-01T00:00:00\.000Z es más de un día posterior a este momento/);
    assert.deepStrictEqual(english(reason, ['updatedAt']), []);
  });

  it('lists rejected Daylio lines with Spanish reasons', () => {
    const csv = [
      'full_date,date,weekday,time,mood,activities,note_title,note',
      '2026-02-30,x,y,9:00 am,good,,,',
      '2026-03-01,x,y,9:00 am,so-so,,,',
      '2026-03-02,x,y,9:00 am,good',
      '2026-06-03,x,y,9:00 am,good,,,',
      '2026-03-04,x,y,9:00 am,good,,,'
    ].join('\n');
    const { preview } = parseDaylio(csv, defaultDaylioMapping, ZONE, NOW, 'daylio.csv', SPANISH);
    assert.deepStrictEqual(
      preview.rejected.map((r) => [r.line, r.reason.replace(/ \(.*/, '')]),
      [
        [2, 'la fecha "2026-02-30" no es una fecha AAAA-MM-DD'],
        [3, 'el ánimo "so-so" no tiene un valor de 1 a 10 asignado'],
        [4, '5 columnas, el encabezado tiene 8'],
        [5, 'fecha 2026-06-03 9:00 am es más de un día posterior a este momento']
      ]
    );
    for (const r of preview.rejected) assert.deepStrictEqual(english(r.reason), [], r.reason);
    assert.strictEqual(preview.entries, 1);
  });

  it('counts cells with their plural form, in English too ("1 cell")', () => {
    const text = 'id,createdAt,updatedAt,deletedAt,at,localDate,utcOffset,text\r\nonly-one\r\n';
    assert.throws(() => importCsv({ 'notes.csv': text }, NOW), /^ImportError: notes\.csv, line 2: 1 cell, the header has 8$/);
    assert.strictEqual(spanishReason(() => importCsv({ 'notes.csv': text }, NOW)), 'notes.csv, línea 2: 1 celda, el encabezado tiene 8');
  });
  it("a row that breaks a rule: zod's own Spanish words for the rule, and what the field held only as its type", () => {
    const big = { ...checkIn('ci-mood-0001', '2026-03-01', 5), mood: 11 };
    const tooBig = spanishReason(() => importJson(exportJson({ checkins: [big] }, '2026-06-01T12:00:00.000Z'), NOW, 'export.json'));
    assert.match(tooBig, /^export\.json, línea \d+: tabla "checkins", fila ci-mood-0001: mood: Demasiado grande: se esperaba que número fuera <=10$/);
    const text = { ...checkIn('ci-mood-0002', '2026-03-01', 5), mood: 'seis' as unknown as number };
    const wrongType = spanishReason(() => importJson(exportJson({ checkins: [text] }, '2026-06-01T12:00:00.000Z'), NOW, 'export.json'));
    assert.match(wrongType, /mood: Entrada inválida: se esperaba número, recibido texto$/);
    assert.ok(!wrongType.includes('seis'), 'the value itself is never repeated');
    // The field is named as the file names it (a JSON key), like a CSV's columns.
    assert.deepStrictEqual(english(wrongType.replace(/tabla .*?: /, ''), ['mood:']), []);
  });
});
