// Restoring a backup as a set of newer edits. The backup becomes the journal, and every row on which
// the current journal differs from it is written again with a stamp newer than the current version:
// the backup's version, or a tombstone for a row the backup does not have. Rows therefore never come
// back from a stale copy (another window's memory, another machine's log or snapshot, a sync conflict
// copy): newest-wins merging keeps the restore. The new epoch tells other windows to reload.
import type { Database, Statement } from 'sql.js';
import { TABLE_NAMES, type Op, type TableName } from '../core/schemas';
import { editStamp } from './clockStamp';
import { writeEpoch, type Epoch } from './epoch';
import { migrate } from './migrations';
import { readAllOps, toParams, upsertSql } from './tables';

export interface RestorePlan {
  /** Rows written into the backup so that the restore wins everywhere. */
  ops: Op[];
  /** Live rows the backup does not have: now tombstones, so they stay hidden everywhere. */
  removed: number;
  /** Rows whose backup version comes back (edited or deleted since the backup). */
  reverted: number;
}

/** Where the journal as it was before a restore is kept, next to the snapshot. */
export function beforeRestorePath(snapshotPath: string, now: number): string {
  return `${snapshotPath}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
}

/** What to write into `backup` so that it wins over `current`, the journal being replaced. */
export function planRestore(current: Database, backup: Database, now: number): RestorePlan {
  migrate(backup);
  const plan: RestorePlan = { ops: [], removed: 0, reverted: 0 };
  const deletedAt = new Date(now).toISOString();
  const backupOps = readAllOps(backup);
  readAllOps(current).forEach((ops, i) => {
    const table = TABLE_NAMES[i];
    const inBackup = new Map(backupOps[i].map((op) => [op.row.id, op.row]));
    for (const { row } of ops) {
      const kept = inBackup.get(row.id);
      if (!kept) {
        // Already deleted: keep the tombstone as it is, so an older live copy cannot return either.
        if (row.deletedAt === null) plan.removed++;
        plan.ops.push({ table, row: row.deletedAt === null ? { ...row, deletedAt, updatedAt: editStamp(now, row.updatedAt) } : row } as Op);
      } else if (key(table, kept) !== key(table, row)) {
        plan.reverted++;
        const newest = Date.parse(kept.updatedAt) > Date.parse(row.updatedAt) ? kept.updatedAt : row.updatedAt;
        plan.ops.push({ table, row: { ...kept, updatedAt: editStamp(now, newest) } } as Op);
      }
    }
  });
  return plan;
}

/** Applies a plan and the new epoch to the backup, which then holds the restored journal. */
export function applyRestore(backup: Database, plan: RestorePlan, epoch: Epoch): void {
  const statements = new Map<TableName, Statement>();
  backup.run('BEGIN');
  try {
    for (const { table, row } of plan.ops) {
      let stmt = statements.get(table);
      if (!stmt) statements.set(table, (stmt = backup.prepare(upsertSql(table))));
      stmt.run(toParams(table, row as never));
    }
    writeEpoch(backup, epoch);
    backup.run('COMMIT');
  } catch (e) {
    backup.run('ROLLBACK');
    throw e;
  } finally {
    for (const stmt of statements.values()) stmt.free();
  }
}

function key(table: TableName, row: Op['row']): string {
  return JSON.stringify(toParams(table, row as never));
}
