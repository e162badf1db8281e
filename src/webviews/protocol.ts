// The envelope every webview message travels in, and the one method table of both pages. A page
// sends requests with an id; the host answers each with a response carrying the same id (ok +
// result, or an error), and the page gives up after a timeout. The host also pushes events (the
// journal changed, a section to show), but only after the page has said it is ready. Both sides
// validate what arrives against these schemas; anything else is rejected (a request is answered at
// once). Each page's own schemas are in sidebar/protocol.ts and dashboard/protocol.ts.
// zod/mini keeps the page bundles small; the schemas are the same ones on both sides.
import * as z from 'zod/mini';
import { VIEW } from '../core/limits';
import { TABLE_NAMES } from '../core/tableNames';
import { dashboardMethods } from './dashboard/protocol';
import { count, list, str } from './shared/schemas';
import { entryViewSchema } from './shared/views';
import { SIDEBAR_SECTIONS, sidebarMethods } from './sidebar/protocol';

/** Why the journal changed: a write here, rows from elsewhere, a restore, or the journal (re)opening. */
export const JOURNAL_CHANGE_REASONS = ['write', 'sync', 'restore', 'open'] as const;
export type JournalChangeReason = (typeof JOURNAL_CHANGE_REASONS)[number];

/** Requests: method name → schema of its params and of its result, for both pages. */
export const methods = { ...sidebarMethods, ...dashboardMethods } as const;

export type Method = keyof typeof methods;
export type Params<M extends Method> = z.infer<(typeof methods)[M]['params']>;
export type Result<M extends Method> = z.infer<(typeof methods)[M]['result']>;

/** The host's answer to every method: one handler each, typed end to end. */
export type Handlers = { [M in Method]: (params: Params<M>) => Promise<Result<M>> };

const requestId = count;

/** A request for one method, with its params. */
export type Request = { [M in Method]: { type: 'request'; id: number; method: M; params: Params<M> } }[Method];

function requestOf<M extends Method>(method: M) {
  return z.object({ type: z.literal('request'), id: requestId, method: z.literal(method), params: methods[method].params });
}

type RequestSchema = ReturnType<typeof requestOf<Method>>;

/** One request shape per entry of `methods`, told apart by the method name. */
const requestSchema = z.discriminatedUnion('method', (Object.keys(methods) as Method[]).map(requestOf) as [RequestSchema, ...RequestSchema[]]);

/** Panel → host. `rendered` (the text of the rows just drawn) is sent only when the host runs tests. */
export type WebviewMessage = { type: 'ready' } | { type: 'rendered'; rows: string[] } | Request;

export const webviewMessageSchema = z.union([
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('rendered'), rows: list(str(2000), 200) }),
  requestSchema
]) as unknown as z.ZodMiniType<WebviewMessage>;

// ---- What the host pushes ------------------------------------------------------------------

export const hostEventSchema = z.discriminatedUnion('kind', [
  /** Rows changed (a write, another window or machine, a restore, the journal opening): reload what shows those tables. */
  z.object({ kind: z.literal('changed'), tables: list(z.enum(TABLE_NAMES), TABLE_NAMES.length), reason: z.enum(JOURNAL_CHANGE_REASONS) }),
  /** Settings or the support card changed: ask for the panel context again. */
  z.object({ kind: z.literal('context') }),
  /** A command asked to show a part of the panel. */
  z.object({ kind: z.literal('show'), section: z.enum(SIDEBAR_SECTIONS) }),
  /** The dashboard asked to edit a check-in: the panel opens it in its entry form. */
  z.object({ kind: z.literal('edit'), entry: entryViewSchema })
]);
export type HostEvent = z.infer<typeof hostEventSchema>;

/** Host → panel. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    /** The l10n bundle for the display language, or null for English. */
    l10n: z.nullable(z.record(z.string(), z.string())),
    /** True only while the extension runs its tests: the panel then reports what it drew. */
    testMode: z.boolean()
  }),
  z.object({ type: z.literal('response'), id: requestId, ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal('error'), id: requestId, ok: z.literal(false), message: str(VIEW.errorMessage) }),
  z.object({ type: z.literal('event'), event: hostEventSchema })
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** A short reason for a rejected message: each field and what was wrong with it. */
export function rejectionReason(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'message'}: ${i.code}${i.message ? ` (${i.message})` : ''}`)
    .join('; ');
}

/**
 * The same for the host's persisted log: field paths and issue codes only. A message (even zod's own)
 * may quote a value, and values here are health data. Array positions are kept; record keys are not.
 */
export function rejectionFields(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map((p) => (typeof p === 'number' || /^[A-Za-z][\w/]{0,40}$/.test(String(p)) ? String(p) : '?')).join('.') || 'message'}: ${i.code}`)
    .join('; ');
}

/**
 * The answer to a message that failed validation, when it is recognisably a request (it has an id):
 * an error naming the fields, sent at once so the panel does not wait for its timeout.
 */
export function rejectedRequestReply(raw: unknown, error: z.core.$ZodError, message: (reason: string) => string): HostMessage | undefined {
  const r = raw as { type?: unknown; id?: unknown } | null;
  if (!r || typeof r !== 'object' || r.type !== 'request' || !Number.isSafeInteger(r.id) || (r.id as number) < 0) return undefined;
  return { type: 'error', id: r.id as number, ok: false, message: message(rejectionReason(error)).slice(0, VIEW.errorMessage) };
}
