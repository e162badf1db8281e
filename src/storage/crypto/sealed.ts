// Sealed files and sealed op-log lines: what the journal writes to disk when encryption is on.
//   file: MAGIC(8) ‖ version(1) ‖ kind(1) ‖ key id(16) ‖ nonce(24) ‖ ciphertext ‖ tag(16)
//   line: "mdje:" + base64url(version(1) ‖ kind(1) ‖ key id(16) ‖ nonce(24) ‖ ciphertext ‖ tag(16))
// The header (version, kind, key id) is the AEAD's associated data, so a record moved to another
// kind of file, or relabelled with another key id, fails to open. A line is base64url after a fixed
// prefix: no newline, carriage return or space can occur in it, so a torn tail is one bad line and
// a sync tool's conflict copies still merge line by line.
import { aeadOpen, aeadSeal, KEY_LENGTH, NONCE_LENGTH, TAG_LENGTH } from './aead';
import { concatBytes, fromBase64Url, fromUtf8, toBase64Url, utf8 } from './bytes';
import { KEY_ID_LENGTH, type DataKey } from './dataKey';
import { CorruptRecordError, ForeignKeyError, NewerFormatError } from './errors';

export const SEALED_VERSION = 1;

/** What a sealed item is. Codes are stored; never renumber, only add. */
export const KINDS = { snapshot: 1, 'log-record': 2, backup: 3, 'conflict-copy': 4, 'before-restore': 5, summary: 6 } as const;
export type SealedKind = keyof typeof KINDS;
/** Kinds sealed as whole files; 'log-record' is sealed as a line. */
export type FileKind = Exclude<SealedKind, 'log-record'>;

/**
 * 0x89 is not valid at the start of UTF-8 text, and no SQLite file starts with it, so a sealed file
 * is never mistaken for a plaintext one; CR LF and ^Z show a tool that "fixed" line endings.
 */
const MAGIC = Uint8Array.of(0x89, 0x4d, 0x44, 0x4a, 0x45, 0x0d, 0x0a, 0x1a);
/** Op-log lines in plaintext are JSON objects and start with "{", never with this. */
export const LINE_PREFIX = 'mdje:';

const HEADER_LENGTH = 2 + KEY_ID_LENGTH;
const FILE_OVERHEAD = MAGIC.length + HEADER_LENGTH + NONCE_LENGTH + TAG_LENGTH;

/** Encrypts a whole file (snapshot, backup, conflict copy, before-restore copy, summary). */
export function sealFile(dataKey: DataKey, kind: FileKind, plaintext: Uint8Array): Uint8Array {
  const header = headerBytes(dataKey, kind);
  return concatBytes(MAGIC, header, aeadSeal(checkedKey(dataKey), header, plaintext));
}

/** The plaintext of a sealed file of `kind`; throws CorruptRecordError, ForeignKeyError or NewerFormatError. */
export function openFile(dataKey: DataKey, kind: FileKind, sealed: Uint8Array): Uint8Array {
  if (!isSealedFile(sealed)) throw new CorruptRecordError('malformed', 'not a sealed file');
  if (sealed.length < FILE_OVERHEAD) throw new CorruptRecordError('malformed', 'too short');
  return openBody(dataKey, kind, sealed.subarray(MAGIC.length));
}

/** Encrypts one op-log record (its JSON text, without the newline) into one line, without the newline. */
export function sealLine(dataKey: DataKey, record: string): string {
  const header = headerBytes(dataKey, 'log-record');
  return LINE_PREFIX + toBase64Url(concatBytes(header, aeadSeal(checkedKey(dataKey), header, utf8(record))));
}

/** The record text of a sealed line; a trailing CR (a line ending changed by a tool) is ignored. */
export function openLine(dataKey: DataKey, line: string): string {
  if (!isSealedLine(line)) throw new CorruptRecordError('malformed', 'not a sealed line');
  const body = fromBase64Url(line.slice(LINE_PREFIX.length).replace(/\r$/u, ''));
  if (!body) throw new CorruptRecordError('malformed', 'not base64url (a cut-off or altered line)');
  const plain = openBody(dataKey, 'log-record', body);
  try {
    return fromUtf8(plain);
  } catch {
    // Authentic yet not UTF-8: only a bug on the sealing side could write this.
    throw new CorruptRecordError('malformed', 'record is not UTF-8 text');
  }
}

/** True when the bytes start as a sealed file does: tells a plaintext copy (e.g. one a sync tool brought back) from ours. */
export function isSealedFile(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return false;
  return true;
}

/** True when a log line is a sealed record (even a damaged one); false for a plaintext JSON line. */
export function isSealedLine(text: string): boolean {
  return text.startsWith(LINE_PREFIX);
}

/** The key id and kind in a sealed item's header, read without a key (e.g. to name a foreign key). */
export function sealedHeader(item: Uint8Array | string): { version: number; kind: SealedKind | undefined; keyId: string } | undefined {
  const body = typeof item === 'string' ? (isSealedLine(item) ? fromBase64Url(item.slice(LINE_PREFIX.length).replace(/\r$/u, '')) : undefined) : isSealedFile(item) ? item.subarray(MAGIC.length) : undefined;
  if (!body || body.length < HEADER_LENGTH) return undefined;
  return { version: body[0], kind: kindOf(body[1]), keyId: toBase64Url(body.subarray(2, HEADER_LENGTH)) };
}

function openBody(dataKey: DataKey, kind: SealedKind, body: Uint8Array): Uint8Array {
  if (body.length < HEADER_LENGTH + NONCE_LENGTH + TAG_LENGTH) throw new CorruptRecordError('malformed', 'too short');
  const header = body.subarray(0, HEADER_LENGTH);
  // A newer version or another key is not damage: say so, so that nothing is discarded for it.
  if (header[0] > SEALED_VERSION) throw new NewerFormatError(header[0]);
  if (header[0] !== SEALED_VERSION) throw new CorruptRecordError('malformed', `unknown format version ${header[0]}`);
  if (header[1] !== KINDS[kind]) throw new CorruptRecordError('wrong-kind', `expected ${kind}, found ${kindOf(header[1]) ?? `kind ${header[1]}`}`);
  const keyId = toBase64Url(header.subarray(2));
  if (keyId !== dataKey.keyId) throw new ForeignKeyError(keyId);
  const plain = aeadOpen(checkedKey(dataKey), header, body.subarray(HEADER_LENGTH));
  if (!plain) throw new CorruptRecordError('authentication', `the ${kind} failed its authentication check`);
  return plain;
}

function headerBytes(dataKey: DataKey, kind: SealedKind): Uint8Array {
  const id = fromBase64Url(dataKey.keyId);
  if (!id || id.length !== KEY_ID_LENGTH) throw new Error('A data key with a malformed key id.');
  return concatBytes(Uint8Array.of(SEALED_VERSION, KINDS[kind]), id);
}

function checkedKey(dataKey: DataKey): Uint8Array {
  if (dataKey.key.length !== KEY_LENGTH) throw new Error('A data key of the wrong length.');
  return dataKey.key;
}

function kindOf(code: number): SealedKind | undefined {
  return (Object.keys(KINDS) as SealedKind[]).find((k) => KINDS[k] === code);
}
