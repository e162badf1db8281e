// Discontinuation symptoms, grouped by the FINISH mnemonic (Berber 1998), exactly as listed in the
// project's clinical reference. Severity: 0 none, 1 mild, 2 moderate, 3 severe.
import { msg } from './l10nMark';
import type { Translate } from './safety';
export interface SymptomDef {
  key: string;
  label: string;
  group: FinishGroup;
}

export type FinishGroup = 'flu' | 'insomnia' | 'nausea' | 'imbalance' | 'sensory' | 'hyperarousal';

export const FINISH_GROUPS: readonly { id: FinishGroup; label: string }[] = [
  { id: 'flu', label: msg('Flu-like') },
  { id: 'insomnia', label: msg('Insomnia') },
  { id: 'nausea', label: msg('Nausea') },
  { id: 'imbalance', label: msg('Imbalance') },
  { id: 'sensory', label: msg('Sensory') },
  { id: 'hyperarousal', label: msg('Hyperarousal') }
];

export const SYMPTOMS: readonly SymptomDef[] = [
  { key: 'fatigue', label: msg('Fatigue'), group: 'flu' },
  { key: 'aches', label: msg('Aches'), group: 'flu' },
  { key: 'sweating', label: msg('Sweating'), group: 'flu' },
  { key: 'chills', label: msg('Chills'), group: 'flu' },
  { key: 'trouble_sleeping', label: msg('Trouble sleeping'), group: 'insomnia' },
  { key: 'vivid_dreams', label: msg('Vivid dreams or nightmares'), group: 'insomnia' },
  { key: 'nausea', label: msg('Nausea'), group: 'nausea' },
  { key: 'vomiting', label: msg('Vomiting'), group: 'nausea' },
  { key: 'diarrhoea', label: msg('Diarrhoea'), group: 'nausea' },
  { key: 'dizziness', label: msg('Dizziness'), group: 'imbalance' },
  { key: 'light_headedness', label: msg('Light-headedness'), group: 'imbalance' },
  { key: 'vertigo', label: msg('Vertigo'), group: 'imbalance' },
  { key: 'brain_zaps', label: msg('Brain zaps (electric-shock sensations)'), group: 'sensory' },
  { key: 'tingling', label: msg('Tingling or numbness'), group: 'sensory' },
  { key: 'visual_disturbances', label: msg('Visual disturbances'), group: 'sensory' },
  { key: 'anxiety', label: msg('Anxiety or nervousness'), group: 'hyperarousal' },
  { key: 'irritability', label: msg('Irritability'), group: 'hyperarousal' },
  { key: 'agitation', label: msg('Agitation'), group: 'hyperarousal' },
  { key: 'crying_spells', label: msg('Crying spells'), group: 'hyperarousal' },
  { key: 'mood_swings', label: msg('Mood swings'), group: 'hyperarousal' }
];

/** The four symptoms most often reported as worse in a survey of people cutting a dose; offered first. */
export const MOST_REPORTED: readonly string[] = ['dizziness', 'brain_zaps', 'irritability', 'anxiety'];

export const SEVERITY_LABELS: readonly string[] = [msg('None'), msg('Mild'), msg('Moderate'), msg('Severe')];

/** Symptoms in the order to offer them: the most reported first, then by FINISH group. */
export function symptomsInOfferOrder(): SymptomDef[] {
  const first = MOST_REPORTED.map((k) => SYMPTOMS.find((s) => s.key === k)!);
  return [...first, ...SYMPTOMS.filter((s) => !MOST_REPORTED.includes(s.key))];
}

export function symptomLabel(key: string): string | undefined {
  return SYMPTOMS.find((s) => s.key === key)?.label;
}

/** A stable key for a symptom the user names themselves, e.g. "Ringing ears" → "own:ringing_ears". */
export function ownSymptomKey(label: string): string {
  const slug = label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 50);
  return `own:${slug || 'symptom'}`;
}

export interface RatedSymptom {
  key: string;
  label: string;
  severity: number;
}

/**
 * The weekly review's rule: every listed symptom is recorded, those not picked as 0 (none), so the
 * review also documents what was absent. Symptoms of the user's own are kept as given.
 */
export function completeReview(picked: readonly RatedSymptom[]): RatedSymptom[] {
  const chosen = new Map(picked.map((p) => [p.key, p]));
  const out = SYMPTOMS.map((def) => ({ key: def.key, label: def.label, severity: chosen.get(def.key)?.severity ?? 0 }));
  for (const p of picked) if (!SYMPTOMS.some((def) => def.key === p.key)) out.push({ key: p.key, label: p.label, severity: p.severity });
  return out;
}

/** A symptom's name in the reader's words: a catalog symptom as translated, a user's own as written. */
export function symptomName(key: string, label: string, t: Translate): string {
  const def = SYMPTOMS.find((d) => d.key === key);
  if (!def) return label;
  // A catalog symptom may be stored under a shorter name ("Brain zaps"): another language shows the catalog's.
  const translated = t(def.label);
  return label.trim() === '' || label.trim() === def.label || translated !== def.label ? translated : label;
}
