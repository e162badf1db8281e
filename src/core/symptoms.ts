// Discontinuation symptoms, grouped by the FINISH mnemonic (Berber 1998), exactly as listed in the
// project's clinical reference. Severity: 0 none, 1 mild, 2 moderate, 3 severe.
export interface SymptomDef {
  key: string;
  label: string;
  group: FinishGroup;
}

export type FinishGroup = 'flu' | 'insomnia' | 'nausea' | 'imbalance' | 'sensory' | 'hyperarousal';

export const FINISH_GROUPS: readonly { id: FinishGroup; label: string }[] = [
  { id: 'flu', label: 'Flu-like' },
  { id: 'insomnia', label: 'Insomnia' },
  { id: 'nausea', label: 'Nausea' },
  { id: 'imbalance', label: 'Imbalance' },
  { id: 'sensory', label: 'Sensory' },
  { id: 'hyperarousal', label: 'Hyperarousal' }
];

export const SYMPTOMS: readonly SymptomDef[] = [
  { key: 'fatigue', label: 'Fatigue', group: 'flu' },
  { key: 'aches', label: 'Aches', group: 'flu' },
  { key: 'sweating', label: 'Sweating', group: 'flu' },
  { key: 'chills', label: 'Chills', group: 'flu' },
  { key: 'trouble_sleeping', label: 'Trouble sleeping', group: 'insomnia' },
  { key: 'vivid_dreams', label: 'Vivid dreams or nightmares', group: 'insomnia' },
  { key: 'nausea', label: 'Nausea', group: 'nausea' },
  { key: 'vomiting', label: 'Vomiting', group: 'nausea' },
  { key: 'diarrhoea', label: 'Diarrhoea', group: 'nausea' },
  { key: 'dizziness', label: 'Dizziness', group: 'imbalance' },
  { key: 'light_headedness', label: 'Light-headedness', group: 'imbalance' },
  { key: 'vertigo', label: 'Vertigo', group: 'imbalance' },
  { key: 'brain_zaps', label: 'Brain zaps (electric-shock sensations)', group: 'sensory' },
  { key: 'tingling', label: 'Tingling or numbness', group: 'sensory' },
  { key: 'visual_disturbances', label: 'Visual disturbances', group: 'sensory' },
  { key: 'anxiety', label: 'Anxiety or nervousness', group: 'hyperarousal' },
  { key: 'irritability', label: 'Irritability', group: 'hyperarousal' },
  { key: 'agitation', label: 'Agitation', group: 'hyperarousal' },
  { key: 'crying_spells', label: 'Crying spells', group: 'hyperarousal' },
  { key: 'mood_swings', label: 'Mood swings', group: 'hyperarousal' }
];

/** The four symptoms most often reported as worse in a survey of people cutting a dose; offered first. */
export const MOST_REPORTED: readonly string[] = ['dizziness', 'brain_zaps', 'irritability', 'anxiety'];

export const SEVERITY_LABELS: readonly string[] = ['None', 'Mild', 'Moderate', 'Severe'];

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
