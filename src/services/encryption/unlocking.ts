// The journal's gate: every use of the journal (a command, a check-in, a page's request) goes
// through use(), which asks for the passphrase first when the journal is locked, once for all the
// callers waiting, then lets them continue. The key remembered on this device (if the user chose
// so) opens the journal without a question, but only for the window's first unlock: after Lock
// Journal or an idle lock, the passphrase is asked again.
import * as vscode from 'vscode';
import type { DataKey } from '../../storage/crypto/dataKey';
import { keyFileId } from '../../storage/crypto/keyFile';
import type { Log } from '../log';
import { askCurrentPassphrase } from './askPassphrase';
import { UnlockCancelledError, type EncryptionControl } from './control';
import type { PassphraseTries } from './passphrases';
import type { RememberedKeys } from './rememberedKey';
import type { EncryptionUi } from './ui';

/** A flag (never a key): the user asked not to be offered "Remember on this device" again. */
export const REMEMBER_DECLINED_KEY = 'moodDose.encryption.rememberDeclined';

export interface UnlockingDeps {
  control: EncryptionControl;
  ui: EncryptionUi;
  remembered: RememberedKeys;
  tries: PassphraseTries;
  /** globalState, for REMEMBER_DECLINED_KEY only. */
  state: Pick<vscode.Memento, 'get' | 'update'>;
  platform: NodeJS.Platform;
  log: Log;
  /** Called on every use of the journal (the idle lock counts from the last). */
  used(): void;
}

type Remember = 'window' | 'device' | 'never';

export class Unlocking {
  private pending: Promise<void> | undefined;
  /** Locked in this window (by the user or the idle timer): the remembered key is not used silently. */
  private lockedHere = false;

  constructor(private readonly d: UnlockingDeps) {}

  /** Runs `run` with the journal unlocked; UnlockCancelledError when the user pressed Escape. */
  async use<T>(run: () => Promise<T>): Promise<T> {
    this.d.used();
    if (this.d.control.state() === 'locked') await this.unlock();
    try {
      return await run();
    } catch (e) {
      // The store found journal.key (another window turned encryption on, or this is its first open).
      if ((e as Error)?.name !== 'JournalLockedError') throw e;
      await this.unlock();
      return run();
    }
  }

  /** Asks for the passphrase (once, however many callers wait); resolves when unlocked. */
  unlock(): Promise<void> {
    this.pending ??= this.unlockNow().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Lock Journal or the idle timer: the next unlock in this window asks for the passphrase. */
  lockedByUser(): void {
    this.lockedHere = true;
  }

  private async unlockNow(): Promise<void> {
    const { control, remembered, log } = this.d;
    const keyFile = await control.keyFile();
    if (!keyFile) return; // turned off meanwhile (another window)
    const keyId = keyFileId(keyFile);
    const stored = this.lockedHere ? undefined : await remembered.get(keyId);
    if (stored) {
      try {
        await control.unlock(stored);
        log.info('Unlocked the journal with the key remembered on this device.');
        return;
      } catch (e) {
        if ((e as Error)?.name !== 'KeyMismatchError') throw e;
        await remembered.forget(keyId);
        log.warn('The key remembered on this device does not fit the journal\'s key file any more; it was forgotten.');
      }
    }
    const key = await askCurrentPassphrase(
      this.d,
      keyFile,
      vscode.l10n.t('Unlock Journal'),
      vscode.l10n.t('The journal is encrypted. Type its passphrase to open it in this window.')
    );
    if (!key) throw new UnlockCancelledError();
    await control.unlock(key);
    this.lockedHere = false;
    log.info('Unlocked the journal with its passphrase.');
    await this.offerRemember(key);
  }

  /** "Remember on this device", opt-in, after an unlock by passphrase; not asked again once declined for good. */
  private async offerRemember(key: DataKey): Promise<void> {
    const { remembered, state, ui } = this.d;
    if (state.get<boolean>(REMEMBER_DECLINED_KEY) || (await remembered.has(key.keyId))) return;
    const choice = await ui.choose<Remember>(vscode.l10n.t('Journal unlocked'), vscode.l10n.t('Ask for the passphrase again in new windows?'), [
      { label: vscode.l10n.t('Only for this window'), detail: vscode.l10n.t('Each new window asks for the passphrase.'), value: 'window' },
      { label: vscode.l10n.t('Remember on this device'), detail: rememberDetail(this.d.platform), value: 'device' },
      { label: vscode.l10n.t('Only for this window, and do not offer this again'), value: 'never' }
    ]);
    if (choice === 'device') {
      await remembered.remember(key);
      this.d.log.info('Remembered the journal\'s key on this device (SecretStorage).');
    } else if (choice === 'never') await state.update(REMEMBER_DECLINED_KEY, true);
  }
}

/** What remembering means, and on Linux the weak fallback VS Code may use without a keyring. */
export function rememberDetail(platform: NodeJS.Platform): string {
  const base = vscode.l10n.t('New windows open the journal without asking: its key is kept in VS Code\'s secret storage on this device. Lock Journal and the idle lock still ask for the passphrase.');
  if (platform !== 'linux') return base;
  return `${base} ${vscode.l10n.t('On Linux without a keyring (such as GNOME Keyring or KWallet), VS Code may store it with weak protection: anyone who can read your files could read the key.')}`;
}
