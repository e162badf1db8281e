// Questionnaires and symptom reviews: the results, when each was last done, and the Check-ups tab's
// answer (what is due, by the rules in core/checkups.ts).
import { dueQuestionnaires, planActive, reviewDue } from '../../core/checkups';
import { VIEW } from '../../core/limits';
import type { QuestionnaireKind } from '../../core/questionnaires';
import type { Questionnaire } from '../../core/schemas';
import { localTimeOfStamp, type LocalDate } from '../../core/time';
import type { CheckupsData } from '../../webviews/sidebar/protocol';
import { LIVE } from '../live';
import { taperSteps } from './plan';
import type { JournalReader, ViewSettings } from './reader';

/** Every questionnaire, the latest first (at most `limit`). */
export function questionnaireResults(store: JournalReader, limit = 5000): Questionnaire[] {
  return store.select('questionnaires', LIVE, [], `ORDER BY at DESC LIMIT ${Math.max(0, Math.floor(limit))}`);
}

/** The day each questionnaire was last taken. */
export function lastTakenDates(store: JournalReader): Partial<Record<QuestionnaireKind, LocalDate>> {
  const out: Partial<Record<QuestionnaireKind, LocalDate>> = {};
  for (const [kind, date] of store.query(`SELECT kind, max(local_date) FROM questionnaires WHERE ${LIVE} GROUP BY kind`)) out[kind as QuestionnaireKind] = String(date);
  return out;
}

/** The day of the latest weekly symptom review. */
export function lastReviewDate(store: JournalReader): LocalDate | undefined {
  const row = store.query(`SELECT max(local_date) FROM symptoms WHERE ${LIVE} AND source = 'review'`)[0];
  return row?.[0] ? String(row[0]) : undefined;
}

/** The Check-ups tab: the latest results, and which questionnaires and the weekly review are due. */
export function checkupsData(store: JournalReader, today: LocalDate, settings: Pick<ViewSettings, 'checkupIntervalDays' | 'symptomReviewEnabled'>): CheckupsData {
  const intervalDays = settings.checkupIntervalDays();
  const due = new Set(dueQuestionnaires(lastTakenDates(store), today, intervalDays));
  const steps = taperSteps(store);
  const lastReview = lastReviewDate(store) ?? null;
  return {
    results: questionnaireResults(store, VIEW.checkupResults).map((q) => ({ id: q.id, date: q.localDate, time: localTimeOfStamp(q), kind: q.kind, total: q.total, band: q.band, answers: q.answers, difficulty: q.difficulty })),
    due: { phq9: due.has('phq9'), gad7: due.has('gad7'), review: settings.symptomReviewEnabled() && reviewDue(lastReview ?? undefined, today, steps) },
    planActive: planActive(steps, today),
    intervalDays,
    lastReview
  };
}
