// The Charts tab's rows for a date range. The figures themselves (daily means, the dose-day model,
// mood by dose) are computed in src/core, by the same functions the summary uses.
import type { ChartInput } from '../../core/charts/chartSeries';
import type { LocalDate } from '../../core/time';
import type { JournalReader } from './reader';

import { LIVE } from '../live';

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
 * Check-ins, life events and each symptom's worst severity per day in range, and every live dose:
 * which step is in force, and whether a day is taken, skipped or not logged, depends on the doses
 * before the range too (core/doseDays.ts).
 */
export function chartRows(store: JournalReader, from: LocalDate, to: LocalDate): ChartInput {
  const symptoms = store
    .query(`SELECT key, max(label), local_date, max(severity) FROM symptoms WHERE ${LIVE} AND local_date BETWEEN ? AND ? GROUP BY key, local_date ORDER BY key, local_date`, [from, to])
    .map(([key, label, date, severity]) => ({ key: String(key), label: String(label), date: String(date), severity: Number(severity) }));
  return {
    checkins: store.select('checkins', `${LIVE} AND local_date BETWEEN ? AND ?`, [from, to], 'ORDER BY at'),
    doses: store.select('doses', LIVE, [], 'ORDER BY at, created_at'),
    events: store.select('life_events', `${LIVE} AND local_date BETWEEN ? AND ?`, [from, to], 'ORDER BY at'),
    symptoms
  };
}
