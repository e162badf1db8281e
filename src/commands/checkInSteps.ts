// The prompts a check-in is made of. Each resolves to undefined on Escape (cancel everything),
// and every optional step can be passed with a single Enter. The dose step is in doseStep.ts.
import * as vscode from 'vscode';
import { normaliseTags, type SymptomInput } from '../core/entries';
import { moodFromKey, moodLabel } from '../core/mood';
import { MOOD_MAX, MOOD_MIN, SLEEP_MAX, SYMPTOM_LABEL_MAX } from '../core/limits';
import { FINISH_GROUPS, MOST_REPORTED, ownSymptomKey, SEVERITY_LABELS, symptomLabel, symptomName, symptomsInOfferOrder } from '../core/symptoms';
import { input, pick } from './quickInput';

export interface StepTitle {
  (name: string): string;
}

interface ValueItem<T> extends vscode.QuickPickItem {
  value: T;
}

/** Mood 1–10: one digit decides at once (0 means 10); arrows and Enter work too. */
export async function askMood(title: string, labels: readonly string[], previous: number | undefined): Promise<number | undefined> {
  const mood = await askScale(title, vscode.l10n.t('How is your mood? Type 1–9, or 0 for 10 (10 = best)'), (m) => moodLabel(m, labels), previous, false);
  return mood ?? undefined;
}

/** A 1–10 scale where Enter on "Skip" (or an empty answer) records nothing. */
export async function askOptionalScale(title: string, question: string): Promise<number | null | undefined> {
  return askScale(title, question, (n) => (n === MOOD_MAX ? vscode.l10n.t('highest') : n === MOOD_MIN ? vscode.l10n.t('lowest') : ''), undefined, true);
}

async function askScale(
  title: string,
  placeholder: string,
  describe: (n: number) => string,
  previous: number | undefined,
  optional: boolean
): Promise<number | null | undefined> {
  const items: ValueItem<number | null>[] = [];
  if (optional) items.push({ label: `$(debug-step-over) ${vscode.l10n.t('Skip')}`, value: null });
  for (let m = MOOD_MAX; m >= MOOD_MIN; m--) items.push({ label: String(m), description: describe(m), value: m });
  const picked = await pick<ValueItem<number | null>>({
    title,
    placeholder,
    items,
    matchOnDescription: true,
    active: (list) => list.find((i) => i.value === previous) ?? list[0],
    acceptOnValue: (value) => {
      const m = moodFromKey(value);
      return m === undefined ? undefined : items.find((i) => i.value === m);
    }
  });
  return picked === undefined ? undefined : (picked[0]?.value ?? null);
}

interface SymptomItem extends vscode.QuickPickItem {
  key?: string;
  own?: boolean;
}

/** Symptoms: several can be picked (Space), the four most reported first, then the FINISH groups. */
export async function askSymptoms(title: string, ownSymptoms: readonly { key: string; label: string }[]): Promise<SymptomInput[] | undefined> {
  const offered = symptomsInOfferOrder();
  const items: SymptomItem[] = [{ label: vscode.l10n.t('Most reported'), kind: vscode.QuickPickItemKind.Separator }];
  for (const s of offered.filter((x) => MOST_REPORTED.includes(x.key))) items.push({ label: vscode.l10n.t(s.label), key: s.key });
  for (const g of FINISH_GROUPS) {
    const members = offered.filter((x) => x.group === g.id && !MOST_REPORTED.includes(x.key));
    if (members.length === 0) continue;
    items.push({ label: vscode.l10n.t(g.label), kind: vscode.QuickPickItemKind.Separator });
    for (const s of members) items.push({ label: vscode.l10n.t(s.label), key: s.key });
  }
  items.push({ label: vscode.l10n.t('Your own'), kind: vscode.QuickPickItemKind.Separator });
  for (const s of ownSymptoms) items.push({ label: s.label, key: s.key });
  items.push({ label: `$(add) ${vscode.l10n.t('Add your own symptom…')}`, own: true, alwaysShow: true });

  const picked = await pick<SymptomItem>({
    title,
    placeholder: vscode.l10n.t('Any symptoms? Space selects, Enter continues (none selected: no symptoms)'),
    items,
    canSelectMany: true
  });
  if (!picked) return undefined;
  const chosen: { key: string; label: string }[] = picked.filter((p) => p.key).map((p) => ({ key: p.key!, label: symptomLabel(p.key!) ?? p.label })); // a catalog symptom is stored by its English name
  if (picked.some((p) => p.own)) {
    const name = await input({ title, prompt: vscode.l10n.t('Name the symptom, e.g. "ringing ears"'), validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Type a name, or press Escape to cancel the check-in')) });
    if (name === undefined) return undefined;
    chosen.push({ key: ownSymptomKey(name), label: name.trim().slice(0, SYMPTOM_LABEL_MAX) });
  }
  const out: SymptomInput[] = [];
  for (const s of chosen) {
    const severity = await askSeverity(title, symptomName(s.key, s.label, vscode.l10n.t));
    if (severity === undefined) return undefined;
    out.push({ ...s, severity });
  }
  return out;
}

async function askSeverity(title: string, symptom: string): Promise<number | undefined> {
  const items: ValueItem<number>[] = [1, 2, 3].map((n) => ({ label: String(n), description: vscode.l10n.t(SEVERITY_LABELS[n]), value: n }));
  const picked = await pick<ValueItem<number>>({
    title,
    placeholder: vscode.l10n.t('How severe is "{0}"? Type 1 (mild), 2 (moderate) or 3 (severe)', symptom),
    items,
    acceptOnValue: (v) => items.find((i) => String(i.value) === v.trim())
  });
  return picked?.[0]?.value;
}

export async function askSleep(title: string): Promise<number | null | undefined> {
  const answer = await input({
    title,
    prompt: vscode.l10n.t('Hours slept last night, e.g. 7 or 6.5 (Enter to skip)'),
    validate: (v) => {
      if (!v.trim()) return undefined;
      const n = Number(v.replace(',', '.'));
      return Number.isFinite(n) && n >= 0 && n <= SLEEP_MAX ? undefined : vscode.l10n.t('Type a number of hours from 0 to {0}, or leave it empty', SLEEP_MAX);
    }
  });
  if (answer === undefined) return undefined;
  return answer.trim() ? Number(answer.replace(',', '.')) : null;
}

export async function askTags(title: string, recent: readonly string[]): Promise<string[] | undefined> {
  const answer = await input({
    title,
    prompt: vscode.l10n.t('Tags, separated by commas (Enter to skip)'),
    placeholder: recent.length ? vscode.l10n.t('Recent: {0}', recent.slice(0, 6).join(', ')) : vscode.l10n.t('e.g. work, exercise, family')
  });
  return answer === undefined ? undefined : normaliseTags(answer.split(','));
}

export async function askNote(title: string): Promise<string | undefined> {
  return input({
    title,
    prompt: vscode.l10n.t('Optional note: what happened, how you slept, anything to remember. Enter to save.'),
    placeholder: vscode.l10n.t('Note (optional)')
  });
}
