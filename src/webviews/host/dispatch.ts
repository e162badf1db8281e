// Answers one panel request from the handler map, and checks the answer against its schema before
// it goes anywhere: a malformed answer is logged by field path and issue code (never the data) and
// the panel gets an error at once instead.
import { VIEW } from '../../core/limits';
import * as z from 'zod/mini';
import { methods, rejectionFields, type Handlers, type HostMessage, type Request } from '../protocol';
import type { Log } from '../../services/log';
import { errorForLog } from '../../services/logSafely';

export async function answer(handlers: Handlers, req: Request, log: Log, malformed: string): Promise<HostMessage> {
  let result: unknown;
  try {
    // The map is typed per method; this one call cannot name which, hence the widening.
    result = await (handlers[req.method] as (params: unknown) => Promise<unknown>)(req.params);
  } catch (e) {
    log.error(`Panel request ${req.method} failed: ${errorForLog(e)}`);
    return { type: 'error', id: req.id, ok: false, message: String((e as Error).message ?? e).slice(0, VIEW.errorMessage) };
  }
  // Encoded as it travels (the dashboard's timeline goes as columns) and checked in that form.
  const checked = z.safeEncode(methods[req.method].result as z.ZodMiniType, result);
  if (!checked.success) {
    log.error(`Panel request ${req.method} produced an answer that does not match its schema (${rejectionFields(checked.error)}); nothing was sent.`);
    return { type: 'error', id: req.id, ok: false, message: malformed };
  }
  return { type: 'response', id: req.id, ok: true, result: checked.data };
}
