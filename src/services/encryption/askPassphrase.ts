// The two passphrase questions every flow asks: the current one (checked against journal.key, with
// the growing delay after a wrong one) and a new one (typed twice, long enough). The passphrase
// lives only in these closures; what leaves is a DataKey or the new passphrase for the key file.
import * as vscode from 'vscode';
import type { DataKey } from '../../storage/crypto/dataKey';
import { unlockWithPassphrase } from '../../storage/crypto/keyFile';
import { keyProblemMessage, passphraseProblem, seconds, wrongPassphraseMessage, type PassphraseTries } from './passphrases';
import type { EncryptionUi } from './ui';

export interface AskDeps {
  ui: EncryptionUi;
  tries: PassphraseTries;
}

/** The data key, once the user typed the passphrase that unwraps it; undefined on Escape. */
export async function askCurrentPassphrase(d: AskDeps, keyFile: Uint8Array, title: string, prompt: string): Promise<DataKey | undefined> {
  let key: DataKey | undefined;
  const accepted = await d.ui.ask({
    title,
    prompt,
    placeholder: vscode.l10n.t('Passphrase'),
    password: true,
    accept: async (value) => {
      const wait = d.tries.waitMs();
      // Still within the delay (the box was re-opened early): refused without trying, not counted.
      if (wait > 0) return { problem: vscode.l10n.t('You can try again in {0}.', seconds(wait)), waitMs: wait, ready: vscode.l10n.t('Try again.') };
      if (value.length === 0) return { problem: vscode.l10n.t('Type the passphrase, or press Escape to leave the journal locked.') };
      try {
        key = await unlockWithPassphrase(keyFile, value);
      } catch (e) {
        if ((e as Error)?.name === 'WrongPassphraseError') return wrongPassphraseMessage(d.tries.failed());
        throw userError(e);
      }
      d.tries.succeeded();
      return undefined;
    }
  });
  return accepted ? key : undefined;
}

/** A new passphrase, typed twice; undefined on Escape at either question. */
export async function askNewPassphrase(d: Pick<AskDeps, 'ui'>, title: (step: number) => string): Promise<string | undefined> {
  let first = '';
  const typed = await d.ui.ask({
    title: title(1),
    prompt: vscode.l10n.t('Choose a passphrase for the journal (at least 10 characters). Nobody can reset it for you: keep it where you keep other important passwords.'),
    placeholder: vscode.l10n.t('New passphrase'),
    password: true,
    validate: passphraseProblem,
    accept: async (value) => {
      const problem = passphraseProblem(value);
      if (problem) return { problem };
      first = value;
      return undefined;
    }
  });
  if (!typed) return undefined;
  const confirmed = await d.ui.ask({
    title: title(2),
    prompt: vscode.l10n.t('Type the same passphrase again.'),
    placeholder: vscode.l10n.t('New passphrase, again'),
    password: true,
    accept: async (value) => (value === first ? undefined : { problem: vscode.l10n.t('The two passphrases differ. Type it again, or press Escape to stop.') })
  });
  return confirmed ? first : undefined;
}

/** A crypto error the user can act on, in their language; anything else as it was. */
export function userError(e: unknown): Error {
  const message = keyProblemMessage(e);
  return message ? Object.assign(new Error(message), { name: 'EncryptionProblem' }) : e instanceof Error ? e : new Error(String(e));
}
