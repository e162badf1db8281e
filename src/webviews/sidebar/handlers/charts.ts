// The Charts tab: mood, dose, markers, mood by dose level and symptom strips for a range. The
// figures come from core/stats through chartSeries, the same rules the summary uses. Medication
// history as recalled comes alongside, never through chartSeries: it is drawn as a band of its own.
import { chartSeries, withinViewLimits } from '../../../core/charts/chartSeries';
import { VIEW } from '../../../core/limits';
import { addDays, daysBetween } from '../../../core/time';
import { rangeStart } from '../protocol';
import { type Handlers } from '../../protocol';
import { chartRows, firstChartDate } from '../../../storage/read/charts';
import { recalledPeriods } from '../../../storage/read/recalled';
import { recalledWithin, timelineStart } from '../../shared/recalledView';
import type { HandlerDeps } from '../../handlerDeps';

export function chartHandlers(d: Pick<HandlerDeps, 'read' | 'clock' | 'settings'>): Pick<Handlers, 'charts/data'> {
  return {
    'charts/data': async ({ range }) => {
      const store = await d.read();
      const to = d.clock.today();
      const periods = recalledPeriods(store);
      const first = rangeStart(range, to) ?? timelineStart(firstChartDate(store), periods) ?? to;
      // "All" goes back at most VIEW.chartDays days (about 110 years): an entry dated in 1900 must
      // not make the chart too long for the panel.
      const earliest = addDays(to, -(VIEW.chartDays - 1));
      const from = first < earliest ? earliest : first;
      const series = chartSeries(chartRows(store, from, to), from, to, d.settings.unit());
      if (first < earliest) series.omitted = { days: daysBetween(first, earliest) };
      return { ...withinViewLimits(series), ...recalledWithin(periods, from, to, d.settings.medicationName()) };
    }
  };
}
