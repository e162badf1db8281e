// Export and import of the journal's own formats (versioned JSON, one CSV per table). Pure: text
// in, text or ops out. Imports are all or nothing: one invalid row rejects the whole file, with an
// error naming the file, line, table and row, so nothing is half imported. Reading, checking and
// planning are work that yields after each row (importPace.ts): run at once, or paced.
import * as Papa from 'papaparse';
import { csvRecords, csvRowCount } from './csv';
import { checkRowCount, ImportError } from './errors';
import { fixed } from '../entries';
import { plural } from '../plural';
import { runNow, type Progress, type Work } from './pace';
import { checkedOp, countTables, emptyPreview, type ImportPreview, type ImportResult } from './rows';
import { EXPORT_FORMAT, EXPORT_VERSION } from './json';
import { IMPORT_MAX_BYTES } from '../limits';
import { TRANSFER_TABLES, rowSchemas, type AnyRow, type Op, type RowTypes, type TableName } from '../schemas';

export { ImportError, checkRowCount, say, type Words } from './errors';
export { csvRecords, parseCsv, type CsvRecord } from './csv';
export { ImportCancelled, nextTurn, runNow, runPaced, type ImportControl, type Progress, type Work } from './pace';
export type { ImportPreview, ImportResult, Rejected } from './rows';
export { EXPORT_FORMAT, EXPORT_VERSION, importJson, jsonErrorAt, jsonWork } from './json';

export type RowsByTable = { [T in TableName]?: readonly RowTypes[T][] };

// ---- Reading the chosen files ----------------------------------------------------------------

/** Refuses an import larger than IMPORT_MAX_BYTES (all chosen files together), before any is read. */
export function checkImportSize(files: readonly { file: string; size: number }[]): void {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total <= IMPORT_MAX_BYTES) return;
  const mb = (n: number) => fixed(n / 1024 / 1024, 1);
  throw new ImportError((t) => t('the chosen files hold {0} MB; an import can be at most {1} MB. Choose fewer files at a time.', mb(total), mb(IMPORT_MAX_BYTES)), {
    file: files.map((f) => f.file).join(', ')
  });
}

/**
 * The file's text. Bytes that are not UTF-8 are refused: decoding them leniently would turn each
 * into U+FFFD and import the damage as if it were what the user wrote.
 */
export function decodeImportText(bytes: Uint8Array, file: string): string {
  return runNow(decodeWork(bytes, file));
}

/** Bytes decoded per step: decoding 70 MB at once holds the event loop for 60 to 250 ms. */
const DECODE_BYTES = 1024 * 1024;

/** decodeImportText as work that yields after each MB (a character split between two is kept whole). */
export function* decodeWork(bytes: Uint8Array, file: string): Work<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  const progress: Progress = { done: 0, total: bytes.length };
  try {
    for (let at = 0; at < bytes.length; at += DECODE_BYTES) {
      parts.push(decoder.decode(bytes.subarray(at, at + DECODE_BYTES), { stream: true }));
      progress.done = Math.min(bytes.length, at + DECODE_BYTES);
      yield progress;
    }
    parts.push(decoder.decode());
  } catch {
    throw new ImportError((t) => t('the file is not UTF-8 text. Open it in an editor, save it with the UTF-8 encoding, then import it again.'), { file });
  }
  return parts.join('');
}

// ---- Canonical rows --------------------------------------------------------------------------

type Probe = { safeParse(v: unknown): { success: boolean } };
const shapeOf = (table: TableName) => rowSchemas[table].shape as unknown as Record<string, Probe>;

const COLUMNS = new Map<TableName, string[]>(TRANSFER_TABLES.map((t) => [t, Object.keys(shapeOf(t))]));

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

// ---- JSON ------------------------------------------------------------------------------------

/** Deterministic: tables in TRANSFER_TABLES order, rows by id, keys in schema order, 2-space indent. */
export function exportJson(rows: RowsByTable, exportedAt: string): string {
  const tables = Object.fromEntries(TRANSFER_TABLES.map((t) => [t, sortedRows(t, rows)]));
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, tables }, null, 2) + '\n';
}

// ---- CSV -------------------------------------------------------------------------------------

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
      throw new ImportError((t) => t('column "{0}" is not valid JSON', column), { ...where, table });
    }
  }
  if (NUMBER_COLUMNS.has(column) && cell.trim() !== '' && !Number.isNaN(Number(cell))) return Number(cell);
  if (BOOL_COLUMNS.has(column) && (cell === 'true' || cell === 'false')) return cell === 'true';
  return cell; // anything else is left as text, and validation names the column
}

/** One file per table (`checkins.csv`, …), rows by id; list columns hold JSON text; formulae are escaped. */
export function exportCsv(rows: RowsByTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of TRANSFER_TABLES) {
    const fields = columnsOf(table);
    const data = sortedRows(table, rows).map((r) => fields.map((c) => encodeCell(c, r[c])));
    const text = Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: FORMULA });
    out[`${table}.csv`] = text.endsWith('\r\n') ? text : `${text}\r\n`; // a cell ending in a newline is quoted
  }
  return out;
}

export function importCsv(files: Record<string, string>, now = Date.now()): ImportResult {
  return runNow(csvWork(files, now));
}

/** importCsv as work that yields after each row (see importPace.ts). */
export function* csvWork(files: Record<string, string>, now = Date.now()): Work<ImportResult> {
  const byTable = new Map<TableName, { file: string; text: string }>();
  for (const [file, text] of Object.entries(files)) {
    const table = (file.split(/[\\/]/).pop() ?? '').replace(/\.csv$/i, '') as TableName;
    if (!(TRANSFER_TABLES as readonly string[]).includes(table)) throw new ImportError((t) => t('not a journal table file (expected one of {0})', TRANSFER_TABLES.map((name) => `${name}.csv`).join(', ')), { file });
    const other = byTable.get(table);
    if (other) throw new ImportError((t) => t('{0} is also a "{1}" table. Import one export folder at a time.', other.file, table), { file, table });
    byTable.set(table, { file, text });
  }
  // Every file is counted (and refused if too long) before any row is checked.
  const progress: Progress = { done: 0, total: 0 };
  for (const f of byTable.values()) {
    const rows = yield* csvRowCount(f.text, f.file);
    checkRowCount(f.file, rows);
    progress.total += rows;
  }
  const seen = new Set<string>();
  const ops: Op[] = [];
  for (const table of TRANSFER_TABLES) {
    const f = byTable.get(table);
    if (f) yield* csvOps(table, f.file, f.text, seen, now, ops, progress);
  }
  return { ops, preview: emptyPreview(ops.length, countTables(ops)) };
}

function* csvOps(table: TableName, file: string, text: string, seen: Set<string>, now: number, ops: Op[], progress: Progress): Generator<Progress, void, void> {
  const records = csvRecords(text, file);
  const header = records.next();
  if (header.done) return;
  const columns = columnsOf(table);
  const names = header.value.cells.map((c) => c.trim());
  // A column added later (medications' tabletMg and split) may be missing from an older export: it takes its default.
  const missing = columns.find((c) => !names.includes(c) && !shapeOf(table)[c].safeParse(undefined).success);
  if (missing) throw new ImportError((t) => t('missing column "{0}"', missing), { file, line: header.value.line, table });
  const extra = names.find((n) => !columns.includes(n));
  if (extra) throw new ImportError((t) => t('unknown column "{0}"', extra), { file, line: header.value.line, table });
  for (const { line, cells } of records) {
    if (cells.length !== names.length) {
      const [got, want] = [cells.length, names.length];
      throw new ImportError((t, locale) => plural(got, { one: t('{0} cell, the header has {1}', got, want), other: t('{0} cells, the header has {1}', got, want) }, locale), { file, line, table });
    }
    const row = Object.fromEntries(names.map((n, i) => [n, decodeCell(table, n, cells[i], { file, line })]));
    ops.push(checkedOp(table, row, () => ({ file, line }), seen, now));
    progress.done++;
    yield progress;
  }
}

// ---- Planning an import ----------------------------------------------------------------------

/** The ids already in the journal, or a lookup returning the stored row (to compare content). */
export type ExistingRows = ReadonlySet<string> | ((table: TableName, id: string) => AnyRow | undefined);

/**
 * Drops rows whose id is already in the journal (or earlier in the same import), so importing the
 * same file twice writes nothing the second time. Existing rows are never overwritten by an import.
 */
export function planImport(incoming: ImportResult | readonly Op[], existing: ExistingRows): ImportPlan {
  return runNow(planWork(incoming, existing));
}

export interface ImportPlan {
  toWrite: Op[];
  preview: ImportPreview;
  /** Duplicates whose row in the file was edited later than the journal's own version. */
  newer: number;
}

/** planImport as work that yields after each row (see importPace.ts). */
export function* planWork(incoming: ImportResult | readonly Op[], existing: ExistingRows): Work<ImportPlan> {
  const ops = 'ops' in incoming ? incoming.ops : (incoming as readonly Op[]);
  const rejected = 'preview' in incoming ? incoming.preview.rejected : [];
  const seen = new Set<string>();
  const toWrite: Op[] = [];
  const progress: Progress = { done: 0, total: ops.length };
  let duplicates = 0;
  let differing = 0;
  let newer = 0;
  for (const op of ops) {
    progress.done++;
    yield progress;
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
