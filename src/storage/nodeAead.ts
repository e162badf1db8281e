// XChaCha20-Poly1305 on Node's native ChaCha20-Poly1305 (OpenSSL), byte for byte the format noble
// writes: HChaCha20(key, nonce[0..16]) gives a subkey, then IETF ChaCha20-Poly1305 with the 12-byte
// nonce 0⁴ ‖ nonce[16..24]. Several times faster than pure JS on a multi-megabyte snapshot, which is
// what an encrypted cold open waits for. It lives outside crypto/ so that folder stays browser-only.
import { hchacha } from '@noble/ciphers/chacha';
import { createCipheriv, createDecipheriv } from 'crypto';
import { NONCE_LENGTH, setAeadCipher, TAG_LENGTH, type AeadCipher } from './crypto/aead';

/** "expand 32-byte k" as four little-endian words: ChaCha's constant. */
const SIGMA = Uint32Array.of(0x61707865, 0x3320646e, 0x79622d32, 0x6b206574);

function wordsLE(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** The ChaCha20-Poly1305 key and 12-byte nonce that XChaCha20-Poly1305 under (key, nonce) reduces to. */
function reduce(key: Uint8Array, nonce: Uint8Array): { subkey: Buffer; nonce12: Buffer } {
  if (key.length !== 32 || nonce.length !== NONCE_LENGTH) throw new Error('XChaCha20-Poly1305 needs a 32-byte key and a 24-byte nonce.');
  const out = new Uint32Array(8);
  hchacha(SIGMA, wordsLE(key), wordsLE(nonce.subarray(0, 16)), out);
  const subkey = Buffer.alloc(32);
  for (let i = 0; i < 8; i++) subkey.writeUInt32LE(out[i], i * 4);
  const nonce12 = Buffer.alloc(12);
  nonce12.set(nonce.subarray(16), 4);
  return { subkey, nonce12 };
}

/** A plain Uint8Array (as noble returns), copied only when the Buffer is a slice of Node's shared pool. */
function plainBytes(b: Buffer): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? new Uint8Array(b.buffer, 0, b.byteLength) : Uint8Array.prototype.slice.call(b);
}

export const nodeAead: AeadCipher = {
  seal(key, nonce, aad, plaintext) {
    const { subkey, nonce12 } = reduce(key, nonce);
    const c = createCipheriv('chacha20-poly1305', subkey, nonce12, { authTagLength: TAG_LENGTH });
    c.setAAD(aad, { plaintextLength: plaintext.length });
    const out = new Uint8Array(plaintext.length + TAG_LENGTH);
    const body = c.update(plaintext);
    out.set(body, 0);
    const tail = c.final();
    out.set(tail, body.length);
    out.set(c.getAuthTag(), plaintext.length);
    subkey.fill(0);
    return out;
  },
  open(key, nonce, aad, sealed) {
    if (sealed.length < TAG_LENGTH) return undefined;
    const { subkey, nonce12 } = reduce(key, nonce);
    const body = sealed.subarray(0, sealed.length - TAG_LENGTH);
    const d = createDecipheriv('chacha20-poly1305', subkey, nonce12, { authTagLength: TAG_LENGTH });
    d.setAAD(aad, { plaintextLength: body.length });
    d.setAuthTag(sealed.subarray(body.length));
    const out = d.update(body);
    try {
      const tail = d.final();
      // The plaintext is released only once the tag has checked out.
      return plainBytes(tail.length ? Buffer.concat([out, tail]) : out);
    } catch {
      out.fill(0);
      return undefined;
    } finally {
      subkey.fill(0);
    }
  }
};

/** Every seal and open in this process goes through Node's cipher from now on. */
export function useNodeAead(): void {
  setAeadCipher(nodeAead);
}
