// "Mood & Dose: Check In" (Ctrl+Alt+J / Cmd+Alt+J): mood and dose in a few keystrokes, then the
// optional steps chosen in settings. A typical check-in is: shortcut, a digit, Enter, Enter.
import * as vscode from 'vscode';
import { z } from 'zod';
import { buildCheckIn, formatMg, type CheckInInput } from '../core/entries';
import { moodLabel } from '../core/mood';
import { DOSE_STATUSES, MOOD_MAX, MOOD_MIN, type DoseStatus } from '../core/schemas';
import { currentStep, offeredDose } from '../core/taper';
import { safetyTrigger } from '../core/safety';
import { localDateOf } from '../core/time';
import type { Services } from '../services/services';
import { DiskFullError } from '../storage/fileErrors';
import { lastDose, latestCheckIn, ownSymptoms, recentTags, taperSteps } from '../storage/journalQueries';
import { askDose, askMood, askNote, askOptionalScale, askSleep, askSymptoms, askTags } from './checkInSteps';
import { confirmSaved } from './undo';
import { writeJournal } from '../services/journalWrites';

/** Arguments for running the command without the UI (other extensions, tests, keybindings). */
const argsSchema = z.object({
  mood: z.number().int().min(MOOD_MIN).max(MOOD_MAX),
  mg: z.number().min(0).max(10000).optional(),
  status: z.enum(DOSE_STATUSES).optional(),
  note: z.string().max(5000).optional()
});

export function checkInCommand(s: Services) {
  return async (args?: unknown): Promise<string | undefined> => {
    if (args !== undefined) {
      const parsed = argsSchema.safeParse(args);
      if (!parsed.success) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Check In was called with invalid arguments: {0}', parsed.error.issues[0]?.message ?? ''));
        return undefined;
      }
      const a = parsed.data;
      const dose = a.mg === undefined ? null : { mg: a.mg, status: a.status ?? 'taken', medication: s.settings.medicationName() };
      return save(s, { mood: a.mood, note: a.note, dose }, false);
    }
    const entry = await askCheckIn(s);
    return entry ? save(s, entry, true) : undefined;
  };
}

async function askCheckIn(s: Services): Promise<CheckInInput | undefined> {
  const store = await s.journal.get();
  const steps = s.settings.checkInSteps();
  const total = 2 + steps.length + (steps.includes('scales') ? 2 : 0);
  let n = 0;
  const title = (name: string) => vscode.l10n.t('Check in ({0}/{1}): {2}', ++n, total, name);

  const mood = await askMood(title(vscode.l10n.t('mood')), s.settings.moodLabels(), latestCheckIn(store)?.mood);
  if (mood === undefined) return undefined;

  const last = lastDose(store);
  const today = localDateOf(s.clock.now(), s.clock.zone());
  const unit = s.settings.unit();
  const dose = await askDose(title(vscode.l10n.t('{0} dose in {1}', s.settings.medicationName(), unit)), {
    offered: offeredDose(last, currentStep(taperSteps(store), today), s.settings.defaultDose()),
    previous: last?.mg ?? null,
    medication: s.settings.medicationName(),
    unit,
    allowNone: true
  });
  if (dose === undefined) return undefined;

  const entry: CheckInInput = { mood, dose: dose === 'none' ? null : dose };
  if (steps.includes('symptoms')) {
    const symptoms = await askSymptoms(title(vscode.l10n.t('symptoms')), ownSymptoms(store));
    if (symptoms === undefined) return undefined;
    entry.symptoms = symptoms;
  }
  if (steps.includes('scales')) {
    const energy = await askOptionalScale(title(vscode.l10n.t('energy')), vscode.l10n.t('Energy today, 1–10 (10 = most). One digit, 0 for 10, or Enter to skip'));
    if (energy === undefined) return undefined;
    const anxiety = await askOptionalScale(title(vscode.l10n.t('anxiety')), vscode.l10n.t('Anxiety today, 1–10 (10 = most). One digit, 0 for 10, or Enter to skip'));
    if (anxiety === undefined) return undefined;
    const sleep = await askSleep(title(vscode.l10n.t('sleep')));
    if (sleep === undefined) return undefined;
    Object.assign(entry, { energy, anxiety, sleepHours: sleep });
  }
  if (steps.includes('tags')) {
    const tags = await askTags(title(vscode.l10n.t('tags')), recentTags(store));
    if (tags === undefined) return undefined;
    entry.tags = tags;
  }
  if (steps.includes('note')) {
    const note = await askNote(title(vscode.l10n.t('note')));
    if (note === undefined) return undefined;
    entry.note = note;
  }
  return entry;
}

async function save(s: Services, entry: CheckInInput, confirm: boolean): Promise<string | undefined> {
  const store = await s.journal.get();
  const { ops, checkIn } = buildCheckIn(entry, s.clock);
  try {
    await writeJournal(store, ops);
  } catch (e) {
    // On a full disk the entry waits in memory; the journal service has said so once.
    if (!(e instanceof DiskFullError)) void vscode.window.showErrorMessage(vscode.l10n.t('The check-in was not saved: {0}', (e as Error).message));
    return undefined;
  }
  void vscode.commands.executeCommand('setContext', 'moodDose.hasCheckIn', true);
  // Never awaited: the card never delays or blocks logging.
  void s.safety.trigger(safetyTrigger({ kind: 'checkin', mood: checkIn.mood }), confirm ? 'palette' : 'panel');
  if (confirm) {
    const dose = entry.dose ? ` · ${formatMg(entry.dose.mg)} ${s.settings.unit()} ${statusLabel(entry.dose.status)}` : '';
    const symptoms = entry.symptoms?.length ? ` · ${vscode.l10n.t('{0} symptom(s)', entry.symptoms.length)}` : '';
    void confirmSaved(s, vscode.l10n.t('Saved: mood {0} ({1}){2}{3}', checkIn.mood, moodLabel(checkIn.mood, s.settings.moodLabels()), dose, symptoms), ops);
  }
  return checkIn.id;
}

export function statusLabel(status: DoseStatus): string {
  if (status === 'skipped') return vscode.l10n.t('skipped');
  if (status === 'changed') return vscode.l10n.t('(changed)');
  return vscode.l10n.t('taken');
}
