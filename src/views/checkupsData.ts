// The Check-ups tab's data: every questionnaire result, what is due, and the review state.
import { dueQuestionnaires, reviewDue, planActive } from '../core/checkups';
import { PANEL } from '../core/limits';
import type { QuestionnaireKind } from '../core/questionnaires';
import { localTimeOfStamp } from '../core/time';
import type { CheckupsData } from '../protocol';
import { lastReviewDate, lastTakenDates } from '../services/checkupReminders';
import { taperSteps } from '../storage/journalQueries';
import type { JournalStore } from '../storage/journalStore';

export function checkupsData(store: JournalStore, today: string, intervalDays: number, reviewEnabled: boolean): CheckupsData {
  const results = store.select('questionnaires', 'deleted_at IS NULL', [], `ORDER BY at DESC LIMIT ${PANEL.checkupResults}`).map((q) => ({
    id: q.id,
    date: q.localDate,
    time: localTimeOfStamp(q),
    kind: q.kind,
    total: q.total,
    band: q.band,
    answers: q.answers,
    difficulty: q.difficulty
  }));
  const due = new Set<QuestionnaireKind>(dueQuestionnaires(lastTakenDates(store), today, intervalDays));
  const steps = taperSteps(store);
  const lastReview = lastReviewDate(store) ?? null;
  return {
    results,
    due: { phq9: due.has('phq9'), gad7: due.has('gad7'), review: reviewEnabled && reviewDue(lastReview ?? undefined, today, steps) },
    planActive: planActive(steps, today),
    intervalDays,
    lastReview
  };
}
