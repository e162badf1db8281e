// Read models over the store: the queries the commands, views and status bar need.
import type { Entry } from '../../core/entries';
import { MOOD_MIN } from '../../core/limits';
import { safetyTrigger } from '../../core/safety';
import { TABLE_NAMES, type AnyRow, type CheckIn, type Dose, type RowTypes, type Symptom, type TableName } from '../../core/schemas';
import { doseOffer, type DoseOffer } from '../../core/doseOffer';
import type { LocalDate } from '../../core/time';
import type { RowsByTable } from '../../core/transfer/transfer';
import { LIVE } from '../live';
import { taperSteps } from './plan';
import type { JournalReader } from './reader';

export function latestCheckIn(store: JournalReader): CheckIn | undefined {
  return store.select('checkins', LIVE, [], 'ORDER BY at DESC LIMIT 1')[0];
}

/** The last dose actually taken or changed to; a skipped day does not change "the usual dose". */
export function lastDose(store: JournalReader): Dose | undefined {
  return store.select('doses', `${LIVE} AND status != 'skipped'`, [], 'ORDER BY at DESC LIMIT 1')[0];
}

/** What a check-in's dose step offers today: the step in force, or what is already logged (core/doseOffer.ts). */
export function todaysDoseOffer(store: JournalReader, today: LocalDate, fallback: number | null): DoseOffer {
  return doseOffer({ doses: store.select('doses', LIVE, [], 'ORDER BY at'), steps: taperSteps(store), today, fallback });
}

/** The dose rows of one day, any status, in time order. */
export function dosesOn(store: JournalReader, date: LocalDate): Dose[] {
  return store.select('doses', `${LIVE} AND local_date = ?`, [date], 'ORDER BY at');
}

export function recentEntries(store: JournalReader, limit: number): Entry[] {
  return withDetails(store, store.select('checkins', LIVE, [], `ORDER BY at DESC LIMIT ${Math.max(0, Math.floor(limit))}`));
}

export function entryById(store: JournalReader, id: string): Entry | undefined {
  const checkIn = store.get('checkins', id);
  return checkIn ? withDetails(store, [checkIn], true)[0] : undefined;
}

/** Attaches each check-in's dose and symptoms (live ones, or all when restoring a deleted entry). */
export function withDetails(store: JournalReader, checkIns: CheckIn[], includeDeleted = false): Entry[] {
  if (checkIns.length === 0) return [];
  const ids = checkIns.map((c) => c.id);
  const marks = ids.map(() => '?').join(', ');
  const live = includeDeleted ? '' : ` AND ${LIVE}`;
  const doses = new Map<string, Dose>();
  for (const d of store.select('doses', `checkin_id IN (${marks})${live}`, ids, 'ORDER BY at')) doses.set(d.checkinId ?? '', d);
  const symptoms = new Map<string, Symptom[]>();
  for (const s of store.select('symptoms', `checkin_id IN (${marks})${live}`, ids, 'ORDER BY severity DESC')) {
    const list = symptoms.get(s.checkinId ?? '') ?? [];
    list.push(s);
    symptoms.set(s.checkinId ?? '', list);
  }
  return checkIns.map((checkIn) => ({ checkIn, dose: doses.get(checkIn.id), symptoms: symptoms.get(checkIn.id) ?? [] }));
}

/** Entries of `date` that show the support card: a check-in at the lowest mood, a PHQ-9 with item 9 above 0. */
export function safetyTriggersOn(store: JournalReader, date: LocalDate): number {
  const lowest = store.select('checkins', `${LIVE} AND local_date = ? AND mood <= ?`, [date, MOOD_MIN]).length;
  const item9 = store.select('questionnaires', `${LIVE} AND local_date = ? AND kind = 'phq9'`, [date]).filter((q) => safetyTrigger({ kind: 'phq9', answers: q.answers }) !== undefined).length;
  return lowest + item9;
}

/** Tags used most recently first, for suggestions. */
export function recentTags(store: JournalReader, limit = 10): string[] {
  const seen = new Set<string>();
  for (const c of store.select('checkins', `${LIVE} AND tags != '[]'`, [], 'ORDER BY at DESC LIMIT 200')) {
    for (const t of c.tags) if (seen.size < limit) seen.add(t);
  }
  return [...seen];
}

/** Symptoms the user named themselves, so they can be picked again. */
export function ownSymptoms(store: JournalReader): { key: string; label: string }[] {
  return store
    .query(`SELECT key, max(label) FROM symptoms WHERE ${LIVE} AND key LIKE 'own:%' GROUP BY key ORDER BY max(at) DESC LIMIT 20`)
    .map(([key, label]) => ({ key: String(key), label: String(label) }));
}

/**
 * Every row of every table, for export (which keeps tombstones, so deletions travel too) or, with
 * `liveOnly`, for summaries, which ignore deleted rows anyway.
 */
export function allRows(store: JournalReader, liveOnly = false): RowsByTable {
  const out: { [T in TableName]?: RowTypes[T][] } = {};
  // Export orders rows itself (by id), and the statistics group by date, so no ORDER BY here.
  for (const table of TABLE_NAMES) (out as Record<string, unknown>)[table] = store.select(table, liveOnly ? LIVE : '');
  return out;
}

/** Whether a row id exists in any table, for import de-duplication. */
export function existingRow(store: JournalReader): (table: TableName, id: string) => AnyRow | undefined {
  return (table, id) => store.get(table, id);
}
