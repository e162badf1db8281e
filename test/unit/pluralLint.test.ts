// Counted words go through plural(): no `n === 1 ? t('1 day') : t('{0} days', n)` shortcut (wrong
// where 0 or 21 takes the singular), no "change(s)", and no "{0} days"-type message outside a
// plural() call, in src/ or webview/. A few messages count a fixed limit (never 1); they are listed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

/** Messages whose count is a constant above 1, so they have one form only. */
const FIXED_COUNTS = new Set([
  // CHANGE_WITHIN (28 days) and MISSED_WITHIN (7 days): the summary's windows before a symptom began.
  'no dose change logged in the {0} days before',
  '{0} in the {1} days before',
  // The recovery phrase's length (24 words).
  'Write these {0} words on paper, in this order, and keep the paper somewhere safe, away from this computer. They are shown only now, while encryption is turned on.',
  // SUPPORT_LINES_MAX, TAGS_MAX and VIEW.draftSymptoms: limits named in a warning.
  'a list of at most {0} lines',
  'Use at most {0} tags.',
  'Choose at most {0} symptoms for one entry.',
  // Said only when an entry has more symptoms than the panel can show (VIEW.entrySymptoms, above 1).
  'This entry has {0} symptoms, more than the panel can show ({1}), so it cannot be edited here. It was left as it is.',
  // Its {0} and {1} are plural() phrases already; "days 0–{2}" names the window's fixed last day.
  '{0}, {1} over days 0–{2} after each change, shaded by the highest severity logged each day ({3}).'
]);

const NOUNS =
  'days|entries|lines|rows|copies|tablets|seconds|minutes|hours|events|problems|items|changes|weeks|months|symptoms|words|files|backups|answers|check-ins|steps|medications|periods|questions|duplicates|levels|markers|appointments';
/** A count followed by a plural noun, perhaps after one word: "{0} days", "{0} life events"; not a unit after an amount ("{0} {1} tablets": "10 mg tablets"). */
const COUNTED = new RegExp(`(?<!\\{\\d\\} )\\{\\d\\} (?:[\\w-]+ )?(?:${NOUNS})\\b`);
/** A translation call and its message: t('…'), s.t('…'), vscode.l10n.t('…'), msg('…'). */
const CALL = /(?<![\w$])(?:[\w$]+\.)*(?:t|msg)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
/** `x === 1 ? t('1 day')`: the singular chosen by hand. */
const SHORTCUT = /[!=]==\s*1\s*\?\s*(?:[\w$]+\.)*t\(\s*['"`][^'"`]*\b1 [a-z]/;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const sources = () => ['src', 'webview'].flatMap((d) => tsFiles(path.join(ROOT, d))).map((file) => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));

describe('plural forms: no counted word chosen by hand', () => {
  it('finds the patterns it looks for (a check of the check)', () => {
    assert.ok(SHORTCUT.test("return s === 1 ? vscode.l10n.t('1 second') : vscode.l10n.t('{0} seconds', s);"));
    assert.ok(SHORTCUT.test("n === 1 ? s.t('n = 1 day') : s.t('n = {0} days', n),"));
    assert.ok(!SHORTCUT.test("n === 1 ? t('mild') : t('none')"), 'a value of 1 with its own word is no count');
    assert.ok(COUNTED.test('{0} days with only a skipped dose') && COUNTED.test('Merged {0} copies of the journal') && COUNTED.test('{0} life events'));
    assert.ok(!COUNTED.test('day {0}') && !COUNTED.test('{0} of the oldest markers') && !COUNTED.test('{0} {1} tablets'));
    const [call] = "x ? vscode.l10n.t('{0} entries could not be saved', n) : ''".matchAll(CALL);
    assert.strictEqual(call[2], '{0} entries could not be saved');
  });

  it('no `=== 1 ? t(\'1 …\')` shortcut and no "(s)" in src/ or webview/', () => {
    const found: string[] = [];
    for (const { file, text } of sources()) {
      text.split('\n').forEach((line, i) => {
        if (SHORTCUT.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
      for (const m of text.matchAll(CALL)) if (/\w\(s\)/.test(m[2])) found.push(`${file}: "${m[2]}"`);
    }
    assert.deepStrictEqual(found, [], 'use plural(n, { one: t(…), other: t(…) })');
  });

  it('every "{0} days"-type message is a form of a plural() call, or counts a listed constant', () => {
    const found: string[] = [];
    for (const { file, text } of sources()) {
      for (const m of text.matchAll(CALL)) {
        const message = m[2];
        if (!COUNTED.test(message) || FIXED_COUNTS.has(message)) continue;
        // One form of a plural choice: plural(n, { one: …, other: HERE }), or the summary's plural(n, one, HERE).
        const before = text.slice(Math.max(0, m.index - 1000), m.index);
        const at = before.lastIndexOf('plural(');
        if (at >= 0 && !/;\s*\n/.test(before.slice(at))) continue;
        found.push(`${file}:${text.slice(0, m.index).split('\n').length}: "${message}"`);
      }
    }
    assert.deepStrictEqual(found, [], 'a message with a count needs plural(n, { one: t(…), other: t(…) }) (src/core/plural.ts)');
  });
});
