// "Turn On Encryption…": what it protects and what not, a passphrase typed twice, the recovery
// phrase shown once and three of its words typed back, then the store rewrites the folder. Escape
// anywhere before the last step leaves encryption off and nothing written.
import * as vscode from 'vscode';
import { createKeyFile } from '../storage/crypto/keyFile';
import { askNewPassphrase } from '../services/encryption/askPassphrase';
import type { EncryptionFlows } from '../services/encryption/service';
import { showAndCheckPhrase } from './recoveryPhraseCheck';

const STEPS = 4;

export function explainTurnOn(): string {
  return [
    vscode.l10n.t('It protects: everything the extension keeps in the journal folder (entries, backups, copies and summaries) from anyone who gets the folder without your passphrase or your recovery phrase, such as a sync service, another device or a lost disk.'),
    vscode.l10n.t('It does not protect: older copies that a sync tool, a file history or a backup kept from before today (they are beyond the extension\'s reach); the journal while it is unlocked on this computer; files you export yourself; the names and sizes of files.'),
    vscode.l10n.t('You choose a passphrase and get a 24-word recovery phrase to write down. Either one opens the journal. If you lose both, the journal is lost: nobody can open it, not even the extension\'s authors.')
  ].join('\n\n');
}

export function turnOnEncryptionCommand(d: EncryptionFlows) {
  return async (): Promise<boolean> => {
    const { control, ui } = d;
    d.used();
    if (control.state() !== 'off') {
      ui.info(vscode.l10n.t('Encryption is already on for this journal.'));
      return false;
    }
    // Refusals (another machine's log, a copy of the key file) come before any question.
    await control.checkTurnOn();
    if (!(await ui.confirm(vscode.l10n.t('Turn on encryption for this journal?'), explainTurnOn(), vscode.l10n.t('Continue')))) return false;
    const title = (step: number, name: string) => vscode.l10n.t('Turn On Encryption ({0}/{1}): {2}', step, STEPS, name);
    const passphrase = await askNewPassphrase(d, (step) => title(step, step === 1 ? vscode.l10n.t('passphrase') : vscode.l10n.t('passphrase again')));
    if (passphrase === undefined) return false;
    const made = await ui.busy(vscode.l10n.t('Making the journal\'s key…'), true, async (cancelled) => {
      const key = await createKeyFile(passphrase, { kdf: d.kdf });
      return cancelled() ? undefined : key;
    });
    if (!made) return false;
    if (!(await showAndCheckPhrase(ui, made.phrase, title(STEPS, vscode.l10n.t('check the recovery phrase'))))) {
      ui.info(vscode.l10n.t('Encryption was not turned on. Nothing was changed.'));
      return false;
    }
    await ui.busy(vscode.l10n.t('Turning on encryption… If VS Code closes meanwhile, this finishes the next time the journal opens.'), false, () =>
      control.turnOn(made.bytes, made.dataKey)
    );
    d.log.info('Encryption turned on from the palette.');
    ui.info(
      vscode.l10n.t(
        'Encryption is on: the journal folder {0} now holds encrypted files only. Copies that a sync tool, a file history or a backup kept from before are beyond the extension\'s reach; delete them there if you can.',
        d.dataFolder()
      )
    );
    return true;
  };
}
