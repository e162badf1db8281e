// Whether this window writes the journal (compacts it, writes backups): it holds the writer lock,
// and the disk had room when the journal opened. On a full disk the journal opens read-only, shown
// in full; the lock is tried again with every heartbeat and refresh, and taken once there is room.
import { isDiskFull } from './fileErrors';
import type { WriterLock } from './writerLock';

export interface RoleChange {
  acquired: boolean;
  /** The disk was full: the lock could not be written. */
  diskFull?: unknown;
  /** This window was read-only and now writes the journal. */
  recovered?: boolean;
}

export class WriterRole {
  /** Why the journal is read-only (the disk was full when it opened); undefined otherwise. */
  private fullAtOpen: unknown;

  /** `lock` undefined: a store that only appends (no lock), writer unless read-only. */
  constructor(private readonly lock: WriterLock | undefined) {}

  get isWriter(): boolean {
    return this.fullAtOpen === undefined && (this.lock?.held ?? true);
  }

  get readOnly(): boolean {
    return this.fullAtOpen !== undefined;
  }

  get hasLock(): boolean {
    return this.lock !== undefined;
  }

  /** The disk was full while the journal opened. */
  becomeReadOnly(cause: unknown): void {
    this.fullAtOpen = cause ?? new Error('disk full');
  }

  /** Takes the lock if it is free or abandoned; a full disk leaves this window as it was. */
  async tryBecome(): Promise<RoleChange> {
    let acquired: boolean;
    try {
      acquired = this.lock ? await this.lock.tryAcquire() : true;
    } catch (e) {
      if (!isDiskFull(e)) throw e;
      return { acquired: false, diskFull: e };
    }
    const recovered = acquired && this.readOnly;
    if (recovered) this.fullAtOpen = undefined;
    return { acquired, recovered };
  }

  /** Keeps the lock alive, or tries to take it; whether this window is the writer. */
  async heartbeat(): Promise<RoleChange> {
    if (!this.lock) return this.readOnly ? this.tryBecome() : { acquired: true };
    if (!this.lock.held) return this.tryBecome();
    try {
      return { acquired: await this.lock.heartbeat() };
    } catch (e) {
      // No room for the heartbeat: still the writer until another window finds the lock stale.
      if (isDiskFull(e)) return { acquired: this.lock.held };
      throw e;
    }
  }

  /** Right before replacing the snapshot: false if another window took over meanwhile. */
  async confirm(): Promise<boolean> {
    return !this.lock || (await this.lock.heartbeat());
  }

  async release(): Promise<void> {
    await this.lock?.release();
  }
}
