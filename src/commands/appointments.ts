// Appointment commands for the palette: add one, add a question for the provider at any time, and
// "Edit Taper Plan", which opens the Plan tab of the panel.
import * as vscode from 'vscode';
import { newId } from '../core/ids';
import type { Appointment } from '../core/schemas';
import { localDateOf } from '../core/time';
import type { Services } from '../services/services';
import type { JournalStore } from '../storage/journalStore';
import { dateProblem, input } from './quickInput';
import { confirmSaved } from './undo';
import { writeJournal } from '../services/journalWrites';

/** The next appointment from today on (the soonest), if any. */
export function upcomingAppointment(store: JournalStore, today: string): Appointment | undefined {
  return store.select('appointments', 'deleted_at IS NULL AND date >= ?', [today], 'ORDER BY date, time LIMIT 1')[0];
}

async function askAppointment(s: Services, title: string): Promise<Appointment | undefined> {
  const today = localDateOf(s.clock.now(), s.clock.zone());
  const date = await input({
    title,
    prompt: vscode.l10n.t('Day of the appointment (YYYY-MM-DD)'),
    validate: (v) => dateProblem(v, today)
  });
  if (date === undefined) return undefined;
  const time = await input({
    title,
    prompt: vscode.l10n.t('Time, e.g. 10:30 (Enter to skip)'),
    validate: (v) => (!v.trim() || /^([01]\d|2[0-3]):[0-5]\d$/.test(v.trim()) ? undefined : vscode.l10n.t('Use a 24-hour time such as 10:30, or leave it empty'))
  });
  if (time === undefined) return undefined;
  const provider = await input({ title, prompt: vscode.l10n.t('Who is it with? e.g. "Dr. Rivera, psychiatry" (Enter to skip)') });
  if (provider === undefined) return undefined;
  const iso = new Date(s.clock.now()).toISOString();
  return { id: newId(), createdAt: iso, updatedAt: iso, deletedAt: null, date: date.trim(), time: time.trim() || null, provider: provider.trim(), questions: [], outcome: null, outcomeAsked: false };
}

export function addAppointmentCommand(s: Services) {
  return async (): Promise<string | undefined> => {
    const row = await askAppointment(s, vscode.l10n.t('Add Appointment'));
    if (!row) return undefined;
    const store = await s.journal.get();
    await writeJournal(store, [{ table: 'appointments', row }]);
    void confirmSaved(s, vscode.l10n.t('Appointment on {0} saved. Add questions for it with "Mood & Dose: Add Question for Provider".', row.date), [{ table: 'appointments', row }]);
    return row.id;
  };
}

export function addQuestionCommand(s: Services) {
  return async (text?: unknown): Promise<string | undefined> => {
    const store = await s.journal.get();
    const today = localDateOf(s.clock.now(), s.clock.zone());
    let appointment = upcomingAppointment(store, today);
    const question =
      typeof text === 'string' && text.trim()
        ? text.trim().slice(0, 500)
        : await input({
            title: vscode.l10n.t('Add Question for Provider'),
            prompt: appointment ? vscode.l10n.t('A question for {0} on {1}', appointment.provider || vscode.l10n.t('your provider'), appointment.date) : vscode.l10n.t('A question to bring to your next appointment'),
            validate: (v) => (!v.trim() ? vscode.l10n.t('Type the question, or press Escape to cancel') : v.length > 500 ? vscode.l10n.t('Keep it under 500 characters') : undefined)
          });
    if (!question) return undefined;
    if (!appointment) {
      appointment = await askAppointment(s, vscode.l10n.t('When is your next appointment?'));
      if (!appointment) return undefined;
    }
    const row: Appointment = { ...appointment, questions: [...appointment.questions, question.trim()], updatedAt: new Date(s.clock.now()).toISOString() };
    await writeJournal(store, [{ table: 'appointments', row }]);
    void vscode.window.showInformationMessage(vscode.l10n.t('Question added for {0} ({1} in all).', row.date, row.questions.length));
    return row.id;
  };
}

export function editTaperPlanCommand(s: Services) {
  return async (): Promise<void> => {
    await s.panel.show('plan');
  };
}
