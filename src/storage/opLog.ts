// The op log's line format. Each durable change is one record:
//   "\n" + crc32(json) as 8 hex digits + " " + json + "\n"
// The leading newline isolates a record from a torn one left by a crash mid-write, so a torn tail
// can never swallow the next acknowledged record. A record whose checksum fails is ignored.
import type { Op } from '../core/schemas';

export interface DecodedLog {
  /** Each element is the list of ops written by one durable change. */
  changes: Op[][];
  /** Records that failed their checksum (a torn write, or damage). */
  badRecords: number;
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

export function decodeLog(bytes: Uint8Array): DecodedLog {
  const lastNewline = bytes.lastIndexOf(0x0a);
  const consumed = lastNewline + 1;
  const changes: Op[][] = [];
  let badRecords = 0;
  let start = 0;
  for (let i = 0; i < consumed; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (i > start) {
      const ops = decodeRecord(bytes.subarray(start, i));
      if (ops) changes.push(ops);
      else badRecords++;
    }
    start = i + 1;
  }
  return { changes, badRecords, consumed };
}

function decodeRecord(line: Uint8Array): Op[] | undefined {
  if (line.length < 10 || line[8] !== 0x20) return undefined;
  const expected = Number.parseInt(decoder.decode(line.subarray(0, 8)), 16);
  const body = line.subarray(9);
  if (!Number.isFinite(expected) || crc32(body) !== expected) return undefined;
  try {
    const ops = JSON.parse(decoder.decode(body)) as unknown;
    return Array.isArray(ops) ? (ops as Op[]) : undefined;
  } catch {
    return undefined;
  }
}
