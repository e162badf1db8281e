// The one AEAD every sealed byte goes through: XChaCha20-Poly1305 (@noble/ciphers, pure JS, so it
// runs the same in Node and in a browser worker, synchronously). Its 24-byte nonce is drawn at random
// for every message: with 192 random bits, the chance that any two of n messages under one key share
// a nonce is at most n²/2¹⁹³ (2⁻¹³³ after a billion seals), so no counter has to be kept in step
// across machines that write the same journal.
import { xchacha20poly1305 } from '@noble/ciphers/chacha';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, randomBytes, utf8 } from './bytes';

export const KEY_LENGTH = 32;
export const NONCE_LENGTH = 24;
export const TAG_LENGTH = 16;

/** nonce ‖ ciphertext ‖ tag, with `aad` authenticated but not stored. */
export function aeadSeal(key: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_LENGTH);
  return concatBytes(nonce, xchacha20poly1305(key, nonce, aad).encrypt(plaintext));
}

/** The plaintext, or undefined when the key, the associated data or any byte of `box` is wrong. */
export function aeadOpen(key: Uint8Array, aad: Uint8Array, box: Uint8Array): Uint8Array | undefined {
  if (box.length < NONCE_LENGTH + TAG_LENGTH) return undefined;
  try {
    return xchacha20poly1305(key, box.subarray(0, NONCE_LENGTH), aad).decrypt(box.subarray(NONCE_LENGTH));
  } catch {
    // noble throws one error for a bad tag; all it means here is "not authentic".
    return undefined;
  }
}

/** HKDF-SHA256: one input key, many independent keys, each named by its `info` label. */
export function deriveKey(ikm: Uint8Array, salt: Uint8Array, info: string, length = KEY_LENGTH): Uint8Array {
  return hkdf(sha256, ikm, salt, utf8(info), length);
}

export function sha256Bytes(data: Uint8Array): Uint8Array {
  return sha256(data);
}
