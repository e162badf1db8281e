// Errors of the file layer that the user must be told about in plain words: a link where the
// journal keeps its files, and a disk (or quota) that is full.
import { fixed } from '../core/entries';

const DISK_FULL_CODES = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);

/** True for "no space left", "file too large" and "quota exceeded": the disk refused more bytes. */
export function isDiskFull(e: unknown): boolean {
  return DISK_FULL_CODES.has((e as NodeJS.ErrnoException | undefined)?.code ?? '');
}

/**
 * A link (symbolic link or junction) where the journal keeps its files, or a data folder that is a
 * link to the workspace root or to a folder of the repository. Nothing is read or written through it.
 */
export class SymlinkError extends Error {
  readonly code = 'ESYMLINK';
  constructor(
    /** The link itself. */
    readonly file: string,
    /** Where it leads (absolute), when it can be read. */
    readonly target?: string,
    /** Why a data folder that is a link is refused; undefined for a link inside the data folder. */
    readonly reason?: 'outside' | 'workspace' | 'foreign'
  ) {
    super(`${file} is a link to ${target ?? 'another place'}; the journal never follows a link in its folder. Remove the link, or choose a data folder in your user settings (moodDose.dataFolder).`);
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

/** "512 B", "40 KB", "7.5 MB": a size with its unit symbol, its decimals in the host's number language ("7,5 MB" in Spanish). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KB`;
  if (n < 1024 * 1024 * 1024) return `${fixed(n / 1024 / 1024, 1)} MB`;
  return `${fixed(n / 1024 / 1024 / 1024, 1)} GB`;
}
