// How each domain row maps onto SQL columns. The op log stores domain objects; this is the one
// place that knows the column names and how lists and flags are encoded.
import type { Database } from 'sql.js';
import { TABLE_NAMES, type Op, type RowTypes, type TableName } from '../core/schemas';

type Kind = 'text' | 'int' | 'real' | 'json' | 'bool';
interface Column {
  key: string;
  col: string;
  kind: Kind;
}

const c = (key: string, kind: Kind = 'text'): Column => ({
  key,
  col: key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`),
  kind
});

const BASE = [c('id'), c('createdAt'), c('updatedAt'), c('deletedAt')];
const STAMP = [c('at'), c('localDate'), c('utcOffset', 'int')];

export const TABLE_COLUMNS: Record<TableName, Column[]> = {
  checkins: [...BASE, ...STAMP, c('mood', 'int'), c('energy', 'int'), c('anxiety', 'int'), c('sleepHours', 'real'), c('note'), c('tags', 'json')],
  doses: [...BASE, ...STAMP, c('medicationId'), c('medication'), c('mg', 'real'), c('status'), c('checkinId')],
  medications: [...BASE, c('name'), c('unit'), c('form'), c('tabletMg', 'real'), c('split')],
  taper_steps: [...BASE, c('medicationId'), c('startDate'), c('targetMg', 'real'), c('note')],
  symptoms: [...BASE, ...STAMP, c('key'), c('label'), c('severity', 'int'), c('checkinId'), c('source')],
  life_events: [...BASE, ...STAMP, c('title'), c('note')],
  notes: [...BASE, ...STAMP, c('text')],
  appointments: [...BASE, c('date'), c('time'), c('provider'), c('questions', 'json'), c('outcome'), c('outcomeAsked', 'bool')],
  questionnaires: [...BASE, ...STAMP, c('kind'), c('answers', 'json'), c('total', 'int'), c('band'), c('difficulty', 'int')],
  recalled_periods: [...BASE, c('medication'), c('startDate'), c('endDate'), c('mg', 'real'), c('context'), c('mood', 'int'), c('certainty')],
  tablet_supply: [...BASE, ...STAMP, c('medicationId'), c('kind'), c('tablets', 'real')],
  inbox_lines: [...BASE, c('timeId'), c('rows', 'json'), c('importedAt')]
};

export type SqlValue = string | number | null | Uint8Array;

export function toParams<T extends TableName>(table: T, row: RowTypes[T]): SqlValue[] {
  const r = row as unknown as Record<string, unknown>;
  return TABLE_COLUMNS[table].map(({ key, kind }) => {
    const v = r[key];
    if (v === undefined || v === null) return null;
    if (kind === 'json') return JSON.stringify(v);
    if (kind === 'bool') return v ? 1 : 0;
    return v as SqlValue;
  });
}

/**
 * A function turning SQL result rows (with these column names) back into domain objects, still to
 * be validated by the caller. Built once per query: it runs for every row of a year-long summary.
 */
export function rowDecoder(table: TableName, columns: string[]): (values: SqlValue[]) => Record<string, unknown> {
  const spec = new Map(TABLE_COLUMNS[table].map((col) => [col.col, col]));
  const fields = columns.map((name, i) => ({ i, col: spec.get(name) })).filter((f): f is { i: number; col: Column } => f.col !== undefined);
  return (values) => {
    const out: Record<string, unknown> = {};
    for (const { i, col } of fields) {
      const v = values[i];
      out[col.key] = col.kind === 'json' ? parseJson(v) : col.kind === 'bool' ? v === 1 : v;
    }
    return out;
  };
}

function parseJson(v: SqlValue): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v; // left as text so validation reports the row instead of throwing here
  }
}

/** An ISO instant in one spelling ("…:00Z" and "…:00.000Z" are the same moment), for comparing. */
const instant = (col: string) => `coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', ${col}), ${col})`;

/**
 * Whether the incoming version (`excluded`) wins over the stored one. The newer updated_at wins.
 * On equal stamps (two machines editing the same row in the same millisecond, or both editing a
 * future-stamped row, which gives both edits that stamp + 1 ms) a deleted version wins over a live
 * one, then the version whose column values sort higher: an arbitrary order, but a fixed one that
 * needs nothing beyond the row itself, so every copy of the journal picks the same winner in any
 * order (see "Time and ties" in docs/architecture.md). A version equal to the stored one is not applied,
 * so replaying a log twice changes nothing.
 */
export function winsSql(table: TableName): string {
  const cols = TABLE_COLUMNS[table].map((x) => x.col);
  const [inNew, inOld] = [instant('excluded.updated_at'), instant(`${table}.updated_at`)];
  const content = (t: string) => `(${t}.deleted_at IS NOT NULL, json_array(${cols.map((x) => `${t}.${x}`).join(', ')}))`;
  return `(${inNew} > ${inOld} OR (${inNew} = ${inOld} AND ${content('excluded')} > ${content(table)}))`;
}

export function upsertSql(table: TableName): string {
  const cols = TABLE_COLUMNS[table].map((x) => x.col);
  const updates = cols.filter((x) => x !== 'id').map((x) => `${x} = excluded.${x}`);
  return (
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ` +
    `ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')} WHERE ${winsSql(table)}`
  );
}

export function selectColumns(table: TableName): string {
  return TABLE_COLUMNS[table].map((x) => x.col).join(', ');
}

/** Every row of every table in `db`, decoded but not validated yet: one list of ops per table. */
export function readAllOps(db: Database): Op[][] {
  return TABLE_NAMES.map((table) => {
    const result = db.exec(`SELECT ${selectColumns(table)} FROM ${table}`)[0];
    if (!result) return [];
    const decode = rowDecoder(table, result.columns);
    return result.values.map((values) => ({ table, row: decode(values as SqlValue[]) }) as unknown as Op);
  });
}
