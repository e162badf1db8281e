// The Charts tab: mood, dose, markers, mood by dose level and symptom strips for a range. The
// figures come from core/stats through chartSeries, the same rules the summary uses.
import { chartSeries } from '../../core/chartSeries';
import { addDays } from '../../core/time';
import { RANGE_DAYS, type Handlers } from '../../protocol';
import { chartRows, firstChartDate } from '../../storage/chartQueries';
import type { HandlerDeps } from './deps';

export function chartHandlers(d: Pick<HandlerDeps, 'read' | 'clock' | 'settings'>): Pick<Handlers, 'charts/data'> {
  return {
    'charts/data': async ({ range }) => {
      const store = await d.read();
      const to = d.clock.today();
      const days = RANGE_DAYS[range];
      const from = days === null ? (firstChartDate(store) ?? to) : addDays(to, -(days - 1));
      return chartSeries(chartRows(store, from, to), from, to, d.settings.unit());
    }
  };
}
