// The Plan tab: the taper plan the user and their prescriber agreed on, how the logged doses
// compare with it (stated neutrally), medications and appointments. It records the plan; it never
// proposes one.
import { beforeEarliestYear } from '../../../core/transfer/checks';
import { clip, EARLIEST_YEAR, VIEW } from '../../../core/limits';
import { allOverlapMessages } from '../../../core/recalled';
import type { Translate } from '../../../core/safety';
import { doseRecord } from '../../../core/stats/doseDays';
import { adherence, daysSinceLastChange } from '../../../core/stats/doses';
import type { TaperStep } from '../../../core/schemas';
import { supplyStatus } from '../../../core/supply';
import { currentStep } from '../../../core/taper';
import { addDays, daysBetween, firstDayOf, lastDayOf, type LocalDate } from '../../../core/time';
import type { Handlers } from '../../protocol';
import type { PlanData } from '../protocol';
import { appointments } from '../../../storage/read/appointments';
import { planRows } from '../../../storage/read/plan';
import type { JournalReader } from '../../../storage/read/reader';
import { dosesBetween, recalledPeriods } from '../../../storage/read/recalled';
import { supplyRows } from '../../../storage/read/supply';
import { toRecalledView } from '../../shared/recalledView';
import type { HandlerDeps } from '../../handlerDeps';

type PlanMethods =
  | 'plan/data'
  | 'plan/saveMedication'
  | 'plan/saveStep'
  | 'plan/deleteStep'
  | 'appointments/save'
  | 'appointments/delete'
  | 'history/save'
  | 'history/delete'
  | 'supply/tablets'
  | 'supply/log';

/** Without a plan, adherence looks back this many days. */
const LOOK_BACK_DAYS = 30;

export function planHandlers(d: Pick<HandlerDeps, 'read' | 'actions' | 'clock' | 'settings' | 't'>): Pick<Handlers, PlanMethods> {
  /** The same floor as imports, so everything the journal holds can be exported and imported again. */
  const refuseEarly = (date: string) => {
    if (beforeEarliestYear(date)) throw new Error(d.t('The date {0} is before {1}. Choose a later day.', date, EARLIEST_YEAR));
  };
  // Every change answers with the token that undoes it (the panel offers Undo with it).
  const undoable = async (written: Promise<{ id: string; undoToken: string }>) => {
    const { id, undoToken } = await written;
    return { id, undoToken };
  };
  const none = async (written: Promise<unknown>) => {
    await written;
    return null;
  };
  return {
    'plan/data': async () => planData(await d.read(), d.clock.today(), d.settings.unit(), d.t),
    'plan/saveMedication': (p) => undoable(d.actions.saveMedication(p)),
    'plan/saveStep': async (p) => {
      refuseEarly(p.startDate);
      return undoable(d.actions.saveTaperStep(p));
    },
    'plan/deleteStep': async ({ id: stepId }) => ({ undoToken: (await d.actions.deleteTaperStep(stepId)).undoToken }),
    'appointments/save': async (p) => {
      refuseEarly(p.date);
      return undoable(d.actions.saveAppointment(p));
    },
    'appointments/delete': ({ id: appointmentId }) => none(d.actions.deleteAppointment(appointmentId)),
    'history/save': async (p) => {
      const { id: saved, undoToken, message, overlaps } = await d.actions.saveRecalledPeriod(p);
      return { id: saved, undoToken, message, overlaps: overlaps.slice(0, VIEW.recalledPeriods) };
    },
    'history/delete': ({ id: periodId }) => d.actions.deleteRecalledPeriod(periodId),
    'supply/tablets': (p) => undoable(d.actions.saveTablets(p)),
    'supply/log': async (p) => {
      const { id: saved, undoToken, message } = await d.actions.logSupply(p);
      return { id: saved, undoToken, message };
    }
  };
}

/** "Before the journal": the periods as recalled, and each overlap named once. */
function historyData(store: JournalReader, unit: string, t: Translate): Pick<PlanData, 'history' | 'overlaps'> & { omitted: number } {
  const periods = recalledPeriods(store);
  const shown = clip(periods, VIEW.recalledPeriods);
  const first = periods.length ? firstDayOf(periods[0].startDate) : undefined;
  const last = periods.reduce((a, p) => (lastDayOf(p.endDate) > a ? lastDayOf(p.endDate) : a), '');
  const doses = first ? dosesBetween(store, first, last) : [];
  return { history: shown.items.map(toRecalledView), overlaps: allOverlapMessages(shown.items, doses, unit, t).slice(0, VIEW.recalledPeriods), omitted: shown.omitted };
}

function planData(store: JournalReader, today: LocalDate, unit: string, t: Translate): PlanData {
  const { steps, doses, medications } = planRows(store);
  const step = currentStep(steps, today);
  const index = step ? steps.findIndex((s) => s.id === step.id) : -1;
  const from = step ? step.startDate : addDays(today, -(LOOK_BACK_DAYS - 1));
  const a = adherence(doses, steps, from, today);
  const record = doseRecord(doses);
  const lastTaken = record.lastTaken ? record.day(record.lastTaken) : undefined;
  const view = (s: TaperStep) => ({ id: s.id, startDate: s.startDate, targetMg: s.targetMg, note: s.note });
  // Past the panel's limits: the steps around the one in force, the latest appointments, the first medications.
  const first = Math.max(0, Math.min(index - VIEW.taperSteps / 2, steps.length - VIEW.taperSteps));
  const shownSteps = steps.slice(first, first + VIEW.taperSteps);
  const shownMeds = clip(medications, VIEW.medications);
  const shownAppointments = clip(appointments(store), VIEW.appointments);
  const omitted: NonNullable<PlanData['omitted']> = {};
  if (shownSteps.length < steps.length) omitted.steps = steps.length - shownSteps.length;
  if (shownMeds.omitted) omitted.medications = shownMeds.omitted;
  if (shownAppointments.omitted) omitted.appointments = shownAppointments.omitted;
  const { omitted: historyOmitted, ...history } = historyData(store, unit, t);
  if (historyOmitted) omitted.history = historyOmitted;
  const supply = supplyRows(store);
  return {
    ...(Object.keys(omitted).length ? { omitted } : {}),
    today,
    unit,
    medications: shownMeds.items.map((m) => ({ id: m.id, name: m.name, unit: m.unit, form: m.form })),
    steps: shownSteps.map(view),
    // Day 0 is the step's first day, as on every page of the summary.
    current: step ? { step: view(step), index, count: steps.length, daysOnStep: daysBetween(step.startDate, today) } : null,
    lastLogged: lastTaken ? { mg: lastTaken.total!, date: lastTaken.date } : null,
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
      differences: a.differences.slice(-VIEW.adherenceDifferences)
    },
    appointments: shownAppointments.items.map((x) => ({ id: x.id, date: x.date, time: x.time, provider: x.provider, questions: x.questions, outcome: x.outcome })),
    ...history,
    supply: shownMeds.items.map((medication) => supplyStatus({ medication, changes: supply.changes, doses: supply.doses, steps: supply.steps, today }))
  };
}
