// The Check-ups tab: PHQ-9 and GAD-7 results and what is due, taking one, and the weekly
// symptom review (saved through the journal actions, the same way as from the palette).
import { dueQuestionnaires, planActive, reviewDue } from '../../../core/checkups';
import { VIEW } from '../../../core/limits';
import { localTimeOfStamp } from '../../../core/time';
import type { Handlers } from '../../protocol';
import { lastReviewDate, lastTakenDates, questionnaireResults } from '../../../storage/read/checkups';
import { taperSteps } from '../../../storage/read/plan';
import type { HandlerDeps } from '../../handlerDeps';

export function checkupHandlers(d: Pick<HandlerDeps, 'read' | 'actions' | 'clock' | 'settings'>): Pick<Handlers, 'checkups/data' | 'checkups/save' | 'review/save'> {
  return {
    'checkups/data': async () => {
      const store = await d.read();
      const today = d.clock.today();
      const intervalDays = d.settings.checkupIntervalDays();
      const due = new Set(dueQuestionnaires(lastTakenDates(store), today, intervalDays));
      const steps = taperSteps(store);
      const lastReview = lastReviewDate(store) ?? null;
      return {
        results: questionnaireResults(store, VIEW.checkupResults).map((q) => ({ id: q.id, date: q.localDate, time: localTimeOfStamp(q), kind: q.kind, total: q.total, band: q.band, answers: q.answers, difficulty: q.difficulty })),
        due: { phq9: due.has('phq9'), gad7: due.has('gad7'), review: d.settings.symptomReviewEnabled() && reviewDue(lastReview ?? undefined, today, steps) },
        planActive: planActive(steps, today),
        intervalDays,
        lastReview
      };
    },
    'checkups/save': async (params) => {
      const { id, total, band } = await d.actions.takeQuestionnaire(params, 'panel');
      return { id, total, band };
    },
    'review/save': async ({ symptoms }) => ({ count: (await d.actions.reviewSymptoms(symptoms)).ids.length })
  };
}
