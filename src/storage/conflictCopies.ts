// Copies of the journal that sync tools make when two machines changed the same file while apart:
// the snapshot or a log renamed in each tool's own way. Their rows are merged by id (newest stamp
// wins, tombstones kept), recorded in this machine's log, and the copies moved to merged/, kept.
// Copies of the fingerprint are removed (backups settle their own copies, see backups.ts).
// In an encrypted journal a copy that holds plaintext (it left a machine before encryption was on)
// is sealed into merged/ as a 'conflict-copy' and the plaintext removed; a sealed one is moved as is.
// Naming per tool, with sources, is in docs/architecture.md ("Sync tools and conflict copies").
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import type { Op } from '../core/schemas';
import { isLaterEpoch, readEpoch, type Epoch } from './epoch';
import { isDiskFull, SymlinkError } from './fileErrors';
import type { JournalFiles } from './files';
import { migrate } from './migrations';
import type { Sealing } from './sealing';
import { readAllOps } from './tables';
import { verifySameBytes } from './verify';

export const MERGED_DIR = 'merged';

export type SyncTool = 'syncthing' | 'dropbox' | 'nextcloud' | 'owncloud' | 'localized' | 'google-drive' | 'icloud' | 'onedrive';

/**
 * How each tool renames the losing copy of `<stem><ext>`: the pattern of `<stem><decoration>`, with
 * the stem's own pattern in place of `STEM`. Most specific first: OneDrive's "-<computer name>"
 * would match others.
 */
const DECORATIONS: readonly [SyncTool, string][] = [
  ['syncthing', 'STEM\\.sync-conflict-\\d{8}-\\d{6}(?:-[A-Z0-9]{7})?'],
  ['dropbox', "STEM \\((?:[^()]*['’]s )?conflicted copy \\d{4}-\\d{2}-\\d{2}(?: \\(\\d+\\))?\\)"],
  ['nextcloud', 'STEM \\(conflicted copy (?:[^()]* )?\\d{4}-\\d{2}-\\d{2} \\d{6}\\)'],
  ['owncloud', 'STEM_conflict-\\d{8}-\\d{6}'],
  // Dropbox and the Nextcloud/ownCloud clients translate "conflicted copy"; the date stays.
  ['localized', 'STEM \\([^()]*\\d{4}-\\d{2}-\\d{2}[^()]*\\)'],
  ['google-drive', 'STEM \\(\\d+\\)'],
  ['icloud', 'STEM \\d+'],
  ['onedrive', 'STEM-[A-Za-z0-9][A-Za-z0-9_-]{0,62}']
];

/** The copy namings of one kind of file: its stem's pattern and its extension. */
export class CopyNames {
  private readonly exact: RegExp;
  private readonly patterns: [SyncTool, RegExp][];

  constructor(
    stem: string,
    private readonly ext: string
  ) {
    this.exact = new RegExp(`^${stem}$`);
    this.patterns = DECORATIONS.map(([tool, p]) => [tool, new RegExp(`^${p.replace('STEM', `(${stem})`)}$`)]);
  }

  /** The tool and the original name when `name` is a tool's copy of a file of this kind. */
  of(name: string): { tool: SyncTool; of: string } | undefined {
    if (!name.endsWith(this.ext)) return undefined;
    const decorated = name.slice(0, -this.ext.length);
    if (this.exact.test(decorated)) return undefined; // the file itself, not a copy
    for (const [tool, re] of this.patterns) {
      const original = re.exec(decorated)?.[1];
      if (original) return { tool, of: `${original}${this.ext}` };
    }
    return undefined;
  }
}

const SNAPSHOT_COPIES = new CopyNames('journal', '.sqlite');
const LOG_COPIES = new CopyNames('journal\\.[a-z0-9]{1,32}', '.oplog');
/** journal.sqlite.sha256, the fingerprint: a copy of it is of no use and is removed. */
const FINGERPRINT_COPIES = new CopyNames('journal\\.sqlite', '.sha256');

/** Which tool made `name` as a copy of the snapshot's fingerprint, if it is one. */
export function fingerprintCopyOf(name: string): { tool: SyncTool; of: string } | undefined {
  return FINGERPRINT_COPIES.of(name);
}

export interface ConflictCopy {
  name: string;
  path: string;
  kind: 'snapshot' | 'log';
  /** 'plaintext': another machine's log in plaintext, merged into an encrypted journal (diskSync.ts). */
  tool: SyncTool | 'plaintext';
}

/** Which tool made `name` as a copy of the snapshot or of a log, if it is one. */
export function conflictCopyOf(name: string): { kind: 'snapshot' | 'log'; tool: SyncTool; of: string } | undefined {
  const snapshot = SNAPSHOT_COPIES.of(name);
  if (snapshot) return { kind: 'snapshot', ...snapshot };
  const log = LOG_COPIES.of(name);
  return log && { kind: 'log', ...log };
}

/** What the journal gives the merge: which ops would change it, and a durable way to apply them. */
export interface MergeTarget {
  /**
   * The valid ops among `changes` that would change this journal, in order; with `orHeld`, also
   * those it already holds exactly (rows shown but not yet recorded). Changes nothing.
   */
  winners(changes: Op[][], orHeld: boolean): Op[];
  /** Appends the ops to this machine's log (fsync'd), then applies them. */
  record(ops: Op[]): Promise<void>;
  /** Applies the ops in memory only: the disk is full, and they are recorded on a later pass. */
  show(ops: Op[]): void;
}

export interface MergeOutcome {
  /** Copies merged and moved to merged/ in this pass. */
  moved: number;
  /** The latest epoch found in a snapshot copy (a restore made on a machine whose copy lost the name). */
  epoch: Epoch | undefined;
  /** The disk was full: some copies are shown but stay in place until their rows can be recorded. */
  diskFull?: unknown;
  /** merged/ (or a name in it) is a link: the copies stay in place. */
  link?: SymlinkError;
  /** Copies of the fingerprint removed in this pass. */
  cleared: number;
}

export class ConflictCopies {
  /** Copies that could not be read, by name → identity, so they are retried only once they change. */
  private readonly unreadable = new Map<string, string>();
  /** Copies whose rows are shown but not yet in this machine's log (the disk was full), by name → identity. */
  private readonly shownOnly = new Map<string, string>();
  readonly mergedDir: string;

  constructor(
    private readonly files: JournalFiles,
    private readonly dir: string,
    private readonly sql: SqlJsStatic,
    private readonly log: (message: string) => void,
    private readonly sealing: Sealing
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

  /**
   * Merges every readable copy into `target`, then moves it to merged/; removes copies of the
   * fingerprint. On a full disk a copy's rows are shown at once and recorded on a later pass.
   */
  async merge(target: MergeTarget, plainLogs: readonly string[] = []): Promise<MergeOutcome> {
    const outcome: MergeOutcome = { moved: 0, epoch: undefined, cleared: 0 };
    const extra = plainLogs.map((file): ConflictCopy => ({ name: path.basename(file), path: file, kind: 'log', tool: 'plaintext' }));
    for (const copy of [...(await this.find()), ...extra]) {
      const id = await this.files.identity(copy.path);
      const idKey = id ? `${id.ino}:${id.size}:${id.mtimeMs}` : '';
      if (!id || this.unreadable.get(copy.name) === idKey) continue;
      const read = await this.read(copy);
      if (!read) {
        this.unreadable.set(copy.name, idKey);
        this.log(`The sync conflict copy ${copy.name} (${copy.tool}) could not be read and was left in place.`);
        continue;
      }
      const winners = target.winners(read.changes, this.shownOnly.get(copy.name) === idKey);
      if (isLaterEpoch(read.epoch, outcome.epoch)) outcome.epoch = read.epoch;
      let recorded = false;
      try {
        if (winners.length > 0) await target.record(winners);
        recorded = true;
        this.shownOnly.delete(copy.name);
        if (await (this.sealing.on && read.plain ? this.sealAside(copy, read.bytes, id) : this.moveAside(copy))) outcome.moved++;
      } catch (e) {
        if (e instanceof SymlinkError) outcome.link ??= e;
        else if (!isDiskFull(e)) throw e;
        else {
          outcome.diskFull ??= e;
          if (!recorded && winners.length > 0) {
            target.show(winners);
            this.shownOnly.set(copy.name, idKey);
          }
        }
        continue; // left where it is; the next pass tries again
      }
      this.log(`Merged the sync conflict copy ${copy.name} (${copy.tool}): ${winners.length} row(s) newer than the journal's.`);
    }
    outcome.cleared = await this.clearFingerprintCopies();
    return outcome;
  }

  /** The fingerprint only lets the snapshot this machine wrote skip a check; a copy of it is of no use. */
  private async clearFingerprintCopies(): Promise<number> {
    let cleared = 0;
    for (const name of await this.files.list(this.dir)) {
      const copy = fingerprintCopyOf(name);
      if (!copy) continue;
      await this.files.remove(path.join(this.dir, name));
      this.log(`Removed ${name}, a ${copy.tool} copy of ${copy.of}.`);
      cleared++;
    }
    return cleared;
  }

  /** The copy's rows; `plain` when it holds plaintext. Undefined when it cannot be read (damaged, another key). */
  private async read(copy: ConflictCopy): Promise<{ changes: Op[][]; epoch?: Epoch; plain: boolean; bytes: Uint8Array } | undefined> {
    const bytes = await this.files.read(copy.path);
    if (!bytes) return undefined;
    if (copy.kind === 'log') {
      const decoded = this.sealing.decodeLog(bytes);
      // Records another key sealed are kept: a copy holding any stays where it is.
      if (decoded.keptRecords > 0) return undefined;
      return { changes: decoded.changes, plain: decoded.plainRecords > 0, bytes };
    }
    const check = this.sealing.openSnapshot(this.sql, 'snapshot', bytes);
    if (!check.ok) return undefined;
    try {
      migrate(check.db);
      return { changes: readAllOps(check.db), epoch: readEpoch(check.db), plain: !check.sealed, bytes };
    } finally {
      check.db.close();
    }
  }

  /**
   * A plaintext copy merged into an encrypted journal: sealed into merged/, then the plaintext removed
   * (only if unchanged since it was read; a log still growing is merged again on the next pass).
   */
  private async sealAside(copy: ConflictCopy, bytes: Uint8Array, read: { ino: number; size: number; mtimeMs: number }): Promise<boolean> {
    const target = await this.freeName(copy.name);
    const sealed = this.sealing.seal('conflict-copy', bytes);
    await this.files.writeAtomic(target, sealed, { verify: async (tmp) => void (await verifySameBytes(this.files, tmp, sealed)) });
    const now = await this.files.identity(copy.path);
    if (!now || now.ino !== read.ino || now.size !== read.size || now.mtimeMs !== read.mtimeMs) return false;
    await this.files.remove(copy.path);
    return true;
  }

  /** A name in merged/ not taken yet, for a copy called `name`. */
  private async freeName(name: string): Promise<string> {
    await this.files.mkdirp(this.mergedDir);
    const taken = new Set(await this.files.list(this.mergedDir));
    let target = name;
    for (let n = 2; taken.has(target); n++) target = `${name}.${n}`;
    return path.join(this.mergedDir, target);
  }

  /** Moves a merged copy into merged/, never over another file. False if it is already gone. */
  private async moveAside(copy: ConflictCopy): Promise<boolean> {
    const target = await this.freeName(copy.name);
    try {
      await this.files.rename(copy.path, target);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false; // another window moved it first
      throw e;
    }
  }
}
