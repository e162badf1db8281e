// VS Code titles a container's only view "<container>: <view>" unless the two are the same; at the
// side bar's default width "MOOD & DOSE JOURNAL: JOURNAL" was cut. One name shows whole.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

describe('The Journal view title', () => {
  it('is the container title, so VS Code shows one name and not "container: view"', () => {
    const manifest = read('package.json');
    const nls: Record<string, string> = read('package.nls.json');
    const name = (v: string) => nls[v.replace(/^%|%$/g, '')] ?? v;
    const [container] = manifest.contributes.viewsContainers.activitybar;
    const views: { name: string }[] = manifest.contributes.views[container.id];
    assert.strictEqual(views.length, 1);
    assert.strictEqual(name(views[0].name), name(container.title));
    // 11 px capitals at about 8 px a letter, beside three title-bar buttons, in a 300 px side bar.
    assert.ok(name(container.title).length <= 24, name(container.title));
  });
});
