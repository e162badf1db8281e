// One window at a time compacts the journal and writes backups. The holder rewrites the lock file
// with a heartbeat; a lock whose heartbeat is stale, or whose process is gone, may be taken over.
import * as os from 'os';
import type { JournalFiles } from './files';

export interface LockInfo {
  pid: number;
  host: string;
  token: string;
  heartbeat: number;
}

export interface WriterLockOptions {
  now?: () => number;
  staleMs?: number;
  pid?: number;
  host?: string;
  isAlive?: (pid: number) => boolean;
}

export class WriterLock {
  private readonly token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  private holding = false;
  private readonly now: () => number;
  private readonly staleMs: number;
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
    this.pid = opts.pid ?? process.pid;
    this.host = opts.host ?? os.hostname();
    this.isAlive = opts.isAlive ?? processAlive;
  }

  get held(): boolean {
    return this.holding;
  }

  /** Takes the lock if it is free or abandoned. Safe to call repeatedly. */
  async tryAcquire(): Promise<boolean> {
    if (this.holding) return this.heartbeat();
    if (await this.files.createExclusive(this.path, this.encode())) return (this.holding = true);
    const current = await this.read();
    if (current && !this.isAbandoned(current)) return false;
    // Move the abandoned lock aside atomically; only one contender's rename can succeed.
    const aside = `${this.path}.stale-${this.token}`;
    try {
      await this.files.rename(this.path, aside);
    } catch {
      return false;
    }
    await this.files.remove(aside);
    if (await this.files.createExclusive(this.path, this.encode())) return (this.holding = true);
    return false;
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
    if (!bytes) return undefined;
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as LockInfo;
    } catch {
      return undefined; // half-written by a crash: treated as abandoned
    }
  }

  private isAbandoned(info: LockInfo): boolean {
    if (this.now() - info.heartbeat > this.staleMs) return true;
    return info.host === this.host && info.pid !== this.pid && !this.isAlive(info.pid);
  }

  private encode(): Uint8Array {
    const info: LockInfo = { pid: this.pid, host: this.host, token: this.token, heartbeat: this.now() };
    return new TextEncoder().encode(JSON.stringify(info));
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
