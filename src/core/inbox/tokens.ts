// What a line records, read from the words after its date and time. Every word is accounted for:
// it is a mood, a dose, a symptom with its severity, a #tag, or part of a "note:" or "event:";
// anything else is a problem, never skipped. Case does not matter; commas between parts may stay.
import { parseMg } from '../entries';
import { EVENT_TITLE_MAX, MOOD_MAX, MOOD_MIN, NOTE_MAX, SEVERITY_MAX, TAG_MAX } from '../limits';
import { nameKey, someSymptomNames, type SymptomTable } from './symptomNames';
import type { Content, InboxDose, InboxSymptom, ProblemCode } from './types';

export interface ContentProblem {
  code: ProblemCode;
  args: (string | number)[];
  /** What to write after the date and time instead. */
  fix: string;
}

export type ContentResult = { ok: true; content: Content } | { ok: false; problem: ContentProblem };

const MARKER = /(^|\s)(note|event)\s*:/gi;
const NUMBER = /^\d+(?:[.,]\d+)?$/;
const UNIT_WORD = /^(mg|ml|mcg|µg|ug|g|drops?|tabs?|tablets?|pills?)$/i;
/** Punctuation a phone or a shortcut may put between parts ("mood 6, dose 10"). */
const SEPARATOR = /^[,;|·•–—-]+$/;

/** Splits "… note: a event: b" into the words and each text part. */
function splitTexts(body: string): { words: string; parts: { kind: 'note' | 'event'; text: string; start: number }[] } {
  const marks: { kind: 'note' | 'event'; from: number; to: number }[] = [];
  for (const m of body.matchAll(MARKER)) {
    const from = m.index + m[1].length;
    marks.push({ kind: m[2].toLowerCase() as 'note' | 'event', from, to: m.index + m[0].length });
  }
  const words = marks.length ? body.slice(0, marks[0].from) : body;
  const parts = marks.map((mk, i) => ({ kind: mk.kind, start: mk.from, text: body.slice(mk.to, i + 1 < marks.length ? marks[i + 1].from : body.length).trim() }));
  return { words, parts };
}

const fail = (code: ProblemCode, args: (string | number)[], fix: string): ContentResult => ({ ok: false, problem: { code, args, fix } });

/** Reads the words after the date and time. */
export function parseContent(body: string, table: SymptomTable, unit: string): ContentResult {
  const { words, parts } = splitTexts(body);
  const content: Content = { mood: null, dose: null, symptoms: [], tags: [], note: '', event: '' };
  const tokens = words
    .split(/\s+/)
    .map((w) => w.replace(/[,;]+$/, ''))
    .filter((w) => w && !SEPARATOR.test(w));
  const keys = tokens.map(nameKey);
  const tagSeen = new Set<string>();
  for (let i = 0; i < tokens.length; ) {
    const tok = tokens[i];
    const low = tok.toLowerCase();
    // A symptom of two words or more first: "mood swings 2" is a symptom, not a mood.
    const long = readSymptom(tokens, keys, i, table, 2, content.mood);
    if (long) {
      if (!long.ok) return long;
      if (content.symptoms.some((s) => s.key === long.symptom.key)) return fail('symptom-twice', [long.name], `mood ${content.mood ?? 6} ${long.name} 2`);
      content.symptoms.push(long.symptom);
      i = long.next;
      continue;
    }
    // Mood: "mood 6", "mood: 6", "mood6", "m6".
    const moodJoined = /^(?:mood:?|m)(\d[\d.,]*)$/.exec(low);
    if (moodJoined || low === 'mood' || low === 'mood:') {
      const raw = moodJoined ? moodJoined[1] : tokens[i + 1];
      const shown = moodJoined ? tok : `${tok} ${raw ?? ''}`.trim();
      if (raw === undefined || !NUMBER.test(raw)) return fail('mood-missing', [tok], 'mood 6');
      const n = Number(raw.replace(',', '.'));
      if (!Number.isInteger(n) || n < MOOD_MIN || n > MOOD_MAX) return fail('mood-range', [shown], 'mood 6');
      if (content.mood !== null) return fail('mood-twice', [], 'mood 6');
      content.mood = n;
      i += moodJoined ? 1 : 2;
      continue;
    }
    // Dose: "dose 10", "d10", "dose 10 mg", "dose skipped", "dose skipped 10", "dose changed 7.5".
    const doseJoined = /^d(\d.*)$/.exec(low);
    if (doseJoined || low === 'dose' || low === 'dose:') {
      const read = readDose(tokens, i, doseJoined ? doseJoined[1] : undefined, unit);
      if (!read.ok) return read;
      if (content.dose) return fail('dose-twice', [], 'dose 10');
      content.dose = read.dose;
      i = read.next;
      continue;
    }
    if (tok.startsWith('#')) {
      const tag = tok.slice(1).replace(/[.,;:!?]+$/, '');
      if (!tag) return fail('empty-tag', [], 'mood 6 #work');
      if (tag.length > TAG_MAX) return fail('tag-long', [tag, TAG_MAX], 'mood 6 #work');
      if (!tagSeen.has(tag.toLowerCase())) {
        tagSeen.add(tag.toLowerCase());
        content.tags.push(tag);
      }
      i++;
      continue;
    }
    const symptom = readSymptom(tokens, keys, i, table, 1, content.mood);
    if (symptom) {
      if (!symptom.ok) return symptom;
      if (content.symptoms.some((s) => s.key === symptom.symptom.key)) return fail('symptom-twice', [symptom.name], `mood ${content.mood ?? 6} ${symptom.name} 2`);
      content.symptoms.push(symptom.symptom);
      i = symptom.next;
      continue;
    }
    const before = tokens.slice(0, i).join(' ');
    const rest = tokens.slice(i).join(' ');
    return fail('unknown-word', [tok, someSymptomNames()], `${before ? before + ' ' : ''}note: ${rest}`);
  }
  for (const part of parts) {
    const label = `${part.kind}:`;
    const example = part.kind === 'note' ? 'note: slept badly' : 'event: Court date';
    if (!part.text) return fail('empty-text', [label], example);
    const max = part.kind === 'note' ? NOTE_MAX : EVENT_TITLE_MAX;
    if (part.text.length > max) return fail('text-long', [label, max], example);
    if (content[part.kind]) return fail(part.kind === 'note' ? 'note-twice' : 'event-twice', [], example);
    content[part.kind] = part.text;
  }
  const recorded = content.mood !== null || content.dose || content.symptoms.length || content.tags.length || content.note || content.event;
  if (!recorded) return fail('nothing', [], 'mood 6 dose 10');
  if (content.mood === null && (content.symptoms.length || content.tags.length)) return fail('needs-mood', [], `mood 6 ${body.trim()}`);
  return { ok: true, content };
}

type DoseRead = { ok: true; dose: InboxDose; next: number } | { ok: false; problem: ContentProblem };

/** An amount with an optional unit, joined ("10mg") or apart ("10 mg"); `at` is its index. */
function readAmount(tokens: string[], at: number, joined: string | undefined, unit: string): { mg: number; next: number } | ContentProblem | null {
  const raw = joined ?? tokens[at];
  if (raw === undefined) return null;
  const m = /^(\d[\d.,]*)([a-zµ]*)$/i.exec(raw);
  if (!m) return null;
  const mg = parseMg(m[1]);
  if (mg === undefined) return { code: 'dose-amount', args: [raw, unit], fix: 'dose 10' };
  let next = joined === undefined ? at + 1 : at;
  const after = tokens[next] ?? '';
  const unitWord = m[2] || (after && (UNIT_WORD.test(after) || after.toLowerCase() === unit.toLowerCase()) ? tokens[next++] : '');
  if (m[2] && !UNIT_WORD.test(m[2])) return { code: 'dose-amount', args: [raw, unit], fix: 'dose 10' };
  if (unitWord && unitWord.toLowerCase() !== unit.toLowerCase()) return { code: 'dose-unit', args: [`${m[1]} ${unitWord}`, unit], fix: `dose ${m[1]} ${unit}` };
  return { mg, next };
}

function readDose(tokens: string[], i: number, joined: string | undefined, unit: string): DoseRead {
  const problem = (p: ContentProblem): DoseRead => ({ ok: false, problem: p });
  if (joined !== undefined) {
    const amount = readAmount(tokens, i + 1, joined, unit);
    if (!amount) return problem({ code: 'dose-amount', args: [tokens[i], unit], fix: 'dose 10' });
    if ('code' in amount) return problem(amount);
    return { ok: true, dose: { status: 'taken', mg: amount.mg }, next: amount.next };
  }
  let at = i + 1;
  const word = (tokens[at] ?? '').toLowerCase();
  let status: InboxDose['status'] = 'taken';
  if (word === 'skipped' || word === 'skip' || word === 'missed') status = 'skipped';
  else if (word === 'changed' || word === 'change') status = 'changed';
  if (status !== 'taken' || word === 'taken') at++;
  if (status === 'changed' && (tokens[at] ?? '').toLowerCase() === 'to') at++;
  const amount = readAmount(tokens, at, undefined, unit);
  if (amount && 'code' in amount) return problem(amount);
  if (amount) return { ok: true, dose: { status, mg: amount.mg }, next: amount.next };
  if (status === 'skipped') return { ok: true, dose: { status, mg: null }, next: at };
  const shown = tokens.slice(i, at + 1).join(' ');
  return problem({ code: 'dose-amount', args: [shown, unit], fix: status === 'changed' ? 'dose changed 7.5' : 'dose 10' });
}

type SymptomRead = { ok: true; symptom: InboxSymptom; name: string; next: number } | { ok: false; problem: ContentProblem };

/** The longest run (of at least `minWords`) from `i` that names a symptom, then its severity; null if none does. */
function readSymptom(tokens: string[], keys: string[], i: number, table: SymptomTable, minWords: number, mood: number | null): SymptomRead | null {
  const first = keys[i];
  if (!table.firstWords.has(first.split(' ')[0])) return null;
  for (let n = Math.min(table.maxWords, tokens.length - i); n >= minWords; n--) {
    let name = first;
    for (let k = 1; k < n; k++) name += ' ' + keys[i + k];
    if (name.endsWith(':')) name = name.slice(0, -1);
    const def = table.byName.get(name);
    if (!def) continue;
    const raw = tokens[i + n];
    const shown = tokens.slice(i, i + n).join(' ');
    const fix = `mood ${mood ?? 6} ${shown} 2`;
    if (raw === undefined || !NUMBER.test(raw)) return { ok: false, problem: { code: 'severity-missing', args: [shown], fix } };
    const severity = Number(raw.replace(',', '.'));
    if (!Number.isInteger(severity) || severity < 0 || severity > SEVERITY_MAX) return { ok: false, problem: { code: 'severity-range', args: [`${shown} ${raw}`], fix } };
    return { ok: true, symptom: { key: def.key, label: def.label, severity }, name: shown, next: i + n + 1 };
  }
  return null;
}
