// Going back to a backup while the journal cannot open (recovery): exactly when a backup is needed.
// The writer lock is held throughout, so no other window compacts over the restored file while it
// is being put in place. With an open journal, a restore is an epoch instead (restore.ts).
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import type { JournalFiles } from './files';
import { LOCK_NAME } from './journalStore';
import { openSnapshot } from './snapshotCheck';
import { SNAPSHOT_NAME } from './snapshotFiles';
import { verifySameBytes } from './verify';
import { WriterLock } from './writerLock';

/** Another window holds the writer lock; it must be closed first. */
export class WriterBusyError extends Error {
  constructor(readonly dir: string) {
    super(`Another window is writing to the journal in ${dir}.`);
    this.name = 'WriterBusyError';
  }
}

/**
 * Replaces the snapshot in `dir` with `backupPath`, after checking that the backup opens and passes
 * PRAGMA quick_check. The current file, if any, is kept as `journal.sqlite.before-restore-<time>`;
 * returns that path. The op logs are kept, so changes made since the backup are replayed on top.
 */
export async function restoreBackup(files: JournalFiles, SQL: SqlJsStatic, dir: string, backupPath: string, now: () => number): Promise<string | undefined> {
  const bytes = await files.read(backupPath);
  if (!bytes) throw new Error(`The backup ${backupPath} no longer exists.`);
  const check = openSnapshot(SQL, bytes, 'quick');
  if (!check.ok) throw new Error(`The backup ${backupPath} cannot be restored: ${check.detail}.`);
  check.db.close();
  const lock = new WriterLock(files, path.join(dir, LOCK_NAME), { now });
  if (!(await lock.tryAcquire())) throw new WriterBusyError(dir);
  try {
    const target = path.join(dir, SNAPSHOT_NAME);
    let kept: string | undefined;
    if (await files.identity(target)) {
      kept = `${target}.before-restore-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
      await files.copy(target, kept);
    }
    await files.writeAtomic(target, bytes, { verify: async (tmp) => void (await verifySameBytes(files, tmp, bytes)) });
    return kept;
  } finally {
    await lock.release();
  }
}
