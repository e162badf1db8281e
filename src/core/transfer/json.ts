// Import of the journal's own JSON export, a row at a time. One JSON.parse of a 70 MB export would
// hold the event loop for most of a second, so the text is first walked for the extent of each row (a scan
// that only counts brackets outside strings), then each row is parsed on its own, then checked.
// Everything outside the rows is checked here; each row is checked by JSON.parse: together that is
// exactly the JSON that JSON.parse accepts. All or nothing: one invalid row rejects the whole file.
import { checkRowCount, ImportError } from './errors';
import { runNow, type Progress, type Work } from './pace';
import { checkedOp, countTables, emptyPreview, type ImportResult } from './rows';
import { TRANSFER_TABLES, type Op } from '../schemas';

export const EXPORT_FORMAT = 'mood-dose-journal';
/** 2: schema v3's recalled periods and tablet supply. Version 1 files still import (new fields take their defaults). */
export const EXPORT_VERSION = 2;

/** `now` bounds the stamps an import may bring (see importChecks.ts); `file` is named in errors. */
export function importJson(text: string, now = Date.now(), file?: string): ImportResult {
  return runNow(jsonWork(text, now, file));
}

/** importJson as work that yields after each row (see importPace.ts). */
export function* jsonWork(text: string, now = Date.now(), file?: string): Work<ImportResult> {
  try {
    return yield* readJson(text, now, file);
  } catch (e) {
    if (e instanceof ImportError && file && !e.where.file) throw new ImportError(e.words, { ...e.where, file });
    throw e;
  }
}

interface Span {
  start: number;
  end: number;
  /** The list its row goes to once parsed. */
  into: unknown[];
}

/** A table's rows where they are in the text (parsed later), or (not a list) its parsed value. */
type TableValue = { spans: Span[]; rows: unknown[] } | { value: unknown };

interface Scanned {
  members: Map<string, unknown>;
  /** Undefined when "tables" is missing or not an object. */
  tables?: Map<string, TableValue>;
  /** Every row's extent, in file order. */
  spans: Span[];
  rowCount: number;
}

function* readJson(text: string, now: number, file: string | undefined): Work<ImportResult> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Progress runs over three equal parts: the scan (by characters), parsing and checking (by rows).
  const progress: Progress = { done: 0, total: 3 * src.length };
  const scanned = yield* new Scan(src, progress).document();
  checkRowCount(file, scanned.rowCount);
  const rowsDone = (part: number, rows: number) => (progress.done = Math.round(src.length * (part + rows / Math.max(1, scanned.rowCount))));
  let parsed = 0;
  // Every row is parsed (syntax errors first, in file order) before any is checked.
  for (const span of scanned.spans) {
    span.into.push(parseAt(src, span.start, span.end));
    rowsDone(1, ++parsed);
    yield progress;
  }
  const tables = checkHeader(scanned);
  const seen = new Set<string>();
  const ops: Op[] = [];
  for (const table of TRANSFER_TABLES) {
    const found = tables.get(table);
    if (!found) continue;
    if (!('spans' in found)) throw new ImportError((t) => t('"{0}" is not a list', `tables.${table}`), { table });
    for (let i = 0; i < found.rows.length; i++) {
      const span = found.spans[i];
      const locate = () => {
        const line = lineOfId(src, found.rows[i], span);
        return line ? { line } : { item: i + 1 };
      };
      ops.push(checkedOp(table, found.rows[i], locate, seen, now));
      found.rows[i] = undefined; // the checked copy is kept; the parsed one can go
      rowsDone(2, ops.length);
      yield progress;
    }
  }
  return { ops, preview: emptyPreview(ops.length, countTables(ops)) };
}

function checkHeader(doc: Scanned): Map<string, TableValue> {
  const format = doc.members.get('format');
  const version = doc.members.get('version');
  if (format !== EXPORT_FORMAT) throw new ImportError((t) => t('not a {0} export (no "format": "{0}")', EXPORT_FORMAT));
  if (typeof version !== 'number' || version > EXPORT_VERSION) throw new ImportError((t) => t('export version {0} is newer than this extension reads ({1})', String(version), EXPORT_VERSION));
  if (!doc.tables) throw new ImportError((t) => t('the export has no "tables"'));
  const unknown = [...doc.tables.keys()].find((t) => !(TRANSFER_TABLES as readonly string[]).includes(t));
  if (unknown !== undefined) throw new ImportError((t) => t('unknown table "{0}"', unknown), { table: unknown });
  return doc.tables;
}

// ---- The scan ----------------------------------------------------------------------------------

const syntaxError = (src: string, pos: number) => new ImportError((t) => t('the file is not valid JSON'), { line: lineAt(src, pos) });

/** The value that starts at `start` and ends at `end`, parsed; a syntax error names its line. */
function parseAt(src: string, start: number, end: number): unknown {
  const text = src.slice(start, end);
  try {
    return JSON.parse(text);
  } catch {
    throw syntaxError(src, start + Math.max(0, jsonErrorAt(text)));
  }
}

function skipSpace(src: string, i: number): number {
  for (;;) {
    const c = src.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/** The offset after the string that opens at `i`, or -1 when it never closes. */
function stringEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j + 1;
  }
  return -1;
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** The offset after the value that starts at `i` (its inside is left to JSON.parse), or -1. */
function valueEnd(src: string, i: number): number {
  const first = src.charCodeAt(i);
  if (first === 34) return stringEnd(src, i);
  if (first !== 123 && first !== 91) {
    LITERAL.lastIndex = i;
    return LITERAL.test(src) ? LITERAL.lastIndex : -1;
  }
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === 34) {
      j = stringEnd(src, j) - 1;
      if (j < 0) return -1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (--depth === 0) return j + 1;
    }
  }
  return -1;
}

/**
 * Walks the document for its members and the extent of each row. A syntax error found on the way
 * is reported only after the rows before it are parsed, so the error named is the first in the
 * file, as JSON.parse would find it.
 */
class Scan {
  private readonly spans: Span[] = [];

  constructor(
    private readonly src: string,
    private readonly progress: Progress
  ) {}

  *document(): Generator<Progress, Scanned, void> {
    const { src } = this;
    const doc: Scanned = { members: new Map(), spans: this.spans, rowCount: 0 };
    const start = skipSpace(src, 0);
    if (src.charCodeAt(start) !== 123) {
      // Not an object, so not an export: parse it whole only to tell a syntax error from the wrong file.
      parseAt(src, 0, src.length);
      return doc;
    }
    const end = yield* this.members(start, function* (this: Scan, key, at) {
      if (key === 'tables' && src.charCodeAt(at) === 123) {
        const tables = new Map<string, TableValue>();
        doc.tables = tables;
        return yield* this.members(at, function* (this: Scan, table, from) {
          if (src.charCodeAt(from) === 91) {
            const found = { spans: [] as Span[], rows: [] as unknown[] };
            tables.set(table, found);
            return yield* this.list(from, found);
          }
          const { value, end: after } = yield* this.plain(from);
          tables.set(table, { value });
          return after;
        });
      }
      const { value, end: after } = yield* this.plain(at);
      doc.members.set(key, value);
      if (key === 'tables') doc.tables = undefined;
      return after;
    });
    const rest = skipSpace(src, end);
    if (rest < src.length) return yield* this.fail(rest);
    doc.rowCount = [...(doc.tables?.values() ?? [])].reduce((n, t) => n + ('spans' in t ? t.spans.length : 0), 0);
    return doc;
  }

  /** A syntax error at `pos`, or at a row before it that JSON.parse refuses first. */
  private *fail(pos: number, error = syntaxError(this.src, pos)): Generator<Progress, never, void> {
    for (const span of this.spans) {
      parseAt(this.src, span.start, span.end);
      yield this.progress;
    }
    throw error;
  }

  /** Where a value that starts at `at` ends, the structure outside it having been checked. */
  private *extent(at: number): Generator<Progress, number, void> {
    const end = valueEnd(this.src, at);
    if (end >= 0) return end;
    // Never closed: the error is somewhere after `at` (a truncated file has it near the end).
    return yield* this.fail(at + Math.max(0, jsonErrorAt(this.src.slice(at))));
  }

  /** A value that is not walked: its extent, then JSON.parse. */
  private *plain(at: number): Generator<Progress, { value: unknown; end: number }, void> {
    const end = yield* this.extent(at);
    try {
      return { value: parseAt(this.src, at, end), end };
    } catch (e) {
      return yield* this.fail(at, e as ImportError);
    }
  }

  /**
   * Walks `{ "key": value, … }` from `i`: each key is parsed, and `onValue` reads its value and
   * returns where it ends. Returns the offset after the closing brace.
   */
  private *members(i: number, onValue: (this: Scan, key: string, at: number) => Generator<Progress, number, void>): Generator<Progress, number, void> {
    const { src } = this;
    i = skipSpace(src, i + 1);
    if (src.charCodeAt(i) === 125) return i + 1;
    for (;;) {
      if (src.charCodeAt(i) !== 34) return yield* this.fail(i);
      const keyEnd = stringEnd(src, i);
      if (keyEnd < 0) return yield* this.fail(i);
      const { value: key } = yield* this.plain(i);
      i = skipSpace(src, keyEnd);
      if (src.charCodeAt(i) !== 58) return yield* this.fail(i);
      i = skipSpace(src, yield* onValue.call(this, key as string, skipSpace(src, i + 1)));
      const c = src.charCodeAt(i);
      if (c === 125) return i + 1;
      if (c !== 44) return yield* this.fail(i);
      i = skipSpace(src, i + 1);
    }
  }

  /** The extent of each element of the list that opens at `i`. */
  private *list(i: number, table: { spans: Span[]; rows: unknown[] }): Generator<Progress, number, void> {
    const { src } = this;
    i = skipSpace(src, i + 1);
    if (src.charCodeAt(i) === 93) return i + 1;
    for (;;) {
      const end = yield* this.extent(i);
      const span = { start: i, end, into: table.rows };
      table.spans.push(span);
      this.spans.push(span);
      this.progress.done = end;
      yield this.progress;
      i = skipSpace(src, end);
      const c = src.charCodeAt(i);
      if (c === 93) return i + 1;
      if (c !== 44) return yield* this.fail(i);
      i = skipSpace(src, i + 1);
    }
  }
}

// ---- Lines -------------------------------------------------------------------------------------

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The line where a row's `"id": "…"` sits within its extent; undefined when it has no findable id. */
function lineOfId(text: string, row: unknown, span: Span): number | undefined {
  const id = typeof row === 'object' && row && 'id' in row ? (row as { id: unknown }).id : undefined;
  if (typeof id !== 'string') return undefined;
  const quoted = JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`"id"\\s*:\\s*${quoted}`).exec(text.slice(span.start, span.end));
  return m ? lineAt(text, span.start + m.index) : undefined;
}

/** Offset of the first JSON syntax error (JSON.parse does not always say where), or -1. */
export function jsonErrorAt(text: string): number {
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const escape = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        escape.lastIndex = i;
        if (!escape.exec(text)) fail();
        i = escape.lastIndex;
      } else if (text.charCodeAt(i) < 32) fail();
      else i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const list = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === close) return void i++;
      else fail();
    }
  };
  const member = () => {
    ws();
    if (text[i] !== '"') fail();
    str();
    ws();
    if (text[i] !== ':') fail();
    i++;
    value();
  };
  const value = (): void => {
    ws();
    if (text[i] === '{') return list('}', member);
    if (text[i] === '[') return list(']', value);
    if (text[i] === '"') return str();
    literal.lastIndex = i;
    if (!literal.exec(text)) fail();
    i = literal.lastIndex;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (e) {
    return typeof e === 'number' ? e : -1;
  }
}
