// "Lock after N idle minutes": counts from the last use of the journal (a check-in, a page's
// request, a command), not from the keyboard or the mouse, which VS Code does not tell extensions.
// When the time is up and the journal is unlocked, it locks: the data key leaves memory.

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export interface IdleLockDeps {
  now(): number;
  /** The setting; 0 = never. */
  minutes(): number;
  unlocked(): boolean;
  lock(minutes: number): Promise<void>;
  timers: Timers;
}

/** A timer this long is checked again, so a sleeping machine or a changed setting is caught. */
const MAX_WAIT_MS = 60_000;

export class IdleLock {
  private last: number;
  private timer: unknown;

  constructor(private readonly d: IdleLockDeps) {
    this.last = d.now();
  }

  /** The journal was used now. */
  used(): void {
    this.last = this.d.now();
    this.arm();
  }

  /** Looks again (the setting changed, the journal was unlocked or locked). */
  arm(): void {
    if (this.timer !== undefined) this.d.timers.clear(this.timer);
    this.timer = undefined;
    const minutes = this.d.minutes();
    if (minutes <= 0 || !this.d.unlocked()) return;
    const left = this.last + minutes * 60_000 - this.d.now();
    if (left <= 0) {
      void this.d.lock(minutes).catch(() => undefined);
      return;
    }
    this.timer = this.d.timers.set(() => {
      this.timer = undefined;
      this.arm();
    }, Math.min(left, MAX_WAIT_MS));
  }

  dispose(): void {
    if (this.timer !== undefined) this.d.timers.clear(this.timer);
    this.timer = undefined;
  }
}
