// Appointment commands for the palette: add one, and add a question for the provider at any time.
import * as vscode from 'vscode';
import { HHMM, QUESTION_MAX } from '../core/limits';
import type { AppointmentInput } from '../core/plan';
import type { Appointment } from '../core/schemas';
import { upcomingAppointments } from '../storage/read/appointments';
import { confirmSaved } from './confirm';
import type { CommandDeps } from './deps';
import { dateProblem, input, pick } from './quickInput';
import { FlowSteps } from './steps';
import { dateWords } from '../services/displayLanguage';
import { plural } from '../services/plural';

async function askAppointment(d: Pick<CommandDeps, 'clock'>, steps: FlowSteps): Promise<AppointmentInput | undefined> {
  const today = d.clock.today();
  const date = await input({
    title: steps.next(vscode.l10n.t('day')),
    prompt: vscode.l10n.t('Day of the appointment (YYYY-MM-DD)'),
    validate: (v) => dateProblem(v, today)
  });
  if (date === undefined) return undefined;
  const time = await input({
    title: steps.next(vscode.l10n.t('time')),
    prompt: vscode.l10n.t('Time, e.g. 10:30 (Enter to skip)'),
    validate: (v) => (!v.trim() || HHMM.test(v.trim()) ? undefined : vscode.l10n.t('Use a 24-hour time such as 10:30, or leave it empty'))
  });
  if (time === undefined) return undefined;
  const provider = await input({ title: steps.next(vscode.l10n.t('provider')), prompt: vscode.l10n.t('Who is it with? e.g. "Dr. Rivera, psychiatry" (Enter to skip)') });
  if (provider === undefined) return undefined;
  return { date, time, provider, questions: [], outcome: null };
}

export function addAppointmentCommand(d: Pick<CommandDeps, 'actions' | 'clock'>) {
  return async (): Promise<string | undefined> => {
    const appointment = await askAppointment(d, new FlowSteps(vscode.l10n.t, vscode.l10n.t('Add Appointment'), 3));
    if (!appointment) return undefined;
    const saved = await d.actions.saveAppointment({ ...appointment, id: null });
    void confirmSaved(d.actions, saved);
    return saved.id;
  };
}

/**
 * Which appointment ahead a question is for: the next one, or with several ahead the one the user
 * picks (the next one first, each with how many questions it holds), so a question meant for a
 * later visit is not filed under an earlier one added since. Null when the user cancels.
 */
async function appointmentFor(ahead: readonly Appointment[], steps: FlowSteps): Promise<Appointment | undefined | null> {
  if (ahead.length < 2) return ahead[0];
  type Item = vscode.QuickPickItem & { appointment: Appointment };
  const items: Item[] = ahead.map((a) => {
    const n = a.questions.filter((q) => q.trim()).length;
    return { label: `${dateWords(a.date)}${a.time ? ` ${a.time}` : ''}`, description: a.provider, detail: plural(n, { one: vscode.l10n.t('{0} question recorded', n), other: vscode.l10n.t('{0} questions recorded', n) }), appointment: a };
  });
  const picked = await pick<Item>({ title: steps.next(vscode.l10n.t('appointment')), placeholder: vscode.l10n.t('Which appointment is the question for? The next one is first'), items, active: (shown) => shown[0] });
  return picked?.[0]?.appointment ?? null;
}

export function addQuestionCommand(d: Pick<CommandDeps, 'read' | 'actions' | 'clock'>) {
  return async (text?: unknown): Promise<string | undefined> => {
    const ahead = upcomingAppointments(await d.read(), d.clock.today());
    // A question passed in goes to the next appointment; one typed here, to the one the user picks.
    const given = typeof text === 'string' && text.trim() ? text.trim().slice(0, QUESTION_MAX) : undefined;
    // A pick when several appointments are ahead, the question, and the appointment's three when none is.
    const steps = new FlowSteps(vscode.l10n.t, vscode.l10n.t('Add Question for Provider'), (given ? 0 : (ahead.length > 1 ? 1 : 0) + 1) + (ahead.length ? 0 : 3));
    const upcoming = given ? ahead[0] : await appointmentFor(ahead, steps);
    if (upcoming === null) return undefined;
    const question =
      given ??
      (await input({
        title: steps.next(vscode.l10n.t('question')),
        prompt: upcoming ? vscode.l10n.t('A question for {0} on {1}', upcoming.provider || vscode.l10n.t('your provider'), dateWords(upcoming.date)) : vscode.l10n.t('A question to bring to your next appointment'),
        validate: (v) => (!v.trim() ? vscode.l10n.t('Type the question, or press Escape to cancel') : v.length > QUESTION_MAX ? vscode.l10n.t('Keep it under {0} characters', QUESTION_MAX) : undefined)
      }));
    if (!question) return undefined;
    const appointment = upcoming ?? (await askAppointment(d, steps));
    if (!appointment) return undefined;
    const saved = await d.actions.addQuestion(question, appointment);
    void confirmSaved(d.actions, saved);
    return saved.id;
  };
}
