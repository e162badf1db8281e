// The dashboard's rows, each table read once: check-ins and life events over its range, and every
// live dose, symptom and taper step (for the dose steps, the days after each change and what goes
// with better days). The timeline is chartSeries() over the same rows the Charts tab reads: every
// live dose, since the dose-day model (core/doseDays.ts) reads the whole log for each day's step.
import type { ChartInput } from '../../core/charts/chartSeries';
import type { CheckIn, Dose, Symptom, TaperStep } from '../../core/schemas';
import type { LocalDate } from '../../core/time';
import { firstChartDate } from './charts';
import { taperSteps } from './plan';
import type { JournalReader } from './reader';

import { LIVE } from '../live';

export interface DashboardRows {
  /** The timeline's rows from `from` to `to`; no symptom strips (the dashboard shows symptoms after each change). */
  chart: ChartInput;
  /** Every live dose, skipped ones included, oldest first. */
  doses: Dose[];
  /** Every live symptom row, oldest first. */
  symptoms: Symptom[];
  steps: TaperStep[];
}

export { firstChartDate };

export function dashboardRows(store: JournalReader, from: LocalDate, to: LocalDate): DashboardRows {
  const doses = store.select('doses', LIVE, [], 'ORDER BY at, created_at');
  return {
    chart: {
      checkins: store.select('checkins', `${LIVE} AND local_date BETWEEN ? AND ?`, [from, to], 'ORDER BY at'),
      doses,
      events: store.select('life_events', `${LIVE} AND local_date BETWEEN ? AND ?`, [from, to], 'ORDER BY at'),
      symptoms: []
    },
    doses,
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
