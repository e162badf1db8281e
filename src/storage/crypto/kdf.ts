// The passphrase key: Argon2id (hash-wasm, WebAssembly, so it runs in Node and in a browser worker).
// A memory-hard KDF makes each guess at a stolen key file cost the attacker memory as well as time,
// which blunts GPUs. The parameters travel in the key file, so a later version can raise them (on
// the next passphrase change) and still open every older key file.
// The ES module build by path (typed by hashWasm.d.ts): bundled for Node, the package's "main" would bring every hash-wasm
// algorithm (211 KB minified); from this build esbuild keeps Argon2 and its BLAKE2b (28 KB).
import { argon2id } from 'hash-wasm/dist/index.esm.js';
import { randomBytes } from './bytes';
import { KeyFileError } from './errors';

export interface KdfParams {
  algorithm: 'argon2id';
  /** Argon2 version 1.3 (0x13), the only one hash-wasm computes; stored so that can be told later. */
  argonVersion: 19;
  /** Memory in KiB. */
  memoryKiB: number;
  /** Passes over that memory ("iterations", t). */
  passes: number;
  /** Lanes. 1: WebAssembly here runs one thread, so more lanes cost time and buy nothing. */
  parallelism: number;
  /** 16 random bytes, fresh for every key file and every passphrase change. */
  salt: Uint8Array;
}

/**
 * 64 MiB and 3 passes: RFC 9106's second recommended setting (its first needs 2 GiB; its 4 lanes
 * would run one after another here), about half a second on a busy 2-core machine (npm run bench --
 * kdf). Unlocking happens once a window, so that is affordable; for an attacker it is about half a
 * core-second and 64 MiB per guess.
 */
export const DEFAULT_KDF = { memoryKiB: 64 * 1024, passes: 3, parallelism: 1 } as const;

export const SALT_LENGTH = 16;
export const PASSPHRASE_KEY_LENGTH = 32;

/**
 * Bounds on what a key file may ask for. A hostile or damaged key file must not make us allocate
 * gigabytes or spin for minutes; a weak one (8 MiB, 1 pass) is still accepted from older files.
 */
const LIMITS = { memoryKiB: [8 * 1024, 1024 * 1024], passes: [1, 20], parallelism: [1, 4] } as const;

export function newKdfParams(base: { memoryKiB: number; passes: number; parallelism: number } = DEFAULT_KDF): KdfParams {
  return { algorithm: 'argon2id', argonVersion: 19, memoryKiB: base.memoryKiB, passes: base.passes, parallelism: base.parallelism, salt: randomBytes(SALT_LENGTH) };
}

/** Throws KeyFileError('damaged') for parameters no key file of ours holds. */
export function checkKdfParams(p: KdfParams): void {
  const within = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;
  if (p.algorithm !== 'argon2id' || p.argonVersion !== 19) throw new KeyFileError('damaged', `unknown KDF ${String(p.algorithm)} v${String(p.argonVersion)}`);
  if (!within(p.memoryKiB, LIMITS.memoryKiB) || !within(p.passes, LIMITS.passes) || !within(p.parallelism, LIMITS.parallelism)) {
    throw new KeyFileError('damaged', 'KDF parameters out of bounds');
  }
  // Argon2 needs at least 8 KiB per lane.
  if (p.memoryKiB < 8 * p.parallelism) throw new KeyFileError('damaged', 'KDF memory too small for its lanes');
  if (p.salt.length !== SALT_LENGTH) throw new KeyFileError('damaged', 'KDF salt has the wrong length');
}

/**
 * NFKC: the same passphrase typed on a keyboard that composes "é" as one code point and on one that
 * sends "e" + accent gives the same key. Spaces are kept as typed (they may be part of it).
 */
export function normalisePassphrase(passphrase: string): string {
  return passphrase.normalize('NFKC');
}

/** The 32-byte key that wraps the data key; the same inputs always give the same key. */
export async function derivePassphraseKey(passphrase: string, params: KdfParams): Promise<Uint8Array> {
  checkKdfParams(params);
  return argon2id({
    password: normalisePassphrase(passphrase),
    salt: params.salt,
    parallelism: params.parallelism,
    iterations: params.passes,
    memorySize: params.memoryKiB,
    hashLength: PASSPHRASE_KEY_LENGTH,
    outputType: 'binary'
  });
}
