// The journal folder's .gitignore is exactly the one the extension writes, checked without git (so in
// Restricted Mode too); it is never written outside the journal's own folder; and git's "beyond a
// symbolic link" (exit 128) is a link problem, not "not a repository".
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { ensureGitignore, JOURNAL_GITIGNORE, prepareDataFolder, replaceGitignore } from '../../src/services/dataFolder';
import { gitCheckIgnore, gitCheckIgnoreReal } from '../../src/services/gitCheckIgnore';
import { findGit } from '../../src/services/gitExecutable';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { tempDir } from './helpers';

/** Runs `fn` with no PATH at all, as good as a machine without git. */
async function withoutGit<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = '';
  try {
    return await fn();
  } finally {
    process.env.PATH = saved;
  }
}

describe("the journal folder's .gitignore", () => {
  it('is created exactly as ours, and a repository\'s own ".mood-journal/.gitignore" with "!*" is named in a warning, with no git', async () => {
    const ws = await tempDir('mdj-ignore-');
    const dir = path.join(ws, '.mood-journal');
    const files = new NodeFiles();
    assert.deepStrictEqual(await withoutGit(() => prepareDataFolder(files, dir, ws)), { gitignore: { kind: 'created' } });
    assert.strictEqual(await fs.readFile(path.join(dir, '.gitignore'), 'utf8'), JOURNAL_GITIGNORE);
    assert.deepStrictEqual(await prepareDataFolder(files, dir, ws), { gitignore: { kind: 'ours' } }, 'ours, byte for byte: nothing to say');

    // A repository that ships its own.
    const shipped = await tempDir('mdj-shipped-');
    await fs.mkdir(path.join(shipped, '.mood-journal'));
    await fs.writeFile(path.join(shipped, '.mood-journal', '.gitignore'), '!*\n');
    const prepared = await withoutGit(() => prepareDataFolder(files, path.join(shipped, '.mood-journal'), shipped));
    assert.deepStrictEqual(prepared.gitignore, { kind: 'foreign', file: path.join(shipped, '.mood-journal', '.gitignore'), content: '!*\n' });
    assert.strictEqual(await fs.readFile(path.join(shipped, '.mood-journal', '.gitignore'), 'utf8'), '!*\n', 'left as it is until the user agrees');
    await replaceGitignore(files, path.join(shipped, '.mood-journal', '.gitignore'));
    assert.strictEqual(await fs.readFile(path.join(shipped, '.mood-journal', '.gitignore'), 'utf8'), JOURNAL_GITIGNORE);

    // Anything but ours is named: ours with a line added, or with Windows line ends.
    for (const content of [`${JOURNAL_GITIGNORE}!journal.sqlite\n`, JOURNAL_GITIGNORE.replace(/\n/g, '\r\n'), '']) {
      await fs.writeFile(path.join(dir, '.gitignore'), content);
      assert.strictEqual((await ensureGitignore(files, dir, ws)).kind, 'foreign', JSON.stringify(content));
    }
  });

  it('is never written at the workspace root, so git does not start ignoring the repository', async () => {
    const ws = await tempDir('mdj-root-');
    // A data folder of "." in the user's own settings: the journal folder is the workspace itself.
    assert.deepStrictEqual(await prepareDataFolder(new NodeFiles(), ws, ws), { gitignore: { kind: 'workspace' } });
    assert.deepStrictEqual(await fs.readdir(ws), []);
  });
});

describe('git and links', () => {
  const git = findGit({ pathEnv: process.env.PATH, platform: process.platform, untrusted: [] });

  it('answers "beyond a symbolic link" for a journal reached through a link, and is asked about the real place instead', async function () {
    if (!git || process.platform === 'win32') this.skip();
    const ws = await tempDir('mdj-git-');
    execFileSync(git!, ['init', '-q'], { cwd: ws });
    await fs.mkdir(path.join(ws, 'private'));
    await fs.symlink('private', path.join(ws, '.mood-journal'));
    const journal = path.join(ws, '.mood-journal', 'journal.sqlite');
    // git exits 128 both for "not a repository" and for a path through a link: told apart.
    assert.strictEqual(await gitCheckIgnore(git!, ws, journal), 'beyond-link');
    assert.strictEqual(await gitCheckIgnore(git!, await tempDir('mdj-no-repo-'), path.join(ws, 'x')), 'not-a-repository');
    assert.strictEqual(await gitCheckIgnoreReal(git!, ws, journal), 'not-ignored', 'no .gitignore yet');
    await prepareDataFolder(new NodeFiles(), path.join(ws, '.mood-journal'), ws);
    assert.strictEqual(await gitCheckIgnoreReal(git!, ws, journal), 'ignored', 'our .gitignore, written in private/, applies');
  });
});
