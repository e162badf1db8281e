// Every sidebar request's handler, one map typed by src/webviews/protocol.ts: a missing method, or a result
// of the wrong shape, is a compile error.
import type { Handlers } from './protocol';
import { chartHandlers } from './sidebar/handlers/charts';
import { checkupHandlers } from './sidebar/handlers/checkups';
import { dashboardHandlers } from './dashboard/handlers';
import type { HandlerDeps } from './handlerDeps';
import { entryHandlers } from './sidebar/handlers/entries';
import { sidebarHandlers } from './sidebar/handlers/support';
import { planHandlers } from './sidebar/handlers/plan';

export type { HandlerDeps } from './handlerDeps';

export function webviewHandlers(d: HandlerDeps): Handlers {
  return { ...entryHandlers(d), ...chartHandlers(d), ...checkupHandlers(d), ...planHandlers(d), ...sidebarHandlers(d), ...dashboardHandlers(d) };
}
