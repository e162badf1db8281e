// When to offer the questionnaires and the weekly symptom review. Both are offered sparingly:
// a questionnaire every 14 days by default (its recall period), the review weekly and only while
// a taper plan is active. The status bar mentions each once, on the day it falls due.
import { isDue, QUESTIONNAIRES, type QuestionnaireKind } from './questionnaires';
import type { TaperStep } from './schemas';
import { addDays, daysBetween, type LocalDate } from './time';

export const REVIEW_INTERVAL_DAYS = 7;
/** A plan counts as active until 8 weeks after its last step: symptoms can outlast a cut. */
export const PLAN_ACTIVE_AFTER_LAST_STEP_DAYS = 56;

export function dueQuestionnaires(lastTaken: Partial<Record<QuestionnaireKind, LocalDate>>, today: LocalDate, intervalDays: number): QuestionnaireKind[] {
  return (Object.keys(QUESTIONNAIRES) as QuestionnaireKind[]).filter((k) => isDue(lastTaken[k], today, intervalDays));
}

export function planActive(steps: readonly TaperStep[], today: LocalDate): boolean {
  const live = steps.filter((s) => !s.deletedAt);
  if (live.length === 0) return false;
  const last = live.reduce((a, b) => (b.startDate > a.startDate ? b : a));
  return last.startDate > today || daysBetween(last.startDate, today) <= PLAN_ACTIVE_AFTER_LAST_STEP_DAYS;
}

export function reviewDue(lastReview: LocalDate | undefined, today: LocalDate, steps: readonly TaperStep[]): boolean {
  return planActive(steps, today) && (lastReview === undefined || daysBetween(lastReview, today) >= REVIEW_INTERVAL_DAYS);
}

/**
 * "Mention once": a reminder key (what is due, and since when) is shown only on the first day it
 * is seen. Returns whether to mention it today and the record to keep.
 */
export function mentionOnce(key: string, today: LocalDate, record: { key: string; date: LocalDate } | undefined): { mention: boolean; record: { key: string; date: LocalDate } } {
  if (!record || record.key !== key) return { mention: true, record: { key, date: today } };
  return { mention: record.date === today, record };
}

/** The date a questionnaire next falls due, for display. */
export function nextDue(lastTaken: LocalDate | undefined, today: LocalDate, intervalDays: number): LocalDate {
  return lastTaken === undefined ? today : addDays(lastTaken, Math.max(1, intervalDays));
}
