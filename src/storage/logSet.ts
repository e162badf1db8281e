// The op logs in the data folder, and how much of each this window has read. Every machine appends
// to its own log, journal.<machine>.oplog, so two machines that share the folder through a sync
// tool never write the same file. Every window reads all of them. A machine renames aside and
// deletes only its own log (and the v0.1 log, journal.sqlite.oplog, which it takes over once).
import * as path from 'path';
import type { FileIdentity, JournalFiles } from './files';
import { crc32 } from './opLog';

/** The single log every window wrote to before v0.2; still read, folded and then removed. */
export const LEGACY_LOG_NAME = 'journal.sqlite.oplog';
const LEGACY_OWNER = 'sqlite';
const LIVE = /^journal\.([a-z0-9]{1,32})\.oplog$/;
const COMPACTING = /^journal\.([a-z0-9]{1,32})\.oplog\.compacting-/;
const MACHINE_ID = /^[a-z0-9]{1,32}$/;
/** Bytes kept from just before where reading stopped in another machine's log, to notice a rewrite. */
const TAIL = 64;

export function logName(machine: string): string {
  return `journal.${machine}.oplog`;
}

/** Checks a machine id: 1–32 lowercase letters and digits, so conflict-copy suffixes stand out. */
export function checkMachineId(machine: string): string {
  if (!MACHINE_ID.test(machine) || machine === LEGACY_OWNER) throw new Error(`Invalid machine id "${machine}": use 1-32 lowercase letters and digits.`);
  return machine;
}

/** A stable id for this machine when the caller has none: a checksum of the host name. */
export function machineIdFromHost(host: string): string {
  return crc32(new TextEncoder().encode(host)).toString(16).padStart(8, '0');
}

export interface LogFile {
  name: string;
  path: string;
  /** The machine id, or 'sqlite' for the v0.1 log. */
  owner: string;
  /** Renamed aside by a compaction (finished or interrupted). */
  compacting: boolean;
}

export class LogSet {
  readonly ownPath: string;
  /** This machine's live log: read from where we stopped (windows on one machine share it). */
  private cursor: { ino: number | undefined; offset: number } = { ino: undefined, offset: 0 };
  /**
   * Every other log: read on from where we stopped only while the bytes just before that point are
   * unchanged; a sync tool may replace the file with other content of any size, then it is read whole.
   */
  private readonly seen = new Map<string, { id: FileIdentity; offset: number; tail: Uint8Array }>();

  constructor(
    private readonly files: JournalFiles,
    private readonly dir: string,
    readonly machine: string
  ) {
    this.ownPath = path.join(dir, logName(checkMachineId(machine)));
  }

  /** Every log in the folder: compacting ones first (in name order, which is time order), then live ones. */
  async list(): Promise<LogFile[]> {
    const out: LogFile[] = [];
    for (const name of await this.files.list(this.dir)) {
      const compacting = COMPACTING.exec(name);
      const live = compacting ? undefined : LIVE.exec(name);
      const owner = (compacting ?? live)?.[1];
      if (owner) out.push({ name, path: path.join(this.dir, name), owner, compacting: !!compacting });
    }
    return out.sort((a, b) => Number(b.compacting) - Number(a.compacting) || a.name.localeCompare(b.name));
  }

  /** Whether the log at `file` (live or compacting) is one this machine may rename or delete. */
  ownsFile(file: string): boolean {
    const name = path.basename(file);
    const owner = (COMPACTING.exec(name) ?? LIVE.exec(name))?.[1] ?? (name.startsWith(LEGACY_LOG_NAME) ? LEGACY_OWNER : undefined);
    return owner !== undefined && (owner === this.machine || owner === LEGACY_OWNER);
  }

  /** Logs this machine may rename, truncate or delete. */
  isMine(log: LogFile): boolean {
    return log.owner === this.machine || log.owner === LEGACY_OWNER;
  }

  /**
   * Reads what is new in every log. `apply` gets each file's new bytes and returns how many it
   * consumed (a record still being written is left for next time). Returns the total size of this
   * machine's logs, which decides when to compact.
   */
  async readNew(apply: (file: string, bytes: Uint8Array) => number): Promise<number> {
    let mine = 0;
    const present = new Set<string>();
    // Live logs first, then a fresh look for compacting ones: a record moves from a live log to a
    // compacting one, so one renamed in between is still found.
    for (const log of (await this.list()).filter((l) => !l.compacting)) {
      present.add(log.path);
      const size = log.path === this.ownPath ? await this.readOwnTail(apply) : await this.readOther(log.path, apply);
      if (this.isMine(log)) mine += size;
    }
    for (const log of (await this.list()).filter((l) => l.compacting)) {
      present.add(log.path);
      const size = await this.readOther(log.path, apply);
      if (this.isMine(log)) mine += size;
    }
    if (!present.has(this.ownPath)) this.cursor = { ino: undefined, offset: 0 };
    for (const file of [...this.seen.keys()]) if (!present.has(file)) this.seen.delete(file);
    return mine;
  }

  /**
   * This window appended `length` bytes to its own log and applied them in memory; `at` is the log
   * right after. When they directly follow what was read, with nothing after them, they need not
   * be read again: a large import would otherwise be applied a second time by the next refresh.
   */
  appended(length: number, at: FileIdentity | void): void {
    if (!at) return;
    const { ino, offset } = this.cursor;
    const fresh = ino === undefined && offset === 0;
    if ((at.ino === ino || fresh) && at.size === offset + length) this.cursor = { ino: at.ino, offset: at.size };
  }

  /** Forgets what was read, so the next readNew reads every log from the start. */
  reset(): void {
    this.cursor = { ino: undefined, offset: 0 };
    this.seen.clear();
  }

  /**
   * Renames this machine's live log (and a v0.1 log) aside, so appends go to a fresh file while the
   * compaction runs. Returns every compacting log this machine may delete once its snapshot is safe.
   */
  async beginCompaction(stamp: string): Promise<string[]> {
    for (const name of [logName(this.machine), LEGACY_LOG_NAME]) {
      const file = path.join(this.dir, name);
      if (!(await this.files.identity(file))) continue;
      await this.files.rename(file, `${file}.compacting-${stamp}`);
      if (file === this.ownPath) await this.keepReadPart(`${file}.compacting-${stamp}`);
    }
    this.cursor = { ino: undefined, offset: 0 };
    return (await this.list()).filter((l) => l.compacting && this.isMine(l)).map((l) => l.path);
  }

  /**
   * What was read of the own log stays read once it is renamed aside: only bytes after it (another
   * window of this machine may have appended some) are read from the compacting log.
   */
  private async keepReadPart(file: string): Promise<void> {
    const { ino, offset } = this.cursor;
    const id = await this.files.identity(file);
    if (!id || id.ino !== ino || offset === 0 || id.size < offset) return;
    const from = Math.max(0, offset - TAIL);
    const bytes = await this.files.readFrom(file, from);
    if (!bytes || bytes.length < offset - from) return;
    // A size that is not the one read makes readOther look past `offset` rather than skip the file.
    this.remember(file, id.size === offset ? id : { ...id, size: -1 }, offset, bytes.subarray(0, offset - from));
  }

  private async readOwnTail(apply: (file: string, bytes: Uint8Array) => number): Promise<number> {
    const { ino, offset } = this.cursor;
    const id = await this.files.identity(this.ownPath);
    if (!id) return 0;
    // Another file, or one shorter than where reading stopped: read it from the start. Compared with
    // the cursor as it was when asked: this window's own appends may have moved it on since.
    if (id.ino !== ino || id.size < offset) this.cursor = { ino: id.ino, offset: 0 };
    const from = this.cursor.offset;
    const bytes = await this.files.readFrom(this.ownPath, from);
    const end = from + (bytes && bytes.length > 0 ? apply(this.ownPath, bytes) : 0);
    // This window's own appends may have moved the cursor on while reading (appended()).
    if (this.cursor.ino === id.ino) this.cursor = { ino: id.ino, offset: Math.max(this.cursor.offset, end) };
    return id.size;
  }

  private async readOther(file: string, apply: (file: string, bytes: Uint8Array) => number): Promise<number> {
    const id = await this.files.identity(file);
    if (!id) return 0;
    const before = this.seen.get(file);
    if (before && before.id.ino === id.ino && before.id.size === id.size && before.id.mtimeMs === id.mtimeMs) return id.size;
    if (before && before.offset > 0 && id.size >= before.offset) {
      const k = before.tail.length;
      const bytes = await this.files.readFrom(file, before.offset - k);
      if (bytes && bytes.length >= k && sameBytes(bytes.subarray(0, k), before.tail)) {
        const consumed = apply(file, bytes.subarray(k));
        this.remember(file, id, before.offset + consumed, bytes.subarray(0, k + consumed));
        return id.size;
      }
    }
    const bytes = await this.files.read(file);
    if (!bytes) return 0;
    const consumed = apply(file, bytes);
    this.remember(file, id, consumed, bytes.subarray(0, consumed));
    return id.size;
  }

  /** `upTo` ends exactly at `offset`, the end of the last complete record read. */
  private remember(file: string, id: FileIdentity, offset: number, upTo: Uint8Array): void {
    this.seen.set(file, { id, offset, tail: upTo.slice(Math.max(0, upTo.length - TAIL)) });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
