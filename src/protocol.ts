// Every message between the extension host and the journal panel, as zod schemas. Both sides
// import this file and validate what arrives; anything else is rejected and logged.
//
// The panel sends requests with an id; the host answers each with a response carrying the same id
// (ok + result, or an error). The host also pushes events (e.g. "the journal changed").
// zod/mini keeps the panel bundle small; the schemas are the same ones on both sides.
import * as z from 'zod/mini';
import { DOSE_STATUSES, MG_MAX, MOOD_MAX, MOOD_MIN, NOTE_MAX, TAGS_MAX, TAG_MAX } from './core/limits';

const str = (max: number) => z.string().check(z.maxLength(max));
const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const mood = int(MOOD_MIN, MOOD_MAX);

export const doseViewSchema = z.object({
  mg: z.number().check(z.minimum(0), z.maximum(MG_MAX)),
  unit: str(12),
  status: z.enum(DOSE_STATUSES),
  medication: str(80)
});

export const entryViewSchema = z.object({
  id: str(64),
  at: str(40),
  localDate: str(10),
  /** Local wall-clock time when the entry was made, "HH:MM". */
  time: str(5),
  mood,
  energy: z.nullable(mood),
  anxiety: z.nullable(mood),
  sleepHours: z.nullable(z.number().check(z.minimum(0), z.maximum(24))),
  note: str(NOTE_MAX),
  tags: z.array(str(TAG_MAX)).check(z.maxLength(TAGS_MAX)),
  dose: z.nullable(doseViewSchema),
  symptoms: z.array(z.object({ key: str(60), label: str(80), severity: int(0, 3) })).check(z.maxLength(60))
});
export type EntryView = z.infer<typeof entryViewSchema>;

/** Palette commands the panel may ask the host to run (never arbitrary command ids). */
export const PANEL_COMMANDS = ['checkIn'] as const;

/** Requests: method name → schema of its params and of its result. */
export const methods = {
  'entries/recent': {
    params: z.object({ limit: int(1, 500) }),
    result: z.array(entryViewSchema)
  },
  'command/run': {
    params: z.object({ command: z.enum(PANEL_COMMANDS) }),
    result: z.null()
  }
} as const;

export type Method = keyof typeof methods;
export type Params<M extends Method> = z.infer<(typeof methods)[M]['params']>;
export type Result<M extends Method> = z.infer<(typeof methods)[M]['result']>;

const requestId = int(0, Number.MAX_SAFE_INTEGER);

function requestOf<M extends Method, P extends (typeof methods)[M]['params']>(method: M, params: P) {
  return z.object({ type: z.literal('request'), id: requestId, method: z.literal(method), params });
}

const requestSchema = z.discriminatedUnion('method', [
  requestOf('entries/recent', methods['entries/recent'].params),
  requestOf('command/run', methods['command/run'].params)
]);
export type Request = z.infer<typeof requestSchema>;

/** Panel → host. */
export const webviewMessageSchema = z.union([
  z.object({ type: z.literal('ready') }),
  /** The text of the rows the panel just drew: lets tests in a real VS Code see what the user sees. */
  z.object({ type: z.literal('rendered'), rows: z.array(str(2000)).check(z.maxLength(200)) }),
  requestSchema
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

export const hostEventSchema = z.discriminatedUnion('kind', [
  /** Rows changed (from the palette, the panel, another window or an undo): reload what is shown. */
  z.object({ kind: z.literal('changed') })
]);
export type HostEvent = z.infer<typeof hostEventSchema>;

/** Host → panel. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    /** The l10n bundle for the display language, or null for English. */
    l10n: z.nullable(z.record(z.string(), z.string()))
  }),
  z.object({ type: z.literal('response'), id: requestId, ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal('error'), id: requestId, ok: z.literal(false), message: str(2000) }),
  z.object({ type: z.literal('event'), event: hostEventSchema })
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** A short reason for the log when a message is rejected. */
export function rejectionReason(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'message'}: ${i.code}${i.message ? ` (${i.message})` : ''}`)
    .join('; ');
}
