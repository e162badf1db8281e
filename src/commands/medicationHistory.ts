// "Mood & Dose: Add Medication History": a period before the journal as the user recalls it, one
// quick input at a time (medication, start, end, dose, context, recalled mood and how sure). It is
// marked as recalled everywhere and never counted in a statistic. Overlaps are saved and named.
import * as vscode from 'vscode';
import { parseMg } from '../core/entries';
import { EARLIEST_YEAR, MEDICATION_MAX, MOOD_MAX, RECALLED_CONTEXT_MAX } from '../core/limits';
import { moodLabel } from '../core/mood';
import type { RecallCertainty } from '../core/schemas';
import { firstDayOf, isMonthOrDay, lastDayOf } from '../core/time';
import { confirmSaved } from './confirm';
import type { CommandDeps } from './deps';
import { input, pick } from './quickInput';

/** What is wrong with a typed month or day, or undefined. */
function monthOrDayProblem(value: string): string | undefined {
  const v = value.trim();
  if (!isMonthOrDay(v)) return vscode.l10n.t('Type a month as YYYY-MM (2025-03) or a day as YYYY-MM-DD (2025-03-14)');
  return Number(v.slice(0, 4)) < EARLIEST_YEAR ? vscode.l10n.t('Type a date from {0} on', EARLIEST_YEAR) : undefined;
}

export function addMedicationHistoryCommand(d: Pick<CommandDeps, 'actions' | 'clock' | 'settings' | 'sidebar'>) {
  return async (): Promise<string | undefined> => {
    // Each step names itself, as the check-in does: the title says where you are (and a screen reader reads it).
    let n = 0;
    const step = (name: string) => vscode.l10n.t('Medication history, as recalled ({0}/{1}): {2}', ++n, 7, name);
    const unit = d.settings.unit();
    const today = d.clock.today();
    const medication = await input({
      title: step(vscode.l10n.t('medication')),
      prompt: vscode.l10n.t('Which medication? (Enter for {0})', d.settings.medicationName()),
      value: d.settings.medicationName(),
      validate: (v) => (!v.trim() ? vscode.l10n.t('Type the name of the medication') : v.trim().length > MEDICATION_MAX ? vscode.l10n.t('Keep the name under {0} characters', MEDICATION_MAX) : undefined)
    });
    if (medication === undefined) return undefined;
    const start = await input({ title: step(vscode.l10n.t('start')), prompt: vscode.l10n.t('When did this period start? A month (2025-03) or a day (2025-03-14)'), validate: monthOrDayProblem });
    if (start === undefined) return undefined;
    const end = await input({
      title: step(vscode.l10n.t('end')),
      prompt: vscode.l10n.t('When did it end? A month or a day'),
      validate: (v) =>
        monthOrDayProblem(v) ??
        (lastDayOf(v.trim()) < firstDayOf(start.trim())
          ? vscode.l10n.t('The end comes before the start ({0})', start.trim())
          : firstDayOf(v.trim()) > today
            ? vscode.l10n.t('Recalled history is about the past: type a month or day up to {0}', today)
            : undefined)
    });
    if (end === undefined) return undefined;
    const mgText = await input({
      title: step(vscode.l10n.t('dose in {0}', unit)),
      prompt: vscode.l10n.t('The dose you took then, in {0}, e.g. 20 or 7.5', unit),
      validate: (v) => (parseMg(v) === undefined ? vscode.l10n.t('Type the dose as a number, e.g. 20 or 7.5') : undefined)
    });
    if (mgText === undefined) return undefined;
    const context = await input({
      title: step(vscode.l10n.t('context')),
      prompt: vscode.l10n.t('Optional: what was going on, e.g. "raised during the divorce" (Enter to skip)'),
      validate: (v) => (v.trim().length > RECALLED_CONTEXT_MAX ? vscode.l10n.t('Keep it under {0} characters', RECALLED_CONTEXT_MAX) : undefined)
    });
    if (context === undefined) return undefined;
    const mood = await askRecalledMood(step(vscode.l10n.t('mood then')), d.settings.moodLabels());
    if (mood === undefined) return undefined;
    const certainty = mood === null ? null : await askCertainty(step(vscode.l10n.t('how sure')), mood);
    if (certainty === undefined) return undefined;
    const saved = await d.actions.saveRecalledPeriod({ id: null, medication, startDate: start.trim(), endDate: end.trim(), mg: parseMg(mgText)!, context, mood, certainty });
    // Overlaps are kept, and said, naming both; the Plan tab lists them too.
    if (saved.overlaps.length) {
      const open = vscode.l10n.t('Open Plan Tab');
      void vscode.window.showWarningMessage(saved.overlaps.join(' '), open).then((choice) => {
        if (choice === open) void d.sidebar.show('plan');
      });
    }
    void confirmSaved(d.actions, saved);
    return saved.id;
  };
}

/** The recalled mood 1–10 (one digit, 0 for 10), or "not recalled" (null); undefined on Escape. */
async function askRecalledMood(title: string, labels: readonly string[]): Promise<number | null | undefined> {
  type Item = vscode.QuickPickItem & { mood: number | null };
  const items: Item[] = [
    { label: vscode.l10n.t('No recalled mood'), description: vscode.l10n.t('Enter'), mood: null },
    ...Array.from({ length: MOOD_MAX }, (_, i) => ({ label: String(i + 1), description: moodLabel(i + 1, labels), mood: i + 1 }))
  ];
  const picked = await pick<Item>({
    title,
    placeholder: vscode.l10n.t('How was your mood then, as you remember it? 1–9, 0 for 10 (10 is best), or Enter to skip'),
    items,
    acceptOnValue: (v) => (/^\d$/.test(v.trim()) ? items.find((i) => i.mood === (v.trim() === '0' ? 10 : Number(v.trim()))) : undefined)
  });
  return picked?.[0] ? picked[0].mood : undefined;
}

async function askCertainty(title: string, mood: number): Promise<RecallCertainty | undefined> {
  type Item = vscode.QuickPickItem & { certainty: RecallCertainty };
  const items: Item[] = [
    { label: vscode.l10n.t('Roughly'), description: vscode.l10n.t('about {0}, as far as I remember', mood), certainty: 'roughly' },
    { label: vscode.l10n.t('Clearly'), description: vscode.l10n.t('I remember it clearly'), certainty: 'clearly' }
  ];
  const picked = await pick<Item>({ title, placeholder: vscode.l10n.t('How sure are you of the recalled mood {0}?', mood), items, acceptOnValue: (v) => items.find((i) => i.label.toLowerCase().startsWith(v.trim().toLowerCase()) && v.trim().length > 0) });
  return picked?.[0]?.certainty;
}
