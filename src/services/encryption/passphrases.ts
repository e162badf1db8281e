// Rules and words shared by every flow that takes a passphrase or a recovery phrase: the minimum
// length, the growing delay after a wrong passphrase (never a lock-out, never a deletion), and the
// crypto layer's typed problems in the user's language.
import * as vscode from 'vscode';
import { plural } from '../plural';
import type { PhraseProblem } from '../../storage/crypto/errors';

/** Characters (code points, as typed). Argon2id slows each guess; it cannot make a short passphrase safe. */
export const MIN_PASSPHRASE = 10;
/** The longest wait between two tries. */
export const MAX_DELAY_MS = 30_000;

export function passphraseProblem(value: string): string | undefined {
  const n = [...value].length;
  if (n >= MIN_PASSPHRASE && value.trim().length > 0) return undefined;
  return vscode.l10n.t('Use at least {0} characters (this has {1}). A few unrelated words are easy to remember and hard to guess.', MIN_PASSPHRASE, n);
}

/** The wait before the next try after `wrong` wrong passphrases in a row: 0, 0, 1, 2, 4, 8, 16, 30, 30, … seconds. */
export function delayAfter(wrong: number): number {
  if (wrong <= 1) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (wrong - 2));
}

/**
 * Wrong passphrases in a row, in this window, across prompts (pressing Escape does not reset the
 * delay); the right one resets it. Nothing is ever refused for good.
 */
export class PassphraseTries {
  private wrong = 0;
  private notBefore = 0;

  constructor(private readonly now: () => number) {}

  /** How long the next try must still wait (0: try now). */
  waitMs(): number {
    return Math.max(0, this.notBefore - this.now());
  }

  /** Counts a wrong passphrase; returns the wait before the next try. */
  failed(): number {
    const wait = delayAfter(++this.wrong);
    this.notBefore = this.now() + wait;
    return wait;
  }

  succeeded(): void {
    this.wrong = 0;
    this.notBefore = 0;
  }
}

export function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return plural(s, { one: vscode.l10n.t('{0} second', s), other: vscode.l10n.t('{0} seconds', s) });
}

export function wrongPassphraseMessage(waitMs: number): { problem: string; waitMs: number; ready: string } {
  const ready = vscode.l10n.t('That passphrase does not unlock this journal. Check Caps Lock and the keyboard layout, and try again.');
  return { problem: waitMs > 0 ? vscode.l10n.t('That passphrase does not unlock this journal. You can try again in {0}.', seconds(waitMs)) : ready, waitMs, ready };
}

export function phraseProblemMessage(p: PhraseProblem): string {
  switch (p.kind) {
    case 'word-count':
      return plural(p.count, { one: vscode.l10n.t('That is {0} word; the recovery phrase has {1}.', p.count, p.expected), other: vscode.l10n.t('That is {0} words; the recovery phrase has {1}.', p.count, p.expected) });
    case 'unknown-word':
      return p.suggestion
        ? vscode.l10n.t('Word {0} ("{1}") is not in the recovery word list. Did you mean "{2}"?', p.position, p.word, p.suggestion)
        : vscode.l10n.t('Word {0} ("{1}") is not in the recovery word list.', p.position, p.word);
    case 'checksum':
      return vscode.l10n.t('Every word is in the list, but the phrase does not add up: a word is wrong or two are swapped.');
  }
}

/** The wrong ones among the check words, by position (1-based, as the phrase was numbered). */
export function wrongWordsMessage(positions: number[]): string {
  if (positions.length === 1) return vscode.l10n.t('Word {0} is not right. Look at your copy and try again.', positions[0]);
  const last = positions[positions.length - 1];
  return vscode.l10n.t('Words {0} and {1} are not right. Look at your copy and try again.', positions.slice(0, -1).join(', '), last);
}

/** The typed errors of the crypto layer and the store that a user can act on, by name (bundles hold their own copies of classes). */
export function keyProblemMessage(e: unknown): string | undefined {
  const name = (e as Error | undefined)?.name;
  const reason = (e as { reason?: string } | undefined)?.reason;
  if (name === 'KeyFileError') {
    return reason === 'newer'
      ? vscode.l10n.t('The journal\'s key file (journal.key) was written by a newer version of Mood & Dose Journal. Update the extension to unlock it.')
      : vscode.l10n.t('The journal\'s key file (journal.key) is damaged or unreadable. A copy from another machine or a backup of the folder can unlock the journal; nothing was changed.');
  }
  if (name === 'KeyMismatchError') return vscode.l10n.t('That key belongs to another journal; nothing was changed.');
  return undefined;
}
