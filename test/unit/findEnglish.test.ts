import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findEnglish } from '../fixtures/findEnglish';

// The detector the Spanish integration suite uses on everything VS Code shows of the extension.
describe('The English-word detector of the Spanish suite', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const es = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;

  // The inbox file's keywords stay English in every language (README, "In Spanish"); these lines of
  // the inbox file's header name them.
  const INBOX_KEYWORDS = ['dose in {0} (or d10)', 'dose skipped, dose changed 7.5', 'mood 1–10 (or m6)', 'note: … and event: … end a line', 'with a mood: symptoms 0–3'];

  it('finds nothing in any Spanish message of the bundle (no false alarm)', () => {
    for (const k of INBOX_KEYWORDS) assert.ok(k in es, `"${k}" is still a message`);
    const tripped = Object.entries(es)
      .filter(([en, m]) => !INBOX_KEYWORDS.includes(en) && findEnglish(m).length > 0)
      .map(([, m]) => m);
    assert.deepStrictEqual(tripped.slice(0, 10), [], `${tripped.length} Spanish messages read as English`);
  });

  it('finds nothing in the Spanish manifest (commands, settings, walkthrough)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.es.json'), 'utf8')) as Record<string, string>;
    const tripped = Object.entries(manifest).filter(([, m]) => findEnglish(m).length > 0);
    assert.deepStrictEqual(tripped, []);
  });

  it('the walkthrough has its side pages in Spanish, and each exists in both languages', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: { media: { markdown: string } }[] }[] } };
    const nls = (lang: string) => JSON.parse(fs.readFileSync(path.join(root, `package.nls${lang}.json`), 'utf8')) as Record<string, string>;
    const [en, esNls] = [nls(''), nls('.es')];
    const steps = pkg.contributes.walkthroughs.flatMap((w) => w.steps);
    assert.ok(steps.length >= 5);
    for (const step of steps) {
      const key = /^%(.+)%$/.exec(step.media.markdown)?.[1];
      assert.ok(key, `${step.media.markdown} is a localised path`);
      assert.ok(fs.existsSync(path.join(root, en[key])), en[key]);
      assert.notStrictEqual(esNls[key], en[key], `${key} has a Spanish page`);
      const page = fs.readFileSync(path.join(root, esNls[key]), 'utf8');
      assert.deepStrictEqual(findEnglish(page), [], `${esNls[key]} reads as Spanish`);
    }
  });

  it('finds English in nearly every English message that has words of its own', () => {
    const english = Object.keys(es).filter((m) => m !== es[m] && m.split(/\s+/).length >= 4);
    const missed = english.filter((m) => findEnglish(m).length === 0);
    assert.ok(missed.length / english.length < 0.05, `${missed.length} of ${english.length} English messages go unnoticed, e.g. ${missed.slice(0, 5).join(' | ')}`);
  });

  it('names the English words it finds, and skips addresses, codicons and placeholders', () => {
    assert.deepStrictEqual(findEnglish('Guardado: ánimo 7 · 10 mg tomada · Undo'), ['undo']);
    assert.deepStrictEqual(findEnglish('$(heart) Registrar {0} · findahelpline.com · https://example.org/the/dose'), []);
  });
});
