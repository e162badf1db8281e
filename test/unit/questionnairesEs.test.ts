// The Spanish PHQ-9 is the official Spanish (USA) text, word for word: items, answers, the
// difficulty question and its answers, and the attribution, as the clinical reference gives them
// (shared/clinical-reference.md; its Spanish section is kept in test/fixtures/clinicalReferenceEs.md). The GAD-7 stays in English with a note.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ANSWERS, GAD7 } from '../../src/core/questionnaires';
import { GAD7_ENGLISH_NOTE, PHQ9_ES, questionnaireText } from '../../src/core/questionnaireText';
import { ROOT } from './helpers';

/**
 * The Spanish section of the clinical reference: the copy kept in test/fixtures (so a fresh clone
 * runs this), which must match shared/clinical-reference.md when that file is beside the repository.
 */
function reference(): string {
  const kept = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'clinicalReferenceEs.md'), 'utf8');
  for (let dir = ROOT; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, 'shared', 'clinical-reference.md');
    if (!fs.existsSync(file)) continue;
    const shared = fs.readFileSync(file, 'utf8');
    assert.ok(shared.includes(kept.slice(kept.indexOf('## Spanish (es)')).trimEnd()), 'test/fixtures/clinicalReferenceEs.md is the reference\'s Spanish section as it is now');
    break;
  }
  return kept;
}

/** The Spanish section, with wrapped lines joined as the text reads. */
function spanishSection(): string {
  const text = reference();
  const start = text.indexOf('## Spanish (es)');
  assert.ok(start >= 0, 'the reference has a Spanish section');
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end).replace(/\n {2,}/g, ' ');
}

describe('the Spanish PHQ-9 against the official text in the clinical reference', () => {
  const es = spanishSection();
  const quoted = (label: string) => {
    const m = new RegExp(`${label}[^"]*"([^"]+)"`).exec(es);
    assert.ok(m, `the reference gives the ${label}`);
    return m[1].replace(/\s+/g, ' ');
  };

  it('the stem, word for word', () => {
    assert.strictEqual(PHQ9_ES.stem, quoted('Stem:'));
  });

  it('the nine items, word for word and in order', () => {
    const items = [...es.matchAll(/^(\d)\. (.+)$/gm)].map((m) => [Number(m[1]), m[2].trim()] as const);
    assert.deepStrictEqual(items.map(([n]) => n), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepStrictEqual([...PHQ9_ES.items], items.map(([, text]) => text));
  });

  it('the answers and the difficulty question with its answers, word for word', () => {
    const scale = /Answers: 0 (.+?) · 1 (.+?) · 2 (.+?) · 3 (.+?)\n/.exec(es);
    assert.ok(scale, 'the answer scale');
    assert.deepStrictEqual([...PHQ9_ES.answers], scale.slice(1, 5));
    assert.strictEqual(PHQ9_ES.difficultyQuestion, quoted('Follow-up \\(not scored\\):'));
    const difficulty = /Answers: (No ha sido.+?)\.\n/.exec(es);
    assert.ok(difficulty, 'the difficulty answers');
    assert.deepStrictEqual([...PHQ9_ES.difficultyAnswers], difficulty[1].split(' · '));
  });

  it('the attribution in Spanish, word for word', () => {
    assert.strictEqual(PHQ9_ES.attribution, quoted('Attribution:'));
  });

  it('is what a Spanish display language gets (es, es-419, es-US); English otherwise', () => {
    for (const locale of ['es', 'es-419', 'es-US']) assert.strictEqual(questionnaireText('phq9', locale).items[8], PHQ9_ES.items[8], locale);
    assert.deepStrictEqual(questionnaireText('phq9', 'en').answers, ANSWERS);
    assert.deepStrictEqual(questionnaireText('phq9', 'fr').answers, ANSWERS, 'no Spanish text for another language');
  });

  it('keeps the GAD-7 in English under a Spanish interface, with a note saying why (its official Spanish text is not in the reference)', () => {
    assert.ok(!/GAD-7[\s\S]*\n1\. Sentirse/.test(es), 'the reference holds no Spanish GAD-7 items');
    const gad = questionnaireText('gad7', 'es');
    assert.deepStrictEqual(gad.items, GAD7.items);
    assert.strictEqual(gad.note, GAD7_ENGLISH_NOTE);
    assert.match(gad.note!, /inglés/);
    assert.strictEqual(questionnaireText('gad7', 'en').note, null);
  });
});
