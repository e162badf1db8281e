import * as assert from 'assert';
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { DEFAULT_RESOURCES, linkTarget, resourcesFrom, type Translate } from '../../src/core/safety';
import { linkOutOfWorkspace } from '../../src/services/dataFolder';
import { ROOT, tempDir } from './helpers';

describe('a repository cannot steer the extension', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: string | boolean; description?: string; restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, { scope?: string }> } };
  };

  it('lets only user settings set the support lines, the data folder and the supply reminder', () => {
    const props = manifest.contributes.configuration.properties;
    // "application" and "machine" settings are ignored in a workspace's .vscode/settings.json.
    assert.strictEqual(props['moodDose.support.resources'].scope, 'application');
    assert.strictEqual(props['moodDose.dataFolder'].scope, 'machine');
    assert.strictEqual(props['moodDose.supply.remindDays'].scope, 'application', 'a repository cannot quiet or stir the supply reminder');
  });

  it('declares what Restricted Mode limits, and why', () => {
    const u = manifest.capabilities.untrustedWorkspaces;
    assert.strictEqual(u.supported, 'limited');
    assert.deepStrictEqual(u.restrictedConfigurations, ['moodDose.dataFolder', 'moodDose.support.resources']);
    const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    assert.match(nls[u.description!.replace(/%/g, '')], /git is not run/);
  });

  it('shows where each support line leads, so a label cannot hide another number', () => {
    const english: Translate = (m, ...args) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[+i]));
    assert.deepStrictEqual(
      DEFAULT_RESOURCES.map((r) => linkTarget(r.link, english)),
      ['988', 'sms 838255', '911', 'findahelpline.com']
    );
    assert.strictEqual(linkTarget('tel:%2B1-900-555-0100', english), '+1-900-555-0100');
    assert.strictEqual(linkTarget('', english), '');
    // The word is the reader's language; the number is never translated.
    assert.strictEqual(linkTarget('sms:838255', (m, ...args) => m.replace('sms', 'SMS al').replace('{0}', String(args[0]))), 'SMS al 838255');
  });

  it('never shortens a support link: one over the limit is left off, and the words stay', () => {
    const long = `https://example.org/${'a'.repeat(2100)}`;
    const { resources } = resourcesFrom([{ name: 'Local line', contact: 'Call 0800 000', link: long }]);
    assert.deepStrictEqual(resources, [{ name: 'Local line', contact: 'Call 0800 000', link: '' }]);
  });
});

describe('the journal folder stays where the user put it', () => {
  let ws: string;
  let outside: string;
  beforeEach(async () => {
    const root = await tempDir();
    ws = path.join(root, 'repo');
    outside = path.join(root, 'elsewhere');
    await fs.mkdir(ws);
    await fs.mkdir(outside);
  });

  it('accepts a folder in the workspace, whether it exists yet or not', async () => {
    assert.strictEqual(await linkOutOfWorkspace(ws, path.join(ws, '.mood-journal')), undefined);
    await fs.mkdir(path.join(ws, '.mood-journal'));
    assert.strictEqual(await linkOutOfWorkspace(ws, path.join(ws, '.mood-journal')), undefined);
  });

  it('refuses a shipped link that leads out, as ../.., absolute, dangling or through a parent', async () => {
    await fs.symlink('../..', path.join(ws, '.mood-journal'));
    assert.strictEqual(await linkOutOfWorkspace(ws, path.join(ws, '.mood-journal')), path.dirname(path.dirname(ws)));
    await fs.symlink(outside, path.join(ws, 'abs'));
    assert.strictEqual(await linkOutOfWorkspace(ws, path.join(ws, 'abs')), outside);
    await fs.symlink(path.join(outside, 'not-yet'), path.join(ws, 'dangling'));
    assert.strictEqual(await linkOutOfWorkspace(ws, path.join(ws, 'dangling')), path.join(outside, 'not-yet'));
    await fs.symlink(outside, path.join(ws, 'data'));
    assert.strictEqual(await linkOutOfWorkspace(ws, path.join(ws, 'data', 'journal')), path.join(outside, 'journal'));
  });

  it('accepts a link that stays inside, a workspace opened through a link, and a folder the user chose outside', async () => {
    await fs.mkdir(path.join(ws, 'private'));
    await fs.symlink('private', path.join(ws, '.mood-journal'));
    assert.strictEqual(await linkOutOfWorkspace(ws, path.join(ws, '.mood-journal')), undefined);
    const alias = `${ws}-alias`;
    await fs.symlink(ws, alias);
    assert.strictEqual(await linkOutOfWorkspace(alias, path.join(alias, '.mood-journal')), undefined);
    // An absolute folder, or ../shared, in the user's own settings is theirs to choose.
    assert.strictEqual(await linkOutOfWorkspace(ws, outside), undefined);
    assert.strictEqual(await linkOutOfWorkspace(ws, path.resolve(ws, '../shared')), undefined);
  });
});
