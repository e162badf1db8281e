// The one undo mechanism. Every change the journal actions write is recorded under a token with
// the rows as they were before it (or "new"). Undo writes those back with fresh stamps, or marks
// the new rows deleted, so an undo never loses data either. A row changed again since (in another
// window, or by a later action) is left as it is: undo never overwrites newer work.
import { tombstone } from '../core/entries';
import { newId } from '../core/ids';
import type { AnyRow, Op } from '../core/schemas';

/** How many changes of this window can still be undone. */
const KEEP = 50;

interface Change {
  written: Op[];
  /** The row before the change, by position in `written`; undefined for a row the change created. */
  before: (AnyRow | undefined)[];
}

export type UndoOutcome = 'undone' | 'nothing' | 'unknown';

export class UndoLog {
  private readonly changes = new Map<string, Change>();

  record(written: Op[], before: (AnyRow | undefined)[]): string {
    const token = newId();
    this.changes.set(token, { written, before });
    while (this.changes.size > KEEP) this.changes.delete(this.changes.keys().next().value as string);
    return token;
  }

  /** The newest change of this window still undoable. */
  latest(): string | undefined {
    return [...this.changes.keys()].pop();
  }

  /**
   * The ops that undo the change, given each row as it is now; undefined if the token is unknown
   * (too old, or undone already). The token is spent either way.
   */
  take(token: string, current: (op: Op) => AnyRow | undefined, now: number): Op[] | undefined {
    const change = this.changes.get(token);
    if (!change) return undefined;
    this.changes.delete(token);
    const iso = new Date(now).toISOString();
    const ops: Op[] = [];
    change.written.forEach((op, i) => {
      const row = current(op);
      if (!row || row.updatedAt !== op.row.updatedAt) return;
      const before = change.before[i];
      if (before) ops.push({ table: op.table, row: { ...before, updatedAt: iso } } as Op);
      else if (!row.deletedAt) ops.push({ table: op.table, row: tombstone(row, now) } as Op);
    });
    return ops;
  }
}
