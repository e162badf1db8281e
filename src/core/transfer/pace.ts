// Long imports run as generators that yield after each row, so the same code can run to the end at
// once (tests, small files) or in slices that give the event loop a turn in between (the extension
// host must stay responsive while 150,000 rows are read, checked and planned). Pure: no vscode.

/** How far a piece of work got: rows done of about `total`. One object per work, updated in place. */
export interface Progress {
  done: number;
  total: number;
}

/** Work that yields its progress (or nothing) between rows, and returns its result. */
export type Work<T> = Generator<Progress | undefined, T, void>;

/** What the caller can ask of a paced run. */
export interface ImportControl {
  /** True once the user asked to stop; checked at every turn of the event loop. */
  cancelled?: () => boolean;
  /** Told how far the work got, at every turn. */
  progress?: (done: number, total: number) => void;
  /** Longest stretch of work between two turns, in ms. */
  sliceMs?: number;
}

/** The user cancelled: nothing was written. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled. Nothing was written.');
    this.name = 'ImportCancelled';
  }
}

/** A slice short enough that timers, input and the UI of the host keep up. */
export const SLICE_MS = 15;

/** Resolves after the event loop has run what waits (I/O, timers), not just microtasks. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** Runs the work to the end in one go. */
export function runNow<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the work in slices of about `sliceMs`, giving the event loop a turn between slices. Throws
 * ImportCancelled at the first turn after `cancelled()` becomes true; the work is then abandoned.
 */
export async function runPaced<T>(work: Work<T>, control: ImportControl = {}): Promise<T> {
  const slice = control.sliceMs ?? SLICE_MS;
  if (control.cancelled?.()) throw new ImportCancelled();
  let start = performance.now();
  let last: Progress | undefined;
  for (;;) {
    const step = work.next();
    if (step.done) {
      if (last) control.progress?.(last.total, last.total);
      return step.value;
    }
    if (step.value) last = step.value;
    if (performance.now() - start < slice) continue;
    if (last) control.progress?.(last.done, last.total);
    await nextTurn();
    if (control.cancelled?.()) {
      work.return(undefined as never);
      throw new ImportCancelled();
    }
    start = performance.now();
  }
}
