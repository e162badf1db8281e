// Changes the disk refused because it is full. Each one is kept in memory, in order, and written
// before any newer change: on the next write, and on a timer. A change counts as saved (is applied
// and shown) only once its log record is durable, exactly as when the disk has room.
import { errorForLog } from '../core/logSafely';
import type { Op } from '../core/schemas';
import { isDiskFull, type DiskFullError } from './fileErrors';
import type { FileIdentity } from './files';

export interface UnsavedState {
  /** Changes waiting in memory. */
  count: number;
  /** Why they wait; undefined once everything is saved. */
  error?: DiskFullError;
}

export interface UnsavedOptions<R> {
  /** Appends one record durably; throws when the disk refuses it. Returns the log right after, if known. */
  append(record: Uint8Array): Promise<FileIdentity | void>;
  /** Applies a change whose record is durable; `at` is what append returned. */
  commit(ops: Op[], record: Uint8Array, at: FileIdentity | void): R;
  /** Describes a full disk for the user, with the free and needed space. */
  describe(cause: unknown, unsaved: number, unsavedBytes: number): Promise<DiskFullError>;
  retryMs: number;
  onError(message: string): void;
}

interface Waiting {
  ops: Op[];
  record: Uint8Array;
}

export class UnsavedChanges<R> {
  private readonly waiting: Waiting[] = [];
  private readonly listeners = new Set<(s: UnsavedState) => void>();
  private tail: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private error: DiskFullError | undefined;
  private notified = 0;

  constructor(private readonly opts: UnsavedOptions<R>) {}

  get state(): UnsavedState {
    return { count: this.waiting.length, error: this.error };
  }

  onChange(listener: (s: UnsavedState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Writes the change after any that wait, then commits it. When the disk is full the change is
   * kept and the call rejects with DiskFullError; any other failure rejects and keeps nothing new.
   */
  save(ops: Op[], record: Uint8Array): Promise<R> {
    return this.serial(async () => {
      let at: FileIdentity | void;
      try {
        await this.flush();
        at = await this.opts.append(record);
      } catch (e) {
        if (!isDiskFull(e)) throw e;
        this.waiting.push({ ops, record });
        throw await this.stillFull(e);
      }
      return this.opts.commit(ops, record, at);
    });
  }

  /** Tries to write what waits; true when nothing waits any more. */
  retry(): Promise<boolean> {
    return this.serial(async () => {
      try {
        await this.flush();
        return true;
      } catch (e) {
        if (isDiskFull(e)) await this.stillFull(e);
        else this.opts.onError(`Could not save ${this.waiting.length} waiting change(s): ${errorForLog(e)}`);
        return false;
      }
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private async flush(): Promise<void> {
    if (this.waiting.length === 0) return;
    while (this.waiting.length > 0) {
      const next = this.waiting[0];
      const at = await this.opts.append(next.record);
      this.waiting.shift();
      try {
        this.opts.commit(next.ops, next.record, at);
      } catch (e) {
        // Durable in the log, so it is not lost; the next load applies it.
        this.opts.onError(`A saved change could not be applied in memory: ${errorForLog(e)}`);
      }
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.error = undefined;
    this.notify();
  }

  private async stillFull(cause: unknown): Promise<DiskFullError> {
    const bytes = this.waiting.reduce((n, w) => n + w.record.length, 0);
    this.error = await this.opts.describe(cause, this.waiting.length, bytes);
    this.notify();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.retry(), this.opts.retryMs);
    (this.timer as { unref?: () => void }).unref?.();
    return this.error;
  }

  /** Tells listeners when the number waiting changes (not on every failed retry). */
  private notify(): void {
    const state = this.state;
    if (state.count === this.notified) return;
    this.notified = state.count;
    for (const l of this.listeners) {
      try {
        l(state);
      } catch (e) {
        this.opts.onError(`A listener for unsaved changes failed: ${errorForLog(e)}`);
      }
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
