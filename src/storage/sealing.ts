// Encryption at rest as the store sees it: one object, shared by every part that reads or writes the
// journal's files, that seals what is written (when encryption is on) and opens what is read. It
// reads plaintext too, always: a plaintext copy that a sync tool brings into an encrypted journal is
// merged, then sealed again or removed by the part that owns it (see encryption.ts).
// Damage (CorruptRecordError) is reported as a corrupt record or snapshot, so the existing recovery
// runs; another key or a newer format is reported apart ('foreign-key', 'newer-format', 'locked'),
// so nothing holding it is ever discarded.
import type { SqlJsStatic } from 'sql.js';
import type { Op } from '../core/schemas';
import type { DataKey } from './crypto/dataKey';
import { CorruptRecordError, ForeignKeyError, NewerFormatError } from './crypto/errors';
import { isSealedFile, openFile, openLine, sealedHeader, sealFile, sealLine, type FileKind } from './crypto/sealed';
import { decodeLog, encodeChange, type DecodedLog } from './opLog';
import { openSnapshot, type CheckLevel, type SnapshotCheck, type SnapshotProblem } from './snapshotCheck';

/** The folder holds a key file and the store was opened without the data key (or with another one). */
export class JournalLockedError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly dir: string,
    /** The key file's bytes, for unlockWithPassphrase / unlockWithPhrase; undefined if the key file is missing. */
    readonly keyFile: Uint8Array | undefined,
    /** The key id the key file names (undefined if it is missing or unreadable). */
    readonly keyId: string | undefined
  ) {
    super(keyFile ? `The journal in ${dir} is encrypted and locked: it needs its passphrase.` : `The journal in ${dir} holds encrypted files but its key file (journal.key) is missing.`);
    this.name = 'JournalLockedError';
  }
}

/** What opening a file gave: its plaintext, or why not (`error` is the crypto layer's typed error). */
export type Opened = { ok: true; plain: Uint8Array; sealed: boolean } | { ok: false; problem: SnapshotProblem; detail: string; error?: Error };

/** Problems that are not damage: the file is kept as it is and reported, never recovered over. */
export const UNREADABLE_HERE: readonly SnapshotProblem[] = ['foreign-key', 'newer-format', 'locked'];

const encoder = new TextEncoder();

export class Sealing {
  private key: DataKey | undefined;
  private sealNew = false;

  constructor(key?: DataKey) {
    this.use(key, key !== undefined);
  }

  /** The key to read with (undefined: plaintext only) and whether new files and records are sealed. */
  use(key: DataKey | undefined, seal: boolean): void {
    if (seal && !key) throw new Error('Sealing needs a data key.');
    this.key = key;
    this.sealNew = seal;
  }

  /** True while new files and records are sealed. */
  get on(): boolean {
    return this.sealNew;
  }

  get dataKey(): DataKey | undefined {
    return this.key;
  }

  /** One op-log record: "\n<crc> <json>\n", or "\nmdje:…\n" when sealing. */
  encodeChange(ops: Op[]): Uint8Array {
    if (!this.sealNew) return encodeChange(ops);
    return encoder.encode(`\n${sealLine(this.key!, JSON.stringify(ops))}\n`);
  }

  /** Every complete line of a log, plaintext or sealed; sealed lines this key cannot read are counted as kept. */
  decodeLog(bytes: Uint8Array): DecodedLog {
    const key = this.key;
    return decodeLog(
      bytes,
      key &&
        ((line) => {
          try {
            return openLine(key, line);
          } catch (e) {
            return e instanceof CorruptRecordError ? 'bad' : 'kept';
          }
        })
    );
  }

  /** The bytes to write for a whole file of `kind`: sealed when encryption is on. */
  seal(kind: FileKind, plain: Uint8Array): Uint8Array {
    return this.sealNew ? sealFile(this.key!, kind, plain) : plain;
  }

  /** Plaintext bytes are returned as they are; sealed ones opened as `kind` ('any': the kind in their header). */
  open(kind: FileKind | 'any', bytes: Uint8Array): Opened {
    if (!isSealedFile(bytes)) return { ok: true, plain: bytes, sealed: false };
    const key = this.key;
    if (!key) return { ok: false, problem: 'locked', detail: 'it is encrypted and the journal is locked' };
    const found = kind === 'any' ? sealedHeader(bytes)?.kind : kind;
    try {
      if (!found || found === 'log-record') throw new CorruptRecordError('malformed', 'not a sealed file of the journal');
      return { ok: true, plain: openFile(key, found, bytes), sealed: true };
    } catch (e) {
      if (e instanceof ForeignKeyError) return { ok: false, problem: 'foreign-key', detail: e.message, error: e };
      if (e instanceof NewerFormatError) return { ok: false, problem: 'newer-format', detail: e.message, error: e };
      if (e instanceof CorruptRecordError) return { ok: false, problem: 'integrity', detail: e.message, error: e };
      throw e;
    }
  }

  /** Opens (if sealed) and checks a snapshot, backup or copy, as openSnapshot does. */
  openSnapshot(sql: SqlJsStatic, kind: FileKind | 'any', bytes: Uint8Array, level: CheckLevel = 'full'): SnapshotCheck & { sealed?: boolean; error?: Error } {
    const opened = this.open(kind, bytes);
    if (!opened.ok) return opened;
    return { ...openSnapshot(sql, opened.plain, level), sealed: opened.sealed };
  }
}

/** True when a log holds no plaintext record (every line sealed, or none). */
export function allSealed(decoded: DecodedLog): boolean {
  return decoded.plainRecords === 0;
}
