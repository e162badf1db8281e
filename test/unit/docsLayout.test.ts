// The docs say what the tree and the manifest hold: the layout tables in README.md and
// docs/architecture.md list exactly the folders under src/ and webview/ (to the depth each table
// uses), and the README's commands and settings are exactly those package.json contributes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The folders in a doc's layout table, between <!-- layout --> and <!-- /layout -->, without the trailing slash. */
function layoutTable(doc: string): string[] {
  const text = read(doc);
  const start = text.indexOf('<!-- layout -->');
  const end = text.indexOf('<!-- /layout -->');
  assert.ok(start >= 0 && end > start, `${doc} has a layout table between <!-- layout --> and <!-- /layout -->`);
  const rows = text.slice(start, end).split('\n').filter((l) => l.startsWith('| `'));
  return rows.map((row) => {
    const folder = /^\| `([^`]+)`/.exec(row)![1];
    assert.ok(folder.endsWith('/'), `${doc}: "${folder}" is a folder, written with a trailing slash (the table lists folders, not files)`);
    return folder.slice(0, -1);
  });
}

/** Every folder under `root`, `depth` path segments deep at most (root itself is one segment). */
function foldersUnder(root: string, depth: number): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    if (rel.split('/').length > depth) return;
    if (rel !== root) out.push(rel);
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) if (e.isDirectory()) walk(`${rel}/${e.name}`);
  };
  walk(root);
  return out.sort();
}

for (const doc of ['README.md', 'docs/architecture.md']) {
  describe(`${doc}: the layout table matches the tree`, () => {
    const listed = layoutTable(doc);

    it('lists each folder once, and every folder listed exists', () => {
      assert.deepStrictEqual(listed.filter((f, i) => listed.indexOf(f) !== i), [], 'listed twice');
      const missing = listed.filter((f) => !fs.existsSync(path.join(ROOT, f)) || !fs.statSync(path.join(ROOT, f)).isDirectory());
      assert.deepStrictEqual(missing, [], `${doc} lists folders that are not in the tree`);
    });

    for (const root of ['src', 'webview']) {
      it(`lists every folder under ${root}/ to the depth it uses`, () => {
        const mine = listed.filter((f) => f === root || f.startsWith(`${root}/`));
        const depth = Math.max(...mine.map((f) => f.split('/').length));
        assert.ok(depth >= 2, `${doc} lists the folders under ${root}/`);
        const unlisted = foldersUnder(root, depth).filter((f) => !mine.includes(f));
        assert.deepStrictEqual(unlisted, [], `${doc} leaves out folders of ${root}/ (add a row for each)`);
      });
    }
  });
}

describe('README.md: commands and settings match package.json', () => {
  const manifest = JSON.parse(read('package.json')) as {
    contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, { scope?: string }> } };
  };
  const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const readme = read('README.md');

  /** The first cells of the table under a "## <heading>" section. */
  function firstCells(heading: string): string[] {
    const start = readme.indexOf(`\n## ${heading}\n`);
    assert.ok(start >= 0, `README.md has a "## ${heading}" section`);
    const next = readme.indexOf('\n## ', start + 1);
    const rows = readme.slice(start, next < 0 ? undefined : next).split('\n').filter((l) => l.startsWith('| '));
    return rows.slice(2).map((row) => row.split('|')[1].trim());
  }

  it('lists every contributed command, by its title, and no other', () => {
    const titles = manifest.contributes.commands.map((c) => nls[c.title.replace(/^%|%$/g, '')] ?? c.title);
    assert.deepStrictEqual([...firstCells('Commands')].sort(), [...titles].sort());
  });

  it('lists every setting, and no other, marking those a workspace cannot set', () => {
    const properties = manifest.contributes.configuration.properties;
    const rows = firstCells('Settings');
    assert.deepStrictEqual(rows.map((r) => r.replace(/`/g, '')).sort(), Object.keys(properties).sort());
    const settingsText = readme.slice(readme.indexOf('\n## Settings\n'));
    for (const [key, { scope }] of Object.entries(properties)) {
      const row = settingsText.split('\n').find((l) => l.startsWith(`| \`${key}\` `))!;
      const userOnly = scope === 'application' || scope === 'machine';
      assert.strictEqual(row.includes('**User settings only.**'), userOnly, `${key} (scope ${scope ?? 'window'})`);
    }
  });
});
