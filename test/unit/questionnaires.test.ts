import * as assert from 'assert';
import { bandOf, GAD7, isDue, PHQ9, phq2, score } from '../../src/core/questionnaires';
import { ALARMIST_WORDS, DEFAULT_RESOURCES, resourcesFrom, safetyTrigger, supportCopy } from '../../src/core/safety';

/** Answers that add up to `total` (filled from the first item, at most 3 each). */
function answersFor(n: number, total: number, lastItem = 0): number[] {
  const a = new Array<number>(n).fill(0);
  a[n - 1] = lastItem;
  let left = total - lastItem;
  for (let i = 0; i < n - 1 && left > 0; i++) {
    a[i] = Math.min(3, left);
    left -= a[i];
  }
  return a;
}

describe('questionnaire scoring', () => {
  const phqBoundaries: [number, string][] = [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately severe'],
    [19, 'moderately severe'],
    [20, 'severe'],
    [27, 'severe']
  ];
  for (const [total, band] of phqBoundaries) {
    it(`PHQ-9 total ${total} is "${band}"`, () => {
      const answers = answersFor(9, total, total === 27 ? 3 : 0);
      const s = score('phq9', answers);
      assert.strictEqual(s.total, total);
      assert.strictEqual(s.band, band);
    });
  }

  const gadBoundaries: [number, string][] = [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe']
  ];
  for (const [total, band] of gadBoundaries) {
    it(`GAD-7 total ${total} is "${band}"`, () => {
      const s = score('gad7', answersFor(7, total, total === 21 ? 3 : 0));
      assert.strictEqual(s.total, total);
      assert.strictEqual(s.band, band);
    });
  }

  it('flags PHQ-9 item 9 above 0 whatever the total, and only item 9', () => {
    for (const item9 of [1, 2, 3]) {
      const s = score('phq9', [0, 0, 0, 0, 0, 0, 0, 0, item9]);
      assert.strictEqual(s.safetyItem, true);
      assert.strictEqual(s.band, 'minimal', 'a minimal total still calls for the response');
      assert.strictEqual(safetyTrigger({ kind: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, item9] }), 'phq9-item9');
    }
    assert.strictEqual(score('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).safetyItem, false);
    assert.strictEqual(safetyTrigger({ kind: 'phq9', answers: [3, 3, 3, 3, 3, 3, 3, 3, 0] }), undefined);
    assert.strictEqual(score('gad7', [3, 3, 3, 3, 3, 3, 3]).safetyItem, false);
  });

  it('rejects answer lists of the wrong length or range', () => {
    assert.throws(() => score('phq9', [0, 0, 0]), /needs 9 answers/);
    assert.throws(() => score('gad7', [0, 0, 0, 0, 0, 0, 4]), /0, 1, 2 or 3/);
    assert.throws(() => bandOf('gad7', 22), /outside/);
  });

  it('keeps the reference wording and item counts', () => {
    assert.strictEqual(PHQ9.items.length, 9);
    assert.strictEqual(GAD7.items.length, 7);
    assert.strictEqual(PHQ9.items[8], 'Thoughts that you would be better off dead, or of hurting yourself in some way');
    assert.strictEqual(GAD7.stem, 'Over the last 2 weeks, how often have you been bothered by the following problems?');
  });

  it('scores PHQ-2 from the first two items (3 or more is a positive screen)', () => {
    assert.deepStrictEqual(phq2([1, 1, 0, 0, 0, 0, 0, 0, 0]), { total: 2, positive: false });
    assert.deepStrictEqual(phq2([2, 1, 0, 0, 0, 0, 0, 0, 0]), { total: 3, positive: true });
  });

  it('is due every 14 days by default, never daily', () => {
    assert.strictEqual(isDue(undefined, '2026-03-01'), true);
    assert.strictEqual(isDue('2026-03-01', '2026-03-02'), false);
    assert.strictEqual(isDue('2026-03-01', '2026-03-14'), false);
    assert.strictEqual(isDue('2026-03-01', '2026-03-15'), true);
    assert.strictEqual(isDue('2026-03-01', '2026-03-01', 0), false, 'never twice on one day, whatever the setting');
  });
});

describe('safety response', () => {
  it('triggers on a check-in at the scale minimum only', () => {
    assert.strictEqual(safetyTrigger({ kind: 'checkin', mood: 1 }), 'lowest-mood');
    assert.strictEqual(safetyTrigger({ kind: 'checkin', mood: 2 }), undefined);
  });

  // At most once a day: test/unit/supportCard.test.ts, through the service over a real journal.

  it('uses calm words: the card text contains none of the alarmist words', () => {
    const copy = supportCopy((m) => m);
    const text = [copy.title, copy.text, copy.needHelp, copy.dismiss, ...DEFAULT_RESOURCES.flatMap((r) => [r.name, r.contact])].join(' \n ').toLowerCase();
    for (const word of ALARMIST_WORDS) assert.ok(!text.includes(word.toLowerCase()), `"${word}" must not appear in the support card`);
    assert.match(copy.title, /You're not alone/);
  });

  it('has the reference defaults: 988, the Veterans Crisis Line, 911 and a directory for other countries', () => {
    const all = DEFAULT_RESOURCES.map((r) => `${r.name}: ${r.contact} ${r.link}`).join('\n');
    assert.match(all, /988 Suicide & Crisis Lifeline: Call or text 988/);
    assert.match(all, /Veterans Crisis Line: Dial 988 then press 1, or text 838255/);
    assert.match(all, /Call 911/);
    assert.match(all, /findahelpline\.com/);
  });

  it('takes resources from settings, keeping the defaults when the setting is empty or broken', () => {
    assert.deepStrictEqual(resourcesFrom([]).resources, [...DEFAULT_RESOURCES]);
    assert.deepStrictEqual(resourcesFrom('nope'), { resources: [...DEFAULT_RESOURCES], invalid: 1 });
    const uk = resourcesFrom([{ name: 'Samaritans', contact: 'Call 116 123', link: 'tel:116123' }, { name: 42 }, { name: 'X', contact: 'y', link: 'javascript:alert(1)' }]);
    assert.strictEqual(uk.invalid, 1);
    assert.deepStrictEqual(uk.resources[0], { name: 'Samaritans', contact: 'Call 116 123', link: 'tel:116123' });
    assert.strictEqual(uk.resources[1].link, '', 'only tel:, sms: and https: links are kept');
  });
});
