// The inbox's ledger in the journal (table inbox_lines): one row per line read, by the line's id,
// with the rows the line made. It makes import exactly-once wherever the journal syncs to: a line
// whose id is in the ledger (live or undone) is never read again; a line whose time id matches a
// live ledger row but whose id differs was edited on the phone after import, and replaces what the
// earlier version made, in the same change (so one Undo restores the earlier version). Pure.
import { tombstone } from '../entries';
import type { AnyRow, InboxLineRow, Op, TableName } from '../schemas';
import type { InboxEntry } from './types';

/** What the wiring looks up in the journal for one read of the inbox. */
export interface LedgerView {
  /** The ledger row of a line id, deleted or not. */
  byId(id: string): InboxLineRow | undefined;
  /** The live ledger rows with this time id. */
  liveByTimeId(timeId: string): InboxLineRow[];
  /** A journal row, to mark what an edited line made as deleted. */
  row(table: TableName, id: string): AnyRow | undefined;
}

export interface PlannedLine {
  entry: InboxEntry;
  /** Ledger rows of earlier versions of this line, whose rows it replaces. */
  replaces: InboxLineRow[];
}

export interface LedgerPlan {
  /** Lines to read in, in file order. */
  fresh: PlannedLine[];
  /** Lines already in the ledger: cleared from the inbox, never read again. */
  seen: InboxEntry[];
}

/** "table:id" of a row a line made. */
export const rowKey = (op: { table: string; row: { id: string } }): string => `${op.table}:${op.row.id}`;

export function planLines(entries: readonly InboxEntry[], ledger: Pick<LedgerView, 'byId' | 'liveByTimeId'>): LedgerPlan {
  const present = new Set(entries.map((e) => e.id));
  const fresh: PlannedLine[] = [];
  const seen: InboxEntry[] = [];
  const taken = new Set<string>();
  for (const entry of entries) {
    if (ledger.byId(entry.id) || taken.has(entry.id)) {
      seen.push(entry);
      continue;
    }
    taken.add(entry.id);
    // An earlier version that is still in the file is a line of its own, not one this edits.
    const replaces = ledger.liveByTimeId(entry.timeId).filter((r) => !present.has(r.id));
    fresh.push({ entry, replaces });
  }
  // Two edits of one line in one read: the first takes the earlier version, the second adds.
  const claimed = new Set<string>();
  for (const p of fresh) {
    p.replaces = p.replaces.filter((r) => !claimed.has(r.id));
    for (const r of p.replaces) claimed.add(r.id);
  }
  return { fresh, seen };
}

/** The ledger row of a line just read, listing the rows it made. */
export function ledgerRow(entry: InboxEntry, made: readonly Op[], now: number): InboxLineRow {
  const iso = new Date(now).toISOString();
  return { id: entry.id, createdAt: iso, updatedAt: iso, deletedAt: null, timeId: entry.timeId, rows: made.map(rowKey), importedAt: iso };
}

/** Marks what an earlier version of a line made as deleted, and its ledger row too. */
export function replacedOps(old: InboxLineRow, view: Pick<LedgerView, 'row'>, now: number): Op[] {
  const ops: Op[] = [];
  for (const key of old.rows) {
    const at = key.indexOf(':');
    const row = view.row(key.slice(0, at) as TableName, key.slice(at + 1));
    if (row && !row.deletedAt) ops.push({ table: key.slice(0, at), row: tombstone(row, now) } as Op);
  }
  ops.push({ table: 'inbox_lines', row: tombstone(old, now) });
  return ops;
}
