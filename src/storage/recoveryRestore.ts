// Going back to a backup while the journal cannot open (recovery): exactly when a backup is needed.
// The writer lock is held throughout, so no other window compacts over the restored file while it
// is being put in place. With an open journal, a restore is an epoch instead (restore.ts).
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import type { DataKey } from './crypto/dataKey';
import type { JournalFiles } from './files';
import { LOCK_NAME } from './journalStore';
import { Sealing } from './sealing';
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
 * An encrypted journal needs its `key`: the backup is opened and sealed again as the snapshot, and
 * the journal as it was is kept sealed as a before-restore copy.
 */
export async function restoreBackup(files: JournalFiles, SQL: SqlJsStatic, dir: string, backupPath: string, now: () => number, key?: DataKey): Promise<string | undefined> {
  const read = await files.read(backupPath);
  if (!read) throw new Error(`The backup ${backupPath} no longer exists.`);
  const sealing = new Sealing(key);
  const opened = sealing.open('any', read);
  if (!opened.ok) throw new Error(`The backup ${backupPath} cannot be restored: ${opened.detail}.`);
  // A copy for SQLite: it may use the bytes it opens as its file.
  const check = openSnapshot(SQL, opened.plain.slice(), 'quick');
  if (!check.ok) throw new Error(`The backup ${backupPath} cannot be restored: ${check.detail}.`);
  check.db.close();
  const bytes = key ? sealing.seal('snapshot', opened.plain) : read;
  const lock = new WriterLock(files, path.join(dir, LOCK_NAME), { now });
  if (!(await lock.tryAcquire())) throw new WriterBusyError(dir);
  try {
    const target = path.join(dir, SNAPSHOT_NAME);
    let kept: string | undefined;
    if (await files.identity(target)) {
      kept = `${target}.before-restore-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
      const current = key ? await files.read(target) : undefined;
      const opened = current && sealing.open('snapshot', current);
      // Sealed again as a before-restore copy when it opens; a damaged file is copied as it is.
      if (opened?.ok) await files.writeAtomic(kept, sealing.seal('before-restore', opened.plain));
      else await files.copy(target, kept);
    }
    await files.writeAtomic(target, bytes, { verify: async (tmp) => void (await verifySameBytes(files, tmp, bytes)) });
    return kept;
  } finally {
    await lock.release();
  }
}
