// An inbox entry → the rows a palette check-in (or Log Dose, Add Note, Log Life Event) would build,
// with the same builders (core/entries), so an imported line follows the same dose-day rules:
// - a line with a mood is one check-in, with its dose, symptoms, tags and note; a second mood the
//   same day is a second check-in, exactly as a second check-in from the palette;
// - "dose 10" is one intake (taken), "dose changed 7.5" a change, "dose skipped" a skipped dose;
//   without a mood the dose is a dose of its own, as Log Dose records it;
// - a note without a mood is a note of its own, or the life event's note on a line with "event:";
// - "event: …" is a life event beside whatever else the line records.
// Pure: the wiring passes the medication, the zone, "now" and the dose a skipped dose names.
import { buildCheckIn, buildLifeEvent, buildNote, buildStandaloneDose, type CheckInInput, type Clock, type DoseInput } from '../entries';
import type { Translate } from '../safety';
import type { Op } from '../schemas';
import { stampOf, type LocalDate, type Stamp } from '../time';
import { offsetText } from './identity';
import { englishWords, makeProblem } from './problems';
import type { InboxEntry, InboxProblem } from './types';

export interface InboxImportContext {
  /** The medication's name, as the palette records it (settings.medicationName()). */
  medication: string;
  /** The zone for stamps of lines written without an offset (the same zone the grammar read them in). */
  zone: string;
  now: number;
  /**
   * The amount a "dose skipped" without one names: the dose in force that day (what the palette's
   * Skipped item shows), or null when nothing is logged or planned.
   */
  skippedMg(date: LocalDate): number | null;
  t?: Translate;
}

/** What the line asks for, as the inputs of the journal actions. */
export type InboxAction =
  | { kind: 'checkIn'; input: CheckInInput & { at: number } }
  | { kind: 'dose'; input: DoseInput & { at: number } }
  | { kind: 'note'; input: { text: string; at: number } }
  | { kind: 'lifeEvent'; input: { title: string; note: string; at: number } };

export type Outcome<T> = ({ ok: true } & T) | { ok: false; problem: InboxProblem };

function skippedProblem(entry: InboxEntry, ctx: InboxImportContext): InboxProblem {
  const example = `${entry.date} ${entry.time}${entry.offset === null ? '' : offsetText(entry.offset)} dose skipped 10`;
  return makeProblem({ line: entry.line, code: 'skipped-amount', args: [entry.date], example, text: '', marked: entry.wasMarked }, ctx.t ?? englishWords);
}

export function inboxActions(entry: InboxEntry, ctx: InboxImportContext): Outcome<{ actions: InboxAction[] }> {
  const at = entry.at;
  let dose: DoseInput | null = null;
  if (entry.dose) {
    const mg = entry.dose.mg ?? ctx.skippedMg(entry.date);
    if (mg === null) return { ok: false, problem: skippedProblem(entry, ctx) };
    dose = { mg, status: entry.dose.status, medication: ctx.medication };
  }
  const actions: InboxAction[] = [];
  if (entry.mood !== null) {
    const input: CheckInInput & { at: number } = { mood: entry.mood, dose, symptoms: entry.symptoms.map((s) => ({ ...s })), tags: [...entry.tags], note: entry.note, at };
    actions.push({ kind: 'checkIn', input });
  } else {
    if (dose) actions.push({ kind: 'dose', input: { ...dose, at } });
    if (entry.note && !entry.event) actions.push({ kind: 'note', input: { text: entry.note, at } });
  }
  if (entry.event) actions.push({ kind: 'lifeEvent', input: { title: entry.event, note: entry.mood === null ? entry.note : '', at } });
  return { ok: true, actions };
}

/** The stamp of the line: its own date and offset when it gives one, else the zone's. */
export function stampOfEntry(entry: InboxEntry, zone: string): Stamp {
  if (entry.offset === null) return stampOf(entry.at, zone);
  return { at: new Date(entry.at).toISOString(), localDate: entry.date, utcOffset: entry.offset };
}

/** The rows of one entry, written as one change (one undo). */
export function inboxOps(entry: InboxEntry, ctx: InboxImportContext): Outcome<{ ops: Op[] }> {
  const planned = inboxActions(entry, ctx);
  if (!planned.ok) return planned;
  const clock: Clock = { now: () => ctx.now, zone: () => ctx.zone };
  const stamp = stampOfEntry(entry, ctx.zone);
  const ops: Op[] = [];
  for (const a of planned.actions) {
    if (a.kind === 'checkIn') ops.push(...buildCheckIn(a.input, clock).ops);
    else if (a.kind === 'dose') ops.push({ table: 'doses', row: buildStandaloneDose(a.input, clock) });
    else if (a.kind === 'note') ops.push({ table: 'notes', row: buildNote(a.input, clock) });
    else ops.push({ table: 'life_events', row: buildLifeEvent(a.input, clock) });
  }
  // The builders stamp in the zone; a line with its own offset keeps its own date and offset.
  return { ok: true, ops: ops.map((op) => ({ table: op.table, row: { ...op.row, ...stamp } }) as Op) };
}
