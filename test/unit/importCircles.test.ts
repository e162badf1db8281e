// No module of the extension or the panel may import itself back through others: a circle makes
// load order matter and keeps a part from being split into its own bundle. madge reads the import
// graph; `import type` counts as an edge (madge's default), because a type-only circle still ties
// the files together for a reader and for the next change that adds a value import.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './helpers';

interface MadgeResult {
  obj(): Record<string, string[]>;
  circular(): string[][];
  warnings(): { skipped: string[] };
}
// madge ships no type declarations; this is the part of its API used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const madge: (paths: string[], config: object) => Promise<MadgeResult> = require('madge');

function importGraph(baseDir: string, dirs: string[]): Promise<MadgeResult> {
  return madge(
    dirs.map((d) => path.join(baseDir, d)),
    { baseDir, fileExtensions: ['ts'], tsConfig: path.join(ROOT, 'tsconfig.json') }
  );
}

describe('import circles', () => {
  it('has none in src/ or webview/', async () => {
    const graph = await importGraph(ROOT, ['src', 'webview']);
    // A graph that read nothing would pass trivially: check it saw both entry points and their imports.
    const files = graph.obj();
    assert.ok(files['src/extension.ts']?.length > 0, 'madge read no imports of src/extension.ts');
    assert.ok(files['webview/sidebar/main.ts']?.length > 0, 'madge read no imports of webview/sidebar/main.ts');
    assert.deepStrictEqual(graph.warnings().skipped, [], 'imports madge could not resolve');
    const circles = graph.circular().map((c) => `${c.join(' -> ')} -> ${c[0]}`);
    assert.deepStrictEqual(circles, [], `import circles:\n  ${circles.join('\n  ')}`);
  });

  it('counts a circle made only of type imports', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-circles-'));
    try {
      fs.mkdirSync(path.join(dir, 'parts'));
      fs.writeFileSync(path.join(dir, 'whole.ts'), "import { part } from './parts/part';\nexport interface Strings { t(m: string): string }\nexport const whole = part;\n");
      fs.writeFileSync(path.join(dir, 'parts', 'part.ts'), "import type { Strings } from '../whole';\nexport const part = (s: Strings) => s.t('x');\n");
      const graph = await importGraph(dir, ['.']);
      assert.deepStrictEqual(graph.circular(), [['parts/part.ts', 'whole.ts']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
