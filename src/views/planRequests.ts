// The Plan tab's requests: the taper plan the user and their prescriber agreed on, how logged doses
// compare with it (stated neutrally), and appointments with their questions. It records the plan;
// it never proposes one.
import { tombstone } from '../core/entries';
import { newId } from '../core/ids';
import { beforeEarliestYear } from '../core/importChecks';
import { clip, EARLIEST_YEAR, PANEL } from '../core/limits';
import type { Appointment, Medication, TaperStep } from '../core/schemas';
import { adherence, daysSinceLastChange, loggedByDate } from '../core/stats';
import { currentStep } from '../core/taper';
import { addDays, daysBetween } from '../core/time';
import type { Params, PlanData } from '../protocol';
import type { JournalStore } from '../storage/journalStore';
import { taperSteps } from '../storage/journalQueries';
import { writeJournal } from '../services/journalWrites';

const LIVE = 'deleted_at IS NULL';

function stamps(now: number) {
  const iso = new Date(now).toISOString();
  return { createdAt: iso, updatedAt: iso, deletedAt: null };
}

export function planData(store: JournalStore, today: string, unit: string): PlanData {
  const steps = taperSteps(store);
  const doses = store.select('doses', LIVE, [], 'ORDER BY at');
  const medications = store.select('medications', LIVE, [], 'ORDER BY created_at');
  const step = currentStep(steps, today);
  const index = step ? steps.findIndex((s) => s.id === step.id) : -1;
  const from = step ? step.startDate : addDays(today, -29);
  const a = adherence(doses, steps, from, today);
  const logged = [...loggedByDate(doses).entries()].sort((x, y) => x[0].localeCompare(y[0])).pop();
  const view = (s: TaperStep) => ({ id: s.id, startDate: s.startDate, targetMg: s.targetMg, note: s.note });
  const appointments = store.select('appointments', LIVE, [], 'ORDER BY date DESC');
  // Past the panel's limits: the steps around the one in force, the latest appointments, the first medications.
  const first = Math.max(0, Math.min(index - PANEL.taperSteps / 2, steps.length - PANEL.taperSteps));
  const shownSteps = steps.slice(first, first + PANEL.taperSteps);
  const shownMeds = clip(medications, PANEL.medications);
  const shownAppointments = clip(appointments, PANEL.appointments);
  const omitted: NonNullable<PlanData['omitted']> = {};
  if (shownSteps.length < steps.length) omitted.steps = steps.length - shownSteps.length;
  if (shownMeds.omitted) omitted.medications = shownMeds.omitted;
  if (shownAppointments.omitted) omitted.appointments = shownAppointments.omitted;
  return {
    ...(Object.keys(omitted).length ? { omitted } : {}),
    today,
    unit,
    medications: shownMeds.items.map((m) => ({ id: m.id, name: m.name, unit: m.unit, form: m.form })),
    steps: shownSteps.map(view),
    current: step ? { step: view(step), index, count: steps.length, daysOnStep: daysBetween(step.startDate, today) + 1 } : null,
    lastLogged: logged ? { mg: logged[1], date: logged[0] } : null,
    daysSinceChange: daysSinceLastChange(doses, today),
    adherence: {
      from,
      to: today,
      planDays: a.planDays,
      atPlan: a.atPlan,
      abovePlan: a.abovePlan,
      belowPlan: a.belowPlan,
      skipped: a.skipped,
      notLogged: a.notLogged,
      differences: a.differences.slice(-PANEL.adherenceDifferences)
    },
    appointments: shownAppointments.items.map((x) => ({ id: x.id, date: x.date, time: x.time, provider: x.provider, questions: x.questions, outcome: x.outcome }))
  };
}

export async function saveMedication(store: JournalStore, p: Params<'plan/saveMedication'>, now: number): Promise<string> {
  const existing = p.id ? store.get('medications', p.id) : undefined;
  if (p.id && !existing) throw new Error('That medication no longer exists.');
  const fields = { name: p.name.trim(), unit: p.unit.trim(), form: p.form.trim() };
  const row: Medication = existing ? { ...existing, ...fields, updatedAt: new Date(now).toISOString() } : { id: newId(), ...stamps(now), ...fields };
  await writeJournal(store, [{ table: 'medications', row }]);
  return row.id;
}

/** The same floor as imports, so everything the journal holds can be exported and imported again. */
function refuseEarlyDate(date: string): void {
  if (beforeEarliestYear(date)) throw new Error(`The date ${date} is before ${EARLIEST_YEAR}. Choose a later day.`);
}

export async function saveStep(store: JournalStore, p: Params<'plan/saveStep'>, now: number): Promise<string> {
  refuseEarlyDate(p.startDate);
  const existing = p.id ? store.get('taper_steps', p.id) : undefined;
  if (p.id && !existing) throw new Error('That plan step no longer exists.');
  const medicationId = store.select('medications', LIVE, [], 'ORDER BY created_at LIMIT 1')[0]?.id ?? null;
  const fields = { startDate: p.startDate, targetMg: p.targetMg, note: p.note.trim() };
  const row: TaperStep = existing ? { ...existing, ...fields, updatedAt: new Date(now).toISOString() } : { id: newId(), ...stamps(now), medicationId, ...fields };
  await writeJournal(store, [{ table: 'taper_steps', row }]);
  return row.id;
}

export async function deleteStep(store: JournalStore, id: string, now: number): Promise<void> {
  const row = store.get('taper_steps', id);
  if (row) await writeJournal(store, [{ table: 'taper_steps', row: tombstone(row, now) }]);
}

export async function saveAppointment(store: JournalStore, p: Params<'appointments/save'>, now: number): Promise<string> {
  refuseEarlyDate(p.date);
  const existing = p.id ? store.get('appointments', p.id) : undefined;
  if (p.id && !existing) throw new Error('That appointment no longer exists.');
  const fields = { date: p.date, time: p.time, provider: p.provider.trim(), questions: p.questions.map((q) => q.trim()).filter(Boolean), outcome: p.outcome?.trim() || null };
  const row: Appointment = existing
    ? { ...existing, ...fields, outcomeAsked: existing.outcomeAsked || fields.outcome !== null, updatedAt: new Date(now).toISOString() }
    : { id: newId(), ...stamps(now), ...fields, outcomeAsked: false };
  await writeJournal(store, [{ table: 'appointments', row }]);
  return row.id;
}

export async function deleteAppointment(store: JournalStore, id: string, now: number): Promise<void> {
  const row = store.get('appointments', id);
  if (row) await writeJournal(store, [{ table: 'appointments', row: tombstone(row, now) }]);
}
