// A line's identities, for exactly-once import. The content id is a hash of the date, the time as
// written and what the line records in a normal form (word order, case of tags, spaces and commas
// do not change it), so the same line read again, on this or another machine, is recognised. The
// time id is the date and time alone, so a line edited on the phone after import can replace the
// entry it made. Neither depends on this computer's zone: a laptop that travelled reads the same
// ids. SHA-256 (@noble/hashes, the same in Node and the browser) cut to 128 bits: an accidental
// collision among a journal's few hundred thousand lines is not a practical risk, and the ledger
// of imported lines keeps hashes rather than what the lines said.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Content } from './tokens';

/** "+01:00" for an offset written on the line, "" for none (the zone's own). */
export function offsetText(offset: number | null): string {
  if (offset === null) return '';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function timeIdOf(date: string, time: string, offset: number | null): string {
  return `${date} ${time}${offsetText(offset)}`;
}

const plain = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** What the line records, in one order and form. */
export function normalForm(c: Content): string {
  const parts: string[] = [];
  if (c.mood !== null) parts.push(`mood ${c.mood}`);
  if (c.dose) parts.push(`dose ${c.dose.status} ${c.dose.mg ?? '-'}`);
  for (const s of [...c.symptoms].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) parts.push(`symptom ${s.key} ${s.severity}`);
  for (const tag of c.tags.map((x) => plain(x).toLowerCase()).sort()) parts.push(`#${tag}`);
  if (c.note) parts.push(`note ${plain(c.note)}`);
  if (c.event) parts.push(`event ${plain(c.event)}`);
  return parts.join('\n');
}

export function contentIdOf(timeId: string, c: Content): string {
  return bytesToHex(sha256(utf8ToBytes(`inbox v1\n${timeId}\n${normalForm(c)}`))).slice(0, 32);
}
