// Every panel request's handler, one map typed by src/protocol.ts: a missing method, or a result
// of the wrong shape, is a compile error.
import type { Handlers } from '../../protocol';
import { chartHandlers } from './charts';
import { checkupHandlers } from './checkups';
import { dashboardHandlers } from './dashboard';
import type { HandlerDeps } from './deps';
import { entryHandlers } from './entries';
import { panelWideHandlers } from './panel';
import { planHandlers } from './plan';

export type { HandlerDeps } from './deps';

export function panelHandlers(d: HandlerDeps): Handlers {
  return { ...entryHandlers(d), ...chartHandlers(d), ...checkupHandlers(d), ...planHandlers(d), ...panelWideHandlers(d), ...dashboardHandlers(d) };
}
