// The Charts tab: mood, dose, markers, mood by dose level and symptom strips for a range, finished
// by the read model (storage/read/charts.ts).
import { type Handlers } from '../../protocol';
import { chartsData } from '../../../storage/read/charts';
import type { HandlerDeps } from '../../handlerDeps';

export function chartHandlers(d: Pick<HandlerDeps, 'read' | 'clock' | 'settings'>): Pick<Handlers, 'charts/data'> {
  return {
    'charts/data': async ({ range }) => chartsData(await d.read(), range, d.clock.today(), d.settings)
  };
}
