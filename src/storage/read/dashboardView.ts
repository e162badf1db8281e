// The dashboard's figures (dist/figures.js) shaped for the page: within its limits, and each
// window's mood as the page reads it.
import type { Dashboard } from '../../core/charts/dashboard';
import { clip, VIEW } from '../../core/limits';
import type { ChangeDay, ChangeDetail } from '../../core/stats/changeDetail';
import type { WindowStat } from '../../core/stats/quantiles';
import { withinViewLimits } from '../../core/charts/chartSeries';
import type { ChangeDetailView, DashboardData, WindowStatView } from '../../webviews/dashboard/protocol';

/** The figures within the panel's limits: the latest changes and steps, the largest differences. */
export function dashboardView(f: Dashboard, today: string): DashboardData {
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

export function changeView(detail: ChangeDetail, unit: string): ChangeDetailView {
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
