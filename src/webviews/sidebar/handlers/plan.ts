// The Plan tab: its answer, finished by the read model (storage/read/planTab.ts), and saving the
// plan, medications, appointments, recalled history and the tablet supply through the journal
// actions. It records the plan; it never proposes one.
import { beforeEarliestYear } from '../../../core/transfer/checks';
import { EARLIEST_YEAR, VIEW } from '../../../core/limits';
import type { Handlers } from '../../protocol';
import { planData } from '../../../storage/read/planTab';
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

export function planHandlers(d: Pick<HandlerDeps, 'read' | 'actions' | 'clock' | 'settings' | 't' | 'language'>): Pick<Handlers, PlanMethods> {
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
    'plan/data': async () => planData(await d.read(), d.clock.today(), d.settings, d.t, d.language),
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
