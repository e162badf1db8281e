// A journal epoch: which restore the journal descends from. Restoring a backup starts a new epoch,
// recorded in the snapshot's `meta` table, so a window that finds a newer epoch on disk reloads
// from disk instead of merging its own rows back in (see "Restore" in docs/architecture.md).
import type { Database } from 'sql.js';
import { newId } from '../core/ids';
import { editStamp } from './clockStamp';

export interface Epoch {
  /** When the restore happened, as a clock stamp: later than the epoch it replaced, whatever the clock says. */
  at: string;
  id: string;
}

const KEY = 'epoch';

/** The epoch recorded in a journal, or undefined for one never restored (all v0.1 journals). */
export function readEpoch(db: Database): Epoch | undefined {
  try {
    const value = db.exec(`SELECT value FROM meta WHERE key = '${KEY}'`)[0]?.values[0]?.[0];
    const parsed = typeof value === 'string' ? (JSON.parse(value) as Partial<Epoch>) : undefined;
    return parsed && typeof parsed.at === 'string' && typeof parsed.id === 'string' ? { at: parsed.at, id: parsed.id } : undefined;
  } catch {
    return undefined; // no meta table yet (a new journal) or a damaged value: treated as the first epoch
  }
}

export function writeEpoch(db: Database, epoch: Epoch): void {
  db.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ('${KEY}', ?)`, [JSON.stringify(epoch)]);
}

/** Whether `a` is a later epoch than `b`. Ordered by stamp, then id, so every window agrees. */
export function isLaterEpoch(a: Epoch | undefined, b: Epoch | undefined): boolean {
  if (!a) return false;
  if (!b) return true;
  return a.at === b.at ? a.id > b.id : Date.parse(a.at) > Date.parse(b.at);
}

/** The epoch a restore starts now. */
export function nextEpoch(current: Epoch | undefined, now: number): Epoch {
  return { at: editStamp(now, current?.at), id: newId() };
}
