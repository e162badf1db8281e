// Import of a Daylio CSV export as check-ins. Daylio moods are labels the user may have renamed,
// so they become 1–10 only through a mapping the user confirms. Ids are derived from each line's
// content, so importing the same export again adds nothing (planImport skips known ids).
// Reading is work that yields after each line (importPace.ts), so a long export can be paced.
import { csvRecords, csvRowCount, type CsvRecord } from './csv';
import { normaliseTags } from '../entries';
import { checkRowCount, ImportError, say, type Words } from './errors';
import { plural } from '../plural';
import { dateBounds, dateTooLate, illFormedText, implausibleValue, type DateBounds } from './checks';
import { runNow, type Progress, type Work } from './pace';
import type { ImportResult, Rejected } from './rows';
import { BadRowError, MOOD_MAX, MOOD_MIN, validateRow, type CheckIn, type Op } from '../schemas';
import { instantOf, isLocalDate, isValidZone, stampOf } from '../time';
import { ENGLISH, type SummaryLanguage } from '../translator';

/**
 * Mood label → 1–10. A Map, never a plain object: a label is the user's own text, and one called
 * "__proto__", "constructor" or "toString" must map like any other.
 */
export type DaylioMapping = ReadonlyMap<string, number>;

/** Daylio's default mood labels; the user confirms or changes these before importing. */
export const defaultDaylioMapping: DaylioMapping = new Map([
  ['rad', 10],
  ['good', 8],
  ['meh', 5],
  ['bad', 3],
  ['awful', 1]
]);

const REQUIRED = ['full_date', 'date', 'weekday', 'time', 'mood', 'activities', 'note_title', 'note'] as const;
type Column = (typeof REQUIRED)[number];
const FILE = 'Daylio export';

const labelKey = (label: string) => label.trim().toLowerCase();

interface Header {
  index: Record<Column, number>;
  width: number;
}

/** Finds the required columns by name; any other column (such as `scales`) is ignored. */
function readHeader(first: CsvRecord | undefined, file: string): Header {
  if (!first) throw new ImportError((t) => t('the file is empty'), { file });
  const names = first.cells.map(labelKey);
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) {
    const names = missing.join(', ');
    const words: Words = (t, locale) => plural(missing.length, { one: t('not a Daylio export: missing column {0}', names), other: t('not a Daylio export: missing columns {0}', names) }, locale);
    throw new ImportError(words, { file, line: first.line });
  }
  const index = Object.fromEntries(REQUIRED.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
  return { index, width: names.length };
}

/**
 * The file's lines after the header, with the header read; the file is refused first if it holds
 * more rows than an import takes. `progress.total` is the number of rows.
 */
function* daylioLines(csv: string, file: string, progress: Progress): Generator<Progress | undefined, { header: Header; lines: Generator<CsvRecord, void, void> }, void> {
  const rows = yield* csvRowCount(csv, file);
  checkRowCount(file, rows);
  progress.total = rows;
  const lines = csvRecords(csv, file);
  const first = lines.next();
  return { header: readHeader(first.done ? undefined : first.value, file), lines };
}

/** Distinct mood labels in the file (first spelling kept), so the UI can ask about unknown ones. */
export function moodLabelsIn(csv: string, file = FILE): string[] {
  return runNow(moodLabelsWork(csv, file));
}

/** moodLabelsIn as work that yields after each line. */
export function* moodLabelsWork(csv: string, file = FILE): Work<string[]> {
  const progress: Progress = { done: 0, total: 0 };
  const { header, lines } = yield* daylioLines(csv, file, progress);
  const seen = new Map<string, string>();
  for (const r of lines) {
    const label = r.cells.length === header.width ? r.cells[header.index.mood].trim() : '';
    if (label && !seen.has(labelKey(label))) seen.set(labelKey(label), label);
    progress.done++;
    yield progress;
  }
  return [...seen.values()];
}

/** Labels in the file that the mapping does not cover (case-insensitive). */
export function unmappedLabels(csv: string, mapping: DaylioMapping): string[] {
  const keys = new Set([...mapping.keys()].map(labelKey));
  return moodLabelsIn(csv).filter((l) => !keys.has(labelKey(l)));
}

/** "9:05 pm", "09:05 PM", "21:05" (seconds allowed) → [hour, minute]; undefined otherwise. */
export function parseDaylioTime(value: string): [number, number] | undefined {
  const m = /^(\d{1,2}):([0-5]\d)(?::[0-5]\d)?\s*(?:([ap])\.?\s*m\.?)?$/i.exec(value.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const ampm = m[3]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  } else if (hour > 23) return undefined;
  return [hour, Number(m[2])];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

/** Daylio stores line breaks as <br>; the journal keeps plain text. Only known tags are removed. */
export function daylioText(value: string): string {
  return value
    .replace(/<br\s*\/?>|<\/p>\s*<p>|<\/?(?:p|div|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/?(?:b|i|u|em|strong|span|font|li)\b[^>]*>/gi, '')
    .replace(/&(amp|lt|gt|quot|apos|#39|nbsp);/g, (_, e: string) => ENTITIES[e])
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * cyrb128 (bryc, public domain): four 32-bit lanes mixed with Math.imul. Pure JS, so it runs in
 * the panel too. Not cryptographic; it only needs to be stable and spread well.
 */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A UUID-shaped id from the hash: version nibble 8 (custom, RFC 9562) and variant bits 10. */
export function uuidFromText(text: string): string {
  const hex = hash128(text)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The id of a line: uuidFromText("daylio|full_date|time|mood|note_title|note"), with the mood label
 * lower-cased and line endings normalised, so the same export (re-saved on Windows or not) gives
 * the same ids. The mapped mood is not part of it: changing the mapping re-imports nothing.
 */
function lineId(date: string, time: string, mood: string, title: string, note: string): string {
  const nl = (s: string) => s.replace(/\r\n?/g, '\n');
  return uuidFromText(['daylio', date, time.trim(), labelKey(mood), nl(title), nl(note)].join('|'));
}

function checkMapping(mapping: DaylioMapping): Map<string, number> {
  const out = new Map<string, number>();
  for (const [label, mood] of mapping) {
    if (!Number.isInteger(mood) || mood < MOOD_MIN || mood > MOOD_MAX) throw new RangeError(`Mood for "${label}" must be a whole number from ${MOOD_MIN} to ${MOOD_MAX}`);
    out.set(labelKey(label), mood);
  }
  return out;
}

/**
 * Each line becomes one check-in stamped at its local date and time in `zone`. Bad lines (including
 * a date before 1900, or after tomorrow, or text that is not well-formed) are listed in
 * preview.rejected with their line number and the reason in `lang`; a file without Daylio's header
 * throws ImportError. `file` names the file in errors.
 */
export function parseDaylio(csvText: string, mapping: DaylioMapping, zone: string, now = Date.now(), file = FILE, lang: SummaryLanguage = ENGLISH): ImportResult {
  return runNow(daylioWork(csvText, mapping, zone, now, file, lang));
}

/** parseDaylio as work that yields after each line. */
export function* daylioWork(csvText: string, mapping: DaylioMapping, zone: string, now = Date.now(), file = FILE, lang: SummaryLanguage = ENGLISH): Work<ImportResult> {
  if (!isValidZone(zone)) throw new RangeError(`Unknown time zone "${zone}"`);
  const moods = checkMapping(mapping);
  const progress: Progress = { done: 0, total: 0 };
  const { header, lines } = yield* daylioLines(csvText, file, progress);
  const bounds = dateBounds(now);
  const ops: Op[] = [];
  const rejected: Rejected[] = [];
  const ids = new Set<string>();
  let duplicates = 0;
  for (const record of lines) {
    const result = lineToCheckIn(record, header, moods, zone, now, bounds);
    if (typeof result === 'function') rejected.push({ line: record.line, reason: say(result, lang) });
    else if (ids.has(result.id)) duplicates++;
    else {
      ids.add(result.id);
      ops.push({ table: 'checkins', row: result });
    }
    progress.done++;
    yield progress;
  }
  return { ops, preview: { entries: ops.length, duplicates, differing: 0, rejected, tables: ops.length ? { checkins: ops.length } : {} } };
}

/** The check-in for one line, or the reason it cannot be imported. */
function lineToCheckIn(record: CsvRecord, { index, width }: Header, moods: Map<string, number>, zone: string, now: number, bounds: DateBounds): CheckIn | Words {
  const cells = record.cells.length;
  if (cells !== width) return (t, l) => plural(cells, { one: t('{0} column, the header has {1}', cells, width), other: t('{0} columns, the header has {1}', cells, width) }, l);
  const cell = (c: Column) => record.cells[index[c]];
  const date = cell('full_date').trim();
  if (!isLocalDate(date)) return (t) => t('date "{0}" is not a YYYY-MM-DD date', date);
  const time = parseDaylioTime(cell('time'));
  if (!time) return (t) => t('time "{0}" is not a time', cell('time'));
  const mood = moods.get(labelKey(cell('mood')));
  if (mood === undefined) return (t) => t('mood "{0}" has no mapping', cell('mood').trim());
  const title = daylioText(cell('note_title'));
  const body = daylioText(cell('note'));
  const stamp = stampOf(instantOf(date, time[0], time[1], zone), zone);
  const row = {
    id: lineId(date, cell('time'), cell('mood'), cell('note_title'), cell('note')),
    createdAt: stamp.at,
    updatedAt: stamp.at,
    deletedAt: null,
    ...stamp,
    mood,
    energy: null,
    anxiety: null,
    sleepHours: null,
    note: [title, body].filter(Boolean).join('\n'),
    tags: normaliseTags(cell('activities').split(/\s*\|\s*/))
  };
  try {
    const valid = validateRow('checkins', row);
    const what: Words = (t) => t('date {0} {1}', date, cell('time').trim());
    return implausibleValue(what, date, now, false) ?? implausibleValue(what, valid.at, now, true) ?? dateTooLate(what, valid.localDate, bounds, false) ?? illFormedText(valid) ?? valid;
  } catch (e) {
    // zod's detail names the field and stays in English (the schemas' own words).
    if (e instanceof BadRowError) return () => e.detail;
    throw e;
  }
}
