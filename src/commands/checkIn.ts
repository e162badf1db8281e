// "Mood & Dose: Check In" (Ctrl+Alt+J / Cmd+Alt+J): mood and dose in a few keystrokes, then the
// optional steps chosen in settings. A typical check-in is: shortcut, a digit, Enter, Enter.
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { CheckInInput } from '../core/entries';
import { DOSE_STATUSES, MG_MAX, MOOD_MAX, MOOD_MIN, NOTE_MAX } from '../core/limits';
import { latestCheckIn, todaysDoseOffer, ownSymptoms, recentTags } from '../storage/read/journal';
import { askMood, askNote, askOptionalScale, askSleep, askSymptoms, askTags } from './checkInSteps';
import { confirmSaved } from './confirm';
import { askDose } from './doseStep';
import type { CommandDeps } from './deps';
import { DiskFullError } from '../storage/fileErrors';

type Deps = Pick<CommandDeps, 'read' | 'actions' | 'clock' | 'settings'>;

/** Arguments for running the command without the UI (other extensions, tests, keybindings). */
const argsSchema = z.object({
  mood: z.int().check(z.minimum(MOOD_MIN), z.maximum(MOOD_MAX)),
  mg: z.optional(z.number().check(z.minimum(0), z.maximum(MG_MAX))),
  status: z.optional(z.enum(DOSE_STATUSES)),
  note: z.optional(z.string().check(z.maxLength(NOTE_MAX)))
});

export function checkInCommand(d: Deps) {
  return async (args?: unknown): Promise<string | undefined> => {
    if (args !== undefined) {
      const parsed = argsSchema.safeParse(args);
      if (!parsed.success) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Check In was called with invalid arguments: {0}', parsed.error.issues[0]?.message ?? ''));
        return undefined;
      }
      const a = parsed.data;
      const dose = a.mg === undefined ? null : { mg: a.mg, status: a.status ?? 'taken', medication: d.settings.medicationName() };
      return save(d, { mood: a.mood, note: a.note, dose }, false);
    }
    const entry = await askCheckIn(d);
    return entry ? save(d, entry, true) : undefined;
  };
}

async function askCheckIn(d: Deps): Promise<CheckInInput | undefined> {
  const { settings } = d;
  const store = await d.read();
  const steps = settings.checkInSteps();
  const total = 2 + steps.length + (steps.includes('scales') ? 2 : 0);
  let n = 0;
  const title = (name: string) => vscode.l10n.t('Check in ({0}/{1}): {2}', ++n, total, name);

  const mood = await askMood(title(vscode.l10n.t('mood')), settings.moodLabels(), latestCheckIn(store)?.mood);
  if (mood === undefined) return undefined;

  const unit = settings.unit();
  const dose = await askDose(title(vscode.l10n.t('{0} dose in {1}', settings.medicationName(), unit)), {
    ...todaysDoseOffer(store, d.clock.today(), settings.defaultDose()),
    medication: settings.medicationName(),
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

/** Saves through the journal actions; from the palette, confirms with Undo. */
async function save(d: Deps, entry: CheckInInput, confirm: boolean): Promise<string | undefined> {
  let saved;
  try {
    saved = await d.actions.checkIn(entry, confirm ? 'palette' : 'panel');
  } catch (e) {
    // On a full disk the entry waits in memory; the journal service has said so once.
    if (!(e instanceof DiskFullError)) void vscode.window.showErrorMessage(vscode.l10n.t('The check-in was not saved: {0}', (e as Error).message));
    return undefined;
  }
  if (confirm) void confirmSaved(d.actions, saved);
  return saved.id;
}
