// The key file in the data folder and what it means for opening the journal: with a key file, the
// store needs the data key (JournalLockedError without it); a key change (turning encryption on or
// off) interrupted by a crash is marked by journal.key.changing and resumed. Also the rules that
// refuse a change: the key file must never be written twice, by two machines apart.
import * as path from 'path';
import type { DataKey } from './crypto/dataKey';
import { checkDataKey, keyFileId } from './crypto/keyFile';
import { CopyNames } from './conflictCopies';
import type { JournalFiles } from './files';
import type { LogSet } from './logSet';
import { KEY_CHANGE_NAME, KEY_FILE_NAME } from './safePaths';
import { JournalLockedError, Sealing } from './sealing';

export type EncryptionState = 'off' | 'on';

/** Why turning encryption on or off was refused; `file` names what is in the way, when a file is. */
export class EncryptionChangeError extends Error {
  readonly code = 'EENCRYPTIONCHANGE';
  constructor(
    readonly reason: 'already-on' | 'already-off' | 'other-machine-log' | 'key-file-copy' | 'key-file-exists' | 'unsaved' | 'damaged' | 'not-writer' | 'closed',
    readonly file?: string
  ) {
    super(describe(reason, file));
    this.name = 'EncryptionChangeError';
  }
}

function describe(reason: EncryptionChangeError['reason'], file: string | undefined): string {
  switch (reason) {
    case 'already-on':
      return 'Encryption is already on.';
    case 'already-off':
      return 'Encryption is already off.';
    case 'other-machine-log':
      return `Another machine's log is in the journal folder (${file}): open the journal on that machine first, so its entries are folded in, then try again.`;
    case 'key-file-copy':
      return `A sync tool's copy of the key file is in the journal folder (${file}): another machine may have turned encryption on. Resolve it first.`;
    case 'key-file-exists':
      return `A key file is already in the journal folder (${file}).`;
    case 'unsaved':
      return 'Entries are still waiting for disk space; free some space first.';
    case 'damaged':
      return 'The journal file is damaged; recover it first.';
    case 'not-writer':
      return 'Another window is writing to this journal; close it first.';
    case 'closed':
      return 'The journal is closed.';
  }
}

const KEY_COPIES = new CopyNames('journal', '.key');

export function keyFilePath(dir: string): string {
  return path.join(dir, KEY_FILE_NAME);
}

/** The key file's bytes, for the caller to unlock (unlockWithPassphrase / unlockWithPhrase); undefined when the journal is not encrypted. */
export function readKeyFile(files: JournalFiles, dir: string): Promise<Uint8Array | undefined> {
  return files.read(keyFilePath(dir));
}

function keyIdOf(bytes: Uint8Array): string | undefined {
  try {
    return keyFileId(bytes);
  } catch {
    return undefined;
  }
}

/**
 * How the store reads and writes `dir`: with a key file it needs `dataKey` (JournalLockedError
 * without it; KeyMismatchError or KeyFileError from the crypto layer for another key or a damaged
 * file). A change left half done says which way new files go until it is finished.
 */
export async function unlockFolder(files: JournalFiles, dir: string, dataKey: DataKey | undefined): Promise<{ sealing: Sealing; change: EncryptionState | undefined }> {
  const bytes = await readKeyFile(files, dir);
  const change = await readChange(files, dir);
  const sealing = new Sealing();
  if (!bytes) {
    // Without a key file nothing is sealed; a key handed in still reads leftovers sealed with it.
    if (dataKey) sealing.use(dataKey, false);
    return { sealing, change: change && 'off' };
  }
  if (!dataKey) throw new JournalLockedError(dir, bytes, keyIdOf(bytes));
  checkDataKey(bytes, dataKey);
  sealing.use(dataKey, change !== 'off');
  return { sealing, change };
}

/** Which way an interrupted change was going; undefined when none is. */
export async function readChange(files: JournalFiles, dir: string): Promise<EncryptionState | undefined> {
  const bytes = await files.read(path.join(dir, KEY_CHANGE_NAME));
  if (!bytes) return undefined;
  return new TextDecoder().decode(bytes).trim() === 'off' ? 'off' : 'on';
}

/** Marks a change as begun, before anything else is written: a crash resumes it. */
export async function beginChange(files: JournalFiles, dir: string, to: EncryptionState): Promise<void> {
  await files.writeAtomic(path.join(dir, KEY_CHANGE_NAME), new TextEncoder().encode(to));
}

export async function endChange(files: JournalFiles, dir: string): Promise<void> {
  await files.remove(path.join(dir, KEY_CHANGE_NAME));
}

/**
 * Refuses a change while another machine may hold its own view of the key: its log is here (it
 * could be writing with the old setting, and after turning off its sealed records could no longer
 * be read), or a sync tool's copy of the key file is.
 */
export async function refuseChange(files: JournalFiles, dir: string, logs: LogSet): Promise<void> {
  for (const name of await files.list(dir)) if (KEY_COPIES.of(name)) throw new EncryptionChangeError('key-file-copy', path.join(dir, name));
  const other = (await logs.list()).find((l) => !logs.isMine(l));
  if (other) throw new EncryptionChangeError('other-machine-log', other.path);
}

/** A sync tool's copy of the key file, by name. */
export function keyFileCopyOf(name: string): ReturnType<CopyNames['of']> {
  return KEY_COPIES.of(name);
}
export { JournalLockedError } from './sealing';
