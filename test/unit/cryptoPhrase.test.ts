import * as assert from 'assert';
import { wordlist } from '@scure/bip39/wordlists/english';
import { randomBytes } from '../../src/storage/crypto/bytes';
import { describePhraseProblem, type PhraseProblem } from '../../src/storage/crypto/errors';
import { checkPhrase, generatePhrase, phraseWords, pickCheckPositions, recoveryKey, wrongCheckWords, type PhraseCheck } from '../../src/storage/crypto/recoveryPhrase';

// BIP39's test vector for 32 zero bytes: 23 × "abandon" then "art".
const ZERO = `${'abandon '.repeat(23)}art`;

function problemOf(check: PhraseCheck): PhraseProblem {
  assert.ok(!check.ok, 'the phrase is refused');
  return check.problem;
}

describe('crypto: the recovery phrase', () => {
  it('generates 24 words from the English list, a different phrase each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const phrase = generatePhrase();
      const words = phrase.split(' ');
      assert.strictEqual(words.length, 24);
      for (const w of words) assert.ok(wordlist.includes(w), w);
      assert.ok(checkPhrase(phrase).ok);
      seen.add(phrase);
    }
    assert.strictEqual(seen.size, 50);
  });

  it('accepts a phrase typed with capitals, extra spaces, new lines, commas and numbering', () => {
    const phrase = generatePhrase();
    const words = phrase.split(' ');
    const messy = '  ' + words.map((w, i) => `${i + 1}. ${i % 3 ? w.toUpperCase() : w}`).join(' \n ') + '\n';
    const check = checkPhrase(messy);
    assert.deepStrictEqual(check, { ok: true, phrase });
    assert.deepStrictEqual(phraseWords('Abandon,\tABOUT;  zoo'), ['abandon', 'about', 'zoo']);
  });

  it('names the word that is not in the list, by its position, with the word it most likely is', () => {
    const words = ZERO.split(' ');
    words[6] = 'abandonned';
    const check = checkPhrase(words.join(' '));
    assert.deepStrictEqual(check, { ok: false, problem: { kind: 'unknown-word', position: 7, word: 'abandonned', suggestion: 'abandon' } });
    assert.strictEqual(describePhraseProblem(problemOf(check)), 'Word 7 ("abandonned") is not in the recovery word list; did you mean "abandon"?');
    words[6] = 'xyz';
    const noGuess = checkPhrase(words.join(' '));
    assert.ok(!noGuess.ok && noGuess.problem.kind === 'unknown-word' && noGuess.problem.suggestion === undefined);
    assert.match(describePhraseProblem(problemOf(noGuess)), /^Word 7 \("xyz"\) is not in the recovery word list\.$/);
  });

  it('says how many words there are when some are missing or extra', () => {
    const missing = checkPhrase(ZERO.split(' ').slice(0, 23).join(' '));
    assert.deepStrictEqual(missing, { ok: false, problem: { kind: 'word-count', count: 23, expected: 24 } });
    assert.strictEqual(describePhraseProblem(problemOf(missing)), 'The recovery phrase has 23 word(s); it should have 24.');
    assert.deepStrictEqual(checkPhrase(''), { ok: false, problem: { kind: 'word-count', count: 0, expected: 24 } });
  });

  it('catches a wrong word that is in the list by the checksum', () => {
    assert.ok(checkPhrase(ZERO).ok);
    const check = checkPhrase(`${'abandon '.repeat(23)}abandon`);
    assert.deepStrictEqual(check, { ok: false, problem: { kind: 'checksum' } });
    assert.match(describePhraseProblem(problemOf(check)), /a word is wrong or two are swapped/);
  });

  it('derives the same key from the phrase however it is typed, another key with another salt or phrase', () => {
    const salt = randomBytes(16);
    const phrase = generatePhrase();
    const key = recoveryKey(phrase, salt)!;
    assert.strictEqual(key.length, 32);
    assert.deepStrictEqual(recoveryKey(`  ${phrase.toUpperCase().split(' ').join('\n')} `, salt), key);
    assert.notDeepStrictEqual(recoveryKey(phrase, randomBytes(16)), key);
    assert.notDeepStrictEqual(recoveryKey(generatePhrase(), salt), key);
    assert.strictEqual(recoveryKey('not a phrase', salt), undefined);
  });

  it('picks three distinct positions between 1 and 24, each position in turn', () => {
    const hits = new Array<number>(25).fill(0);
    for (let i = 0; i < 500; i++) {
      const p = pickCheckPositions();
      assert.strictEqual(p.length, 3);
      assert.strictEqual(new Set(p).size, 3);
      assert.deepStrictEqual(p, [...p].sort((a, b) => a - b));
      for (const n of p) {
        assert.ok(n >= 1 && n <= 24);
        hits[n]++;
      }
    }
    assert.ok(hits.slice(1).every((h) => h > 0), 'every position is asked for sometimes');
  });

  it('checks the words typed back, ignoring case and spaces, and names the wrong ones', () => {
    const phrase = generatePhrase();
    const words = phrase.split(' ');
    assert.deepStrictEqual(wrongCheckWords(phrase, [2, 9, 24], [words[1], ` ${words[8].toUpperCase()} `, words[23]]), []);
    assert.deepStrictEqual(wrongCheckWords(phrase, [2, 9, 24], [words[1], words[9] === words[8] ? 'zzz' : words[9], '']), [9, 24]);
  });
});
