// Errors of the file layer that the user must be told about in plain words: a symbolic link where
// the journal keeps its files, and a disk (or quota) that is full.

const DISK_FULL_CODES = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);

/** True for "no space left", "file too large" and "quota exceeded": the disk refused more bytes. */
export function isDiskFull(e: unknown): boolean {
  return DISK_FULL_CODES.has((e as NodeJS.ErrnoException | undefined)?.code ?? '');
}

/** An entry of the data folder is a symbolic link; the journal never reads or writes through one. */
export class SymlinkError extends Error {
  readonly code = 'ESYMLINK';
  constructor(readonly file: string) {
    super(`${file} is a symbolic link; the journal never follows links in its folder. Move or delete it.`);
    this.name = 'SymlinkError';
  }
}

/**
 * Changes could not be written because the disk is full. They are kept in memory (`unsaved` of
 * them, this one included) and written as soon as a retry succeeds.
 */
export class DiskFullError extends Error {
  constructor(
    /** The data folder. */
    readonly dir: string,
    /** Free bytes on its disk, when the platform can tell. */
    readonly freeBytes: number | undefined,
    /** Roughly what the journal needs to save everything and compact: a new snapshot plus the changes. */
    readonly neededBytes: number,
    readonly unsaved: number,
    override readonly cause: unknown
  ) {
    super(
      `The disk holding ${dir} is full${freeBytes === undefined ? '' : ` (${formatBytes(freeBytes)} free)`}; the journal needs about ${formatBytes(neededBytes)}. ` +
        `Not saved yet: ${unsaved} change(s) are kept in memory and saved as soon as there is space.`
    );
    this.name = 'DiskFullError';
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
}
