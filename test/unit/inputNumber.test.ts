// A number written back into an input reads in the display language and saves as it was: 2.125 is
// never turned into 2.13 by editing an entry and saving it unchanged.
import * as assert from 'assert';
import { formatMg, inputNumber, parseMg, setNumberLocale } from '../../src/core/entries';

describe('Numbers written back into inputs', () => {
  let before = 'en';
  beforeEach(() => (before = setNumberLocale('en')));
  afterEach(() => setNumberLocale(before));

  it('keeps every decimal parseMg reads, in English and in Spanish', () => {
    for (const [locale, expected] of [
      ['en', ['2.125', '7.5', '10', '0.25', '1234.5']],
      ['es', ['2,125', '7,5', '10', '0,25', '1234,5']]
    ] as const) {
      setNumberLocale(locale);
      const values = [2.125, 7.5, 10, 0.25, 1234.5];
      assert.deepStrictEqual(values.map(inputNumber), expected, `${locale}: no grouping, the language's decimal mark`);
      assert.deepStrictEqual(values.map((v) => parseMg(inputNumber(v))), values, `${locale}: saved again unchanged`);
    }
    assert.notStrictEqual(formatMg(2.125), '2.125', 'formatMg rounds to 2 decimals, so it is not for inputs');
  });

  it('writes a sum with a binary remainder as the number the user sees', () => {
    setNumberLocale('es');
    assert.strictEqual(inputNumber(0.1 + 0.2), '0,3');
    assert.strictEqual(parseMg(inputNumber(0.1 + 0.2)), 0.3);
  });
});
