// The one AEAD every sealed byte goes through: XChaCha20-Poly1305 (@noble/ciphers, pure JS, so it
// runs the same in Node and in a browser worker, synchronously). Its 24-byte nonce is drawn at random
// for every message: with 192 random bits, the chance that any two of n messages under one key share
// a nonce is at most n²/2¹⁹³ (2⁻¹³³ after a billion seals), so no counter has to be kept in step
// across machines that write the same journal.
// Node registers its native cipher (setAeadCipher, from src/storage/nodeAead.ts) for speed: the bytes
// are the same, and this folder never imports a Node module, so it still bundles for a browser.
import { xchacha20poly1305 } from '@noble/ciphers/chacha';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, randomBytes, utf8 } from './bytes';

export const KEY_LENGTH = 32;
export const NONCE_LENGTH = 24;
export const TAG_LENGTH = 16;

/** One XChaCha20-Poly1305 implementation: `sealed` is ciphertext ‖ tag; open returns undefined when not authentic. */
export interface AeadCipher {
  seal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array;
  open(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array | undefined;
}

/** The pure-JS implementation, which runs everywhere. */
export const nobleAead: AeadCipher = {
  seal: (key, nonce, aad, plaintext) => xchacha20poly1305(key, nonce, aad).encrypt(plaintext),
  open: (key, nonce, aad, sealed) => {
    try {
      return xchacha20poly1305(key, nonce, aad).decrypt(sealed);
    } catch {
      // noble throws one error for a bad tag; all it means here is "not authentic".
      return undefined;
    }
  }
};

let cipher: AeadCipher = nobleAead;

/** Replaces the implementation every seal and open uses (undefined: back to noble's). */
export function setAeadCipher(next: AeadCipher | undefined): void {
  cipher = next ?? nobleAead;
}

/** nonce ‖ ciphertext ‖ tag, with `aad` authenticated but not stored. */
export function aeadSeal(key: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_LENGTH);
  return concatBytes(nonce, cipher.seal(key, nonce, aad, plaintext));
}

/** The plaintext, or undefined when the key, the associated data or any byte of `box` is wrong. */
export function aeadOpen(key: Uint8Array, aad: Uint8Array, box: Uint8Array): Uint8Array | undefined {
  if (box.length < NONCE_LENGTH + TAG_LENGTH) return undefined;
  return cipher.open(key, box.subarray(0, NONCE_LENGTH), aad, box.subarray(NONCE_LENGTH));
}

/** HKDF-SHA256: one input key, many independent keys, each named by its `info` label. */
export function deriveKey(ikm: Uint8Array, salt: Uint8Array, info: string, length = KEY_LENGTH): Uint8Array {
  return hkdf(sha256, ikm, salt, utf8(info), length);
}

export function sha256Bytes(data: Uint8Array): Uint8Array {
  return sha256(data);
}
