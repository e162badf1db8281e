// The unlocked data key as seal/open take it. Kept apart from keyFile.ts so that code that only seals
// and opens (a worker, the store's hot path) does not load the KDF and the recovery word list.

export const KEY_ID_LENGTH = 16;

export interface DataKey {
  /** Random, fixed for the journal's life; named in every sealed header (base64url of 16 bytes). */
  keyId: string;
  /** 32 bytes for XChaCha20-Poly1305. */
  key: Uint8Array;
}
