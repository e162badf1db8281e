// The inbox grammar: an inbox file's text → one result per line (ignored, an entry, or a problem).
// Pure: the zone, the user's own symptoms and "now" are passed in. The words after the time are
// read by tokens.ts; the identities come from identity.ts. Written for files a phone appends to:
// a BOM, CRLF or CR endings, no final newline, non-breaking and other Unicode spaces, typographic
// dashes in dates, trailing spaces, emoji and smart quotes (kept as written in notes).
import { EARLIEST_YEAR } from '../limits';
import { addDays, instantOf, isLocalDate, localDateOf, offsetAt, type LocalDate } from '../time';
import { contentIdOf, timeIdOf } from './identity';
import { isMarked, unmarkLine } from './markers';
import { englishWords, makeProblem } from './problems';
import { symptomTable } from './symptomNames';
import { parseContent } from './tokens';
import type { Content, InboxEntry, InboxOptions, InboxProblem, ParsedInbox, ProblemCode } from './types';

/** A phone's clock may run a little ahead of this computer's. */
export const FUTURE_SLACK_MS = 15 * 60 * 1000;
/** The date in examples when the line gives none and "now" is not known. */
const SAMPLE_DATE = '2026-12-07';

const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g;
const DASHES = /[\u2010-\u2013\u2212]/g;
const HAS_DASH = /[\u2010-\u2013\u2212]/;

/** The file's lines: a leading BOM dropped, any line ending, a missing final newline. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  // The newline that ends the last line does not start another one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The last line when no line break ends it yet, as written (else null). A phone may still be
 * writing it: "dose 1" may be "dose 10" a moment later, so it is read only once it stays the same.
 */
export function unendedLastLine(text: string): string | null {
  if (text === '' || /[\r\n]$/.test(text)) return null;
  // Only the end is looked at: the inbox may be long, and every read asks.
  const start = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
  const last = start === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text.slice(start);
  return tidyLine(last) ? last : null;
}

/** One line with every kind of space as a plain space, and none at either end. */
export function tidyLine(raw: string): string {
  return raw.replace(UNICODE_SPACES, ' ').trim();
}

const DATE_HEADING = /^#{1,6}\s+(\S+)/;
const HEADING = /^#{1,6}(\s|$)/;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)/;
const PREFIX = /^(\d{4}-\d{2}-\d{2})(?:T|\s+)(\S.*)?$/;
const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?/;
const TIME_LIKE = /^\d{1,2}[:.h]\d{1,2}\b/;
const TWELVE = /^\s*([ap])\.?m\.?(?=\s|$)/i;
const OFFSET = /^ ?(?:(Z)|([+-])(\d{2}):?(\d{2})?)(?=[\s,;]|$)/;

interface LineContext {
  line: number;
  text: string;
  marked: boolean;
  sampleDate: LocalDate;
}

type Read = { kind: 'ignored' } | { kind: 'entry'; entry: InboxEntry } | { kind: 'problem'; code: ProblemCode; args: (string | number)[]; example: string };

/** Reads an inbox file. Every line of the file has exactly one result in `lines`. */
export function parseInbox(text: string, opts: InboxOptions): ParsedInbox {
  const t = opts.t ?? englishWords;
  const table = symptomTable(opts.ownSymptoms);
  const unit = opts.unit ?? 'mg';
  const today = opts.now === undefined ? SAMPLE_DATE : localDateOf(opts.now, opts.zone);
  // Examples are dated the day before today: any time on it is past, so an example always reads.
  const sampleDay = opts.now === undefined ? SAMPLE_DATE : addDays(today, -1);
  const out: ParsedInbox = { lines: [], entries: [], problems: [] };
  const seen = new Map<string, number>();
  let heading: LocalDate | null = null;
  const shared: Shared = { instant: zoneDays(opts.zone), table, unit, opts, today };
  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    const tidy = tidyLine(raw);
    const marked = isMarked(tidy) || (tidy.includes('<!--') && unmarkLine(tidy) !== tidy);
    const body = marked ? tidyLine(unmarkLine(tidy)) : tidy;
    const ctx: LineContext = { line, text: raw, marked, sampleDate: heading ?? sampleDay };
    let read: Read;
    if (!body || (!marked && (body.startsWith('>') || body.startsWith('<!--')))) read = { kind: 'ignored' };
    else if (HEADING.test(body) && !marked) {
      const h = readHeading(body);
      heading = h.date;
      read = h.read;
    } else read = readEntryLine(body, heading, ctx, shared);
    if (read.kind === 'entry') {
      const first = seen.get(read.entry.id);
      if (first !== undefined) read = { kind: 'problem', code: 'repeated-line', args: [first], example: `${read.entry.date} ${nextMinute(read.entry.time)} ${bodyAfterTime(body)}` };
      else seen.set(read.entry.id, line);
    }
    if (read.kind === 'ignored') out.lines.push({ kind: 'ignored', line });
    else if (read.kind === 'entry') {
      out.lines.push({ kind: 'entry', line, entry: read.entry });
      out.entries.push(read.entry);
    } else {
      const problem: InboxProblem = makeProblem({ line, code: read.code, args: read.args, example: read.example, text: raw, marked }, t);
      out.lines.push({ kind: 'problem', line, problem });
      out.problems.push(problem);
    }
  });
  return out;
}

/** A markdown heading: a date heading starts a day; any other heading ends it (never guessed on). */
function readHeading(body: string): { date: LocalDate | null; read: Read } {
  const word = (DATE_HEADING.exec(body)?.[1] ?? '').replace(DASHES, '-');
  if (!DATE_LIKE.test(word)) return { date: null, read: { kind: 'ignored' } };
  if (DATE_ONLY.test(word) && isLocalDate(word)) return { date: word, read: { kind: 'ignored' } };
  return { date: null, read: { kind: 'problem', code: 'bad-date', args: [word], example: `## ${SAMPLE_DATE}` } };
}

/**
 * instantOf, with the zone's offset looked up once per date: asking Intl for every line costs a
 * few microseconds each, too slow for a long inbox. A day whose offset is the same at its start
 * and end has no transition, so wall time minus that offset is exact; any other day asks instantOf.
 */
function zoneDays(zone: string): (date: LocalDate, hh: number, mm: number) => number {
  const steady = new Map<string, number | null>();
  // Offsets are within ±14 h: these two instants bracket every moment of the days from `from` to `to`.
  const offsetOver = (from: number, to: number): number | null => {
    const a = offsetAt(from - 15 * 3600000, zone);
    return a === offsetAt(to + 39 * 3600000, zone) ? a : null;
  };
  return (date, hh, mm) => {
    const [y, mo, d] = [+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)];
    // A month without a transition first (most are), then the day itself.
    const month = date.slice(0, 7);
    if (!steady.has(month)) steady.set(month, offsetOver(Date.UTC(y, mo - 1, 1), Date.UTC(y, mo, 0)));
    let off = steady.get(month) ?? steady.get(date);
    if (off === undefined) {
      off = offsetOver(Date.UTC(y, mo - 1, d), Date.UTC(y, mo - 1, d));
      steady.set(date, off);
    }
    if (off === null) return instantOf(date, hh, mm, zone);
    return Date.UTC(y, mo - 1, d, hh, mm) - off * 60000;
  };
}

interface Shared {
  instant: (date: LocalDate, hh: number, mm: number) => number;
  table: ReturnType<typeof symptomTable>;
  unit: string;
  opts: InboxOptions;
  today: LocalDate;
}

/** The words after the time, for examples. */
function bodyAfterTime(body: string): string {
  return body.replace(DASHES, '-').replace(/^\d{4}-\d{2}-\d{2}(?:T|\s+)/, '').replace(TIME, '').replace(OFFSET, '').trim();
}

function nextMinute(time: string): string {
  const [h, m] = time.split(':').map(Number);
  const total = (h * 60 + m + 1) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function readEntryLine(body: string, heading: LocalDate | null, ctx: LineContext, s: Shared): Read {
  const problem = (code: ProblemCode, args: (string | number)[], example: string): Read => ({ kind: 'problem', code, args, example });
  // Typographic dashes and minus signs in the date and the offset, never in the words after them.
  let rest = HAS_DASH.test(body) ? body.replace(/^(\S+)(\s+\S+)?/, (lead) => lead.replace(DASHES, '-')) : body;
  let date: LocalDate;
  const sample = ctx.sampleDate;
  const content = (words: string) => (parseContent(words, s.table, s.unit).ok ? words : 'mood 6 dose 10');
  if (DATE_LIKE.test(rest)) {
    const m = PREFIX.exec(rest);
    const word = /^[^\sT]+/.exec(rest)![0];
    if ((!m && !DATE_ONLY.test(rest)) || !isLocalDate(word)) {
      // "2026/12/07" → "2026-12-07" in the example, when that is a real date; the user's time and words kept.
      const [y, mo, d] = word.split(/[-/.]/);
      const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
      const after = rest.slice(word.length).replace(/^T/, '').trim();
      return problem('bad-date', [word], `${isLocalDate(iso) ? iso : sample} ${TIME.test(after) ? after : `08:10 ${content(after)}`}`);
    }
    const d = word;
    date = d;
    rest = (m?.[2] ?? '').trim();
    if (!TIME.test(rest) && !TIME_LIKE.test(rest)) return problem('no-time', [], `${date} 08:10 ${content(rest)}`);
  } else if (TIME.test(rest) || TIME_LIKE.test(rest)) {
    if (!heading) return problem('no-date', [sample], `${sample} ${rest}`);
    date = heading;
  } else return problem('no-date', [sample], `${sample} 08:10 ${content(rest)}`);

  const tm = TIME.exec(rest);
  const timeWord = /^\S*/.exec(rest)![0];
  if (!tm) return problem('bad-time', [timeWord], `${date} 08:10 ${content(rest.slice(timeWord.length).trim())}`);
  const [hh, mm, ss] = [Number(tm[1]), Number(tm[2]), tm[3] === undefined ? 0 : Number(tm[3])];
  if (hh > 23 || mm > 59 || ss > 59) return problem('bad-time', [timeWord], `${date} 08:10 ${content(rest.slice(timeWord.length).trim())}`);
  rest = rest.slice(tm[0].length);
  const twelve = TWELVE.exec(rest);
  if (twelve) {
    const h24 = (hh % 12) + (twelve[1].toLowerCase() === 'p' ? 12 : 0);
    const words = rest.slice(twelve[0].length).trim();
    return problem('twelve-hour', [`${tm[0]}${rest.slice(0, twelve[0].length)}`.trim()], `${date} ${pad(h24)}:${pad(mm)} ${content(words)}`);
  }
  let offset: number | null = null;
  const om = OFFSET.exec(rest);
  if (om) {
    offset = om[1] ? 0 : (om[2] === '-' ? -1 : 1) * (Number(om[3]) * 60 + Number(om[4] ?? 0));
    if (Math.abs(offset) > 14 * 60 || Number(om[4] ?? 0) > 59) return problem('bad-offset', [om[0].trim(), s.opts.zone], `${date} ${pad(hh)}:${pad(mm)} ${content(rest.slice(om[0].length).trim())}`);
    rest = rest.slice(om[0].length);
  }
  rest = rest.replace(/^[,;]/, '');
  if (/^\S/.test(rest)) return problem('bad-time', [timeWord], `${date} ${pad(hh)}:${pad(mm)} ${content(rest.replace(/^\S+/, '').trim())}`);
  const time = ss ? `${pad(hh)}:${pad(mm)}:${pad(ss)}` : `${pad(hh)}:${pad(mm)}`;
  const words = rest.trim();
  if (Number(date.slice(0, 4)) < EARLIEST_YEAR) return problem('too-early', [date, EARLIEST_YEAR], `${sample} ${time} ${content(words)}`);
  const at = offset === null ? s.instant(date, hh, mm) + ss * 1000 : Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), hh, mm, ss) - offset * 60000;
  if (s.opts.now !== undefined && at > s.opts.now + FUTURE_SLACK_MS) return problem('future', [`${date} ${time}`], `${addDays(s.today, -1)} ${time} ${content(words)}`);
  const read = parseContent(words, s.table, s.unit);
  if (!read.ok) return problem(read.problem.code, read.problem.args, `${date} ${time}${offsetWord(offset)} ${read.problem.fix}`.trim());
  return { kind: 'entry', entry: entryOf(ctx, date, time, offset, at, read.content) };
}

function offsetWord(offset: number | null): string {
  return offset === null ? '' : offset === 0 ? 'Z' : timeIdOf('', '', offset).trim();
}

function entryOf(ctx: LineContext, date: LocalDate, time: string, offset: number | null, at: number, c: Content): InboxEntry {
  const timeId = timeIdOf(date, time, offset);
  return { line: ctx.line, date, time, offset, at, ...c, id: contentIdOf(timeId, c), timeId, wasMarked: ctx.marked };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
