// The Charts tab: mood, dose, markers, mood by dose level and symptom strips for a range. The
// figures come from core/stats through chartSeries, the same rules the summary uses.
import { chartSeries } from '../../core/chartSeries';
import { rangeStart, type Handlers } from '../../protocol';
import { chartRows, firstChartDate } from '../../storage/chartQueries';
import type { HandlerDeps } from './deps';

export function chartHandlers(d: Pick<HandlerDeps, 'read' | 'clock' | 'settings'>): Pick<Handlers, 'charts/data'> {
  return {
    'charts/data': async ({ range }) => {
      const store = await d.read();
      const to = d.clock.today();
      const from = rangeStart(range, to) ?? firstChartDate(store) ?? to;
      return chartSeries(chartRows(store, from, to), from, to, d.settings.unit());
    }
  };
}
