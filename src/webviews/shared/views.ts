// What both pages show: an entry and a row of the history, a recalled period, and the timeline's
// chart data (the sidebar's Charts tab and the dashboard's timeline draw the same days).
import * as z from 'zod/mini';
import { DOSE_STATUSES, EVENT_TITLE_MAX, MEDICATION_MAX, MG_MAX, MOOD_MAX, MOOD_MIN, NOTE_MAX, VIEW, RECALL_CERTAINTIES, RECALLED_CONTEXT_MAX, SEVERITY_MAX, SLEEP_MAX, SYMPTOM_KEY_MAX, SYMPTOM_LABEL_MAX, TAGS_MAX, TAG_MAX, UNIT_MAX } from '../../core/limits';
import { str, int, num, date, id, mood, list, count, omitted } from './schemas';

export const doseViewSchema = z.object({ mg: num(0, MG_MAX), unit: str(UNIT_MAX), status: z.enum(DOSE_STATUSES), medication: str(MEDICATION_MAX) });
export const symptomViewSchema = z.object({ key: str(SYMPTOM_KEY_MAX), label: str(SYMPTOM_LABEL_MAX), severity: int(0, SEVERITY_MAX) });
export const entryViewSchema = z.object({
  id,
  at: str(40),
  localDate: date,
  /** Local wall-clock time when the entry was made, "HH:MM". */
  time: str(5),
  mood,
  energy: z.nullable(mood),
  anxiety: z.nullable(mood),
  sleepHours: z.nullable(num(0, SLEEP_MAX)),
  note: str(NOTE_MAX),
  tags: list(str(TAG_MAX), TAGS_MAX),
  dose: z.nullable(doseViewSchema),
  symptoms: list(symptomViewSchema, VIEW.entrySymptoms),
  /** Symptoms past VIEW.entrySymptoms, not sent: the entry cannot be edited in the panel then. */
  symptomsOmitted: z.optional(count)
});
export type EntryView = z.infer<typeof entryViewSchema>;

const moment = { id, at: str(40), localDate: date, time: str(5) };

/** One row of the history: a check-in, a dose logged on its own, a life event or a note. */
export const historyItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('checkin'), entry: entryViewSchema }),
  z.object({ kind: z.literal('dose'), ...moment, dose: doseViewSchema, previousMg: z.nullable(num(0, MG_MAX)) }),
  z.object({ kind: z.literal('event'), ...moment, title: str(EVENT_TITLE_MAX), note: str(NOTE_MAX) }),
  z.object({ kind: z.literal('note'), ...moment, text: str(NOTE_MAX) })
]);
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** A month ("2025-03") or a day ("2025-03-14"), as a recalled date is remembered. */
const monthOrDay = z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/));

/** A period of medication history as recalled: shown as recalled, never counted in a figure. */
export const recalledViewSchema = z.object({
  id,
  medication: str(MEDICATION_MAX),
  startDate: monthOrDay,
  endDate: monthOrDay,
  mg: num(0, MG_MAX),
  context: str(RECALLED_CONTEXT_MAX),
  mood: z.nullable(mood),
  certainty: z.nullable(z.enum(RECALL_CERTAINTIES))
});
export type RecalledView = z.infer<typeof recalledViewSchema>;

/** A recalled period on a timeline: marked by the host, so a page never compares medication names. */
const timelineRecalledSchema = z.extend(recalledViewSchema, {
  /** Of the medication the journal logs (the medication name setting): drawn on its mg axis. Else named, and kept off it. */
  sameMedication: z.boolean()
});
export type TimelineRecalledView = z.infer<typeof timelineRecalledSchema>;

/** Chart input for a date range: one row per local day, plus markers and summaries. */
export const chartDataSchema = z.object({
  from: date,
  to: date,
  days: list(
    z.object({
      date,
      mean: z.nullable(num(MOOD_MIN, MOOD_MAX)),
      min: z.nullable(mood),
      max: z.nullable(mood),
      /** Check-ins that day. */
      n: count,
      /** The dose step in force that day (core/doseDays.ts), for the step line; null before the first dose. */
      dose: z.nullable(num(0, MG_MAX)),
      /** The sum of the day's intakes taken; null when only a skipped dose, or nothing, was logged. */
      taken: z.nullable(num(0, MG_MAX)),
      /** Only a skipped dose was logged that day. */
      skipped: z.boolean(),
      /** The dashboard only: the taper plan's target that day, for the planned step line. */
      planned: z.optional(z.nullable(num(0, MG_MAX))),
      /** The dashboard only: the 7-day rolling median of the daily means (from 3 days with a check-in). */
      median: z.optional(z.nullable(num(MOOD_MIN, MOOD_MAX)))
    }),
    VIEW.chartDays
  ),
  markers: list(z.object({ date, kind: z.enum(['dose-change', 'life-event']), label: str(VIEW.markerLabel) }), VIEW.chartMarkers),
  moodByDose: list(
    z.object({ mg: num(0, MG_MAX), mean: num(0, MOOD_MAX), days: int(0, VIEW.chartDays), sd: z.nullable(num(0, MOOD_MAX)), min: mood, max: mood }),
    VIEW.doseLevels
  ),
  /** Days with a check-in that mood by dose leaves out: no dose taken, another dose that day, before the first dose. */
  moodByDoseLeftOut: z.object({ noDose: count, otherDose: count, beforeFirstDose: count }),
  symptoms: list(z.object({ key: str(SYMPTOM_KEY_MAX), label: str(SYMPTOM_LABEL_MAX), cells: list(z.object({ date, severity: int(0, SEVERITY_MAX) }), VIEW.chartDays) }), VIEW.chartSymptoms),
  unit: str(UNIT_MAX),
  /** Medication history as recalled, drawn as a hatched band of its own (absent: none). */
  recalled: z.optional(list(timelineRecalledSchema, VIEW.recalledPeriods)),
  omitted: omitted('days', 'markers', 'doseLevels', 'symptoms')
});
export type ChartData = z.infer<typeof chartDataSchema>;
