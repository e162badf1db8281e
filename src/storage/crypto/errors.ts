// The typed errors of the encryption layer. Each has a stable `code` the store and the commands act
// on, and an English message for the developer log; none holds key material, a passphrase, a phrase
// or any journal content, so any of them may be logged.

/** The passphrase did not unlock the key file. Nothing was changed; the caller may ask again. */
export class WrongPassphraseError extends Error {
  readonly code = 'EWRONGPASS';
  constructor() {
    super('The passphrase does not unlock this journal.');
    this.name = 'WrongPassphraseError';
  }
}

/** A well-formed recovery phrase that is not this journal's. */
export class WrongRecoveryPhraseError extends Error {
  readonly code = 'EWRONGPHRASE';
  constructor() {
    super('The recovery phrase is valid but belongs to another journal or another key.');
    this.name = 'WrongRecoveryPhraseError';
  }
}

/** What is wrong with a typed recovery phrase, word by word where possible. */
export type PhraseProblem =
  | { kind: 'word-count'; count: number; expected: number }
  /** `position` counts from 1, as the user sees the words numbered. */
  | { kind: 'unknown-word'; position: number; word: string; suggestion?: string }
  | { kind: 'checksum' };

/** A typed recovery phrase that cannot be this journal's (or anyone's) phrase. */
export class InvalidRecoveryPhraseError extends Error {
  readonly code = 'EBADPHRASE';
  constructor(readonly problem: PhraseProblem) {
    super(describePhraseProblem(problem));
    this.name = 'InvalidRecoveryPhraseError';
  }
}

export function describePhraseProblem(p: PhraseProblem): string {
  switch (p.kind) {
    case 'word-count':
      return `The recovery phrase has ${p.count} word(s); it should have ${p.expected}.`;
    case 'unknown-word':
      return `Word ${p.position} ("${p.word}") is not in the recovery word list${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'}`;
    case 'checksum':
      return 'Every word is in the list, but the phrase does not add up: a word is wrong or two are swapped.';
  }
}

/**
 * The key file cannot be used: not JSON of our format (`unreadable`), written by a newer version
 * (`newer`), or changed since it was written (`damaged`: the checksum or an authentication tag
 * failed, or its parameters are out of bounds).
 */
export class KeyFileError extends Error {
  readonly code = 'EKEYFILE';
  constructor(
    readonly reason: 'unreadable' | 'newer' | 'damaged',
    detail: string
  ) {
    super(`The journal's key file is ${reason === 'newer' ? 'from a newer version of the extension' : reason}: ${detail}`);
    this.name = 'KeyFileError';
  }
}

/** The data key handed in is not the one this key file wraps. */
export class KeyMismatchError extends Error {
  readonly code = 'EKEYMISMATCH';
  constructor() {
    super('This data key does not belong to this key file.');
    this.name = 'KeyMismatchError';
  }
}

/**
 * A sealed file or line failed its check: a changed byte, a cut-off line, a header of another kind.
 * The store treats it as it treats any corrupt record (skip a torn tail, recover from a backup).
 */
export class CorruptRecordError extends Error {
  readonly code = 'ECORRUPT';
  constructor(
    readonly reason: 'malformed' | 'wrong-kind' | 'authentication',
    detail: string
  ) {
    super(`An encrypted record is damaged (${reason}): ${detail}`);
    this.name = 'CorruptRecordError';
  }
}

/**
 * Sealed under another data key (its key id differs): most likely another machine turned encryption
 * on while apart. Not damage, so the store must not "recover" by discarding it.
 */
export class ForeignKeyError extends Error {
  readonly code = 'EFOREIGNKEY';
  constructor(readonly keyId: string) {
    super(`This record was encrypted with another key (key id ${keyId}).`);
    this.name = 'ForeignKeyError';
  }
}

/** Sealed in a format version newer than this code reads: update the extension, do not discard. */
export class NewerFormatError extends Error {
  readonly code = 'ENEWERFORMAT';
  constructor(readonly version: number) {
    super(`This record uses encryption format ${version}, newer than this version of the extension reads.`);
    this.name = 'NewerFormatError';
  }
}
