// One window at a time compacts the journal and writes backups. The holder rewrites the lock file
// with a heartbeat; a lock whose heartbeat is stale, or further ahead of this clock than clocks of
// live machines differ (written while a clock ran ahead), or whose process is gone, may be taken over.
// The takeover never leaves the path empty and never replaces a lock other than the stale one it
// read, so two contenders cannot both come away believing they hold it.
import * as os from 'os';
import type { JournalFiles } from './files';
import { crc32 } from './opLog';
import { processAlive } from './processes';

/** `<lock>.stale-<version>`: the claim on one exact stale content of the lock. */
export const CLAIM_INFIX = '.stale-';
/**
 * How far ahead of this machine's clock a live holder's heartbeat can be: another machine's clock
 * may run a little ahead. A heartbeat further ahead was written by a clock that was wrong and has
 * since been put right (a live holder rewrites it every few seconds with the right time).
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface LockInfo {
  pid: number;
  host: string;
  token: string;
  heartbeat: number;
}

export interface WriterLockOptions {
  now?: () => number;
  staleMs?: number;
  /** A heartbeat further ahead than this counts as stale. */
  maxSkewMs?: number;
  pid?: number;
  host?: string;
  isAlive?: (pid: number) => boolean;
}

export class WriterLock {
  private readonly token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  private holding = false;
  private readonly now: () => number;
  private readonly staleMs: number;
  private readonly maxSkewMs: number;
  private readonly pid: number;
  private readonly host: string;
  private readonly isAlive: (pid: number) => boolean;

  constructor(
    private readonly files: JournalFiles,
    readonly path: string,
    opts: WriterLockOptions = {}
  ) {
    this.now = opts.now ?? Date.now;
    this.staleMs = opts.staleMs ?? 30_000;
    this.maxSkewMs = opts.maxSkewMs ?? MAX_CLOCK_SKEW_MS;
    this.pid = opts.pid ?? process.pid;
    this.host = opts.host ?? os.hostname();
    this.isAlive = opts.isAlive ?? processAlive;
  }

  /** This holder's token, as written in the lock file. */
  get id(): string {
    return this.token;
  }

  get held(): boolean {
    return this.holding;
  }

  /** Takes the lock if it is free or abandoned. Safe to call repeatedly. */
  async tryAcquire(): Promise<boolean> {
    if (this.holding) return this.heartbeat();
    if (await this.files.createExclusive(this.path, this.encode())) return (this.holding = true);
    const seen = await this.files.read(this.path);
    if (!seen) return false; // released a moment ago: the next call creates it
    const info = decode(seen);
    if (info && !this.isAbandoned(info)) return false;
    return this.takeOver(seen);
  }

  /**
   * Replaces the abandoned lock whose content is `seen`. The claim file for that exact content is
   * created exclusively, so one contender per stale version goes on; it then replaces the lock only
   * if it still holds that content. A contender that read the lock before another took it over
   * finds the content changed (or the claim taken) and backs off.
   */
  private async takeOver(seen: Uint8Array): Promise<boolean> {
    const claim = `${this.path}${CLAIM_INFIX}${(crc32(seen) >>> 0).toString(16)}-${seen.length.toString(16)}`;
    if (!(await this.files.createExclusive(claim, this.encode()))) {
      await this.clearDeadClaim(claim);
      return false;
    }
    try {
      const current = await this.files.read(this.path);
      if (!current || !sameBytes(current, seen)) return false;
      await this.files.writeAtomic(this.path, this.encode());
      return (this.holding = (await this.read())?.token === this.token);
    } finally {
      // Once the lock has changed, a later claim on the old content finds it changed: safe to drop.
      await this.files.remove(claim);
    }
  }

  /** A contender that crashed between claiming and replacing would block takeovers forever. */
  private async clearDeadClaim(claim: string): Promise<void> {
    const bytes = await this.files.read(claim);
    const info = bytes && decode(bytes);
    if (!bytes || (info && !this.isAbandoned(info))) return;
    await this.files.remove(claim);
  }

  /** Refreshes the heartbeat; returns false (and stops holding) if another window took over. */
  async heartbeat(): Promise<boolean> {
    if (!this.holding) return false;
    const current = await this.read();
    if (!current || current.token !== this.token) {
      this.holding = false;
      return false;
    }
    await this.files.writeAtomic(this.path, this.encode());
    return true;
  }

  async release(): Promise<void> {
    if (!this.holding) return;
    this.holding = false;
    const current = await this.read();
    if (current?.token === this.token) await this.files.remove(this.path);
  }

  async read(): Promise<LockInfo | undefined> {
    const bytes = await this.files.read(this.path);
    return bytes && decode(bytes);
  }

  private isAbandoned(info: LockInfo): boolean {
    const age = this.now() - info.heartbeat;
    if (age > this.staleMs || -age > this.maxSkewMs) return true;
    return info.host === this.host && info.pid !== this.pid && !this.isAlive(info.pid);
  }

  private encode(): Uint8Array {
    const info: LockInfo = { pid: this.pid, host: this.host, token: this.token, heartbeat: this.now() };
    return new TextEncoder().encode(JSON.stringify(info));
  }
}

function decode(bytes: Uint8Array): LockInfo | undefined {
  try {
    const info = JSON.parse(new TextDecoder().decode(bytes)) as LockInfo;
    return info && typeof info.token === 'string' && typeof info.heartbeat === 'number' ? info : undefined;
  } catch {
    return undefined; // damaged: treated as abandoned
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
