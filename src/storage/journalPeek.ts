// A look at the journal in a folder before it is opened, writing nothing: whether there is one,
// which journal it is (its id), and, only for the question asked about a journal the user has not
// opened before, its size, entry count and first and last entry dates. No health content leaves
// here. The folder may be a repository's: nothing is created, moved, merged or locked.
import * as path from 'path';
import type { Database, SqlJsStatic } from 'sql.js';
import type { LocalDate } from '../core/time';
import { conflictCopyOf } from './conflictCopies';
import type { JournalFiles } from './files';
import { adoptIdentity, identitiesIn, readIdentity, type JournalIdentity } from './journalIdentity';
import { JournalRows } from './journalRows';
import { LIVE } from './live';
import { LEGACY_LOG_NAME } from './logSet';
import { migrate } from './migrations';
import { decodeLog } from './opLog';
import { KEY_FILE_NAME } from './safePaths';
import { openSnapshot } from './snapshotCheck';
import { SNAPSHOT_NAME } from './snapshotFiles';

const LOG = /^journal\.[a-z0-9]{1,32}\.oplog(\.compacting-.*)?$/;

export interface JournalPeek {
  /** False when the folder holds no journal: no snapshot, op log, or sync tool's copy of either. */
  present: boolean;
  /** Its id; undefined when it has none yet or its snapshot cannot be read. */
  identity?: JournalIdentity;
  /** False when the snapshot exists but does not open as a journal (the open runs recovery). */
  readable: boolean;
  /** Bytes of the snapshot and logs together. */
  bytes: number;
  /** The journal is encrypted (journal.key): nothing inside is read without its key, so no id or details. */
  encrypted?: boolean;
  /** With `details` only: live dated entries (check-ins, doses on their own, notes, life events, questionnaires). */
  entries?: number;
  first?: LocalDate;
  last?: LocalDate;
}

/** The journal files in `dir` by name: the snapshot, the logs, and sync tools' copies of them. */
function journalFiles(names: string[]): { snapshot: boolean; logs: string[]; copies: string[]; encrypted: boolean } {
  return {
    encrypted: names.includes(KEY_FILE_NAME),
    snapshot: names.includes(SNAPSHOT_NAME),
    logs: names.filter((n) => LOG.test(n) || n === LEGACY_LOG_NAME || n.startsWith(`${LEGACY_LOG_NAME}.compacting-`)).sort(),
    copies: names.filter((n) => conflictCopyOf(n) !== undefined)
  };
}

/** Whether `dir` holds a journal (reads only the folder's list of names). */
export async function hasJournal(files: JournalFiles, dir: string): Promise<boolean> {
  const found = journalFiles(await files.list(dir).catch(() => [] as string[]));
  return found.snapshot || found.logs.length > 0 || found.copies.length > 0;
}

export async function peekJournal(files: JournalFiles, sql: SqlJsStatic, dir: string, details = false): Promise<JournalPeek> {
  const found = journalFiles(await files.list(dir).catch(() => [] as string[]));
  if (!found.snapshot && found.logs.length === 0 && found.copies.length === 0) return { present: false, readable: true, bytes: 0 };
  let bytes = 0;
  for (const name of [...(found.snapshot ? [SNAPSHOT_NAME] : []), ...found.logs]) bytes += (await files.identity(path.join(dir, name)).catch(() => undefined))?.size ?? 0;
  if (found.encrypted) return { present: true, readable: true, bytes, encrypted: true };
  const { db, readable } = await load(files, sql, dir, found.snapshot);
  try {
    const changes = [];
    for (const name of found.logs) {
      const log = await files.read(path.join(dir, name)).catch(() => undefined);
      if (log) changes.push(...decodeLog(log).changes);
    }
    let identity: JournalIdentity | undefined;
    try {
      if (readable) for (const id of identitiesIn(changes)) adoptIdentity(db, id);
      identity = readable ? readIdentity(db) : undefined;
    } catch {
      return { present: true, readable: false, bytes }; // damaged past its first pages
    }
    const peek: JournalPeek = { present: true, identity, readable, bytes };
    if (details && readable) Object.assign(peek, summary(db, changes));
    return peek;
  } finally {
    db.close();
  }
}

/** The snapshot, upgraded in memory only; an empty journal when there is none. */
async function load(files: JournalFiles, sql: SqlJsStatic, dir: string, snapshot: boolean): Promise<{ db: Database; readable: boolean }> {
  if (!snapshot) {
    const db = new sql.Database();
    migrate(db);
    return { db, readable: true };
  }
  const bytes = await files.read(path.join(dir, SNAPSHOT_NAME)).catch(() => undefined);
  // Not the full integrity check: this only reads an id and counts; opening it checks properly.
  const check = bytes ? openSnapshot(sql, bytes, 'trusted') : undefined;
  if (check?.ok) {
    try {
      migrate(check.db);
      return { db: check.db, readable: true };
    } catch {
      check.db.close();
    }
  }
  return { db: new sql.Database(), readable: false };
}

/** The logs' rows on top of the snapshot (in memory), then the count and the first and last dates. */
function summary(db: Database, changes: ReturnType<typeof decodeLog>['changes']): Pick<JournalPeek, 'entries' | 'first' | 'last'> {
  try {
    const rows = new JournalRows(db, () => undefined, () => undefined);
    rows.apply(changes.map((ops) => rows.valid(ops)));
    const live = (table: string, extra = '') => `SELECT local_date FROM ${table} WHERE ${LIVE}${extra}`;
    const union = [live('checkins'), live('doses', ' AND checkin_id IS NULL'), live('notes'), live('life_events'), live('questionnaires')].join(' UNION ALL ');
    const [count, first, last] = db.exec(`SELECT count(*), min(local_date), max(local_date) FROM (${union})`)[0]?.values[0] ?? [0, null, null];
    return { entries: Number(count), first: (first as LocalDate | null) ?? undefined, last: (last as LocalDate | null) ?? undefined };
  } catch {
    return {};
  }
}
