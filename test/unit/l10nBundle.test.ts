// The translation files keep up with the code: every message in code is in l10n/bundle.l10n.json
// (extracted again by `npm run l10n`, here into a temp folder), each translation keeps its English
// key's placeholders and codicons, and every manifest string has its Spanish form.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT } from './helpers';

const readJson = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
/** `{0}`, `{1}`… and `$(codicon)` tokens, sorted, as a translation must keep them. */
const tokens = (s: string) => [...s.matchAll(/\{\d+\}|\$\([a-z0-9-~]+\)/g)].map((m) => m[0]).sort();

describe('l10n bundles', function () {
  this.timeout(120_000);

  it('l10n/bundle.l10n.json holds exactly the messages in code (run `npm run l10n` after adding one)', async () => {
    const tool = (await import(pathToFileURL(path.join(ROOT, 'tools', 'l10n', 'extract.js')).href)) as { default: { extract(): Promise<Record<string, string>> } };
    const { extract } = tool.default;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'l10n-'));
    try {
      const inCode = await extract();
      fs.writeFileSync(path.join(out, 'bundle.l10n.json'), JSON.stringify(inCode));
      const shipped = readJson('l10n/bundle.l10n.json');
      const missing = Object.keys(inCode).filter((k) => !(k in shipped));
      const stale = Object.keys(shipped).filter((k) => !(k in inCode));
      assert.deepStrictEqual(missing, [], 'messages in code but not in l10n/bundle.l10n.json');
      assert.deepStrictEqual(stale, [], 'messages in l10n/bundle.l10n.json no longer in code');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('the Spanish bundle translates every message and keeps its placeholders and codicons', () => {
    const en = readJson('l10n/bundle.l10n.json');
    const es = readJson('l10n/bundle.l10n.es.json');
    assert.deepStrictEqual(Object.keys(en).filter((k) => !(k in es)), [], 'messages without a Spanish form');
    assert.deepStrictEqual(Object.keys(es).filter((k) => !(k in en)), [], 'Spanish forms of messages no longer in code');
    for (const [key, value] of Object.entries(es)) {
      assert.ok(value.trim() !== '', `empty translation of "${key}"`);
      assert.deepStrictEqual(tokens(value), tokens(key), `"${key}" → "${value}" keeps the same placeholders and codicons`);
    }
  });

  it('package.nls.es.json translates every manifest string and keeps its codicons and code spans', () => {
    const en = readJson('package.nls.json');
    const es = readJson('package.nls.es.json');
    assert.deepStrictEqual(Object.keys(en).filter((k) => !(k in es)), [], 'manifest strings without a Spanish form');
    assert.deepStrictEqual(Object.keys(es).filter((k) => !(k in en)), [], 'Spanish manifest strings with no English key');
    const code = (s: string) => [...s.matchAll(/`[^`]+`/g)].map((m) => m[0]).sort();
    for (const [key, value] of Object.entries(es)) {
      assert.deepStrictEqual(tokens(value), tokens(en[key]), `${key} keeps its placeholders and codicons`);
      // Setting names and values in `code` stay as they are: they are what the user types.
      for (const c of code(en[key]).filter((c) => /^`(moodDose\.|\[|HH|symptoms|scales|tags|note|\.)/.test(c))) assert.ok(value.includes(c), `${key} keeps ${c}`);
    }
  });
});
