// One row from an imported file becomes one op, or an ImportError that says where the row is and
// what is wrong with it. Shared by the JSON and CSV readers of the journal's own exports.
import { es } from 'zod/locales';
import type * as z from 'zod/mini';
import { ImportError, type Words } from './errors';
import { illFormedText, stampProblem } from './checks';
import { BadRowError, validateRow, type AnyRow, type Op, type TableName } from '../schemas';

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

export function emptyPreview(entries: number, tables: ImportPreview['tables'] = {}): ImportPreview {
  return { entries, duplicates: 0, differing: 0, rejected: [], tables };
}

export function countTables(ops: readonly Op[]): ImportPreview['tables'] {
  const out: ImportPreview['tables'] = {};
  for (const op of ops) out[op.table] = (out[op.table] ?? 0) + 1;
  return out;
}

export interface Where {
  file?: string;
  line?: number;
  /** Position in the table's list, when no line can be found. */
  item?: number;
}

// zod's own words for a broken rule, for the languages the extension speaks (English is the default).
const ZOD_WORDS: Record<string, (issue: z.core.$ZodRawIssue) => { message: string } | string | undefined | null> = { es: es().localeError };

/** The rule a row broke ("mood: Too big: expected number to be <=10"), in zod's words for `locale`. */
function issueWords(e: BadRowError): Words {
  return (_t, locale) => {
    const say = ZOD_WORDS[locale.toLowerCase().split('-')[0]];
    if (!say || e.issues.length === 0) return e.detail;
    return e.issues
      .slice(0, 3)
      .map((i) => {
        const m = say(i);
        return `${(i.path ?? []).join('.') || 'value'}: ${typeof m === 'string' ? m : (m?.message ?? i.message ?? '')}`;
      })
      .join('; ');
  };
}

/** What is wrong with a row, after the row: its id, or its place in the list and its id. */
function rowWords(table: TableName, id: string, item: number | undefined, problem: Words): Words {
  return (t, locale) =>
    item ? t('table "{0}", row {1} (id {2}): {3}', table, item, id, problem(t, locale)) : t('table "{0}", row {1}: {2}', table, id, problem(t, locale));
}

/**
 * Validates one row, turning a schema failure, text that is not well-formed Unicode, or a stamp or
 * date no import may bring (see importChecks.ts) into an ImportError that says where it is.
 */
export function checkedOp(table: TableName, row: unknown, locate: () => Where, seen: Set<string>, now: number): Op {
  // locate() runs only on failure: finding a line in a large file is not free.
  let valid: AnyRow;
  try {
    valid = validateRow(table, row);
  } catch (e) {
    if (!(e instanceof BadRowError)) throw e;
    const { file, line, item } = locate();
    throw new ImportError(rowWords(table, e.rowId, item, issueWords(e)), { file, line, table, rowId: e.rowId });
  }
  const problem = illFormedText(valid) ?? stampProblem(valid, now, table);
  if (problem) {
    const { file, line, item } = locate();
    throw new ImportError(rowWords(table, valid.id, item, problem), { file, line, table, rowId: valid.id });
  }
  if (seen.has(valid.id)) {
    const { file, line } = locate();
    throw new ImportError((t) => t('table "{0}", row {1} appears twice', table, valid.id), { file, line, table, rowId: valid.id });
  }
  seen.add(valid.id);
  return { table, row: valid } as Op;
}
