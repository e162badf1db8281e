// The encryption layer's one entry point, for the lazy loader: nothing here is imported at start-up.
export * from './errors';
export type { DataKey } from './dataKey';
export { DEFAULT_KDF, type KdfParams } from './kdf';
export { changePassphrase, checkDataKey, createKeyFile, keyFileId, replacePhrase, unlockWithPassphrase, unlockWithPhrase } from './keyFile';
export { checkPhrase, generatePhrase, phraseWords, pickCheckPositions, wrongCheckWords, PHRASE_WORDS, type PhraseCheck } from './recoveryPhrase';
export { isSealedFile, isSealedLine, openFile, openLine, sealedHeader, sealFile, sealLine, KINDS, LINE_PREFIX, type FileKind, type SealedKind } from './sealed';
