// "Turn Off Encryption…" (the passphrase again, then the store rewrites the folder as plaintext)
// and "Export Decrypted Copy…" (a plain SQLite file that sqlite3 can read, somewhere the user
// chooses outside the journal folder). Both say plainly that what they write is readable by anyone.
import * as vscode from 'vscode';
import { keyFileId } from '../storage/crypto/keyFile';
import { isInside } from '../storage/safePaths';
import { askCurrentPassphrase } from '../services/encryption/askPassphrase';
import type { EncryptionFlows } from '../services/encryption/service';

export function turnOffEncryptionCommand(d: EncryptionFlows) {
  return async (): Promise<boolean> => {
    const { control, ui } = d;
    d.used();
    const keyFile = control.state() === 'off' ? undefined : await control.keyFile();
    if (!keyFile) {
      ui.info(vscode.l10n.t('Encryption is already off for this journal.'));
      return false;
    }
    const go = await ui.confirm(
      vscode.l10n.t('Turn off encryption for this journal?'),
      vscode.l10n.t(
        'Every file in the journal folder is rewritten unencrypted, readable by anyone who gets the folder (a sync service, another device). The passphrase and the recovery phrase stop mattering. You can turn encryption on again later, with a new recovery phrase.'
      ),
      vscode.l10n.t('Continue')
    );
    if (!go) return false;
    const key = await askCurrentPassphrase(d, keyFile, vscode.l10n.t('Turn Off Encryption'), vscode.l10n.t('Type the passphrase to confirm.'));
    if (!key) return false;
    if (control.state() === 'locked') await control.unlock(key);
    await ui.busy(vscode.l10n.t('Turning off encryption… If VS Code closes meanwhile, this finishes the next time the journal opens.'), false, () => control.turnOff());
    await d.remembered.forget(keyFileId(keyFile));
    d.log.info('Encryption turned off from the palette.');
    ui.info(vscode.l10n.t('Encryption is off. The files in {0} are no longer encrypted.', d.dataFolder()));
    return true;
  };
}

export function exportDecryptedCopyCommand(d: EncryptionFlows) {
  return async (): Promise<boolean> => {
    const { control, ui } = d;
    d.used();
    if (control.state() === 'locked') await d.unlocking.unlock();
    const go = await ui.confirm(
      vscode.l10n.t('Export a decrypted copy of the journal?'),
      vscode.l10n.t('The copy is a plain SQLite file: sqlite3 and other programs can read it, and so can anyone who gets it. Keep it out of synced folders, and delete it when you are done.'),
      vscode.l10n.t('Choose Where…')
    );
    if (!go) return false;
    const date = new Date(d.now()).toISOString().slice(0, 10);
    const target = await ui.saveTarget(vscode.l10n.t('Export Decrypted Copy'), `mood-dose-journal-decrypted-${date}.sqlite`);
    if (!target) return false;
    if (isInside(target, d.dataFolder())) {
      ui.warn(vscode.l10n.t('Choose a place outside the journal folder {0}: a plain copy there would sit beside the encrypted journal and be synced with it.', d.dataFolder()));
      return false;
    }
    await ui.busy(vscode.l10n.t('Writing the decrypted copy…'), false, () => control.exportDecryptedCopy(target));
    d.log.info('Exported a decrypted copy of the journal.');
    ui.info(vscode.l10n.t('Decrypted copy written to {0}. It is not encrypted: keep it safe and delete it when you no longer need it.', target));
    return true;
  };
}
