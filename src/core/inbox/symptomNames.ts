// The names a line may use for a symptom. Every name is listed here, never guessed from a prefix:
// the journal's key ("brain_zaps" or "brain zaps"), its label ("Dizziness"), the label without its
// explanation in brackets ("Brain zaps"), each side of an "or" ("nightmares"), a short list of
// everyday words for the same symptom ("dizzy"), and the user's own symptoms by label and key.
import { SYMPTOMS } from '../symptoms';
import type { OwnSymptom } from './types';

export interface SymptomName {
  key: string;
  label: string;
}

/** Everyday words a phone user types, each for exactly one of the journal's symptoms. */
const EVERYDAY: Readonly<Record<string, string>> = {
  tired: 'fatigue',
  achy: 'aches',
  sweaty: 'sweating',
  insomnia: 'trouble_sleeping',
  nightmare: 'vivid_dreams',
  dreams: 'vivid_dreams',
  nauseous: 'nausea',
  nauseated: 'nausea',
  dizzy: 'dizziness',
  lightheaded: 'light_headedness',
  'light headed': 'light_headedness',
  zaps: 'brain_zaps',
  'brain zap': 'brain_zaps',
  tingly: 'tingling',
  numb: 'tingling',
  anxious: 'anxiety',
  nervous: 'anxiety',
  irritable: 'irritability',
  agitated: 'agitation',
  crying: 'crying_spells',
  tearful: 'crying_spells'
};

/** Words the grammar itself uses: an own symptom named "Mood" is not read as one. */
const RESERVED = new Set(['mood', 'm', 'dose', 'd', 'note', 'event', 'taken', 'skipped', 'changed']);

/** Lower case, hyphens and underscores as spaces, one space between words. */
export function nameKey(text: string): string {
  if (/^[a-z:]+$/.test(text)) return text;
  return text.toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function namesOf(key: string, label: string): string[] {
  const out = [key.replace(/^own:/, ''), label];
  const bare = label.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  out.push(bare, ...bare.split(/\s+or\s+/i));
  return out.map(nameKey).filter(Boolean);
}

export interface SymptomTable {
  /** Name (see nameKey) → symptom. */
  byName: Map<string, SymptomName>;
  /** The most words any name has: the reader tries the longest run first. */
  maxWords: number;
  /** The first word of every name: most words on a line start none, and are passed over at once. */
  firstWords: Set<string>;
}

/** The journal's symptoms win over the user's own when both use a name. */
export function symptomTable(own: readonly OwnSymptom[] = []): SymptomTable {
  const byName = new Map<string, SymptomName>();
  const add = (name: string, s: SymptomName) => {
    if (!byName.has(name) && !RESERVED.has(name)) byName.set(name, s);
  };
  for (const s of SYMPTOMS) for (const n of namesOf(s.key, s.label)) add(n, { key: s.key, label: s.label });
  for (const [word, key] of Object.entries(EVERYDAY)) {
    const s = SYMPTOMS.find((d) => d.key === key)!;
    add(nameKey(word), { key: s.key, label: s.label });
  }
  for (const s of own) for (const n of namesOf(s.key, s.label)) add(n, { key: s.key, label: s.label });
  let maxWords = 1;
  const firstWords = new Set<string>();
  for (const name of byName.keys()) {
    const words = name.split(' ');
    maxWords = Math.max(maxWords, words.length);
    firstWords.add(words[0]);
  }
  return { byName, maxWords, firstWords };
}

/** Short names of the journal's symptoms for a message ("dizziness, brain zaps, …"). */
export function someSymptomNames(): string {
  return ['dizziness', 'brain zaps', 'irritability', 'anxiety', 'nausea'].join(', ');
}
