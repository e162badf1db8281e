// The journal's history as the panel pages through it: check-ins, doses logged on their own, life
// events and notes, newest first, filtered in SQL so years of entries never travel at once.
import type { Entry } from '../../core/entries';
import type { Dose, LifeEvent, Note } from '../../core/schemas';
import type { LocalDate } from '../../core/time';
import { withDetails } from './journal';
import type { JournalReader } from './reader';
import { LIVE, liveIn } from '../live';
import type { SqlValue } from '../tables';

export interface HistoryQuery {
  /** The first day shown, or null for everything. */
  since: LocalDate | null;
  /** The last day shown (null or left out: up to the newest). */
  until?: LocalDate | null;
  tag: string | null;
  symptom: string | null;
  search: string;
  offset: number;
  limit: number;
}

export type HistoryRow =
  | { kind: 'checkin'; entry: Entry }
  | { kind: 'dose'; dose: Dose; previousMg: number | null }
  | { kind: 'event'; event: LifeEvent }
  | { kind: 'note'; note: Note };

/** LIKE pattern for a plain-text search, with the user's % and _ taken literally. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function unionSql(q: HistoryQuery): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = [];
  const since = q.since;
  const until = q.until ?? null;
  const parts: string[] = [];
  const live = (table: string) => {
    let where = liveIn(table);
    if (since) {
      where += ` AND ${table}.local_date >= ?`;
      params.push(since);
    }
    if (until) {
      where += ` AND ${table}.local_date <= ?`;
      params.push(until);
    }
    return where;
  };
  const search = q.search.trim();
  // Check-ins: the only kind that has tags and symptoms.
  let checkins = `SELECT 'checkin' AS kind, id, at FROM checkins WHERE ${live('checkins')}`;
  if (q.tag) {
    checkins += ' AND EXISTS (SELECT 1 FROM json_each(checkins.tags) WHERE json_each.value = ?)';
    params.push(q.tag);
  }
  if (q.symptom) {
    checkins += ` AND EXISTS (SELECT 1 FROM symptoms s WHERE s.checkin_id = checkins.id AND s.key = ? AND ${liveIn('s')} AND s.severity > 0)`;
    params.push(q.symptom);
  }
  if (search) {
    checkins += " AND checkins.note LIKE ? ESCAPE '\\'";
    params.push(likePattern(search));
  }
  parts.push(checkins);
  if (!q.tag && !q.symptom) {
    if (!search) parts.push(`SELECT 'dose' AS kind, id, at FROM doses WHERE ${live('doses')} AND doses.checkin_id IS NULL`);
    let events = `SELECT 'event' AS kind, id, at FROM life_events WHERE ${live('life_events')}`;
    let notes = `SELECT 'note' AS kind, id, at FROM notes WHERE ${live('notes')}`;
    if (search) {
      events += " AND (life_events.title LIKE ? ESCAPE '\\' OR life_events.note LIKE ? ESCAPE '\\')";
      params.push(likePattern(search), likePattern(search));
      notes += " AND notes.text LIKE ? ESCAPE '\\'";
      params.push(likePattern(search));
    }
    parts.push(events, notes);
  }
  return { sql: parts.join(' UNION ALL '), params };
}

export function historyPage(store: JournalReader, q: HistoryQuery): { total: number; rows: HistoryRow[] } {
  const { sql, params } = unionSql(q);
  const total = Number(store.query(`SELECT count(*) FROM (${sql})`, params)[0]?.[0] ?? 0);
  const keys = store.query(`SELECT kind, id FROM (${sql}) ORDER BY at DESC, id LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]);
  const ids = (kind: string) => keys.filter((k) => k[0] === kind).map((k) => String(k[1]));
  const marks = (n: string[]) => n.map(() => '?').join(', ');

  const found = new Map<string, HistoryRow>();
  const checkinIds = ids('checkin');
  if (checkinIds.length) {
    for (const entry of withDetails(store, store.select('checkins', `id IN (${marks(checkinIds)})`, checkinIds))) found.set(entry.checkIn.id, { kind: 'checkin', entry });
  }
  const doseIds = ids('dose');
  if (doseIds.length) {
    for (const dose of store.select('doses', `id IN (${marks(doseIds)})`, doseIds)) found.set(dose.id, { kind: 'dose', dose, previousMg: previousDose(store, dose) });
  }
  const eventIds = ids('event');
  if (eventIds.length) for (const event of store.select('life_events', `id IN (${marks(eventIds)})`, eventIds)) found.set(event.id, { kind: 'event', event });
  const noteIds = ids('note');
  if (noteIds.length) for (const note of store.select('notes', `id IN (${marks(noteIds)})`, noteIds)) found.set(note.id, { kind: 'note', note });

  // Keep the SQL order; a row that failed validation is reported by the store and skipped here.
  const rows = keys.map((k) => found.get(String(k[1]))).filter((r): r is HistoryRow => r !== undefined);
  return { total, rows };
}

/** The dose level before this one, so a change reads "20 → 15 mg". */
function previousDose(store: JournalReader, dose: Dose): number | null {
  const row = store.query(`SELECT mg FROM doses WHERE ${LIVE} AND status != 'skipped' AND at < ? ORDER BY at DESC LIMIT 1`, [dose.at])[0];
  return row ? Number(row[0]) : null;
}

/** Tags and symptom keys in use, for the filter menus. */
export function filterOptions(store: JournalReader): { tags: string[]; symptoms: { key: string; label: string }[] } {
  const tags = store
    .query(`SELECT json_each.value, count(*) AS n FROM checkins, json_each(checkins.tags) WHERE ${liveIn('checkins')} GROUP BY json_each.value ORDER BY n DESC LIMIT 200`)
    .map((r) => String(r[0]));
  const symptoms = store
    .query(`SELECT key, max(label) FROM symptoms WHERE ${LIVE} AND severity > 0 GROUP BY key ORDER BY count(*) DESC LIMIT 100`)
    .map((r) => ({ key: String(r[0]), label: String(r[1]) }));
  return { tags, symptoms };
}
