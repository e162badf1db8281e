// Stamps for local edits: a hybrid logical clock. A row's updated_at decides which version wins
// everywhere (log replay, snapshot merge, sync conflict copies), so an edit must be stamped after
// the version it replaces even when that version carries a future time (an import, a device whose
// clock ran ahead) or this machine's clock went backwards.
import type { Op } from '../core/schemas';

/** `max(now, current + 1 ms)`: never earlier than the wall clock, always after the row it edits. */
export function editStamp(now: number, current: string | undefined): string {
  const after = current === undefined ? Number.NaN : Date.parse(current) + 1;
  return new Date(Number.isFinite(after) && after > now ? after : now).toISOString();
}

/**
 * The ops of one local change, each row restamped by `editStamp` against the version this store
 * holds. The wall clock is the time the caller built the row with (its updatedAt); `current`
 * returns the held version's updated_at, or undefined for a new row.
 */
export function stampLocalEdits(ops: readonly Op[], current: (op: Op) => string | undefined): Op[] {
  // A row written twice in one change: the second must come after the first as well.
  const inThisChange = new Map<string, string>();
  return ops.map((op) => {
    const key = `${op.table}:${op.row.id}`;
    const updatedAt = editStamp(Date.parse(op.row.updatedAt), inThisChange.get(key) ?? current(op));
    inThisChange.set(key, updatedAt);
    return { table: op.table, row: { ...op.row, updatedAt } } as Op;
  });
}
