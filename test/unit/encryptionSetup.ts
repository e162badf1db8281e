// One window's encryption service over a FakeControl, with the scripted user, spied log, secrets,
// globalState and a fake clock, as the encryption tests use it.
import { FakeTimers, ScriptedUi, SecretsStandIn, SpyLog, CHEAP_KDF, type FakeControl } from './encryptionFakes';
import { MementoStandIn } from './vscodeStandIn';
import { EncryptionService } from '../../src/services/encryption/service';

export interface Window {
  service: EncryptionService;
  ui: ScriptedUi;
  log: SpyLog;
  secrets: SecretsStandIn;
  state: MementoStandIn;
  timers: FakeTimers;
  contexts: string[];
  setMinutes(n: number): void;
}

export const DATA_FOLDER = '/home/me/project/.mood-journal';

export function openWindow(control: FakeControl, o: { platform?: NodeJS.Platform; minutes?: number; secrets?: SecretsStandIn; timers?: FakeTimers } = {}): Window {
  const ui = new ScriptedUi();
  const log = new SpyLog();
  const secrets = o.secrets ?? new SecretsStandIn();
  const state = new MementoStandIn();
  const timers = o.timers ?? new FakeTimers();
  const contexts: string[] = [];
  let minutes = o.minutes ?? 15;
  let settingsListener: ((e: unknown) => unknown) | undefined;
  const service = new EncryptionService({
    control,
    secrets,
    state,
    now: timers.now,
    lockAfterIdleMinutes: () => minutes,
    onSettingsChanged: (l: (e: unknown) => unknown) => ((settingsListener = l), { dispose: () => undefined }),
    dataFolder: () => DATA_FOLDER,
    log,
    ui,
    platform: o.platform ?? 'linux',
    timers,
    kdf: CHEAP_KDF,
    setContext: (_key, value) => contexts.push(value)
  });
  return {
    service,
    ui,
    log,
    secrets,
    state,
    timers,
    contexts,
    setMinutes(n) {
      minutes = n;
      settingsListener?.(undefined);
    }
  };
}
