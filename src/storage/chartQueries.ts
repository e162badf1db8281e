// The Charts tab's rows for a date range. The figures themselves (daily means, dose levels carried
// forward, mood by dose) are computed by src/core/stats.ts, the same functions the summary uses.
import type { ChartInput } from '../core/chartSeries';
import type { LocalDate } from '../core/time';
import type { JournalReader } from './reader';

const LIVE = 'deleted_at IS NULL';

/** The earliest day with a check-in, a dose or a symptom, or undefined for an empty journal. */
export function firstChartDate(store: JournalReader): LocalDate | undefined {
  const row = store.query(
    `SELECT min(d) FROM (SELECT min(local_date) AS d FROM checkins WHERE ${LIVE}
       UNION ALL SELECT min(local_date) FROM doses WHERE ${LIVE}
       UNION ALL SELECT min(local_date) FROM symptoms WHERE ${LIVE})`
  )[0];
  return row && row[0] ? String(row[0]) : undefined;
}

/**
 * Check-ins, life events and each symptom's worst severity per day in range; doses taken or changed
 * to in range, plus those of the last day with one before it, so levelsByDay can carry the level
 * in force when the range begins.
 */
export function chartRows(store: JournalReader, from: LocalDate, to: LocalDate): ChartInput {
  const taken = `${LIVE} AND status != 'skipped'`;
  const symptoms = store
    .query(`SELECT key, max(label), local_date, max(severity) FROM symptoms WHERE ${LIVE} AND local_date BETWEEN ? AND ? GROUP BY key, local_date ORDER BY key, local_date`, [from, to])
    .map(([key, label, date, severity]) => ({ key: String(key), label: String(label), date: String(date), severity: Number(severity) }));
  return {
    checkins: store.select('checkins', `${LIVE} AND local_date BETWEEN ? AND ?`, [from, to], 'ORDER BY at'),
    doses: store.select(
      'doses',
      `${taken} AND (local_date BETWEEN ? AND ? OR local_date = (SELECT max(local_date) FROM doses WHERE ${taken} AND local_date < ?))`,
      [from, to, from],
      'ORDER BY at, created_at'
    ),
    events: store.select('life_events', `${LIVE} AND local_date BETWEEN ? AND ?`, [from, to], 'ORDER BY at'),
    symptoms
  };
}
