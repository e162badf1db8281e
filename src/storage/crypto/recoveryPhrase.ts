// The recovery phrase: 24 English BIP39 words that encode 256 random bits plus an 8-bit checksum.
// Shown once when encryption is turned on; it unlocks the journal when the passphrase is lost.
import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english';
import { deriveKey } from './aead';
import { randomBytes } from './bytes';
import type { PhraseProblem } from './errors';

export const PHRASE_WORDS = 24;
const ENTROPY_BYTES = 32;
/** HKDF label: the phrase's key can never equal a key derived from it for another purpose. */
const RECOVERY_INFO = 'mood-dose-journal recovery key v1';

/** A fresh phrase from 256 bits of WebCrypto randomness, words separated by single spaces. */
export function generatePhrase(): string {
  return entropyToMnemonic(randomBytes(ENTROPY_BYTES), wordlist);
}

/**
 * The words as the user meant them: NFKD (BIP39's own normal form), lower case, any run of spaces,
 * tabs, newlines, commas or numbering like "1." / "12)" between words. People copy phrases from
 * numbered lists and notes.
 */
export function phraseWords(typed: string): string[] {
  return typed
    .normalize('NFKD')
    .toLowerCase()
    .split(/[\s,;]+/u)
    .map((w) => w.replace(/^\d+[.):]?$/u, ''))
    .filter((w) => w.length > 0);
}

export type PhraseCheck = { ok: true; phrase: string } | { ok: false; problem: PhraseProblem };

/**
 * Whether a typed phrase can be a journal's recovery phrase: 24 words, each in the list, checksum
 * right. The first unknown word is named (1-based), with the list's word that shares its first four
 * letters when there is one (BIP39 words are unique by their first four letters).
 */
export function checkPhrase(typed: string): PhraseCheck {
  const words = phraseWords(typed);
  for (let i = 0; i < words.length; i++) {
    if (!WORDS.has(words[i])) return { ok: false, problem: { kind: 'unknown-word', position: i + 1, word: words[i], suggestion: suggest(words[i]) } };
  }
  if (words.length !== PHRASE_WORDS) return { ok: false, problem: { kind: 'word-count', count: words.length, expected: PHRASE_WORDS } };
  const phrase = words.join(' ');
  try {
    mnemonicToEntropy(phrase, wordlist);
  } catch {
    return { ok: false, problem: { kind: 'checksum' } };
  }
  return { ok: true, phrase };
}

const WORDS = new Set(wordlist);
const BY_PREFIX = new Map(wordlist.map((w) => [w.slice(0, 4), w]));

function suggest(word: string): string | undefined {
  return word.length >= 4 ? BY_PREFIX.get(word.slice(0, 4)) : undefined;
}

/**
 * The key that wraps the data key for the phrase. The phrase already carries 256 random bits, so a
 * slow KDF would add nothing against guessing (2²⁵⁶ candidates) and only cost another second at
 * unlock; HKDF-SHA256 with its own salt and label is enough to make a key of its own from it.
 * Returns undefined for a phrase that fails checkPhrase.
 */
export function recoveryKey(typed: string, salt: Uint8Array): Uint8Array | undefined {
  const check = checkPhrase(typed);
  if (!check.ok) return undefined;
  return deriveKey(mnemonicToEntropy(check.phrase, wordlist), salt, RECOVERY_INFO);
}

/**
 * Three distinct word positions (1-based, ascending) for the "type these words back" check, drawn
 * with WebCrypto so a user cannot learn to expect the same three.
 */
export function pickCheckPositions(count = 3, of = PHRASE_WORDS): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) {
    // Rejection sampling: a byte ≥ the largest multiple of `of` below 256 would favour low positions.
    const b = randomBytes(1)[0];
    if (b >= 256 - (256 % of)) continue;
    chosen.add((b % of) + 1);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** The positions (1-based) among `positions` where the typed word is not the phrase's word. */
export function wrongCheckWords(phrase: string, positions: number[], typed: string[]): number[] {
  const words = phraseWords(phrase);
  return positions.filter((p, i) => phraseWords(typed[i] ?? '').join(' ') !== words[p - 1]);
}
