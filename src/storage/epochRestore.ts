// Restoring a backup into the open journal, step by step: everything this window can see is caught
// up and kept beside the snapshot, the backup is planned into a new epoch (restore.ts), written and
// checked as the snapshot, and entries appended meanwhile land on top of it.
import * as path from 'path';
import { TABLE_NAMES, type TableName } from '../core/schemas';
import type { SnapshotChecker } from './checks';
import { writeVerifiedSnapshot } from './compaction';
import type { DiskSync, SyncParts } from './diskSync';
import { nextEpoch } from './epoch';
import { adoptIdentity, readIdentity } from './journalIdentity';
import { applyRestore, beforeRestorePath, planRestore } from './restore';
import { NotWriterError } from './writeResult';

export interface RestoreParts extends SyncParts {
  checker: SnapshotChecker;
  /** Whether this window still holds the writer lock, checked right before the snapshot is replaced. */
  confirmWriter(): Promise<boolean>;
  /** This machine's logs are in the new snapshot: nothing is waiting to be compacted. */
  folded(): void;
}

export interface Restored {
  /** The journal as it was, kept next to the snapshot. */
  kept: string;
  /** Every table, and any touched by entries appended meanwhile. */
  tables: Set<TableName>;
}

/** Call with the writer lock held, one refresh or compaction at a time. */
export async function restoreAsEpoch(p: RestoreParts, sync: DiskSync, backupPath: string): Promise<Restored> {
  const { files, rows } = p;
  const bytes = await files.read(backupPath);
  if (!bytes) throw new Error(`The backup ${backupPath} no longer exists.`);
  const check = p.sealing.openSnapshot(p.sql, 'any', bytes);
  if (!check.ok) throw new Error(`The backup ${backupPath} cannot be used: ${check.detail}.`);
  const restored = check.db;
  try {
    const now = p.now();
    const pending = await p.logs.beginCompaction(`${now}-${process.pid}`);
    const tables = new Set<TableName>(TABLE_NAMES);
    await sync.catchUp(tables);
    const kept = beforeRestorePath(sync.snapshotPath, now);
    await files.writeAtomic(kept, p.sealing.seal('before-restore', rows.db.export()));
    const plan = planRestore(rows.db, restored, now);
    const epoch = nextEpoch(sync.epoch, now);
    applyRestore(restored, plan, epoch);
    // A restored journal is still this journal.
    const identity = readIdentity(rows.db);
    if (identity) adoptIdentity(restored, identity);
    if (!(await p.confirmWriter())) throw new NotWriterError();
    // Written and read back like a compaction's snapshot before anything else changes.
    sync.snapshotId = (await writeVerifiedSnapshot(files, p.checker, p.dir, restored, p.sealing)).identity;
    sync.replaceDb(restored, epoch);
    sync.blocked = undefined;
    for (const file of pending) await files.remove(file);
    // Entries other windows appended meanwhile land on top of the restored journal.
    p.folded();
    await sync.readLogs(tables);
    p.log('info', `Restored ${path.basename(backupPath)} as a new journal epoch: ${plan.removed} row(s) hidden, ${plan.reverted} row(s) back to their backup version. The journal as it was is kept at ${kept}.`);
    return { kept, tables };
  } catch (e) {
    if (rows.db !== restored) restored.close();
    throw e;
  }
}
