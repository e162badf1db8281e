// The op log's line format. Each durable change is one record:
//   "\n" + crc32(json) as 8 hex digits + " " + json + "\n"
// The leading newline isolates a record from a torn one left by a crash mid-write, so a torn tail
// can never swallow the next acknowledged record. A record whose checksum fails is ignored.
// In an encrypted journal a record is one sealed line instead, "\n" + "mdje:…" + "\n" (sealing.ts);
// the same leading newline isolates it, and its authentication tag stands in for the checksum.
import type { Op } from '../core/schemas';

export interface DecodedLog {
  /** Each element is the list of ops written by one durable change. */
  changes: Op[][];
  /** Records that failed their checksum (a torn write, or damage). */
  badRecords: number;
  /** Sealed records that cannot be read here (another key, a newer format, no key): kept, not applied. */
  keptRecords: number;
  /** Plaintext records read (a plaintext log in an encrypted journal is sealed again, see sealing.ts). */
  plainRecords: number;
  /** Bytes up to the end of the last complete line; the rest may still be being written. */
  consumed: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeChange(ops: Op[]): Uint8Array {
  const json = JSON.stringify(ops);
  const body = encoder.encode(json);
  const crc = crc32(body).toString(16).padStart(8, '0');
  return encoder.encode(`\n${crc} ${json}\n`);
}

/** What becomes of one sealed line: its record's JSON text, 'bad' (damage, a torn tail) or 'kept' (unreadable here). */
export type OpenSealedLine = (line: string) => string | 'bad' | 'kept';

/** "mdje:", which starts every sealed line (crypto/sealed.ts); plaintext records start with a checksum. */
const SEALED_PREFIX = [0x6d, 0x64, 0x6a, 0x65, 0x3a];

/**
 * Every complete line: plaintext records checked by their CRC, sealed ones (when `openSealed` is
 * given; without it they are kept, unread) by their authentication tag.
 */
export function decodeLog(bytes: Uint8Array, openSealed?: OpenSealedLine): DecodedLog {
  const lastNewline = bytes.lastIndexOf(0x0a);
  const consumed = lastNewline + 1;
  const out: DecodedLog = { changes: [], badRecords: 0, keptRecords: 0, plainRecords: 0, consumed };
  let start = 0;
  for (let i = 0; i < consumed; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (i > start) decodeLine(bytes.subarray(start, i), out, openSealed);
    start = i + 1;
  }
  return out;
}

function decodeLine(line: Uint8Array, out: DecodedLog, openSealed: OpenSealedLine | undefined): void {
  if (!SEALED_PREFIX.every((b, i) => line[i] === b)) {
    const ops = decodeRecord(line);
    if (ops) {
      out.changes.push(ops);
      out.plainRecords++;
    } else out.badRecords++;
    return;
  }
  const text = openSealed ? openSealed(decoder.decode(line)) : 'kept';
  if (text === 'kept') out.keptRecords++;
  else {
    const ops = text === 'bad' ? undefined : parseOps(text);
    if (ops) out.changes.push(ops);
    else out.badRecords++;
  }
}

function parseOps(json: string): Op[] | undefined {
  try {
    const ops = JSON.parse(json) as unknown;
    return Array.isArray(ops) ? (ops as Op[]) : undefined;
  } catch {
    return undefined;
  }
}

function decodeRecord(line: Uint8Array): Op[] | undefined {
  if (line.length < 10 || line[8] !== 0x20) return undefined;
  const expected = Number.parseInt(decoder.decode(line.subarray(0, 8)), 16);
  const body = line.subarray(9);
  if (!Number.isFinite(expected) || crc32(body) !== expected) return undefined;
  return parseOps(decoder.decode(body));
}
