// The Charts tab for a range: its rows, and the chart the tab draws. The figures themselves (daily
// means, the dose-day model, mood by dose) are computed in src/core through chartSeries, by the same
// functions the summary uses. Medication history as recalled comes alongside, never through
// chartSeries: it is drawn as a band of its own.
import { chartSeries, withinViewLimits, type ChartInput } from '../../core/charts/chartSeries';
import { VIEW } from '../../core/limits';
import { rangeStart, type RangeKey } from '../../core/ranges';
import { addDays, daysBetween, type LocalDate } from '../../core/time';
import type { ChartData } from '../../webviews/shared/views';
import { LIVE } from '../live';
import { recalledPeriods } from './recalled';
import { recalledWithin, timelineStart } from './recalledView';
import type { JournalReader, ViewSettings } from './reader';

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

/** The Charts tab's answer for `range`, ending `today`. */
export function chartsData(store: JournalReader, range: RangeKey, today: LocalDate, settings: Pick<ViewSettings, 'unit' | 'medicationName'>): ChartData {
  const periods = recalledPeriods(store);
  const first = rangeStart(range, today) ?? timelineStart(firstChartDate(store), periods) ?? today;
  // "All" goes back at most VIEW.chartDays days (about 110 years): an entry dated in 1900 must
  // not make the chart too long for the panel.
  const earliest = addDays(today, -(VIEW.chartDays - 1));
  const from = first < earliest ? earliest : first;
  const series = chartSeries(chartRows(store, from, today), from, today, settings.unit());
  if (first < earliest) series.omitted = { days: daysBetween(first, earliest) };
  return { ...withinViewLimits(series), ...recalledWithin(periods, from, today, settings.medicationName()) };
}
