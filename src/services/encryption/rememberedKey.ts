// "Remember on this device": the data key in VS Code's SecretStorage (the OS keychain; on Linux
// without a keyring VS Code may fall back to a weakly protected store, and the prompt says so). Kept
// under the key id, so two journals never share an entry and a key file replaced by another
// machine's simply finds nothing. Never in globalState or workspaceState.
import type * as vscode from 'vscode';
import { fromBase64Url, toBase64Url } from '../../storage/crypto/bytes';
import type { DataKey } from '../../storage/crypto/dataKey';

export type Secrets = Pick<vscode.SecretStorage, 'get' | 'store' | 'delete'>;

const PREFIX = 'moodDose.dataKey.';

export class RememberedKeys {
  constructor(private readonly secrets: Secrets) {}

  async get(keyId: string): Promise<DataKey | undefined> {
    const stored = await Promise.resolve(this.secrets.get(PREFIX + keyId)).catch(() => undefined);
    if (!stored) return undefined;
    const key = fromBase64Url(stored);
    return key?.length === 32 ? { keyId, key } : undefined;
  }

  async has(keyId: string): Promise<boolean> {
    return (await this.get(keyId)) !== undefined;
  }

  async remember(dataKey: DataKey): Promise<void> {
    await this.secrets.store(PREFIX + dataKey.keyId, toBase64Url(dataKey.key));
  }

  async forget(keyId: string): Promise<void> {
    await Promise.resolve(this.secrets.delete(PREFIX + keyId)).catch(() => undefined);
  }
}
