import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { findGit } from '../../src/services/gitExecutable';
import { freshPath, makePrivateDir, writePrivateFile } from '../../src/services/privateFiles';
import { tempDir } from './helpers';

const mode = async (p: string) => (await fs.stat(p)).mode & 0o777;

describe('summaries and exports are private', function () {
  before(function () {
    if (process.platform === 'win32') this.skip(); // Windows has no POSIX modes
  });

  it('creates folders 0700 and files 0600 whatever the umask allows', async () => {
    const root = await tempDir();
    const old = process.umask(0o000); // the most permissive umask: modes must still be private
    try {
      const dir = path.join(root, 'summaries', 'nested');
      await makePrivateDir(dir);
      assert.strictEqual(await mode(dir), 0o700);
      assert.strictEqual(await mode(path.dirname(dir)), 0o700, 'a parent it created is private too');
      const file = path.join(dir, 'summary.md');
      await writePrivateFile(file, new TextEncoder().encode('# Summary\n'), true);
      assert.strictEqual(await mode(file), 0o600);
      assert.strictEqual(await fs.readFile(file, 'utf8'), '# Summary\n');
    } finally {
      process.umask(old);
    }
  });

  it('narrows an existing summaries folder and a file chosen for replacing, and never overwrites an exclusive file', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'summaries');
    await fs.mkdir(dir, { mode: 0o755 });
    await fs.chmod(dir, 0o755);
    await makePrivateDir(dir);
    assert.strictEqual(await mode(dir), 0o700);

    const chosen = path.join(root, 'export.json');
    await fs.writeFile(chosen, 'old', { mode: 0o644 });
    await fs.chmod(chosen, 0o644);
    await writePrivateFile(chosen, new TextEncoder().encode('new'), false);
    assert.strictEqual(await mode(chosen), 0o600);
    assert.strictEqual(await fs.readFile(chosen, 'utf8'), 'new');
    await assert.rejects(writePrivateFile(chosen, new TextEncoder().encode('again'), true), /EEXIST/);
    assert.strictEqual(await fs.readFile(chosen, 'utf8'), 'new');
  });

  it('leaves the mode of a folder the user chose alone', async () => {
    const root = await tempDir();
    await fs.chmod(root, 0o755);
    await makePrivateDir(root, false);
    assert.strictEqual(await mode(root), 0o755);
  });

  it('picks a name that does not exist yet', async () => {
    const dir = await tempDir();
    assert.strictEqual(await freshPath(dir, 'summary', 'md'), path.join(dir, 'summary.md'));
    await fs.writeFile(path.join(dir, 'summary.md'), '');
    await fs.symlink(path.join(dir, 'elsewhere'), path.join(dir, 'summary-2.md')); // a dangling link counts as taken
    assert.strictEqual(await freshPath(dir, 'summary', 'md'), path.join(dir, 'summary-3.md'));
  });
});

describe('git is run by absolute path, never from the workspace', () => {
  const exists = (files: string[]) => (f: string) => files.includes(f);
  const identity = (f: string) => f;

  it('skips empty, relative and workspace entries of PATH on Windows, and takes only git.exe', () => {
    const found = findGit({
      pathEnv: ';.;bin;C:\\repo\\tools;"C:\\Program Files\\Git\\cmd";C:\\Git\\cmd',
      platform: 'win32',
      untrusted: ['C:\\Repo'],
      isExecutable: exists(['C:\\repo\\tools\\git.exe', 'C:\\Program Files\\Git\\cmd\\git.cmd', 'C:\\Git\\cmd\\git.exe', '.\\git.exe', 'bin\\git.exe']),
      realpath: identity
    });
    assert.strictEqual(found, 'C:\\Git\\cmd\\git.exe');
  });

  it('skips a PATH entry that is a link into the workspace', () => {
    const found = findGit({
      pathEnv: '/home/u/bin:/usr/bin',
      platform: 'linux',
      untrusted: ['/home/u/repo'],
      isExecutable: exists(['/home/u/bin/git', '/usr/bin/git']),
      realpath: (f) => (f === '/home/u/bin/git' ? '/home/u/repo/git' : f)
    });
    assert.strictEqual(found, '/usr/bin/git');
  });

  it('finds nothing rather than something unsafe', () => {
    assert.strictEqual(findGit({ pathEnv: ':.:./node_modules/.bin', platform: 'linux', untrusted: [], isExecutable: () => true, realpath: identity }), undefined);
    assert.strictEqual(findGit({ pathEnv: undefined, platform: 'linux', untrusted: [], isExecutable: () => true, realpath: identity }), undefined);
  });

  it('finds the real git on this machine', function () {
    const found = findGit({ pathEnv: process.env.PATH, platform: process.platform, untrusted: [process.cwd()] });
    if (!found) this.skip(); // no git installed
    assert.ok(path.isAbsolute(found!));
  });
});
