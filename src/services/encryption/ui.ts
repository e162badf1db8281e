// The few kinds of question the encryption flows ask, as an interface, so the flows can be tested
// with a scripted user; vscodeUi.ts answers them with VS Code's input box, quick pick and dialogs.

/** Why an answer was not taken: shown under the box, which stays open and is emptied. */
export interface Refusal {
  problem: string;
  /** The box is disabled this long (a wrong passphrase's growing delay). */
  waitMs?: number;
  /** Shown instead of `problem` once the wait is over. */
  ready?: string;
}

export interface SecretPrompt {
  title: string;
  prompt: string;
  placeholder?: string;
  /** Hidden as typed (a passphrase); false for words the user reads back (a phrase, check words). */
  password: boolean;
  /** Checked while typing (cheap checks only). */
  validate?: (value: string) => string | undefined;
  /** Runs on Enter with the box busy: undefined takes the answer and closes the box; a Refusal keeps it open. */
  accept: (value: string) => Promise<Refusal | undefined>;
}

export interface Choice<T> {
  label: string;
  detail?: string;
  value: T;
}

export interface EncryptionUi {
  /** Resolves true once `accept` took an answer, false on Escape; rejects with what `accept` threw. */
  ask(prompt: SecretPrompt): Promise<boolean>;
  /** A quick pick; undefined on Escape. The first choice is active. */
  choose<T>(title: string, placeholder: string, choices: Choice<T>[]): Promise<T | undefined>;
  /** A modal dialog with one action besides Cancel; true when the action was chosen. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  info(message: string): void;
  warn(message: string): void;
  /** Progress in a notification; `cancelled` turns true when the user presses Cancel (only when `cancellable`). */
  busy<T>(title: string, cancellable: boolean, run: (cancelled: () => boolean) => Promise<T>): Promise<T>;
  /** A save dialog for a SQLite file; the chosen path, or undefined. */
  saveTarget(title: string, defaultName: string): Promise<string | undefined>;
}
