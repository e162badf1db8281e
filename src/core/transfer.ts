// Export and import of the journal's own formats (versioned JSON, one CSV per table). Pure: text
// in, text or ops out. Imports are all or nothing: one invalid row rejects the whole file, with an
// error naming the file, line, table and row, so nothing is half imported.
import * as Papa from 'papaparse';
import { implausibleStamp } from './importChecks';
import { IMPORT_MAX_BYTES } from './limits';
import { BadRowError, TABLE_NAMES, rowSchemas, validateRow, type AnyRow, type Op, type RowTypes, type TableName } from './schemas';

export const EXPORT_FORMAT = 'mood-dose-journal';
/** 2: schema v3's recalled periods and tablet supply. Version 1 files still import (new fields take their defaults). */
export const EXPORT_VERSION = 2;

export type RowsByTable = { [T in TableName]?: readonly RowTypes[T][] };

export interface Rejected {
  line: number;
  reason: string;
}

export interface ImportPreview {
  /** Rows that would be written. */
  entries: number;
  /** Rows skipped because their id is already there (in the journal, or earlier in the file). */
  duplicates: number;
  /** Of the duplicates, those whose content differs from the row already there (left as it is). */
  differing: number;
  rejected: Rejected[];
  tables: Partial<Record<TableName, number>>;
}

export interface ImportResult {
  ops: Op[];
  preview: ImportPreview;
}

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

// ---- Reading the chosen files ----------------------------------------------------------------

/** Refuses an import larger than IMPORT_MAX_BYTES (all chosen files together), before any is read. */
export function checkImportSize(files: readonly { file: string; size: number }[]): void {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total <= IMPORT_MAX_BYTES) return;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  throw new ImportError(`the chosen files hold ${mb(total)} MB; an import can be at most ${mb(IMPORT_MAX_BYTES)} MB. Choose fewer files at a time.`, {
    file: files.map((f) => f.file).join(', ')
  });
}

/**
 * The file's text. Bytes that are not UTF-8 are refused: decoding them leniently would turn each
 * into U+FFFD and import the damage as if it were what the user wrote.
 */
export function decodeImportText(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('the file is not UTF-8 text. Open it in an editor, save it with the UTF-8 encoding, then import it again.', { file });
  }
}

// ---- Canonical rows --------------------------------------------------------------------------

type Probe = { safeParse(v: unknown): { success: boolean } };
const shapeOf = (table: TableName) => rowSchemas[table].shape as unknown as Record<string, Probe>;

const COLUMNS = new Map(TABLE_NAMES.map((t) => [t, Object.keys(shapeOf(t))]));

/** The table's columns in schema order: the one key order used by every export. */
export function columnsOf(table: TableName): string[] {
  return COLUMNS.get(table)!;
}

/** The row with exactly the schema's keys, in schema order, so equal rows serialise equally. */
function canonicalRow(table: TableName, row: AnyRow): Record<string, unknown> {
  const r = row as unknown as Record<string, unknown>;
  return Object.fromEntries(columnsOf(table).map((c) => [c, r[c] ?? null]));
}

function sortedRows(table: TableName, rows: RowsByTable): Record<string, unknown>[] {
  const list = [...((rows[table] ?? []) as readonly AnyRow[])];
  return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => canonicalRow(table, r));
}

function emptyPreview(entries: number, tables: ImportPreview['tables'] = {}): ImportPreview {
  return { entries, duplicates: 0, differing: 0, rejected: [], tables };
}

function countTables(ops: readonly Op[]): ImportPreview['tables'] {
  const out: ImportPreview['tables'] = {};
  for (const op of ops) out[op.table] = (out[op.table] ?? 0) + 1;
  return out;
}

interface Where {
  file?: string;
  line?: number;
  /** Position in the table's list, when no line can be found. */
  item?: number;
}

/**
 * Validates one row, turning a schema failure (or a stamp no import may bring, see importChecks.ts)
 * into an ImportError that says where it is.
 */
function checkedOp(table: TableName, row: unknown, locate: () => Where, seen: Set<string>, now: number): Op {
  // locate() runs only on failure: finding a line in a large file is not free.
  let valid: AnyRow;
  try {
    valid = validateRow(table, row);
  } catch (e) {
    if (!(e instanceof BadRowError)) throw e;
    const { file, line, item } = locate();
    throw new ImportError(`table "${table}", row ${item ? `${item} (id ${e.rowId})` : e.rowId}: ${e.detail}`, { file, line, table, rowId: e.rowId });
  }
  const implausible = implausibleStamp(valid, now, table);
  if (implausible) {
    const { file, line, item } = locate();
    throw new ImportError(`table "${table}", row ${item ? `${item} (id ${valid.id})` : valid.id}: ${implausible}`, { file, line, table, rowId: valid.id });
  }
  if (seen.has(valid.id)) {
    const { file, line } = locate();
    throw new ImportError(`table "${table}", row ${valid.id} appears twice`, { file, line, table, rowId: valid.id });
  }
  seen.add(valid.id);
  return { table, row: valid } as Op;
}

// ---- JSON ------------------------------------------------------------------------------------

/** Deterministic: tables in TABLE_NAMES order, rows by id, keys in schema order, 2-space indent. */
export function exportJson(rows: RowsByTable, exportedAt: string): string {
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, sortedRows(t, rows)]));
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, tables }, null, 2) + '\n';
}

/** `now` bounds the stamps an import may bring (see importChecks.ts); `file` is named in errors. */
export function importJson(text: string, now = Date.now(), file?: string): ImportResult {
  try {
    return readJson(text, now);
  } catch (e) {
    if (e instanceof ImportError && file && !e.where.file) throw new ImportError(e.reason, { ...e.where, file });
    throw e;
  }
}

function readJson(text: string, now: number): ImportResult {
  const src = text.replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(src);
  } catch {
    const pos = jsonErrorAt(src);
    throw new ImportError('the file is not valid JSON', pos >= 0 ? { line: lineAt(src, pos) } : {});
  }
  const tables = checkHeader(doc);
  const seen = new Set<string>();
  const ops: Op[] = [];
  for (const table of TABLE_NAMES) {
    const rows = tables[table] ?? [];
    if (!Array.isArray(rows)) throw new ImportError(`"tables.${table}" is not a list`, { table });
    rows.forEach((row: unknown, i) => {
      const locate = () => {
        const line = lineOfRow(src, row);
        return line ? { line } : { item: i + 1 };
      };
      ops.push(checkedOp(table, row, locate, seen, now));
    });
  }
  return { ops, preview: emptyPreview(ops.length, countTables(ops)) };
}

function checkHeader(doc: unknown): Record<string, unknown> {
  const d = (doc ?? {}) as { format?: unknown; version?: unknown; tables?: unknown };
  if (typeof doc !== 'object' || d.format !== EXPORT_FORMAT) throw new ImportError(`not a ${EXPORT_FORMAT} export (no "format": "${EXPORT_FORMAT}")`);
  if (typeof d.version !== 'number' || d.version > EXPORT_VERSION) throw new ImportError(`export version ${String(d.version)} is newer than this extension reads (${EXPORT_VERSION})`);
  if (typeof d.tables !== 'object' || d.tables === null) throw new ImportError('the export has no "tables"');
  const unknown = Object.keys(d.tables).filter((t) => !(TABLE_NAMES as string[]).includes(t));
  if (unknown.length) throw new ImportError(`unknown table "${unknown[0]}"`, { table: unknown[0] });
  return d.tables as Record<string, unknown>;
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line where a row's `"id": "…"` sits; undefined when it has no findable id. */
function lineOfRow(text: string, row: unknown): number | undefined {
  const id = typeof row === 'object' && row && 'id' in row ? (row as { id: unknown }).id : undefined;
  if (typeof id !== 'string') return undefined;
  const quoted = JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`"id"\\s*:\\s*${quoted}`).exec(text);
  return m ? lineAt(text, m.index) : undefined;
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

// ---- CSV -------------------------------------------------------------------------------------

export interface CsvRecord {
  /** 1-based line the record starts on (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

/** Parses CSV with papaparse, keeping each record's line; blank lines are skipped. */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let start = 0;
  let line = 1;
  const advance = (to: number) => {
    for (; start < to; start++) if (src.charCodeAt(start) === 10) line++;
  };
  Papa.parse<string[]>(src, {
    delimiter: ',',
    step: (result) => {
      advance(start);
      while (start < src.length && (src[start] === '\n' || src[start] === '\r')) advance(start + 1);
      const first = line;
      if (result.errors.length) throw new ImportError(result.errors[0].message, { file, line: first });
      advance(result.meta.cursor);
      if (result.data.some((c) => c.trim() !== '')) records.push({ line: first, cells: result.data });
    }
  });
  return records;
}

const NUMBER_COLUMNS = new Set(['utcOffset', 'mood', 'energy', 'anxiety', 'sleepHours', 'mg', 'targetMg', 'severity', 'total', 'difficulty', 'tabletMg', 'tablets']);
const JSON_COLUMNS = new Set(['tags', 'questions', 'answers']);
const BOOL_COLUMNS = new Set(['outcomeAsked']);

/** Numbers stay numbers, so papaparse leaves them unescaped: "-300" in utcOffset is no formula. */
function encodeCell(column: string, value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (JSON_COLUMNS.has(column)) return JSON.stringify(value);
  if (typeof value === 'number') return value;
  return String(value);
}

/**
 * Text a spreadsheet would run as a formula starts with = + - @ tab or CR. Export puts one ' in
 * front of such a cell (papaparse's escapeFormulae), and also in front of a cell that already starts
 * with apostrophes before one of them, so import can take exactly one off and the round trip is
 * exact: "'=x" is exported as "''=x" and comes back as "'=x".
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

export function unescapeFormula(cell: string): string {
  return ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

/** An empty cell is null in a nullable column (so a nullable text holding "" comes back as null). */
function decodeCell(table: TableName, column: string, raw: string, where: { file: string; line: number }): unknown {
  const cell = unescapeFormula(raw);
  if (cell === '' && shapeOf(table)[column].safeParse(null).success) return null;
  if (JSON_COLUMNS.has(column)) {
    try {
      return JSON.parse(cell);
    } catch {
      throw new ImportError(`column "${column}" is not valid JSON`, { ...where, table });
    }
  }
  if (NUMBER_COLUMNS.has(column) && cell.trim() !== '' && !Number.isNaN(Number(cell))) return Number(cell);
  if (BOOL_COLUMNS.has(column) && (cell === 'true' || cell === 'false')) return cell === 'true';
  return cell; // anything else is left as text, and validation names the column
}

/** One file per table (`checkins.csv`, …), rows by id; list columns hold JSON text; formulae are escaped. */
export function exportCsv(rows: RowsByTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of TABLE_NAMES) {
    const fields = columnsOf(table);
    const data = sortedRows(table, rows).map((r) => fields.map((c) => encodeCell(c, r[c])));
    const text = Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: FORMULA });
    out[`${table}.csv`] = text.endsWith('\r\n') ? text : `${text}\r\n`; // a cell ending in a newline is quoted
  }
  return out;
}

export function importCsv(files: Record<string, string>, now = Date.now()): ImportResult {
  const byTable = new Map<TableName, { file: string; text: string }>();
  for (const [file, text] of Object.entries(files)) {
    const table = (file.split(/[\\/]/).pop() ?? '').replace(/\.csv$/i, '') as TableName;
    if (!TABLE_NAMES.includes(table)) throw new ImportError(`not a journal table file (expected one of ${TABLE_NAMES.map((t) => `${t}.csv`).join(', ')})`, { file });
    const other = byTable.get(table);
    if (other) throw new ImportError(`${other.file} is also a "${table}" table. Import one export folder at a time.`, { file, table });
    byTable.set(table, { file, text });
  }
  const seen = new Set<string>();
  const ops: Op[] = [];
  for (const table of TABLE_NAMES) {
    const f = byTable.get(table);
    if (f) ops.push(...csvOps(table, f.file, f.text, seen, now));
  }
  return { ops, preview: emptyPreview(ops.length, countTables(ops)) };
}

function csvOps(table: TableName, file: string, text: string, seen: Set<string>, now: number): Op[] {
  const [header, ...records] = parseCsv(text, file);
  if (!header) return [];
  const columns = columnsOf(table);
  const names = header.cells.map((c) => c.trim());
  // A column added later (medications' tabletMg and split) may be missing from an older export: it takes its default.
  const missing = columns.find((c) => !names.includes(c) && !shapeOf(table)[c].safeParse(undefined).success);
  if (missing) throw new ImportError(`missing column "${missing}"`, { file, line: header.line, table });
  const extra = names.find((n) => !columns.includes(n));
  if (extra) throw new ImportError(`unknown column "${extra}"`, { file, line: header.line, table });
  return records.map(({ line, cells }) => {
    if (cells.length !== names.length) throw new ImportError(`${cells.length} cells, the header has ${names.length}`, { file, line, table });
    const row = Object.fromEntries(names.map((n, i) => [n, decodeCell(table, n, cells[i], { file, line })]));
    return checkedOp(table, row, () => ({ file, line }), seen, now);
  });
}

// ---- Planning an import ----------------------------------------------------------------------

/** The ids already in the journal, or a lookup returning the stored row (to compare content). */
export type ExistingRows = ReadonlySet<string> | ((table: TableName, id: string) => AnyRow | undefined);

/**
 * Drops rows whose id is already in the journal (or earlier in the same import), so importing the
 * same file twice writes nothing the second time. Existing rows are never overwritten by an import.
 */
export function planImport(incoming: ImportResult | readonly Op[], existing: ExistingRows): { toWrite: Op[]; preview: ImportPreview; newer: number } {
  const ops = 'ops' in incoming ? incoming.ops : (incoming as readonly Op[]);
  const rejected = 'preview' in incoming ? incoming.preview.rejected : [];
  const seen = new Set<string>();
  const toWrite: Op[] = [];
  let duplicates = 0;
  let differing = 0;
  let newer = 0;
  for (const op of ops) {
    const stored = typeof existing === 'function' ? existing(op.table, op.row.id) : undefined;
    const exists = typeof existing === 'function' ? stored !== undefined : existing.has(op.row.id);
    if (exists || seen.has(op.row.id)) {
      duplicates++;
      if (stored && JSON.stringify(canonicalRow(op.table, stored)) !== JSON.stringify(canonicalRow(op.table, op.row))) {
        differing++;
        if (op.row.updatedAt > stored.updatedAt) newer++;
      }
      continue;
    }
    seen.add(op.row.id);
    toWrite.push(op);
  }
  return { toWrite, preview: { entries: toWrite.length, duplicates, differing, rejected: [...rejected], tables: countTables(toWrite) }, newer };
}

/** Rows grouped by table from a list of ops; a later op for the same id replaces an earlier one. */
export function rowsFromOps(ops: readonly Op[]): RowsByTable {
  const maps = new Map<TableName, Map<string, AnyRow>>();
  for (const op of ops) {
    const m = maps.get(op.table) ?? new Map<string, AnyRow>();
    m.set(op.row.id, op.row);
    maps.set(op.table, m);
  }
  return Object.fromEntries([...maps].map(([t, m]) => [t, [...m.values()]])) as RowsByTable;
}
