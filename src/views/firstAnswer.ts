// The dashboard's figures, asked for the moment its panel opens: the host reads and sums up years of
// the journal while the page is still loading, and the page's first request takes that answer
// instead of starting the work only then. Anything that could change the answer before the page
// asks (the journal, the settings, the date) drops it, so the page never shows older figures than a
// fresh request would give.
import type { Handlers, Method, Params, Result } from '../protocol';

/** An event to listen to, as vscode.Event has it (kept structural, so this file needs no vscode). */
export type Subscribe = (listener: () => void) => { dispose(): void };

export interface FirstAnswer {
  /** The handlers, with `method`'s first call answered from the early start when still valid. */
  readonly handlers: Handlers;
  dispose(): void;
}

export function startFirstAnswer<M extends Method>(handlers: Handlers, method: M, params: Params<M>, opts: { invalidatedBy: readonly Subscribe[]; today: () => string }): FirstAnswer {
  const call = handlers[method] as (p: Params<M>) => Promise<Result<M>>;
  const day = opts.today();
  let early: Promise<Result<M>> | undefined = call(params);
  // A failure is reported by the fresh call the page's request then makes, not here.
  early.catch(() => undefined);
  const drop = () => {
    early = undefined;
    for (const s of subscriptions.splice(0)) s.dispose();
  };
  const subscriptions = opts.invalidatedBy.map((event) => event(drop));
  const first = (p: Params<M>): Promise<Result<M>> => {
    const taken = early && opts.today() === day && JSON.stringify(p) === JSON.stringify(params) ? early : undefined;
    drop();
    return taken ? taken.catch(() => call(p)) : call(p);
  };
  return { handlers: { ...handlers, [method]: first }, dispose: drop };
}
