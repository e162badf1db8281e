// The commands that lock, unlock and re-key an encrypted journal: "Lock Journal", "Unlock
// Journal…", "Change Passphrase…" and "Unlock with Recovery Phrase…". A new passphrase re-wraps the
// one data key in journal.key; the journal itself is never re-encrypted.
import * as vscode from 'vscode';
import type { DataKey } from '../storage/crypto/dataKey';
import { changePassphrase, keyFileId, unlockWithPhrase } from '../storage/crypto/keyFile';
import { checkPhrase } from '../storage/crypto/recoveryPhrase';
import { askCurrentPassphrase, askNewPassphrase, userError } from '../services/encryption/askPassphrase';
import { phraseProblemMessage } from '../services/encryption/passphrases';
import type { EncryptionFlows } from '../services/encryption/service';

/** The key file, or undefined after telling the user the journal is not encrypted. */
async function keyFileOrSay(d: EncryptionFlows): Promise<Uint8Array | undefined> {
  d.used();
  const keyFile = d.control.state() === 'off' ? undefined : await d.control.keyFile();
  if (!keyFile) d.ui.info(vscode.l10n.t('This journal is not encrypted. Turn On Encryption… encrypts it.'));
  return keyFile;
}

export function lockJournalCommand(d: EncryptionFlows) {
  return async (): Promise<boolean> => {
    const keyFile = await keyFileOrSay(d);
    if (!keyFile) return false;
    if (d.control.state() === 'locked') {
      d.ui.info(vscode.l10n.t('The journal is already locked.'));
      return false;
    }
    const keyId = keyFileId(keyFile);
    let forget = false;
    if (await d.remembered.has(keyId)) {
      const choice = await d.ui.choose(vscode.l10n.t('Lock Journal'), vscode.l10n.t('The key is remembered on this device. Keep it there?'), [
        { label: vscode.l10n.t('Lock'), detail: vscode.l10n.t('New windows on this device still open the journal without asking.'), value: false },
        { label: vscode.l10n.t('Lock and forget the key on this device'), detail: vscode.l10n.t('Every window asks for the passphrase from now on.'), value: true }
      ]);
      if (choice === undefined) return false;
      forget = choice;
    }
    d.unlocking.lockedByUser();
    await d.control.lock();
    if (forget) await d.remembered.forget(keyId);
    d.log.info(forget ? 'Locked the journal and forgot its key on this device.' : 'Locked the journal.');
    d.ui.info(vscode.l10n.t('The journal is locked. It asks for the passphrase the next time it is needed.'));
    return true;
  };
}

export function unlockJournalCommand(d: EncryptionFlows) {
  return async (): Promise<boolean> => {
    if (!(await keyFileOrSay(d))) return false;
    if (d.control.state() === 'unlocked') {
      d.ui.info(vscode.l10n.t('The journal is already unlocked in this window.'));
      return false;
    }
    await d.unlocking.unlock();
    return true;
  };
}

export function changePassphraseCommand(d: EncryptionFlows) {
  return async (): Promise<boolean> => {
    const keyFile = await keyFileOrSay(d);
    if (!keyFile) return false;
    const title = (step: number) => vscode.l10n.t('Change Passphrase ({0}/3)', step);
    const key = await askCurrentPassphrase(d, keyFile, title(1), vscode.l10n.t('Type the current passphrase. Forgot it? Press Escape and run Unlock with Recovery Phrase….'));
    if (!key) return false;
    const passphrase = await askNewPassphrase(d, (step) => title(step + 1));
    if (passphrase === undefined) return false;
    if (!(await rewrap(d, keyFile, key, passphrase))) return false;
    d.ui.info(vscode.l10n.t('The passphrase is changed; other devices ask for the new one from now on. The journal was not re-encrypted, and the recovery phrase stays the same.'));
    return true;
  };
}

export function unlockWithRecoveryPhraseCommand(d: EncryptionFlows) {
  return async (): Promise<boolean> => {
    const keyFile = await keyFileOrSay(d);
    if (!keyFile) return false;
    const title = (step: number) => vscode.l10n.t('Unlock with Recovery Phrase ({0}/3)', step);
    let key: DataKey | undefined;
    const accepted = await d.ui.ask({
      title: title(1),
      prompt: vscode.l10n.t('Type the 24 words of the recovery phrase, in order, separated by spaces.'),
      placeholder: vscode.l10n.t('24 words'),
      password: false,
      accept: async (value) => {
        const check = checkPhrase(value);
        if (!check.ok) return { problem: phraseProblemMessage(check.problem) };
        try {
          key = await unlockWithPhrase(keyFile, check.phrase);
        } catch (e) {
          if ((e as Error)?.name === 'WrongRecoveryPhraseError') {
            return { problem: vscode.l10n.t('This is a valid recovery phrase, but not this journal\'s: perhaps another journal\'s, or one from before encryption was turned on again.') };
          }
          throw userError(e);
        }
        return undefined;
      }
    });
    if (!accepted || !key) return false;
    const passphrase = await askNewPassphrase(d, (step) => title(step + 1));
    if (passphrase === undefined) {
      // The phrase proved the key: open the journal for this window even without a new passphrase.
      if (d.control.state() === 'locked') await d.control.unlock(key);
      d.ui.info(vscode.l10n.t('The journal is unlocked in this window. Its passphrase was not changed.'));
      return true;
    }
    if (!(await rewrap(d, keyFile, key, passphrase))) return false;
    d.ui.info(vscode.l10n.t('The journal is unlocked and has a new passphrase. The recovery phrase stays the same: keep it.'));
    return true;
  };
}

/** Re-wraps the data key under the new passphrase, writes journal.key, and unlocks if locked. */
async function rewrap(d: EncryptionFlows, keyFile: Uint8Array, key: DataKey, passphrase: string): Promise<boolean> {
  const bytes = await d.ui.busy(vscode.l10n.t('Setting the new passphrase…'), true, async (cancelled) => {
    const next = await changePassphrase(keyFile, key, passphrase, { kdf: d.kdf });
    return cancelled() ? undefined : next;
  });
  if (!bytes) return false;
  await d.control.rewrapKeyFile(bytes);
  if (d.control.state() === 'locked') await d.control.unlock(key);
  d.log.info('Re-wrapped the journal\'s key under a new passphrase.');
  return true;
}
