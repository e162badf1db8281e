// The Plan tab's answer: the taper plan the user and their prescriber agreed on, how the logged doses
// compare with it (stated neutrally, core/stats/doses.ts), medications, appointments, medication
// history as recalled and the tablet supply. It records the plan; it never proposes one.
import { clip, VIEW } from '../../core/limits';
import { formatDate } from '../../core/dates';
import { allOverlapMessages } from '../../core/recalled';
import type { Translate } from '../../core/safety';
import type { TaperStep } from '../../core/schemas';
import { doseRecord } from '../../core/stats/doseDays';
import { adherence, daysSinceLastChange } from '../../core/stats/doses';
import { supplyStatus } from '../../core/supply';
import { currentStep } from '../../core/taper';
import { addDays, daysBetween, firstDayOf, lastDayOf, type LocalDate } from '../../core/time';
import type { PlanData } from '../../webviews/sidebar/protocol';
import { appointments } from './appointments';
import { planRows } from './plan';
import type { JournalReader, ViewSettings } from './reader';
import { dosesBetween, recalledPeriods } from './recalled';
import { toRecalledView } from './recalledView';
import { supplyRows } from './supply';

/** Without a plan, adherence looks back this many days. */
const LOOK_BACK_DAYS = 30;

/** "Before the journal": the periods as recalled, and each overlap named once. */
function historyData(store: JournalReader, unit: string, t: Translate, language: string): Pick<PlanData, 'history' | 'overlaps'> & { omitted: number } {
  const periods = recalledPeriods(store);
  const shown = clip(periods, VIEW.recalledPeriods);
  const first = periods.length ? firstDayOf(periods[0].startDate) : undefined;
  const last = periods.reduce((a, p) => (lastDayOf(p.endDate) > a ? lastDayOf(p.endDate) : a), '');
  const doses = first ? dosesBetween(store, first, last) : [];
  return { history: shown.items.map(toRecalledView), overlaps: allOverlapMessages(shown.items, doses, unit, t, language, (date) => formatDate(date, language)).slice(0, VIEW.recalledPeriods), omitted: shown.omitted };
}

/** The Plan tab as of `today`, within the panel's limits (what is left off is counted in `omitted`). */
export function planData(store: JournalReader, today: LocalDate, settings: Pick<ViewSettings, 'unit'>, t: Translate, language = 'en'): PlanData {
  const unit = settings.unit();
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
  const { omitted: historyOmitted, ...history } = historyData(store, unit, t, language);
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
