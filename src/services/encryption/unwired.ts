// Until the store's encryption is merged in (the journal service implements EncryptionControl), the
// journal is always plaintext: every command says so before asking anything. Replaced at the merge.
import type * as vscode from 'vscode';
import type { EncryptionControl } from './control';

export function unwiredEncryption(): EncryptionControl {
  const notYet = () => Promise.reject(new Error('Encryption is not available in this build yet.'));
  const never: vscode.Event<never> = () => ({ dispose: () => undefined });
  return {
    state: () => 'off',
    onDidChangeState: never,
    keyFile: () => Promise.resolve(undefined),
    unlock: notYet,
    lock: () => Promise.resolve(),
    checkTurnOn: notYet,
    turnOn: notYet,
    turnOff: notYet,
    exportDecryptedCopy: notYet,
    rewrapKeyFile: notYet
  };
}
