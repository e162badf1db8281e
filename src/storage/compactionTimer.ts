// When the store compacts: a while after the last write, at once when its log has grown large,
// never while a long write (an import) holds it, and as usual again once the last hold is released.
export class CompactionTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private holds = 0;

  constructor(
    private readonly run: () => void,
    private readonly afterMs: number,
    private readonly logBytes: number
  ) {}

  get held(): boolean {
    return this.holds > 0;
  }

  /** Compacts `delay` ms from now, or at once when `appended` log bytes pass the limit; not while held. */
  schedule(appended: number, delay = this.afterMs): void {
    if (this.held) return;
    if (appended >= this.logBytes) delay = 0;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, delay);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /**
   * Holds compaction until the returned release is called (once per hold; holds nest). A compaction
   * already running finishes. The release returns true when it let go of the last hold.
   */
  hold(): () => boolean {
    this.holds++;
    this.cancel();
    let released = false;
    return () => {
      if (released) return false;
      released = true;
      this.holds--;
      return this.holds === 0;
    };
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
