// A files layer for fault-injection tests: NodeFiles over real files, whose system calls that
// change the disk (open for writing, write, fsync, rename, link, mkdir) are counted once armed, and
// the k-th of them fails as a full disk does: with ENOSPC, or by writing only part of the bytes,
// after which the next write fails with ENOSPC. "Sticky" keeps failing until free() is called.
import type { FileIo } from '../../src/storage/nodeFiles';
import { NodeFiles, realIo } from '../../src/storage/nodeFiles';
import type { FileIdentity, JournalFiles, WriteOptions } from '../../src/storage/files';

export type FaultMode = 'enospc' | 'short';

export interface FaultPlan {
  k: number;
  mode: FaultMode;
  sticky?: boolean;
}

export function enospc(call: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${call}`), { code: 'ENOSPC', errno: -28, syscall: call });
}

export class FaultyFiles implements JournalFiles {
  /** Counted calls since arm(). */
  calls = 0;
  /** Faults actually injected since arm(). */
  injected = 0;
  private plan: FaultPlan | undefined;
  private freed = false;
  private nextWriteFails = false;
  private readonly inner: NodeFiles;

  constructor() {
    this.inner = new NodeFiles({ io: this.faultyIo() });
  }

  /** Starts counting; the plan's k-th counted call fails (k = Infinity just counts). */
  arm(plan: FaultPlan): void {
    this.plan = plan;
    this.calls = 0;
    this.injected = 0;
    this.freed = false;
    this.nextWriteFails = false;
  }

  /** Space was freed: no more faults. */
  free(): void {
    this.freed = true;
    this.nextWriteFails = false;
  }

  read(p: string): Promise<Uint8Array | undefined> {
    return this.inner.read(p);
  }
  readFrom(p: string, offset: number): Promise<Uint8Array | undefined> {
    return this.inner.readFrom(p, offset);
  }
  appendDurable(p: string, data: Uint8Array): Promise<void> {
    return this.inner.appendDurable(p, data);
  }
  writeAtomic(p: string, data: Uint8Array, opts?: WriteOptions): Promise<void> {
    return this.inner.writeAtomic(p, data, opts);
  }
  createExclusive(p: string, data: Uint8Array): Promise<boolean> {
    return this.inner.createExclusive(p, data);
  }
  rename(from: string, to: string): Promise<void> {
    return this.inner.rename(from, to);
  }
  copy(from: string, to: string): Promise<void> {
    return this.inner.copy(from, to);
  }
  remove(p: string): Promise<void> {
    return this.inner.remove(p);
  }
  list(dir: string): Promise<string[]> {
    return this.inner.list(dir);
  }
  identity(p: string): Promise<FileIdentity | undefined> {
    return this.inner.identity(p);
  }
  mkdirp(dir: string): Promise<void> {
    return this.inner.mkdirp(dir);
  }
  protect(root: string): void {
    this.inner.protect(root);
  }
  freeSpace(): Promise<number | undefined> {
    return Promise.resolve(4096);
  }
  dispose(): void {
    this.inner.dispose();
  }

  /** What the k-th call does: undefined (run normally), 'fail', or 'short' (for writes). */
  private decide(isWrite: boolean): 'fail' | 'short' | undefined {
    if (!this.plan || this.freed) return undefined;
    if (isWrite && this.nextWriteFails) {
      this.nextWriteFails = false;
      this.injected++;
      return 'fail';
    }
    this.calls++;
    const hit = this.plan.sticky ? this.calls >= this.plan.k : this.calls === this.plan.k;
    if (!hit) return undefined;
    this.injected++;
    return this.plan.mode === 'short' && isWrite ? 'short' : 'fail';
  }

  private faultyIo(): Partial<FileIo> {
    const guard = (name: string) => {
      if (this.decide(false) === 'fail') throw enospc(name);
    };
    const shortLength = (length: number) => {
      this.nextWriteFails = true;
      return Math.max(1, Math.floor(length / 2));
    };
    return {
      openSync: (file, flags, mode) => (guard('open'), realIo.openSync(file, flags, mode)),
      fsyncSync: (fd) => (guard('fsync'), realIo.fsyncSync(fd)),
      writeSync: (fd, data, offset, length) => {
        const d = this.decide(true);
        if (d === 'fail') throw enospc('write');
        return realIo.writeSync(fd, data, offset, d === 'short' ? shortLength(length) : length);
      },
      open: async (file, flags, mode) => (guard('open'), realIo.open(file, flags, mode)),
      sync: async (handle) => (guard('fsync'), realIo.sync(handle)),
      write: async (handle, data, offset, length) => {
        const d = this.decide(true);
        if (d === 'fail') throw enospc('write');
        return realIo.write(handle, data, offset, d === 'short' ? shortLength(length) : length);
      },
      rename: async (from, to) => (guard('rename'), realIo.rename(from, to)),
      link: async (from, to) => (guard('link'), realIo.link(from, to)),
      mkdir: async (dir, mode) => (guard('mkdir'), realIo.mkdir(dir, mode))
    };
  }
}
