// Encryption in one window: the gate that unlocks the journal when it is first needed, the idle
// lock, the "moodDose.encryption" context key the palette's when-clauses read, and what the
// encryption commands share (src/commands/encryption*.ts). Loaded with the journal bundle.
import * as vscode from 'vscode';
import type { Log } from '../log';
import type { EncryptionControl, EncryptionState } from './control';
import { IdleLock, realTimers, type Timers } from './idleLock';
import { PassphraseTries } from './passphrases';
import { RememberedKeys, type Secrets } from './rememberedKey';
import type { EncryptionUi } from './ui';
import { Unlocking } from './unlocking';
import { vscodeUi, type ModalAnswers } from './vscodeUi';

export const CONTEXT_KEY = 'moodDose.encryption';

/** What the encryption commands use. */
export interface EncryptionFlows {
  control: EncryptionControl;
  ui: EncryptionUi;
  tries: PassphraseTries;
  remembered: RememberedKeys;
  unlocking: Pick<Unlocking, 'unlock' | 'lockedByUser'>;
  log: Log;
  now(): number;
  /** The journal's folder: a decrypted copy is never written inside it. */
  dataFolder(): string;
  /** The journal was used (a command): the idle lock counts from now. */
  used(): void;
  /** KDF cost for new wraps; the default unless a test passes a cheap one. */
  kdf?: { memoryKiB: number; passes: number; parallelism: number };
}

export interface EncryptionServiceDeps {
  control: EncryptionControl;
  secrets: Secrets;
  /** globalState (a flag only). */
  state: Pick<vscode.Memento, 'get' | 'update'>;
  now(): number;
  lockAfterIdleMinutes(): number;
  /** Fires when a setting changes (the idle minutes may have). */
  onSettingsChanged: vscode.Event<unknown>;
  dataFolder(): string;
  log: Log;
  ui?: EncryptionUi;
  platform?: NodeJS.Platform;
  timers?: Timers;
  kdf?: EncryptionFlows['kdf'];
  /** Sets a context key (vscode.commands.executeCommand('setContext', …) unless a test passes its own). */
  setContext?: (key: string, value: EncryptionState) => unknown;
  /** Only in ExtensionMode.Test: the test answers the modal dialogs (vscodeUi.ts). */
  modals?: ModalAnswers;
}

export class EncryptionService implements vscode.Disposable {
  readonly flows: EncryptionFlows;
  private readonly unlocking: Unlocking;
  private readonly idle: IdleLock;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(d: EncryptionServiceDeps) {
    const ui = d.ui ?? vscodeUi(d.modals);
    const tries = new PassphraseTries(d.now);
    const remembered = new RememberedKeys(d.secrets);
    const setContext = d.setContext ?? ((key, value) => vscode.commands.executeCommand('setContext', key, value));
    this.idle = new IdleLock({
      now: d.now,
      minutes: d.lockAfterIdleMinutes,
      unlocked: () => d.control.state() === 'unlocked',
      timers: d.timers ?? realTimers,
      lock: async (minutes) => {
        this.unlocking.lockedByUser();
        await d.control.lock();
        d.log.info(`Locked the journal after ${minutes} idle minute(s).`);
      }
    });
    const used = () => this.idle.used();
    this.unlocking = new Unlocking({ control: d.control, ui, remembered, tries, state: d.state, platform: d.platform ?? process.platform, log: d.log, used });
    this.flows = { control: d.control, ui, tries, remembered, unlocking: this.unlocking, log: d.log, now: d.now, dataFolder: d.dataFolder, used, kdf: d.kdf };
    void setContext(CONTEXT_KEY, d.control.state());
    this.disposables.push(
      d.control.onDidChangeState((state) => {
        void setContext(CONTEXT_KEY, state);
        // Unlocked: the idle time counts from now; locked or off: nothing to count.
        if (state === 'unlocked') this.idle.used();
        else this.idle.arm();
      }),
      d.onSettingsChanged(() => this.idle.arm())
    );
  }

  get onDidChangeState(): vscode.Event<EncryptionState> {
    return this.flows.control.onDidChangeState;
  }

  /** Runs one use of the journal, unlocking it first when needed (see Unlocking.use). */
  use<T>(run: () => Promise<T>): Promise<T> {
    return this.unlocking.use(run);
  }

  state(): EncryptionState {
    return this.flows.control.state();
  }

  dispose(): void {
    this.idle.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
