import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

/** Every source file that ships in the extension: the host and the panel. */
function shippedSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.ts$/.test(entry.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(path.join(ROOT, 'webview'));
  return out;
}

describe('privacy', () => {
  const NETWORK = [
    /from ['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]/,
    /require\(['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]\)/,
    /\bfetch\s*\(/,
    /\bXMLHttpRequest\b/,
    /\bWebSocket\b/,
    /\bnavigator\.sendBeacon\b/,
    /\bEventSource\b/
  ];

  it('has no network code anywhere in the extension or the panel', () => {
    const offenders: string[] = [];
    for (const file of shippedSources()) {
      const text = fs.readFileSync(file, 'utf8');
      for (const re of NETWORK) if (re.test(text)) offenders.push(`${path.relative(ROOT, file)}: ${re}`);
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('keeps src/core free of vscode so the domain stays pure', () => {
    const core = shippedSources().filter((f) => f.includes(`${path.sep}src${path.sep}core${path.sep}`) || f.includes(`${path.sep}src${path.sep}storage${path.sep}`));
    const offenders = core.filter((f) => /from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(fs.readFileSync(f, 'utf8')));
    assert.deepStrictEqual(offenders.map((f) => path.relative(ROOT, f)), []);
  });

  it('keeps activate() short and free of database work', () => {
    const text = fs.readFileSync(path.join(ROOT, 'src', 'extension.ts'), 'utf8');
    assert.ok(text.split('\n').length <= 60, 'src/extension.ts has at most 60 lines');
    assert.doesNotMatch(text, /loadSqlJs|journal\.get\(|sql\.js/);
  });
});
