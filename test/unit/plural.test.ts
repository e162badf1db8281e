// Words with a count take the form of their language's plural rules, at 0, 1 and 2: the rule itself,
// the summary's English words, the host's supply, appointment and check-in words.
import './vscodeStandIn';
import * as assert from 'assert';
import { plural } from '../../src/core/plural';
import { days as summaryDays, plural as summaryPlural, t as summaryT } from '../../src/core/summary/words';
import { supplyMention, supplyText } from '../../src/services/supplyWords';
import type { SupplyStatus } from '../../src/core/supply';

const day = (n: number, locale?: string) => plural(n, { one: `${n} day`, other: `${n} days` }, locale);

describe('Plural forms', () => {
  it('follows the language: English and Spanish say "0 days", "1 day", "2 days"; French "0 jour"', () => {
    assert.deepStrictEqual([0, 1, 2].map((n) => day(n)), ['0 days', '1 day', '2 days']);
    assert.deepStrictEqual([0, 1, 2].map((n) => day(n, 'es')), ['0 days', '1 day', '2 days']);
    assert.strictEqual(plural(0, { one: 'un', other: 'plusieurs' }, 'fr'), 'un', 'French puts 0 with 1');
    assert.strictEqual(plural(2, { one: 'one', two: 'two', other: 'other' }, 'ar'), 'two', 'a form of its own where the language has one');
    assert.strictEqual(plural(2, { one: 'one', other: 'other' }, 'ar'), 'other', 'a missing form falls back to "other"');
    assert.strictEqual(day(1, 'not a language!'), '1 day', 'a malformed tag reads as English');
  });

  it("writes the summary's counted words (Markdown, HTML and PDF) at 0, 1 and 2", () => {
    assert.deepStrictEqual([0, 1, 2].map((n) => summaryDays(n)), ['0 days', '1 day', '2 days']);
    assert.deepStrictEqual([0, 1, 2].map((n) => summaryPlural(n, summaryT('{0} period', n), summaryT('{0} periods', n))), ['0 periods', '1 period', '2 periods']);
  });

  it("words the supply's days left at 0, 1 and 2", () => {
    const status = (daysLeft: number): SupplyStatus => ({ medicationId: 'm', name: 'Escitalopram', unit: 'mg', tabletMg: 10, split: 'none', onHand: 3, belowZero: false, dose: { mg: 10, source: 'last' }, perDose: 1, daysLeft, wholePieces: true });
    assert.deepStrictEqual(
      [0, 1, 2].map((n) => supplyText(status(n))),
      ['about 0 days left at the current dose (10 mg)', 'about 1 day left at the current dose (10 mg)', 'about 2 days left at the current dose (10 mg)']
    );
    assert.deepStrictEqual(
      [0, 1, 2].map((n) => supplyMention(status(n), 10, false)),
      ['about 0 days of tablets left', 'about 1 day of tablets left', 'about 2 days of tablets left']
    );
  });
});
