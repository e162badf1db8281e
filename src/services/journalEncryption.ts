// The journal's encryption as the encryption commands and the unlock gate drive it (EncryptionControl,
// services/encryption/control.ts): its state, unlocking with a data key, locking, turning it on or off,
// a decrypted copy and a re-wrapped key file. The journal service lends the parts it needs.
import * as vscode from 'vscode';
import { checkDataKey, keyFileId } from '../storage/crypto/keyFile';
import type { DataKey } from '../storage/crypto/dataKey';
import type { JournalFiles } from '../storage/files';
import { keyFilePath } from '../storage/keyFolder';
import { JournalLockedError, readKeyFile, type ChangeEvent, type JournalStore } from '../storage/journalStore';
import type { EncryptionControl, EncryptionState } from './encryption/control';
import type { JournalKey } from './journalKey';

export interface JournalEncryptionParts {
  key: JournalKey;
  files: JournalFiles;
  dir(): string;
  /** The open store, never opening one. */
  current(): JournalStore | undefined;
  /** The store, opened (with the key held) if needed. */
  get(): Promise<JournalStore>;
  close(): Promise<void>;
  /** Fires the journal's one change event. */
  fire(e: ChangeEvent): void;
  onDidChange: vscode.Event<ChangeEvent>;
}

/** Locked, unlocked, turned on or off: no row changed; listeners read the state. */
const stateChanged = (): ChangeEvent => ({ tables: new Set(), source: 'local', reason: 'open' });

export class JournalEncryption implements EncryptionControl, vscode.Disposable {
  private known: EncryptionState = 'off';
  private readonly changedState = new vscode.EventEmitter<EncryptionState>();
  readonly onDidChangeState = this.changedState.event;
  private readonly listening: vscode.Disposable;

  constructor(private readonly p: JournalEncryptionParts) {
    // Any change (an open, another window turning it on) may change the state; it is read again.
    this.listening = p.onDidChange(() => void this.refresh());
    void this.refresh();
  }

  state(): EncryptionState {
    return this.known;
  }

  keyFile(): Promise<Uint8Array | undefined> {
    return readKeyFile(this.p.files, this.p.dir());
  }

  async unlock(dataKey: DataKey): Promise<void> {
    const keyFile = await this.keyFile();
    if (keyFile) checkDataKey(keyFile, dataKey); // KeyMismatchError before anything opens
    this.p.key.remember(dataKey);
    try {
      await this.p.get();
    } catch (e) {
      this.p.key.forget();
      throw e;
    }
    this.p.fire(stateChanged());
  }

  async lock(): Promise<void> {
    if (this.known !== 'unlocked') return;
    await this.p.close();
    this.p.key.forget();
    this.p.fire(stateChanged());
  }

  async checkTurnOn(): Promise<void> {
    await (await this.p.get()).checkEncryptionChange();
  }

  async turnOn(keyFile: Uint8Array, dataKey: DataKey): Promise<void> {
    await (await this.p.get()).turnOnEncryption(keyFile, dataKey);
    this.p.key.remember(dataKey);
    this.p.fire(stateChanged());
  }

  async turnOff(): Promise<void> {
    await (await this.p.get()).turnOffEncryption();
    this.p.fire(stateChanged());
  }

  async exportDecryptedCopy(target: string): Promise<void> {
    await (await this.p.get()).exportDecryptedCopy(target);
  }

  async rewrapKeyFile(bytes: Uint8Array): Promise<void> {
    const key = this.p.key.current;
    const current = await this.keyFile();
    if (!key || !current) throw new JournalLockedError(this.p.dir(), current, current && keyFileId(current));
    // Only the same data key, re-wrapped: anything else would leave the journal unreadable.
    if (keyFileId(bytes) !== keyFileId(current)) throw new Error('The new key file belongs to another journal.');
    checkDataKey(bytes, key);
    await this.p.files.writeAtomic(keyFilePath(this.p.dir()), bytes);
    this.p.fire(stateChanged());
  }

  dispose(): void {
    this.listening.dispose();
    this.changedState.dispose();
  }

  private async refresh(): Promise<void> {
    const store = this.p.current();
    const on = store ? store.encryption === 'on' : (await this.keyFile().catch(() => undefined)) !== undefined;
    const next: EncryptionState = !on ? 'off' : store || this.p.key.current ? 'unlocked' : 'locked';
    if (next === this.known) return;
    this.known = next;
    this.changedState.fire(next);
  }
}
