// The dashboard's rows, each table read once: check-ins and life events over its range, and every
// live dose, symptom and taper step (for the dose steps, the days after each change and what goes
// with better days). The timeline is chartSeries() over the same rows the Charts tab reads: every
// live dose, since the dose-day model (core/doseDays.ts) reads the whole log for each day's step.
// And the dashboard's answers, finished: the figures come from dist/figures.js, passed in by the
// caller, so the journal bundle never carries them.
import { chartSeries, type ChartInput } from '../../core/charts/chartSeries';
import type * as dashboardFigures from '../../core/charts/dashboard';
import { formatDate } from '../../core/dates';
import { CHANGE_DAYS_BEFORE, VIEW } from '../../core/limits';
import type { Translate } from '../../core/safety';
import type { CheckIn, Dose, Symptom, TaperStep } from '../../core/schemas';
import type * as changeFigures from '../../core/stats/changeDetail';
import { addDays, daysBetween, type LocalDate } from '../../core/time';
import type { ChangeDetailView, DashboardData } from '../../webviews/dashboard/protocol';
import type { HistoryItem } from '../../webviews/shared/views';
import { LIVE } from '../live';
import { firstChartDate } from './charts';
import { changeView, dashboardView } from './dashboardView';
import { toHistoryItem } from './entryView';
import { historyPage } from './history';
import { taperSteps } from './plan';
import type { JournalReader, ViewSettings } from './reader';
import { recalledPeriods } from './recalled';
import { recalledWithin, timelineStart } from './recalledView';

/** The figures bundle (dist/figures.js), loaded on the dashboard's first request. */
export type Figures = Pick<typeof dashboardFigures, 'dashboard' | 'dashboardFrom'> & Pick<typeof changeFigures, 'changeDetail'>;

export interface DashboardRows {
  /** The timeline's rows from `from` to `to`; no symptom strips (the dashboard shows symptoms after each change). */
  chart: ChartInput;
  /** Every live dose, skipped ones included, oldest first. */
  doses: Dose[];
  /** Every live symptom row, oldest first. */
  symptoms: Symptom[];
  steps: TaperStep[];
}

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

/** The whole journal's figures up to `today`, as the dashboard shows them. */
export function dashboardData(store: JournalReader, today: LocalDate, figures: Figures, settings: Pick<ViewSettings, 'unit' | 'medicationName'>): DashboardData {
  const firstEntry = firstChartDate(store);
  // The timeline also shows medication history as recalled, before the first entry; the
  // figures (changes, steps, associations) count logged days only.
  const periods = recalledPeriods(store);
  const first = figures.dashboardFrom(timelineStart(firstEntry, periods), today);
  // As on the Charts tab, at most VIEW.chartDays days: an entry dated in 1900 must not make it too long.
  const earliest = addDays(today, -(VIEW.chartDays - 1));
  const from = first < earliest ? earliest : first;
  const rows = dashboardRows(store, from, today);
  // The symptom strips stay on the Charts tab; the dashboard shows symptoms after each change.
  const series = chartSeries(rows.chart, from, today, settings.unit());
  if (first < earliest) series.omitted = { days: daysBetween(first, earliest) };
  const loggedFrom = firstEntry && firstEntry > from ? firstEntry : from;
  const found = figures.dashboard({ timeline: series, loggedFrom, checkins: rows.chart.checkins, doses: rows.doses, symptoms: rows.symptoms, lifeEvents: rows.chart.events, steps: rows.steps });
  const view = dashboardView(found, today);
  return { ...view, timeline: { ...view.timeline, ...recalledWithin(periods, from, today, settings.medicationName()) } };
}

/** The dose change that starts on `date`, up close; refused when none does (the journal changed since). */
export function changeData(store: JournalReader, date: LocalDate, today: LocalDate, figures: Figures, unit: string, t: Translate, language = 'en'): ChangeDetailView {
  const detail = figures.changeDetail(changeRows(store, addDays(date, -CHANGE_DAYS_BEFORE)), date, today);
  if (!detail) throw new Error(t('No dose change starts on {0}. The journal may have changed; choose the change again.', formatDate(date, language)));
  return changeView(detail, unit);
}

/** One day's entries, oldest first: a day reads in the order it happened. */
export function dayEntries(store: JournalReader, date: LocalDate, unit: string): { date: LocalDate; total: number; items: HistoryItem[] } {
  const page = historyPage(store, { since: date, until: date, tag: null, symptom: null, search: '', offset: 0, limit: VIEW.dayEntries });
  return { date, total: page.total, items: page.rows.map((row) => toHistoryItem(row, unit)).reverse() };
}
