// The dashboard's rows: the Charts tab's rows over the whole journal (chartQueries, so the timeline
// is drawn from exactly what the Charts tab reads), and every live dose, symptom and taper step for
// the dose steps, the days after each change and what goes with better days.
import type { ChartInput } from '../core/chartSeries';
import type { CheckIn, Dose, Symptom, TaperStep } from '../core/schemas';
import type { LocalDate } from '../core/time';
import { chartRows, firstChartDate } from './chartQueries';
import { taperSteps } from './planQueries';
import type { JournalReader } from './reader';

const LIVE = 'deleted_at IS NULL';

export interface DashboardRows {
  /** The Charts tab's rows from `from` to `to`. */
  chart: ChartInput;
  /** Every live dose, skipped ones included, oldest first. */
  doses: Dose[];
  /** Every live symptom row, oldest first. */
  symptoms: Symptom[];
  steps: TaperStep[];
}

export { firstChartDate };

export function dashboardRows(store: JournalReader, from: LocalDate, to: LocalDate): DashboardRows {
  return {
    chart: chartRows(store, from, to),
    doses: store.select('doses', LIVE, [], 'ORDER BY at, created_at'),
    symptoms: store.select('symptoms', LIVE, [], 'ORDER BY at'),
    steps: taperSteps(store)
  };
}

/** What one change's window needs: check-ins from 14 days before it, and every dose and symptom. */
export function changeRows(store: JournalReader, from: LocalDate): { checkins: CheckIn[]; doses: Dose[]; symptoms: Symptom[] } {
  return {
    checkins: store.select('checkins', `${LIVE} AND local_date >= ?`, [from], 'ORDER BY at'),
    doses: store.select('doses', LIVE, [], 'ORDER BY at, created_at'),
    symptoms: store.select('symptoms', `${LIVE} AND local_date >= ?`, [from], 'ORDER BY at')
  };
}
