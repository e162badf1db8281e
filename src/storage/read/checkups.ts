// Questionnaires and symptom reviews: the results, and when each was last done.
import type { QuestionnaireKind } from '../../core/questionnaires';
import type { Questionnaire } from '../../core/schemas';
import type { LocalDate } from '../../core/time';
import type { JournalReader } from './reader';

import { LIVE } from '../live';

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
