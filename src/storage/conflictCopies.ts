// Copies of the journal that sync tools make when two machines changed the same file while apart:
// the snapshot or a log renamed in each tool's own way. Their rows are merged by id (newest stamp
// wins, tombstones kept), recorded in this machine's log, and the copies moved to merged/, kept.
// Naming per tool, with sources, is in the README ("Sync tools and several machines").
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import type { Op } from '../core/schemas';
import { isLaterEpoch, readEpoch, type Epoch } from './epoch';
import type { JournalFiles } from './files';
import { migrate } from './migrations';
import { decodeLog } from './opLog';
import { openSnapshot } from './snapshotCheck';
import { readAllOps } from './tables';

export const MERGED_DIR = 'merged';

export type SyncTool = 'syncthing' | 'dropbox' | 'nextcloud' | 'owncloud' | 'localized' | 'google-drive' | 'icloud' | 'onedrive';

/**
 * How each tool renames the losing copy of `<stem><ext>`, matched on `<stem><decoration>`; the first
 * group is the original stem. Most specific first: OneDrive's "-<computer name>" would match others.
 */
const DECORATIONS: readonly [SyncTool, RegExp][] = [
  ['syncthing', /^(.+)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?$/],
  ['dropbox', /^(.+) \((?:[^()]*['’]s )?conflicted copy \d{4}-\d{2}-\d{2}(?: \(\d+\))?\)$/],
  ['nextcloud', /^(.+) \(conflicted copy (?:[^()]* )?\d{4}-\d{2}-\d{2} \d{6}\)$/],
  ['owncloud', /^(.+)_conflict-\d{8}-\d{6}$/],
  // Dropbox and the Nextcloud/ownCloud clients translate "conflicted copy"; the date stays.
  ['localized', /^(.+) \([^()]*\d{4}-\d{2}-\d{2}[^()]*\)$/],
  ['google-drive', /^(.+) \(\d+\)$/],
  ['icloud', /^(.+) \d+$/],
  ['onedrive', /^([^-]+)-[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/]
];

const SNAPSHOT_STEM = /^journal$/;
const LOG_STEM = /^journal\.[a-z0-9]{1,32}$/;

export interface ConflictCopy {
  name: string;
  path: string;
  kind: 'snapshot' | 'log';
  tool: SyncTool;
}

/** Which tool made `name` as a copy of the snapshot or of a log, if it is one. */
export function conflictCopyOf(name: string): { kind: 'snapshot' | 'log'; tool: SyncTool; of: string } | undefined {
  const ext = name.endsWith('.sqlite') ? '.sqlite' : name.endsWith('.oplog') ? '.oplog' : undefined;
  if (!ext) return undefined;
  const stem = ext === '.sqlite' ? SNAPSHOT_STEM : LOG_STEM;
  const decorated = name.slice(0, -ext.length);
  if (stem.test(decorated)) return undefined; // the file itself, not a copy
  for (const [tool, re] of DECORATIONS) {
    const original = re.exec(decorated)?.[1];
    if (original && stem.test(original)) return { kind: ext === '.sqlite' ? 'snapshot' : 'log', tool, of: `${original}${ext}` };
  }
  return undefined;
}

/** What the journal gives the merge: which ops would change it, and a durable way to apply them. */
export interface MergeTarget {
  /** The valid ops among `changes` that would change this journal, in order. Changes nothing. */
  winners(changes: Op[][]): Op[];
  /** Appends the ops to this machine's log (fsync'd), then applies them. */
  record(ops: Op[]): Promise<void>;
}

export interface MergeOutcome {
  /** Copies merged and moved to merged/ in this pass. */
  moved: number;
  /** The latest epoch found in a snapshot copy (a restore made on a machine whose copy lost the name). */
  epoch: Epoch | undefined;
}

export class ConflictCopies {
  /** Copies that could not be read, by name → identity, so they are retried only once they change. */
  private readonly unreadable = new Map<string, string>();
  readonly mergedDir: string;

  constructor(
    private readonly files: JournalFiles,
    private readonly dir: string,
    private readonly sql: SqlJsStatic,
    private readonly log: (message: string) => void
  ) {
    this.mergedDir = path.join(dir, MERGED_DIR);
  }

  async find(): Promise<ConflictCopy[]> {
    const out: ConflictCopy[] = [];
    for (const name of await this.files.list(this.dir)) {
      const copy = conflictCopyOf(name);
      if (copy) out.push({ name, path: path.join(this.dir, name), kind: copy.kind, tool: copy.tool });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Merges every readable copy into `target`, then moves it to merged/. */
  async merge(target: MergeTarget): Promise<MergeOutcome> {
    const outcome: MergeOutcome = { moved: 0, epoch: undefined };
    for (const copy of await this.find()) {
      const id = await this.files.identity(copy.path);
      const idKey = id ? `${id.ino}:${id.size}:${id.mtimeMs}` : '';
      if (!id || this.unreadable.get(copy.name) === idKey) continue;
      const read = await this.read(copy);
      if (!read) {
        this.unreadable.set(copy.name, idKey);
        this.log(`The sync conflict copy ${copy.name} (${copy.tool}) could not be read and was left in place.`);
        continue;
      }
      const winners = target.winners(read.changes);
      if (winners.length > 0) await target.record(winners);
      if (isLaterEpoch(read.epoch, outcome.epoch)) outcome.epoch = read.epoch;
      if (await this.moveAside(copy)) outcome.moved++;
      this.log(`Merged the sync conflict copy ${copy.name} (${copy.tool}): ${winners.length} row(s) newer than the journal's.`);
    }
    return outcome;
  }

  private async read(copy: ConflictCopy): Promise<{ changes: Op[][]; epoch?: Epoch } | undefined> {
    const bytes = await this.files.read(copy.path);
    if (!bytes) return undefined;
    if (copy.kind === 'log') return { changes: decodeLog(bytes).changes };
    const check = openSnapshot(this.sql, bytes);
    if (!check.ok) return undefined;
    try {
      migrate(check.db);
      return { changes: readAllOps(check.db), epoch: readEpoch(check.db) };
    } finally {
      check.db.close();
    }
  }

  /** Moves a merged copy into merged/, never over another file. False if it is already gone. */
  private async moveAside(copy: ConflictCopy): Promise<boolean> {
    await this.files.mkdirp(this.mergedDir);
    const taken = new Set(await this.files.list(this.mergedDir));
    let target = copy.name;
    for (let n = 2; taken.has(target); n++) target = `${copy.name}.${n}`;
    try {
      await this.files.rename(copy.path, path.join(this.mergedDir, target));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false; // another window moved it first
      throw e;
    }
  }
}
