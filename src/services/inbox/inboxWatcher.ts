// When the inbox is read: at once when its folder reports a change to it or to a conflict copy of it
// (fs.watch on the folder, since clearing replaces the file and a sync tool may too), and by a slow
// poll for folders whose watcher stays silent (network drives, some sync clients). Reads never
// overlap: a change during a read asks for one more read after it. Node only (no vscode), so the
// benchmark measures the path the extension takes.
import * as fs from 'fs';
import * as path from 'path';

export const POLL_MS = 30_000;
/** Changes closer together than this are read once (an editor's save is several events). */
export const SETTLE_MS = 100;

export interface WatcherOptions {
  pollMs?: number;
  settleMs?: number;
  /** fs.watch, or a stand-in. */
  watch?: (dir: string, listener: (event: string, name: string | Buffer | null) => void) => { close(): void; on?(event: 'error', l: () => void): unknown };
}

/** What a read tells the watcher: read once more now, or again after a wait (a line still being written). */
export interface ReadOutcome {
  more: boolean;
  recheckInMs?: number;
}

/** Calls `read` after changes to the inbox, one read at a time. */
export class InboxWatcher {
  private watcher: { close(): void } | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private recheck: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private signature = '';
  private disposed = false;

  constructor(
    private readonly file: string,
    private readonly read: () => Promise<ReadOutcome>,
    private readonly opts: WatcherOptions = {}
  ) {}

  start(): void {
    const dir = path.dirname(this.file);
    const stem = path.basename(this.file, path.extname(this.file));
    try {
      const watch = this.opts.watch ?? ((d, l) => fs.watch(d, { persistent: false }, l));
      const w = watch(dir, (_event, name) => {
        const n = name === null ? null : String(name);
        if (n === null || n.startsWith(stem)) this.soon();
      });
      w.on?.('error', () => this.stopWatching());
      this.watcher = w;
    } catch {
      this.watcher = undefined; // no watcher for this folder: the poll alone
    }
    this.poll = setInterval(() => void this.checkSignature(), this.opts.pollMs ?? POLL_MS);
    this.poll.unref?.();
    void this.signatureNow().then((s) => (this.signature = s));
  }

  /** Reads now (a command, or the journal opening), or right after the read under way. */
  trigger(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const outcome = await this.read().catch((): ReadOutcome => ({ more: false }));
          if (outcome.more) this.again = true;
          if (outcome.recheckInMs !== undefined) this.later(outcome.recheckInMs);
        } while (this.again && !this.disposed);
      } finally {
        this.running = undefined;
        this.signature = await this.signatureNow();
      }
    })();
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    this.stopWatching();
    if (this.poll) clearInterval(this.poll);
    if (this.settle) clearTimeout(this.settle);
    if (this.recheck) clearTimeout(this.recheck);
  }

  /** One more read after `ms`, even if nothing changes meanwhile (a line may stop changing). */
  private later(ms: number): void {
    if (this.recheck) clearTimeout(this.recheck);
    this.recheck = setTimeout(() => {
      this.recheck = undefined;
      void this.trigger();
    }, ms);
    this.recheck.unref?.();
  }

  private soon(): void {
    if (this.settle) clearTimeout(this.settle);
    this.settle = setTimeout(() => void this.trigger(), this.opts.settleMs ?? SETTLE_MS);
    this.settle.unref?.();
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  private async checkSignature(): Promise<void> {
    const now = await this.signatureNow();
    if (now !== this.signature && !this.running) {
      this.signature = now;
      await this.trigger();
    }
  }

  /** Size and time of the inbox and of every file beside it named like it. */
  private async signatureNow(): Promise<string> {
    const dir = path.dirname(this.file);
    const stem = path.basename(this.file, path.extname(this.file));
    const names = (await fs.promises.readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(stem)).sort();
    const parts = await Promise.all(
      names.map(async (n) => {
        const s = await fs.promises.lstat(path.join(dir, n)).catch(() => undefined);
        return s ? `${n}:${s.size}:${s.mtimeMs}` : n;
      })
    );
    return parts.join('|');
  }
}
