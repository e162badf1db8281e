// The key file: one random 256-bit data key that encrypts the journal, stored only wrapped, twice:
// by a key from the passphrase (Argon2id) and by a key from the recovery phrase (HKDF). A passphrase
// change re-wraps that one key, so the journal itself is never re-encrypted and the key id that
// every sealed record names stays the same.
import { aeadOpen, aeadSeal, deriveKey, KEY_LENGTH, sha256Bytes } from './aead';
import { equalBytes, fromBase64Url, fromUtf8, randomBytes, toBase64Url, toHex, utf8 } from './bytes';
import { KEY_ID_LENGTH, type DataKey } from './dataKey';
import { InvalidRecoveryPhraseError, KeyFileError, KeyMismatchError, WrongPassphraseError, WrongRecoveryPhraseError } from './errors';
import { checkKdfParams, derivePassphraseKey, newKdfParams, SALT_LENGTH, type KdfParams } from './kdf';
import { checkPhrase, generatePhrase, recoveryKey } from './recoveryPhrase';

export const KEY_FILE_FORMAT = 'mood-dose-journal key file';
export const KEY_FILE_VERSION = 1;
const CHECK_LENGTH = 16;

interface Header {
  format: string;
  version: number;
  keyId: string;
  cipher: 'xchacha20-poly1305';
  /** HKDF of the data key: shows that a key handed to changePassphrase is this file's key. */
  keyCommit: string;
}

interface Slot {
  salt: Uint8Array;
  /** Tells a wrong passphrase (or phrase) from a damaged wrap: derived from the slot's key. */
  check: Uint8Array;
  /** nonce ‖ wrapped data key ‖ tag. */
  wrapped: Uint8Array;
}

interface KeyFile {
  header: Header;
  passphrase: Slot & { kdf: KdfParams };
  recovery: Slot;
}

/** KDF cost for a new wrap; DEFAULT_KDF unless given (tests use a cheap one; bounds still apply). */
export interface KdfChoice {
  kdf?: { memoryKiB: number; passes: number; parallelism: number };
}

/** Turning encryption on: a new data key, its key file bytes, and the phrase to show once. */
export async function createKeyFile(passphrase: string, options: KdfChoice = {}): Promise<{ bytes: Uint8Array; phrase: string; dataKey: DataKey }> {
  const key = randomBytes(KEY_LENGTH);
  const keyId = toBase64Url(randomBytes(KEY_ID_LENGTH));
  const header: Header = { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, keyId, cipher: 'xchacha20-poly1305', keyCommit: commitment(key, keyId) };
  const phrase = generatePhrase();
  const file: KeyFile = { header, passphrase: await passphraseSlot(header, key, passphrase, options), recovery: phraseSlot(header, key, phrase) };
  return { bytes: encode(file), phrase, dataKey: { keyId, key } };
}

/** Throws WrongPassphraseError for a wrong passphrase, KeyFileError for a damaged or foreign file. */
export async function unlockWithPassphrase(bytes: Uint8Array, passphrase: string): Promise<DataKey> {
  const file = decode(bytes);
  // No key file is made with an empty passphrase (see passphraseSlot), and Argon2 refuses one.
  if (passphrase.length === 0) throw new WrongPassphraseError();
  const slotKey = await derivePassphraseKey(passphrase, file.passphrase.kdf);
  return unwrap(file, 'passphrase', slotKey, () => new WrongPassphraseError());
}

/** Throws InvalidRecoveryPhraseError (typo), WrongRecoveryPhraseError (another journal's) or KeyFileError. */
export async function unlockWithPhrase(bytes: Uint8Array, phrase: string): Promise<DataKey> {
  const file = decode(bytes);
  const check = checkPhrase(phrase);
  if (!check.ok) throw new InvalidRecoveryPhraseError(check.problem);
  return unwrap(file, 'recovery', recoveryKey(check.phrase, file.recovery.salt)!, () => new WrongRecoveryPhraseError());
}

/**
 * A new passphrase: the data key is wrapped again with a fresh salt and today's KDF parameters. The
 * recovery wrap, the data key and the key id stay as they are.
 */
export async function changePassphrase(bytes: Uint8Array, dataKey: DataKey, newPassphrase: string, options: KdfChoice = {}): Promise<Uint8Array> {
  const file = decode(bytes);
  belongs(file, dataKey);
  return encode({ ...file, passphrase: await passphraseSlot(file.header, dataKey.key, newPassphrase, options) });
}

/** A new recovery phrase for a journal whose old phrase is lost or whose recovery wrap is damaged. */
export function replacePhrase(bytes: Uint8Array, dataKey: DataKey): { bytes: Uint8Array; phrase: string } {
  const file = decode(bytes);
  belongs(file, dataKey);
  const phrase = generatePhrase();
  return { bytes: encode({ ...file, recovery: phraseSlot(file.header, dataKey.key, phrase) }), phrase };
}

/** The key id a key file names, without unlocking it (to match it with sealed files). */
export function keyFileId(bytes: Uint8Array): string {
  return decode(bytes).header.keyId;
}

/** Throws KeyMismatchError unless `dataKey` is the key this file wraps (KeyFileError for a damaged file). */
export function checkDataKey(bytes: Uint8Array, dataKey: DataKey): void {
  belongs(decode(bytes), dataKey);
}

function belongs(file: KeyFile, dataKey: DataKey): void {
  if (dataKey.keyId !== file.header.keyId || dataKey.key.length !== KEY_LENGTH || commitment(dataKey.key, dataKey.keyId) !== file.header.keyCommit) {
    throw new KeyMismatchError();
  }
}

function commitment(key: Uint8Array, keyId: string): string {
  return toBase64Url(deriveKey(key, utf8(keyId), 'mood-dose-journal key commitment v1'));
}

async function passphraseSlot(header: Header, key: Uint8Array, passphrase: string, options: KdfChoice): Promise<KeyFile['passphrase']> {
  if (passphrase.length === 0) throw new RangeError('A passphrase cannot be empty.');
  const kdf = newKdfParams(options.kdf);
  const slotKey = await derivePassphraseKey(passphrase, kdf);
  return { kdf, ...wrap(header, 'passphrase', slotKey, kdf.salt, key, kdf) };
}

function phraseSlot(header: Header, key: Uint8Array, phrase: string): Slot {
  const salt = randomBytes(SALT_LENGTH);
  return wrap(header, 'recovery', recoveryKey(phrase, salt)!, salt, key);
}

/** The slot key splits in two by HKDF: one part wraps the data key, the other is the stored check. */
function wrap(header: Header, slot: 'passphrase' | 'recovery', slotKey: Uint8Array, salt: Uint8Array, key: Uint8Array, kdf?: KdfParams): Slot {
  const check = deriveKey(slotKey, new Uint8Array(0), 'mood-dose-journal slot check v1', CHECK_LENGTH);
  const wrapped = aeadSeal(deriveKey(slotKey, new Uint8Array(0), 'mood-dose-journal slot wrap v1'), slotAad(header, slot, salt, check, kdf), key);
  return { salt, check, wrapped };
}

function unwrap(file: KeyFile, slot: 'passphrase' | 'recovery', slotKey: Uint8Array, wrong: () => Error): DataKey {
  const s = file[slot];
  const check = deriveKey(slotKey, new Uint8Array(0), 'mood-dose-journal slot check v1', CHECK_LENGTH);
  if (!equalBytes(check, s.check)) throw wrong();
  // The right secret, yet the wrap does not open: the file was changed after it was written.
  const kdf = slot === 'passphrase' ? file.passphrase.kdf : undefined;
  const key = aeadOpen(deriveKey(slotKey, new Uint8Array(0), 'mood-dose-journal slot wrap v1'), slotAad(file.header, slot, s.salt, s.check, kdf), s.wrapped);
  if (!key || key.length !== KEY_LENGTH) throw new KeyFileError('damaged', `the ${slot} wrap failed its authentication`);
  if (commitment(key, file.header.keyId) !== file.header.keyCommit) throw new KeyFileError('damaged', 'the key commitment does not match');
  return { keyId: file.header.keyId, key };
}

/**
 * The associated data of a wrap: the header and the slot's own parameters, in a fixed order. A key
 * id, commitment, salt or KDF setting changed in the file makes the wrap fail to open.
 */
function slotAad(header: Header, slot: string, salt: Uint8Array, check: Uint8Array, kdf?: KdfParams): Uint8Array {
  const params = kdf ? [kdf.algorithm, kdf.argonVersion, kdf.memoryKiB, kdf.passes, kdf.parallelism] : ['hkdf-sha256'];
  return utf8(JSON.stringify([header.format, header.version, header.keyId, header.cipher, header.keyCommit, slot, toBase64Url(salt), toBase64Url(check), ...params]));
}

/** The JSON written to disk, with fields in a fixed order; `checksum` covers all the others. */
function canonical(file: KeyFile): Record<string, unknown> {
  const { header: h, passphrase: p, recovery: r } = file;
  return {
    format: h.format,
    version: h.version,
    keyId: h.keyId,
    cipher: h.cipher,
    keyCommit: h.keyCommit,
    passphrase: {
      kdf: p.kdf.algorithm,
      argonVersion: p.kdf.argonVersion,
      memoryKiB: p.kdf.memoryKiB,
      passes: p.kdf.passes,
      parallelism: p.kdf.parallelism,
      salt: toBase64Url(p.salt),
      check: toBase64Url(p.check),
      wrapped: toBase64Url(p.wrapped)
    },
    recovery: { kdf: 'hkdf-sha256', salt: toBase64Url(r.salt), check: toBase64Url(r.check), wrapped: toBase64Url(r.wrapped) }
  };
}

/** A checksum for damage a sync tool or a disk may do; tampering is caught by the wraps themselves. */
function checksum(body: Record<string, unknown>): string {
  return toHex(sha256Bytes(utf8(JSON.stringify(body))));
}

function encode(file: KeyFile): Uint8Array {
  const body = canonical(file);
  return utf8(JSON.stringify({ ...body, checksum: checksum(body) }, null, 2) + '\n');
}

function decode(bytes: Uint8Array): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(bytes));
  } catch {
    throw new KeyFileError('unreadable', 'not a JSON key file');
  }
  const o = record(json);
  if (!o || o.format !== KEY_FILE_FORMAT) throw new KeyFileError('unreadable', 'not a Mood & Dose Journal key file');
  if (typeof o.version === 'number' && o.version > KEY_FILE_VERSION) throw new KeyFileError('newer', `version ${o.version}`);
  const p = record(o.passphrase);
  const r = record(o.recovery);
  if (o.version !== KEY_FILE_VERSION || !p || !r || o.cipher !== 'xchacha20-poly1305' || r.kdf !== 'hkdf-sha256') throw new KeyFileError('damaged', 'fields missing or unknown');
  const file: KeyFile = {
    header: { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, keyId: text(o.keyId, KEY_ID_LENGTH), cipher: 'xchacha20-poly1305', keyCommit: text(o.keyCommit, KEY_LENGTH) },
    passphrase: {
      kdf: { algorithm: p.kdf as 'argon2id', argonVersion: p.argonVersion as 19, memoryKiB: num(p.memoryKiB), passes: num(p.passes), parallelism: num(p.parallelism), salt: bin(p.salt, SALT_LENGTH) },
      salt: bin(p.salt, SALT_LENGTH),
      check: bin(p.check, CHECK_LENGTH),
      wrapped: bin(p.wrapped)
    },
    recovery: { salt: bin(r.salt, SALT_LENGTH), check: bin(r.check, CHECK_LENGTH), wrapped: bin(r.wrapped) }
  };
  if (o.checksum !== checksum(canonical(file))) throw new KeyFileError('damaged', 'its checksum does not match');
  checkKdfParams(file.passphrase.kdf);
  return file;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function num(v: unknown): number {
  if (typeof v !== 'number') throw new KeyFileError('damaged', 'a number field is missing');
  return v;
}

function bin(v: unknown, length?: number): Uint8Array {
  const b = typeof v === 'string' ? fromBase64Url(v) : undefined;
  if (!b || (length !== undefined && b.length !== length)) throw new KeyFileError('damaged', 'a binary field is malformed');
  return b;
}

/** A base64url field that must decode to `length` bytes, kept as text. */
function text(v: unknown, length: number): string {
  bin(v, length);
  return v as string;
}
