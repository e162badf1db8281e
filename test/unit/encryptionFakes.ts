// Stand-ins for the encryption flows' tests: a journal that keeps its key file in memory (the real
// EncryptionControl is the journal service), a scripted user who answers each question in turn and
// a record of everything shown, a spied log, SecretStorage, and timers driven by a fake clock.
import './vscodeStandIn';
import { createKeyFile } from '../../src/storage/crypto/keyFile';
import type { DataKey } from '../../src/storage/crypto/dataKey';
import { equalBytes } from '../../src/storage/crypto/bytes';
import type { EncryptionControl, EncryptionState } from '../../src/services/encryption/control';
import type { Timers } from '../../src/services/encryption/idleLock';
import type { Choice, EncryptionUi, Refusal, SecretPrompt } from '../../src/services/encryption/ui';
import type { Log } from '../../src/services/log';

/** Argon2id at its floor (8 MiB, 1 pass): the same code path, fast enough for many tries. */
export const CHEAP_KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
export const PASSPHRASE = 'correct horse battery staple';

export class FakeControl implements EncryptionControl {
  readonly calls: string[] = [];
  private listeners: ((s: EncryptionState) => void)[] = [];
  bytes: Uint8Array | undefined;
  private key: DataKey | undefined;
  private current: EncryptionState = 'off';
  exported: string[] = [];

  /** A journal encrypted with `passphrase` (cheap KDF), locked. */
  static async encrypted(passphrase = PASSPHRASE): Promise<{ control: FakeControl; phrase: string; dataKey: DataKey }> {
    const made = await createKeyFile(passphrase, { kdf: CHEAP_KDF });
    const control = new FakeControl();
    control.bytes = made.bytes;
    control.key = made.dataKey;
    control.current = 'locked';
    return { control, phrase: made.phrase, dataKey: made.dataKey };
  }

  state(): EncryptionState {
    return this.current;
  }
  readonly onDidChangeState = (l: (s: EncryptionState) => void) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  private set(s: EncryptionState): void {
    this.current = s;
    for (const l of this.listeners) l(s);
  }
  async keyFile(): Promise<Uint8Array | undefined> {
    return this.bytes;
  }
  async unlock(dataKey: DataKey): Promise<void> {
    this.calls.push('unlock');
    if (!this.key || dataKey.keyId !== this.key.keyId || !equalBytes(dataKey.key, this.key.key)) throw Object.assign(new Error('This data key does not belong to this key file.'), { name: 'KeyMismatchError' });
    this.set('unlocked');
  }
  async lock(): Promise<void> {
    this.calls.push('lock');
    if (this.current === 'unlocked') this.set('locked');
  }
  async checkTurnOn(): Promise<void> {
    this.calls.push('checkTurnOn');
  }
  async turnOn(keyFile: Uint8Array, dataKey: DataKey): Promise<void> {
    this.calls.push('turnOn');
    this.bytes = keyFile;
    this.key = dataKey;
    this.set('unlocked');
  }
  async turnOff(): Promise<void> {
    this.calls.push('turnOff');
    this.bytes = undefined;
    this.key = undefined;
    this.set('off');
  }
  async exportDecryptedCopy(target: string): Promise<void> {
    this.calls.push('exportDecryptedCopy');
    this.exported.push(target);
  }
  async rewrapKeyFile(bytes: Uint8Array): Promise<void> {
    this.calls.push('rewrapKeyFile');
    this.bytes = bytes;
  }
}

/** How the scripted user answers one text question: the values typed in turn, then Escape (or the last one taken). */
export type AskScript = (p: SecretPrompt) => Promise<boolean>;

/** Types each value in turn; true as soon as one is taken, false (Escape) when none was. */
export function typing(values: string[], seen?: Refusal[], between?: (r: Refusal) => void): AskScript {
  return async (p) => {
    for (const v of values) {
      const r = await p.accept(v);
      if (!r) return true;
      seen?.push(r);
      between?.(r);
    }
    return false;
  };
}

export const escape: AskScript = async () => false;

export class ScriptedUi implements EncryptionUi {
  readonly asks: AskScript[] = [];
  readonly confirms: (boolean | ((message: string, detail: string) => boolean))[] = [];
  readonly chooses: ((choices: Choice<unknown>[]) => unknown)[] = [];
  saveTo: string | undefined;
  /** Everything shown to the user, in order: titles, prompts, messages, details, refusals. */
  readonly shown: string[] = [];
  readonly prompts: SecretPrompt[] = [];
  readonly confirmed: { message: string; detail: string }[] = [];

  async ask(p: SecretPrompt): Promise<boolean> {
    this.prompts.push(p);
    this.shown.push(p.title, p.prompt);
    const next = this.asks.shift();
    if (!next) throw new Error(`Unexpected question: ${p.title}`);
    return next({ ...p, accept: async (v) => this.record(await p.accept(v)) });
  }
  private record(r: Refusal | undefined): Refusal | undefined {
    if (r) this.shown.push(r.problem, r.ready ?? '');
    return r;
  }
  async choose<T>(title: string, placeholder: string, choices: Choice<T>[]): Promise<T | undefined> {
    this.shown.push(title, placeholder, ...choices.flatMap((c) => [c.label, c.detail ?? '']));
    const next = this.chooses.shift();
    if (!next) throw new Error(`Unexpected choice: ${title}`);
    return next(choices as Choice<unknown>[]) as T | undefined;
  }
  async confirm(message: string, detail: string): Promise<boolean> {
    this.confirmed.push({ message, detail });
    this.shown.push(message, detail);
    const next = this.confirms.shift();
    if (next === undefined) throw new Error(`Unexpected dialog: ${message}`);
    return typeof next === 'function' ? next(message, detail) : next;
  }
  info(message: string): void {
    this.shown.push(message);
  }
  warn(message: string): void {
    this.shown.push(message);
  }
  busy<T>(title: string, _cancellable: boolean, run: (cancelled: () => boolean) => Promise<T>): Promise<T> {
    this.shown.push(title);
    return run(() => false);
  }
  async saveTarget(title: string): Promise<string | undefined> {
    this.shown.push(title);
    return this.saveTo;
  }
}

/** The choice whose label matches. */
export const pickLabel = (label: RegExp) => (choices: Choice<unknown>[]) => choices.find((c) => label.test(c.label))?.value;

export class SpyLog implements Log {
  readonly lines: string[] = [];
  info(m: string): void {
    this.lines.push(m);
  }
  warn(m: string): void {
    this.lines.push(m);
  }
  error(m: string): void {
    this.lines.push(m);
  }
}

export class SecretsStandIn {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

/** setTimeout on a fake clock: `advance` moves the clock and runs what fell due, in order. */
export class FakeTimers implements Timers {
  private t = Date.parse('2026-05-04T09:00:00Z');
  private due: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  now = (): number => this.t;
  set(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.due.push({ at: this.t + ms, run, id });
    return id;
  }
  clear(handle: unknown): void {
    this.due = this.due.filter((d) => d.id !== handle);
  }
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      this.due.sort((a, b) => a.at - b.at);
      const next = this.due[0];
      if (!next || next.at > end) break;
      this.due.shift();
      this.t = next.at;
      next.run();
      await new Promise((r) => setImmediate(r));
    }
    this.t = end;
  }
}
