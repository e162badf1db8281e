// What the encryption commands need from the journal: the one seam between the palette flows (in
// src/commands/encryption*.ts) and the store. The journal service implements it; the flows never
// touch files or the store themselves. Keys cross it as DataKey objects only, never as text.
import type * as vscode from 'vscode';
import type { DataKey } from '../../storage/crypto/dataKey';

/** 'off': no key file. 'locked': a key file, no data key in memory. 'unlocked': the store works with the data key. */
export type EncryptionState = 'off' | 'locked' | 'unlocked';

export interface EncryptionControl {
  /** The state now, without touching the disk (before the journal first opens: what the folder showed last). */
  state(): EncryptionState;
  /** Fires after state() changes (turned on or off, locked, unlocked, here or by another window). */
  readonly onDidChangeState: vscode.Event<EncryptionState>;
  /** The bytes of journal.key as they are on disk now; undefined when encryption is off. Opens nothing. */
  keyFile(): Promise<Uint8Array | undefined>;
  /** Opens the journal with this data key (state → 'unlocked'); throws KeyMismatchError if it is not journal.key's key. */
  unlock(dataKey: DataKey): Promise<void>;
  /** Writes what waits to be written, then forgets the data key in memory (state → 'locked'). No-op unless 'unlocked'. */
  lock(): Promise<void>;
  /** Throws what turnOn would throw now (another machine's log, a copy of journal.key, not the writer, …), changing nothing. */
  checkTurnOn(): Promise<void>;
  /** Writes journal.key (never over another) and rewrites every file sealed with dataKey, crash-safe (state → 'unlocked'). */
  turnOn(keyFile: Uint8Array, dataKey: DataKey): Promise<void>;
  /** Needs 'unlocked': rewrites every file as plaintext, then removes journal.key, crash-safe (state → 'off'). */
  turnOff(): Promise<void>;
  /** Needs 'unlocked': writes the journal as a plain SQLite file at `target` (0600; outside the data folder). */
  exportDecryptedCopy(target: string): Promise<void>;
  /** Replaces journal.key atomically with a re-wrapped one for the same data key (changePassphrase's output). */
  rewrapKeyFile(bytes: Uint8Array): Promise<void>;
}

/** The user pressed Escape at the unlock prompt: the command that needed the journal stops quietly. */
export class UnlockCancelledError extends Error {
  readonly code = 'EUNLOCKCANCELLED';
  constructor() {
    super('The journal stays locked.');
    this.name = 'UnlockCancelledError';
  }
}
