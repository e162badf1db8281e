// The dashboard: the whole journal's figures (core/dashboard.ts, on the Charts tab's rows), one dose
// change up close, one day's entries, and opening a check-in in the sidebar's form. The figures come
// from dist/figures.js, loaded on the dashboard's first request.
import type { ChangeDay, ChangeDetail } from '../../core/stats/changeDetail';
import { chartSeries, withinViewLimits } from '../../core/charts/chartSeries';
import type { Dashboard } from '../../core/charts/dashboard';
import { clip, CHANGE_DAYS_BEFORE, VIEW } from '../../core/limits';
import type { WindowStat } from '../../core/stats/quantiles';
import { addDays, daysBetween } from '../../core/time';
import type { ChangeDetailView, DashboardData, WindowStatView } from './protocol';
import type { Handlers } from '../protocol';
import { changeRows, dashboardRows, firstChartDate } from '../../storage/read/dashboard';
import { historyPage } from '../../storage/read/history';
import { recalledPeriods } from '../../storage/read/recalled';
import { entryById } from '../../storage/read/journal';
import { toEntryView, toHistoryItem } from '../sidebar/entryView';
import { recalledWithin, timelineStart } from '../shared/recalledView';
import type { HandlerDeps } from '../handlerDeps';

type DashboardMethods = 'dashboard/data' | 'dashboard/change' | 'dashboard/day' | 'dashboard/edit';

/** The dashboard needs the unit and the medication's name of the settings and, of VS Code, only the sidebar's form. */
export type DashboardDeps = Pick<HandlerDeps, 'read' | 'clock' | 't' | 'figures'> & { settings: Pick<HandlerDeps['settings'], 'unit' | 'medicationName'>; host: Pick<HandlerDeps['host'], 'editInSidebar'> };

export function dashboardHandlers(d: DashboardDeps): Pick<Handlers, DashboardMethods> {
  return {
    'dashboard/data': async () => {
      const store = await d.read();
      const { dashboard, dashboardFrom } = d.figures();
      const today = d.clock.today();
      const firstEntry = firstChartDate(store);
      // The timeline also shows medication history as recalled, before the first entry; the
      // figures (changes, steps, associations) count logged days only.
      const periods = recalledPeriods(store);
      const first = dashboardFrom(timelineStart(firstEntry, periods), today);
      // As on the Charts tab, at most VIEW.chartDays days: an entry dated in 1900 must not make it too long.
      const earliest = addDays(today, -(VIEW.chartDays - 1));
      const from = first < earliest ? earliest : first;
      const rows = dashboardRows(store, from, today);
      const unit = d.settings.unit();
      // The symptom strips stay on the Charts tab; the dashboard shows symptoms after each change.
      const series = chartSeries(rows.chart, from, today, unit);
      if (first < earliest) series.omitted = { days: daysBetween(first, earliest) };
      const loggedFrom = firstEntry && firstEntry > from ? firstEntry : from;
      const figures = dashboard({ timeline: series, loggedFrom, checkins: rows.chart.checkins, doses: rows.doses, symptoms: rows.symptoms, lifeEvents: rows.chart.events, steps: rows.steps });
      const view = dashboardView(figures, today);
      return { ...view, timeline: { ...view.timeline, ...recalledWithin(periods, from, today, d.settings.medicationName()) } };
    },
    'dashboard/change': async ({ date }) => {
      const store = await d.read();
      const detail = d.figures().changeDetail(changeRows(store, addDays(date, -CHANGE_DAYS_BEFORE)), date, d.clock.today());
      if (!detail) throw new Error(d.t('No dose change starts on {0}. The journal may have changed; choose the change again.', date));
      return changeView(detail, d.settings.unit());
    },
    'dashboard/day': async ({ date }) => {
      const page = historyPage(await d.read(), { since: date, until: date, tag: null, symptom: null, search: '', offset: 0, limit: VIEW.dayEntries });
      // Oldest first: a day reads in the order it happened.
      return { date, total: page.total, items: page.rows.map((row) => toHistoryItem(row, d.settings.unit())).reverse() };
    },
    'dashboard/edit': async ({ id }) => {
      const entry = entryById(await d.read(), id);
      if (!entry || entry.checkIn.deletedAt) throw new Error(d.t('That check-in is no longer in the journal.'));
      if (entry.symptoms.length > VIEW.entrySymptoms) {
        throw new Error(d.t('This entry has {0} symptoms, more than the panel can show ({1}), so it cannot be edited here. It was left as it is.', entry.symptoms.length, VIEW.entrySymptoms));
      }
      await d.host.editInSidebar(toEntryView(entry, d.settings.unit()));
      return null;
    }
  };
}

/** The figures within the panel's limits: the latest changes and steps, the largest differences. */
function dashboardView(f: Dashboard, today: string): DashboardData {
  const timeline = withinViewLimits(f.timeline);
  const omitted: NonNullable<DashboardData['omitted']> = {};
  const latest = <T>(items: readonly T[], max: number, key: 'changes' | 'steps') => {
    if (items.length <= max) return [...items];
    omitted[key] = items.length - max;
    return items.slice(-max);
  };
  const associations = clip(f.associations, VIEW.associations);
  if (associations.omitted) omitted.associations = associations.omitted;
  return {
    today,
    timeline,
    changes: latest(f.changes, VIEW.chartMarkers, 'changes').map((c) => ({ ...c })),
    steps: latest(f.steps, VIEW.dashboardSteps, 'steps').map((s) => ({
      mg: s.mg,
      from: s.from,
      to: s.to,
      days: s.days,
      startedOn: s.startedOn,
      startBy: s.startBy,
      daysWithCheckIn: s.daysWithCheckIn,
      mood: stat(s.mood),
      mean: s.mean,
      sd: s.sd,
      lowestWeek: s.lowestWeek ? { ...s.lowestWeek } : null,
      early: s.early ? { stat: stat(s.early.stat), firstDay: s.early.firstDay, lastDay: s.early.lastDay } : null,
      late: s.late ? { stat: stat(s.late.stat), firstDay: s.late.firstDay, lastDay: s.late.lastDay } : null,
      symptomDays: s.symptomDays,
      skippedDays: s.skippedDays,
      notLoggedDays: s.notLoggedDays,
      lifeEvents: s.lifeEvents
    })),
    associations: associations.items.map((a) => ({ ...a })),
    ...(Object.keys(omitted).length ? { omitted } : {})
  };
}

function changeView(detail: ChangeDetail, unit: string): ChangeDetailView {
  const w = detail.window;
  const day = (x: ChangeDay) => ({ day: x.day, date: x.date, mean: x.mean, min: x.min, max: x.max, n: x.n, skipped: x.skipped, dose: x.dose });
  const symptoms = clip(w.symptoms, VIEW.chartSymptoms);
  return {
    change: { ...w.change },
    unit,
    endDay: w.endDay,
    endReason: w.endReason,
    days: detail.days.map(day),
    before: { from: detail.before.from, to: detail.before.to, days: detail.before.days.map(day), mood: stat(detail.before.mood), earlierChange: detail.before.earlierChange },
    early: stat(w.early),
    late: w.late ? stat(w.late) : null,
    earlyLastDay: w.earlyLastDay,
    symptoms: symptoms.items.map((s) => ({
      key: s.key,
      label: s.label,
      severities: s.severities,
      onsetDay: s.onsetDay,
      peakDay: s.peakDay,
      peak: s.peak,
      lastDay: s.lastDay,
      daysLogged: s.daysLogged,
      loggedBefore: s.loggedBefore
    })),
    ...(symptoms.omitted ? { omitted: { symptoms: symptoms.omitted } } : {})
  };
}

function stat(w: WindowStat): WindowStatView {
  return w.tooFew ? { n: w.n, tooFew: true } : { n: w.n, tooFew: false, q1: w.q1, median: w.median, q3: w.q3 };
}
