// The one error an import raises for a file it refuses: it names the file and line, and the reason
// says what to do. Its own module so the readers (CSV, JSON, Daylio) share it without a circle.
import { IMPORT_MAX_ROWS } from '../limits';

export class ImportError extends Error {
  constructor(
    readonly reason: string,
    readonly where: { file?: string; line?: number; table?: string; rowId?: string } = {}
  ) {
    const at = [where.file, where.line !== undefined ? `line ${where.line}` : undefined].filter(Boolean).join(', ');
    super(at ? `${at}: ${reason}` : reason);
    this.name = 'ImportError';
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** Refuses a file with more than IMPORT_MAX_ROWS rows, before any row is checked. */
export function checkRowCount(file: string | undefined, rows: number): void {
  if (rows <= IMPORT_MAX_ROWS) return;
  throw new ImportError(
    `the file holds ${count(rows)} rows; an import takes at most ${count(IMPORT_MAX_ROWS)} rows per file. ` +
      `Split it into files of at most ${count(IMPORT_MAX_ROWS)} rows (or export a shorter range of dates), then import them one at a time.`,
    { file }
  );
}
