// A line's identities, for exactly-once import. The content id is a hash of the date, the time as
// written and what the line records in a normal form (word order, case of tags, spaces and commas
// do not change it), so the same line read again, on this or another machine, is recognised. The
// time id is the date and time alone, so a line edited on the phone after import can replace the
// entry it made. Neither depends on this computer's zone: a laptop that travelled reads the same
// ids. The hash is a small 128-bit one written here (four multiply-xor lanes and MurmurHash3's
// finalisation), the same in Node and the browser and fast enough for a long inbox (SHA-256 took a
// third of a 10,000-line parse). It need not resist an attacker: whoever can write the inbox can
// write lines anyway. Against accident, even as few as 64 good bits make a collision among a
// lifetime's million lines about 1 in 30 million; the cost of one would be a line read as imported.
import type { Content } from './types';

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

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 128 bits of `text` as 32 hex digits (UTF-16 code units in, so any text, emoji included). */
export function hash128(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let c = 0x27d4eb2f;
  let d = 0x165667b1;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    a = Math.imul(a ^ k, 0x01000193);
    b = Math.imul(b ^ k, 0x5bd1e995);
    b = (b << 13) | (b >>> 19);
    c = Math.imul(c ^ k, 0xcc9e2d51);
    c = (c << 17) | (c >>> 15);
    d = Math.imul(d ^ k, 0x1b873593);
    d = (d << 7) | (d >>> 25);
  }
  a = (a ^ text.length) | 0;
  a = (a + b + c + d) | 0;
  b = (b + a) | 0;
  c = (c + a) | 0;
  d = (d + a) | 0;
  const out = [fmix(a), fmix(b), fmix(c), fmix(d)];
  out[0] = (out[0] + out[1] + out[2] + out[3]) >>> 0;
  out[1] = (out[1] + out[0]) >>> 0;
  out[2] = (out[2] + out[0]) >>> 0;
  out[3] = (out[3] + out[0]) >>> 0;
  return out.map((h) => h.toString(16).padStart(8, '0')).join('');
}

export function contentIdOf(timeId: string, c: Content): string {
  return hash128(`inbox v1\n${timeId}\n${normalForm(c)}`);
}
