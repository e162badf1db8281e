// A date in a sentence is written in the language of the words around it, and is the same calendar
// day wherever the computer's clock is set.
import * as assert from 'assert';
import { formatDate } from '../../src/core/dates';

describe('Dates for a reader', () => {
  it('writes the date in the language: "Nov 8, 2026" in English, "8 nov 2026" in Spanish', () => {
    assert.strictEqual(formatDate('2026-11-08', 'en'), 'Nov 8, 2026');
    assert.strictEqual(formatDate('2026-11-08', 'en-US'), 'Nov 8, 2026');
    assert.strictEqual(formatDate('2026-11-08', 'es'), '8 nov 2026');
    assert.strictEqual(formatDate('2026-12-07', 'es-MX'), '7 dic 2026');
    assert.strictEqual(formatDate('2026-11-08', 'en', 'short'), 'Nov 8');
    assert.strictEqual(formatDate('2026-11-08', 'es', 'short'), '8 nov');
  });

  it('a recalled month reads as a month: "Mar 2025", "mar 2025"', () => {
    assert.strictEqual(formatDate('2025-03', 'en'), 'Mar 2025');
    assert.strictEqual(formatDate('2025-03', 'es'), 'mar 2025');
  });

  it('a malformed language reads as English; a value that is not a date comes back as it was', () => {
    assert.strictEqual(formatDate('2026-11-08', 'not a language!'), 'Nov 8, 2026');
    assert.strictEqual(formatDate('2026-11-08', ''), 'Nov 8, 2026');
    for (const odd of ['?', '', '2026-02-30', '2026-13-01', '2026-11-8', '08/11/2026']) assert.strictEqual(formatDate(odd, 'es'), odd);
  });

  it('is never a day off, in any time zone', () => {
    const before = process.env.TZ;
    const days = ['2026-01-01', '2026-03-08', '2026-03-29', '2026-11-01', '2026-12-31', '2024-02-29'];
    const expected = ['Jan 1, 2026', 'Mar 8, 2026', 'Mar 29, 2026', 'Nov 1, 2026', 'Dec 31, 2026', 'Feb 29, 2024'];
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'UTC']) {
        process.env.TZ = zone;
        if (zone !== 'UTC') assert.notStrictEqual(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), 0, `the clock is set to ${zone}`);
        assert.deepStrictEqual(days.map((d) => formatDate(d, 'en')), expected, zone);
        assert.strictEqual(formatDate('2026-12-31', 'es'), '31 dic 2026', zone);
        assert.strictEqual(formatDate('2026-01-01', 'es', 'short'), '1 ene', zone);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
