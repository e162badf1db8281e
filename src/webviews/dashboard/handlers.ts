// The dashboard: the whole journal's figures (core/dashboard.ts, on the Charts tab's rows), one dose
// change up close, one day's entries, and opening a check-in in the sidebar's form. The read models
// (storage/read/dashboard.ts) finish each answer; the figures come from dist/figures.js, loaded on
// the dashboard's first request.
import type { Handlers } from '../protocol';
import { changeData, dashboardData, dayEntries } from '../../storage/read/dashboard';
import { entryToEdit } from '../../storage/read/journalTab';
import type { HandlerDeps } from '../handlerDeps';

type DashboardMethods = 'dashboard/data' | 'dashboard/change' | 'dashboard/day' | 'dashboard/edit';

/** The dashboard needs the unit and the medication's name of the settings and, of VS Code, only the sidebar's form. */
export type DashboardDeps = Pick<HandlerDeps, 'read' | 'clock' | 't' | 'language' | 'figures'> & { settings: Pick<HandlerDeps['settings'], 'unit' | 'medicationName'>; host: Pick<HandlerDeps['host'], 'editInSidebar'> };

export function dashboardHandlers(d: DashboardDeps): Pick<Handlers, DashboardMethods> {
  return {
    'dashboard/data': async () => dashboardData(await d.read(), d.clock.today(), d.figures(), d.settings),
    'dashboard/change': async ({ date }) => changeData(await d.read(), date, d.clock.today(), d.figures(), d.settings.unit(), d.t, d.language),
    'dashboard/day': async ({ date }) => dayEntries(await d.read(), date, d.settings.unit()),
    'dashboard/edit': async ({ id }) => {
      await d.host.editInSidebar(entryToEdit(await d.read(), id, d.settings.unit(), d.t));
      return null;
    }
  };
}
