// The link rule of the data folder, at every path the extension writes: a link there (or the data
// folder itself as a link to the workspace root, to a folder git tracks, or outside) is refused
// with a message naming the link, where it leads and the fix, and nothing outside the data folder
// changes: the whole tree around it is compared before and after, contents and modes.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { buildCheckIn } from '../../src/core/entries';
import { prepareDataFolder } from '../../src/services/dataFolder';
import { writePrivateFile, makePrivateDir } from '../../src/services/privateFiles';
import { SymlinkError } from '../../src/storage/fileErrors';
import { JournalStore, LOCK_NAME, logName, SNAPSHOT_NAME, HASH_NAME, type StoreNotice } from '../../src/storage/journalStore';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { encodeChange } from '../../src/storage/opLog';
import { beforeRestorePath } from '../../src/storage/restore';
import { WriterLock } from '../../src/storage/writerLock';
import { fixedClock, sqlJs, tempDir } from './helpers';

const TODAY = '2026-05-04';
const NOW = Date.parse('2026-05-04T09:00:00Z');
/** The suffix Math.random gives a temp file's name while stubbed to 0.5: `<file>.tmp-<pid>-i`. */
const tmpOf = (file: string, kind = 'tmp') => `${file}.${kind}-${process.pid}-i`;

interface World {
  root: string;
  ws: string;
  /** The data folder as the settings name it: <ws>/.mood-journal. */
  dir: string;
  docs: string;
  outside: string;
  sql: SqlJsStatic;
  files: NodeFiles;
  notices: StoreNotice[];
  /** The user's date, for naming backups. */
  today: string;
}

/** A repository with a tracked docs/ folder, a folder outside it, and the data folder's path. */
async function world(sql: SqlJsStatic): Promise<World> {
  const root = await tempDir('mdj-links-');
  const ws = path.join(root, 'repo');
  const docs = path.join(ws, 'docs');
  const outside = path.join(root, 'elsewhere');
  await fs.mkdir(docs, { recursive: true });
  await fs.mkdir(outside);
  await fs.chmod(docs, 0o755);
  await fs.writeFile(path.join(ws, 'README.md'), '# A project\n');
  await fs.writeFile(path.join(docs, 'README.md'), '# The project docs\n');
  await fs.writeFile(path.join(outside, 'NOTES.md'), '# Notes\n');
  try {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: ws, stdio: 'ignore' });
    git('init', '-q');
    git('add', 'README.md', 'docs/README.md');
    git('commit', '-q', '-m', 'docs');
  } catch {
    // Without git, docs/ is still a folder holding the repository's files, which is what counts.
  }
  return { root, ws, dir: path.join(ws, '.mood-journal'), docs, outside, sql, files: new NodeFiles(), notices: [], today: TODAY };
}

/** Every entry under `root` except the data folder's own contents: kind, mode, bytes, link target. */
async function tree(root: string, dataFolder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await fs.readdir(dir)).sort()) {
      const p = path.join(dir, name);
      const s = await fs.lstat(p);
      const rel = path.relative(root, p);
      if (s.isSymbolicLink()) out[rel] = `link ${await fs.readlink(p)}`;
      else if (s.isDirectory()) {
        out[rel] = `dir ${(s.mode & 0o777).toString(8)}`;
        if (p !== dataFolder) await walk(p);
      } else out[rel] = `file ${(s.mode & 0o777).toString(8)} ${createHash('sha256').update(await fs.readFile(p)).digest('hex')}`;
    }
  };
  await walk(root);
  return out;
}

async function open(w: World, opts: { writer?: boolean } = {}): Promise<JournalStore> {
  await prepareDataFolder(w.files, w.dir, w.ws);
  const store = await JournalStore.open({ dir: w.dir, sql: w.sql, files: w.files, machine: 'desk', now: () => NOW, today: () => w.today, compactAfterMs: 3_600_000, ...opts });
  store.onNotice((n) => w.notices.push(n));
  return store;
}

/** A journal with one entry, compacted (so it has a snapshot, a fingerprint and backups). */
async function journal(w: World): Promise<JournalStore> {
  const store = await open(w);
  await store.write(buildCheckIn({ mood: 6, note: 'private entry' }, fixedClock('2026-05-04T08:00:00Z')).ops);
  await store.compact();
  return store;
}

/** Runs `fn` with Math.random fixed, so a temp file's name is known in advance. */
async function withKnownTempNames<T>(fn: () => Promise<T>): Promise<T> {
  const random = Math.random;
  Math.random = () => 0.5;
  try {
    return await fn();
  } finally {
    Math.random = random;
  }
}

/** What the user is told: the error a call rejects with, or the link notice the store raised. */
async function refusal(w: World, act: () => Promise<unknown>): Promise<SymlinkError | undefined> {
  let error: unknown;
  try {
    await act();
  } catch (e) {
    error = e;
  }
  if (error instanceof SymlinkError) return error;
  if (error) throw error;
  const told = w.notices.find((n) => n.kind === 'link');
  return told?.kind === 'link' ? new SymlinkError(told.file, told.target) : undefined;
}

interface Row {
  /** The path the extension writes, relative to the data folder ('' for the folder itself). */
  path: string;
  how: string;
  /** Puts the link in place (after any setup); returns the link's path and where it leads. */
  arrange(w: World): Promise<{ link: string; target: string; store?: JournalStore }>;
  /** What the extension does that would write there. */
  act(w: World, store: JournalStore | undefined): Promise<unknown>;
  reason?: SymlinkError['reason'];
}

/** Puts a link at `<data folder>/<rel>` to `target`, replacing nothing. */
async function linkAt(w: World, rel: string, target: string): Promise<{ link: string; target: string }> {
  const link = path.join(w.dir, rel);
  await fs.mkdir(path.dirname(link), { recursive: true });
  await fs.symlink(path.relative(path.dirname(link), target), link);
  return { link, target };
}

const readme = (w: World) => path.join(w.docs, 'README.md');

const ROWS: Row[] = [
  // The data folder itself.
  {
    path: '',
    how: 'the data folder is a link to the workspace root',
    arrange: async (w) => (await fs.symlink('.', w.dir), { link: w.dir, target: w.ws }),
    act: (w) => open(w),
    reason: 'workspace'
  },
  {
    path: '',
    how: 'the data folder is a link to a folder git tracks (docs/)',
    arrange: async (w) => (await fs.symlink('docs', w.dir), { link: w.dir, target: w.docs }),
    act: (w) => open(w),
    reason: 'foreign'
  },
  {
    path: '',
    how: 'the data folder is a link outside the workspace',
    arrange: async (w) => (await fs.symlink('../elsewhere', w.dir), { link: w.dir, target: w.outside }),
    act: (w) => open(w),
    reason: 'outside'
  },
  {
    path: '',
    how: 'the data folder is a link to a folder that does not exist yet',
    arrange: async (w) => (await fs.symlink('docs/new', w.dir), { link: w.dir, target: path.join(w.docs, 'new') }),
    act: (w) => open(w)
  },
  { path: '.gitignore', how: 'written when the folder is prepared', arrange: (w) => linkAt(w, '.gitignore', readme(w)), act: (w) => open(w) },
  // Refused when the journal opens.
  ...[SNAPSHOT_NAME, HASH_NAME, logName('desk'), LOCK_NAME, `${logName('desk')}.compacting-1-2`].map(
    (name): Row => ({ path: name, how: 'found when the journal opens', arrange: (w) => linkAt(w, name, readme(w)), act: (w) => open(w) })
  ),
  // Appearing while the journal is open.
  {
    path: logName('desk'),
    how: 'appended to by a check-in',
    arrange: async (w) => {
      const store = await journal(w);
      await fs.rm(path.join(w.dir, logName('desk')), { force: true });
      return { ...(await linkAt(w, logName('desk'), readme(w))), store };
    },
    act: (w, store) => store!.write(buildCheckIn({ mood: 2, note: 'private note' }, fixedClock('2026-05-04T09:00:00Z')).ops)
  },
  {
    path: `${logName('desk')}.compacting-<time>-<pid>`,
    how: 'renamed to by a compaction',
    arrange: async (w) => {
      const store = await journal(w);
      await store.write(buildCheckIn({ mood: 3 }, fixedClock('2026-05-04T08:30:00Z')).ops);
      return { ...(await linkAt(w, `${logName('desk')}.compacting-${NOW}-${process.pid}`, readme(w))), store };
    },
    act: (_w, store) => store!.compact()
  },
  {
    path: `${SNAPSHOT_NAME}.tmp-<pid>-<random>`,
    how: 'the temp file of a compaction',
    arrange: async (w) => {
      const store = await journal(w);
      return { ...(await linkAt(w, path.basename(tmpOf(SNAPSHOT_NAME)), readme(w))), store };
    },
    act: (_w, store) => withKnownTempNames(() => store!.compact())
  },
  {
    path: HASH_NAME,
    how: 'rewritten by a compaction',
    arrange: async (w) => {
      const store = await journal(w);
      await fs.rm(path.join(w.dir, HASH_NAME));
      return { ...(await linkAt(w, HASH_NAME, readme(w))), store };
    },
    act: (_w, store) => store!.compact()
  },
  {
    path: LOCK_NAME,
    how: 'rewritten by the heartbeat',
    arrange: async (w) => {
      const store = await journal(w);
      await fs.rm(path.join(w.dir, LOCK_NAME));
      return { ...(await linkAt(w, LOCK_NAME, readme(w))), store };
    },
    act: (_w, store) => store!.heartbeat()
  },
  {
    path: `${LOCK_NAME}.new-<pid>-<random>`,
    how: 'the lock candidate of a window taking the lock',
    arrange: async (w) => {
      // Another window holds the lock while this one opens; then it closes.
      const other = new WriterLock(w.files, path.join(w.dir, LOCK_NAME), { now: () => NOW, pid: process.pid, host: os.hostname() });
      await fs.mkdir(w.dir);
      assert.ok(await other.tryAcquire());
      const store = await open(w);
      assert.strictEqual(store.isWriter, false);
      await other.release();
      return { ...(await linkAt(w, path.basename(tmpOf(path.join(w.dir, LOCK_NAME), 'new')), readme(w))), store };
    },
    act: (_w, store) => withKnownTempNames(() => store!.heartbeat())
  },
  {
    path: 'backups/',
    how: 'the backups folder, at a compaction',
    arrange: async (w) => {
      const store = await journal(w);
      await fs.rm(path.join(w.dir, 'backups'), { recursive: true });
      return { ...(await linkAt(w, 'backups', w.docs)), store };
    },
    act: async (_w, store) => {
      await store!.write(buildCheckIn({ mood: 4 }, fixedClock('2026-05-04T08:40:00Z')).ops);
      await store!.compact();
    }
  },
  {
    path: `backups/daily-${TODAY}.0001.sqlite`,
    how: 'a backup written by the first compaction of the day',
    arrange: async (w) => ({ ...(await linkAt(w, `backups/daily-${TODAY}.0001.sqlite`, readme(w))), store: await open(w) }),
    act: async (_w, store) => {
      await store!.write(buildCheckIn({ mood: 4 }, fixedClock('2026-05-04T08:40:00Z')).ops);
      await store!.compact();
    }
  },
  {
    path: 'backups/daily-2026-05-05.0002.sqlite.tmp-<pid>-<random>',
    how: 'the temp file of the next day\'s backup',
    arrange: async (w) => {
      const store = await journal(w);
      return { ...(await linkAt(w, path.relative(w.dir, tmpOf(path.join(w.dir, 'backups', 'daily-2026-05-05.0002.sqlite'))), readme(w))), store };
    },
    act: async (w, store) => {
      w.today = '2026-05-05';
      await store!.write(buildCheckIn({ mood: 4 }, fixedClock('2026-05-05T08:40:00Z')).ops);
      await withKnownTempNames(() => store!.compact());
    }
  },
  {
    path: 'merged/',
    how: 'where a sync conflict copy is moved once merged',
    arrange: async (w) => {
      const store = await journal(w);
      await fs.writeFile(path.join(w.dir, 'journal.lap (1).oplog'), encodeChange(buildCheckIn({ mood: 5, note: 'from the laptop' }, fixedClock('2026-05-04T07:00:00Z')).ops));
      return { ...(await linkAt(w, 'merged', w.docs)), store };
    },
    act: (_w, store) => store!.refresh()
  },
  {
    path: `${SNAPSHOT_NAME}.before-restore-<time>`,
    how: 'the journal as it was, kept by a restore',
    arrange: async (w) => {
      const store = await journal(w);
      return { ...(await linkAt(w, path.basename(beforeRestorePath(path.join(w.dir, SNAPSHOT_NAME), NOW)), readme(w))), store };
    },
    act: async (_w, store) => store!.restoreFrom((await store!.latestBackup())!)
  },
  {
    path: `${SNAPSHOT_NAME}.corrupt-<time>`,
    how: 'the copy of a damaged snapshot',
    arrange: async (w) => {
      const store = await journal(w);
      await fs.writeFile(path.join(w.dir, SNAPSHOT_NAME), 'not a database, written by a sync tool');
      const stamp = new Date(NOW).toISOString().replace(/[:.]/g, '-');
      return { ...(await linkAt(w, `${SNAPSHOT_NAME}.corrupt-${stamp}`, readme(w))), store };
    },
    act: (_w, store) => store!.refresh()
  },
  // The summary and the exports that default to the data folder (services/privateFiles.ts).
  {
    path: 'summaries/',
    how: 'the summaries folder',
    arrange: (w) => linkAt(w, 'summaries', w.docs),
    act: (w) => makePrivateDir(path.join(w.dir, 'summaries'), true, w.dir)
  },
  {
    path: 'summaries/summary-….md',
    how: 'a summary, written exclusively',
    arrange: (w) => linkAt(w, 'summaries/summary-2026-04-01-to-2026-05-04.md', readme(w)),
    act: (w) => writePrivateFile(path.join(w.dir, 'summaries', 'summary-2026-04-01-to-2026-05-04.md'), new TextEncoder().encode('# Summary\nmood 2'), true, w.dir)
  },
  {
    path: 'summaries/summary-…-figure-a.svg',
    how: 'a figure of a summary',
    arrange: (w) => linkAt(w, 'summaries/summary-2026-04-01-to-2026-05-04-figure-a.svg', readme(w)),
    act: (w) => writePrivateFile(path.join(w.dir, 'summaries', 'summary-2026-04-01-to-2026-05-04-figure-a.svg'), new TextEncoder().encode('<svg/>'), true, w.dir)
  },
  {
    path: 'summaries/summary-….pdf',
    how: 'a PDF or HTML summary saved over an existing name',
    arrange: (w) => linkAt(w, 'summaries/summary-2026-04-01-to-2026-05-04.pdf', readme(w)),
    act: (w) => writePrivateFile(path.join(w.dir, 'summaries', 'summary-2026-04-01-to-2026-05-04.pdf'), new TextEncoder().encode('%PDF'), false, w.dir)
  }
];

describe('no link is followed in the data folder, at any path the extension writes', function () {
  before(function () {
    if (process.platform === 'win32') this.skip(); // symbolic links need privileges there
  });
  let sql: SqlJsStatic;
  before(async () => {
    sql = await sqlJs();
  });

  for (const row of ROWS) {
    it(`${row.path || 'the data folder itself'} (${row.how}): refused, naming the link and the fix; nothing outside the data folder changes`, async () => {
      const w = await world(sql);
      const { link, target, store } = await row.arrange(w);
      const before = await tree(w.root, w.dir);
      try {
        const refused = await refusal(w, () => row.act(w, store));
        assert.ok(refused, 'the extension said nothing');
        assert.strictEqual(refused.file, link, 'names the link');
        const real = await fs.realpath(target).catch(async () => path.join(await fs.realpath(path.dirname(target)), path.basename(target)));
        assert.strictEqual(refused.target, real, 'names where it leads');
        assert.strictEqual(refused.message, `${link} is a link to ${real}; the journal never follows a link in its folder. Remove the link, or choose a data folder in your user settings (moodDose.dataFolder).`);
        if (row.reason) assert.strictEqual(refused.reason, row.reason);
      } finally {
        await store?.close().catch(() => undefined);
      }
      assert.deepStrictEqual(await tree(w.root, w.dir), before, 'nothing outside the data folder changed');
      assert.ok((await fs.lstat(link)).isSymbolicLink(), 'the link itself is left for the user');
    });
  }

  it('lets the data folder be a link to a folder of its own inside the workspace, and a link still cannot appear below it', async () => {
    const w = await world(sql);
    await fs.mkdir(path.join(w.ws, 'private'));
    await fs.symlink('private', w.dir);
    const store = await journal(w);
    assert.ok((await fs.readdir(path.join(w.ws, 'private'))).includes(SNAPSHOT_NAME));
    await store.close();
    await fs.symlink('../docs', path.join(w.ws, 'private', 'summaries'));
    await assert.rejects(makePrivateDir(path.join(w.dir, 'summaries'), true, w.dir), SymlinkError);
    assert.strictEqual((await fs.stat(w.docs)).mode & 0o777, 0o755, 'docs/ keeps its mode');
  });
});
