// The data key of an encrypted journal, as the journal service holds it: asked of the UI's provider
// (a password prompt, or SecretStorage) when the journal is locked, kept while the journal is open,
// and forgotten on lock(). No key material is ever logged or put in VS Code state here.
import type { DataKey } from '../storage/crypto/dataKey';
import { JournalLockedError } from '../storage/journalStore';

/**
 * Asked when the journal needs its key: resolves to the data key (unlocked from `locked.keyFile`
 * with unlockWithPassphrase or unlockWithPhrase), or undefined when the user cancels.
 */
export type DataKeyProvider = (locked: JournalLockedError) => Promise<DataKey | undefined>;

export class JournalKey {
  private key: DataKey | undefined;
  provider: DataKeyProvider | undefined;

  constructor(provider?: DataKeyProvider) {
    this.provider = provider;
  }

  get current(): DataKey | undefined {
    return this.key;
  }

  /** Remembers the key the journal was opened, or encrypted, with. */
  remember(key: DataKey): void {
    this.key = key;
  }

  forget(): void {
    this.key = undefined;
  }

  /**
   * Runs `open` with the key held (if any); when it says the journal is locked (or the key is not
   * its), asks the provider and tries once more. Rethrows JournalLockedError when the user cancels.
   */
  async open<T>(open: (key: DataKey | undefined) => Promise<T>): Promise<T> {
    try {
      return await open(this.key);
    } catch (e) {
      if (!(e instanceof JournalLockedError) && (e as { code?: string }).code !== 'EKEYMISMATCH') throw e;
      this.key = undefined;
      if (!(e instanceof JournalLockedError) || !this.provider) throw e;
      const key = await this.provider(e);
      if (!key) throw e;
      const result = await open(key);
      this.key = key;
      return result;
    }
  }
}
