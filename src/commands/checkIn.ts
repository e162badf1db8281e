// "Mood & Dose: Check In": mood, dose and an optional note in a few keystrokes.
// Mood is one digit (0 means 10), the dose step starts on the usual dose, Enter skips the note.
import * as vscode from 'vscode';
import { z } from 'zod';
import { buildCheckIn, deleteEntryOps, formatMg, parseMg, type CheckInInput } from '../core/entries';
import { moodFromKey, moodLabel } from '../core/mood';
import { DOSE_STATUSES, MOOD_MAX, MOOD_MIN, type DoseStatus } from '../core/schemas';
import { entryById, lastDose, latestCheckIn } from '../storage/journalQueries';
import type { Services } from '../services/services';
import { input, pick } from './quickInput';

/** Arguments for running the command without the UI (other extensions, tests, keybindings). */
const argsSchema = z.object({
  mood: z.number().int().min(MOOD_MIN).max(MOOD_MAX),
  mg: z.number().min(0).max(10000).optional(),
  status: z.enum(DOSE_STATUSES).optional(),
  note: z.string().max(5000).optional()
});

interface MoodItem extends vscode.QuickPickItem {
  mood: number;
}

interface DoseItem extends vscode.QuickPickItem {
  dose: CheckInInput['dose'] | 'none' | 'invalid';
}

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
    const store = await s.journal.get();
    const usual = lastDose(store)?.mg ?? s.settings.defaultDose();
    const total = 3;
    const mood = await askMood(s, latestCheckIn(store)?.mood, total);
    if (mood === undefined) return undefined;
    const dose = await askDose(s, usual, total);
    if (dose === undefined) return undefined;
    const note = await input({
      title: vscode.l10n.t('Check in ({0}/{1})', 3, total),
      prompt: vscode.l10n.t('Optional note: what happened, how you slept, anything you want to remember. Enter to save.'),
      placeholder: vscode.l10n.t('Note (optional)')
    });
    if (note === undefined) return undefined;
    return save(s, { mood, note, dose: dose === 'none' ? null : dose }, true);
  };
}

async function askMood(s: Services, previous: number | undefined, total: number): Promise<number | undefined> {
  const labels = s.settings.moodLabels();
  const items: MoodItem[] = [];
  for (let m = MOOD_MAX; m >= MOOD_MIN; m--) items.push({ label: String(m), description: moodLabel(m, labels), mood: m });
  const picked = await pick<MoodItem>({
    title: vscode.l10n.t('Check in ({0}/{1}): mood', 1, total),
    placeholder: vscode.l10n.t('How is your mood? Type 1–9, or 0 for 10 (10 = best)'),
    items,
    matchOnDescription: true,
    active: (list) => list.find((i) => i.mood === previous),
    acceptOnValue: (value) => {
      const m = moodFromKey(value);
      return m === undefined ? undefined : items.find((i) => i.mood === m);
    }
  });
  return picked?.[0]?.mood;
}

async function askDose(s: Services, usual: number | null, total: number): Promise<CheckInInput['dose'] | 'none' | undefined> {
  const medication = s.settings.medicationName();
  const unit = s.settings.unit();
  const items = (value: string): DoseItem[] => {
    const typed = parseMg(value);
    const list: DoseItem[] = [];
    if (typed !== undefined) {
      const changed = usual !== null && typed !== usual;
      list.push({
        label: changed ? `$(arrow-swap) ${vscode.l10n.t('Changed to {0} {1}', formatMg(typed), unit)}` : `$(check) ${vscode.l10n.t('Taken: {0} {1}', formatMg(typed), unit)}`,
        description: changed ? vscode.l10n.t('previous dose {0} {1}', formatMg(usual!), unit) : medication,
        dose: { mg: typed, status: changed ? 'changed' : 'taken', medication },
        alwaysShow: true
      });
    } else if (value.trim()) {
      list.push({ label: `$(warning) ${vscode.l10n.t('"{0}" is not a dose. Type a number of {1}, e.g. 10 or 7.5', value.trim(), unit)}`, dose: 'invalid', alwaysShow: true });
    }
    if (usual !== null) {
      list.push({ label: `$(circle-slash) ${vscode.l10n.t('Skipped today\'s dose')}`, description: `${formatMg(usual)} ${unit}`, dose: { mg: usual, status: 'skipped', medication }, alwaysShow: true });
    }
    list.push({ label: `$(dash) ${vscode.l10n.t('No dose to record')}`, dose: 'none', alwaysShow: true });
    return list;
  };
  for (;;) {
    const picked = await pick<DoseItem>({
      title: vscode.l10n.t('Check in ({0}/{1}): {2} dose in {3}', 2, total, medication, unit),
      placeholder: vscode.l10n.t('Enter accepts the dose shown; type another number if it changed'),
      value: usual === null ? '' : formatMg(usual),
      items
    });
    const dose = picked?.[0]?.dose;
    if (dose !== 'invalid') return dose;
  }
}

async function save(s: Services, entry: CheckInInput, offerUndo: boolean): Promise<string | undefined> {
  const store = await s.journal.get();
  const { ops, checkIn } = buildCheckIn(entry, s.clock);
  try {
    await store.write(ops);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The check-in was not saved: {0}', (e as Error).message));
    return undefined;
  }
  const dose = entry.dose ? ` · ${formatMg(entry.dose.mg)} ${s.settings.unit()} ${statusLabel(entry.dose.status)}` : '';
  const summary = vscode.l10n.t('Saved: mood {0} ({1}){2}', checkIn.mood, moodLabel(checkIn.mood, s.settings.moodLabels()), dose);
  if (offerUndo) void offerUndoFor(s, checkIn.id, summary);
  return checkIn.id;
}

async function offerUndoFor(s: Services, id: string, summary: string): Promise<void> {
  const undo = vscode.l10n.t('Undo');
  if ((await vscode.window.showInformationMessage(summary, undo)) !== undo) return;
  const store = await s.journal.get();
  const entry = entryById(store, id);
  if (!entry || entry.checkIn.deletedAt) return;
  await store.write(deleteEntryOps(entry, s.clock.now()));
  void vscode.window.showInformationMessage(vscode.l10n.t('Check-in removed. It stays in the file as deleted, so nothing is lost.'));
}

function statusLabel(status: DoseStatus): string {
  if (status === 'skipped') return vscode.l10n.t('skipped');
  if (status === 'changed') return vscode.l10n.t('(changed)');
  return vscode.l10n.t('taken');
}
