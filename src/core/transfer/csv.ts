// Reading CSV a window at a time. papaparse's core parser reads each window of the text and returns
// only the records that end inside it; the next window starts where the last one ended. The records
// are the ones papaparse gives for the whole text at once (same line break, same quoting rules), but
// no single call parses more than a window, so a large file never holds the event loop for long.
import * as Papa from 'papaparse';
import { ImportError, type Words } from './errors';
import { IMPORT_MAX_ROWS } from '../limits';
import type { Progress, Work } from './pace';

export interface CsvRecord {
  /** 1-based line the record starts on (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

/** Characters parsed per call: about a millisecond of papaparse. */
const WINDOW = 64 * 1024;
/** No valid row comes near this: a window this large without one complete record is refused. */
const LONGEST_RECORD = 2 * 1024 * 1024;

type LineBreak = '\n' | '\r\n' | '\r';

/** The text without a byte order mark; a slice shares the text's memory. */
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** papaparse's guess of the line break, from the first MB as it does for a whole text, made once. */
function lineBreakOf(src: string): LineBreak {
  const guess = Papa.parse<string[]>(src.slice(0, 1024 * 1024), { delimiter: ',', preview: 1 }).meta.linebreak;
  return guess === '\r\n' || guess === '\r' ? guess : '\n';
}

interface Parsed {
  /** Offset in the window where the record starts, and its cells. */
  start: number;
  cells: string[];
  error?: Words;
}

/** papaparse's two complaints about quotes (the only ones its parser raises), in words to translate. */
function quoteError(error: Papa.ParseError | undefined): Words | undefined {
  if (!error) return undefined;
  if (error.code === 'MissingQuotes') return (t) => t('Quoted field unterminated');
  if (error.code === 'InvalidQuotes') return (t) => t('Trailing quote on quoted field is malformed');
  return () => error.message;
}

/** The complete records of `chunk` (all of them when `last`), and where the first incomplete one starts. */
function parseWindow(chunk: string, newline: LineBreak, last: boolean): { rows: Parsed[]; consumed: number } {
  const rows: Parsed[] = [];
  let consumed = 0;
  const parser = new Papa.Parser({
    delimiter: ',',
    newline,
    step: (result: Papa.ParseStepResult<string[][]>) => {
      rows.push({ start: consumed, cells: result.data[0], error: quoteError(result.errors[0]) });
      consumed = result.meta.cursor;
    }
  });
  parser.parse(chunk, 0, !last);
  return { rows, consumed };
}

/**
 * The file's records, in order, with the line each starts on; blank lines are skipped. Throws
 * ImportError naming the file and line at the first record papaparse finds malformed. `window`
 * is for tests (a window of a few characters splits every record).
 */
export function* csvRecords(text: string, file: string, window = WINDOW): Generator<CsvRecord, void, void> {
  const src = withoutBom(text);
  const newline = lineBreakOf(src);
  let base = 0;
  let line = 1;
  let counted = 0;
  /** Counts the line breaks up to `to` (each "\r\n" or "\n" once, or each "\r" in a file of "\r"). */
  const advance = (to: number) => {
    const mark = newline === '\r' ? '\r' : '\n';
    for (let i = src.indexOf(mark, counted); i !== -1 && i < to; i = src.indexOf(mark, i + 1)) line++;
    counted = Math.max(counted, to);
  };
  let size = window;
  while (base < src.length) {
    const end = Math.min(src.length, base + size);
    const last = end === src.length;
    const { rows, consumed } = parseWindow(src.slice(base, end), newline, last);
    if (rows.length === 0 && !last) {
      if (size >= Math.max(window, LONGEST_RECORD)) {
        advance(base);
        throw new ImportError((t) => t('a record here runs on for more than {0} MB: a closing quote (") is probably missing. Add it, then import the file again.', LONGEST_RECORD / 1024 / 1024), { file, line });
      }
      size *= 2;
      continue;
    }
    for (const row of rows) {
      let start = base + row.start;
      while (start < src.length && (src[start] === '\n' || src[start] === '\r')) start++;
      advance(start);
      if (row.error) throw new ImportError(row.error, { file, line });
      if (row.cells.some((c) => c.trim() !== '')) yield { line, cells: row.cells };
    }
    base += last ? src.length - base : consumed;
    size = window;
  }
}

/** All records at once (small files and tests; imports read them as they go). */
export function parseCsv(text: string, file: string): CsvRecord[] {
  return [...csvRecords(text, file)];
}

/**
 * The number of data rows (records after the header) for the row cap and the progress bar. Lines
 * are counted first, which is fast; only a file with more lines than the cap allows has its records
 * counted (a quoted cell may span lines), so the message can say exactly how many rows it holds.
 */
export function* csvRowCount(text: string, file: string): Work<number> {
  const progress: Progress = { done: 0, total: text.length };
  const mark = text.includes('\n') ? '\n' : '\r';
  let lines = 1;
  for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
    lines++;
    if ((lines & 0xffff) === 0) {
      progress.done = i;
      yield progress;
    }
  }
  if (text.endsWith(mark)) lines--;
  if (lines - 1 <= IMPORT_MAX_ROWS) return Math.max(0, lines - 1);
  let records = 0;
  progress.total = lines;
  for (const each = csvRecords(text, file); !each.next().done; ) {
    progress.done = ++records;
    yield progress;
  }
  return Math.max(0, records - 1);
}
