// Every message between the extension host and the journal panel, as zod schemas. Both sides
// import this file and validate what arrives; anything else is rejected (and answered at once, when
// it is a request). The list and text limits come from core/limits.ts: the host clips to the same
// limits before it posts, so data the journal allows never makes the panel reject a message.
//
// The panel sends requests with an id; the host answers each with a response carrying the same id
// (ok + result, or an error), and the panel gives up after a timeout. The host also pushes events
// (e.g. "the journal changed"), but only after the panel has said it is ready.
// zod/mini keeps the panel bundle small; the schemas are the same ones on both sides.
import * as z from 'zod/mini';
import {
  CHANGE_DAYS_BEFORE,
  CHANGE_LAST_DAY,
  DOSE_STATUSES,
  EVENT_TITLE_MAX,
  FORM_MAX,
  HHMM,
  MEDICATION_MAX,
  MG_MAX,
  MOOD_LABEL_MAX,
  MOOD_MAX,
  MOOD_MIN,
  NOTE_MAX,
  PANEL,
  PROVIDER_MAX,
  QUESTIONS_MAX,
  QUESTION_MAX,
  RECALL_CERTAINTIES,
  RECALLED_CONTEXT_MAX,
  SEVERITY_MAX,
  SLEEP_MAX,
  STEP_NOTE_MAX,
  SUPPORT_CONTACT_MAX,
  SUPPORT_LINES_MAX,
  SUPPORT_LINK_MAX,
  SUPPORT_NAME_MAX,
  SUPPLY_KINDS,
  SYMPTOM_KEY_MAX,
  SYMPTOM_LABEL_MAX,
  TABLETS_MAX,
  TABLET_SPLITS,
  TAGS_MAX,
  TAG_MAX,
  UNIT_MAX
} from '../core/limits';
import { addDays, datesIn, daysBetween, type LocalDate } from '../core/time';

const str = (max: number) => z.string().check(z.maxLength(max));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const num = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const clock = z.string().check(z.regex(HHMM));
const id = str(64);
const mood = int(MOOD_MIN, MOOD_MAX);
const list = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
/** A count of days or rows: any size the journal can hold (a step dated in 1900 is still valid). */
const count = int(0, Number.MAX_SAFE_INTEGER);

// ---- What the panel shows ------------------------------------------------------------------

export const doseViewSchema = z.object({ mg: num(0, MG_MAX), unit: str(UNIT_MAX), status: z.enum(DOSE_STATUSES), medication: str(MEDICATION_MAX) });
export const symptomViewSchema = z.object({ key: str(SYMPTOM_KEY_MAX), label: str(SYMPTOM_LABEL_MAX), severity: int(0, SEVERITY_MAX) });
/** How many of each list the host left out to stay within these limits (the panel says so). */
const omitted = <K extends string>(...keys: K[]) => z.optional(z.partialRecord(z.enum(keys), count));

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
  symptoms: list(symptomViewSchema, PANEL.entrySymptoms),
  /** Symptoms past PANEL.entrySymptoms, not sent: the entry cannot be edited in the panel then. */
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

export const RANGES = ['7', '30', '90', '365', 'all'] as const;
export type RangeKey = (typeof RANGES)[number];

/** Days each range covers, ending today; null for the whole journal. */
export const RANGE_DAYS: Record<RangeKey, number | null> = { '7': 7, '30': 30, '90': 90, '365': 365, all: null };

/** The first day of a range that ends `today`; null for the whole journal. */
export function rangeStart(range: RangeKey, today: LocalDate): LocalDate | null {
  const days = RANGE_DAYS[range];
  return days === null ? null : addDays(today, -(days - 1));
}

export const historyFilterSchema = z.object({
  range: z.enum(RANGES),
  tag: z.nullable(str(TAG_MAX)),
  symptom: z.nullable(str(SYMPTOM_KEY_MAX)),
  search: str(200)
});
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

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
    PANEL.chartDays
  ),
  markers: list(z.object({ date, kind: z.enum(['dose-change', 'life-event']), label: str(PANEL.markerLabel) }), PANEL.chartMarkers),
  moodByDose: list(
    z.object({ mg: num(0, MG_MAX), mean: num(0, MOOD_MAX), days: int(0, PANEL.chartDays), sd: z.nullable(num(0, MOOD_MAX)), min: mood, max: mood }),
    PANEL.doseLevels
  ),
  /** Days with a check-in that mood by dose leaves out: no dose taken, another dose that day, before the first dose. */
  moodByDoseLeftOut: z.object({ noDose: count, otherDose: count, beforeFirstDose: count }),
  symptoms: list(z.object({ key: str(SYMPTOM_KEY_MAX), label: str(SYMPTOM_LABEL_MAX), cells: list(z.object({ date, severity: int(0, SEVERITY_MAX) }), PANEL.chartDays) }), PANEL.chartSymptoms),
  unit: str(UNIT_MAX),
  /** Medication history as recalled, drawn as a hatched band of its own (absent: none). */
  recalled: z.optional(list(timelineRecalledSchema, PANEL.recalledPeriods)),
  omitted: omitted('days', 'markers', 'doseLevels', 'symptoms')
});
export type ChartData = z.infer<typeof chartDataSchema>;

export const supportResourceSchema = z.object({ name: str(SUPPORT_NAME_MAX), contact: str(SUPPORT_CONTACT_MAX), link: str(SUPPORT_LINK_MAX) });

/** What the entry form needs to know: defaults and choices. */
export const panelContextSchema = z.object({
  /** Support lines (from settings) and whether the calm support card is showing today. */
  support: z.object({ resources: list(supportResourceSchema, SUPPORT_LINES_MAX), card: z.boolean() }),
  today: date,
  medication: str(MEDICATION_MAX),
  unit: str(UNIT_MAX),
  /** What the form prefills as taken; null once today's dose is logged (see loggedToday). */
  offeredDose: z.nullable(num(0, MG_MAX)),
  /** The step in force. */
  lastDose: z.nullable(num(0, MG_MAX)),
  /** Today's dose rows, oldest first; absent or empty: none yet, so the form offers the dose. */
  loggedToday: z.optional(list(z.object({ mg: num(0, MG_MAX), status: z.enum(DOSE_STATUSES), time: clock }), PANEL.todayDoses)),
  moodLabels: list(str(MOOD_LABEL_MAX), 10),
  symptomCatalog: list(z.object({ key: str(SYMPTOM_KEY_MAX), label: str(SYMPTOM_LABEL_MAX), group: str(40) }), PANEL.symptomCatalog),
  tags: list(str(TAG_MAX), PANEL.tags)
});
export type PanelContext = z.infer<typeof panelContextSchema>;

// ---- What the dashboard shows ----------------------------------------------------------------

const moodValue = num(MOOD_MIN, MOOD_MAX);

/** Mood over a window of days: its n, and the median with its IQR from 3 days with a check-in. */
const windowStatSchema = z.union([
  z.object({ n: count, tooFew: z.literal(true) }),
  z.object({ n: count, tooFew: z.literal(false), q1: moodValue, median: moodValue, q3: moodValue })
]);
export type WindowStatView = z.infer<typeof windowStatSchema>;

const doseChangeSchema = z.object({ date, fromMg: num(0, MG_MAX), toMg: num(0, MG_MAX), recorded: z.boolean() });
export type DoseChangeView = z.infer<typeof doseChangeSchema>;

/** Mood over part of a step, and which of the step's days it covers. */
const stepWindowSchema = z.nullable(z.object({ stat: windowStatSchema, firstDay: count, lastDay: count }));

export const doseStepViewSchema = z.object({
  /** The step's level; null before any dose was logged. */
  mg: z.nullable(num(0, MG_MAX)),
  from: date,
  to: date,
  days: count,
  /** Day 0 when the log shows it; else the step began on or before `startBy`. */
  startedOn: z.nullable(date),
  startBy: z.nullable(date),
  daysWithCheckIn: count,
  mood: windowStatSchema,
  mean: z.nullable(moodValue),
  sd: z.nullable(num(0, MOOD_MAX)),
  lowestWeek: z.nullable(z.object({ median: moodValue, date })),
  early: stepWindowSchema,
  late: stepWindowSchema,
  symptomDays: count,
  skippedDays: count,
  notLoggedDays: count,
  lifeEvents: count
});
export type DoseStepView = z.infer<typeof doseStepViewSchema>;

export const associationViewSchema = z.object({
  kind: z.enum(['tag', 'symptom']),
  key: str(Math.max(TAG_MAX, SYMPTOM_KEY_MAX)),
  label: str(Math.max(TAG_MAX, SYMPTOM_LABEL_MAX)),
  withMean: moodValue,
  withDays: count,
  otherMean: moodValue,
  otherDays: count,
  difference: num(MOOD_MIN - MOOD_MAX, MOOD_MAX - MOOD_MIN)
});
export type AssociationView = z.infer<typeof associationViewSchema>;

/** The dashboard's timeline: the Charts tab's data, with the planned dose and the rolling median on each day. */
export type DashboardTimeline = ChartData;

/**
 * One value a day, checked in one loop with the same bounds as the per-day objects: a zod check
 * per value cost more than drawing the chart (five years are 13k values).
 */
function dayColumn(min: number, max: number, kind: { integer: boolean; nullable: true }): z.ZodMiniCustom<(number | null)[], (number | null)[]>;
function dayColumn(min: number, max: number, kind: { integer: boolean; nullable: false }): z.ZodMiniCustom<number[], number[]>;
function dayColumn(min: number, max: number, { integer, nullable }: { integer: boolean; nullable: boolean }): z.ZodMiniCustom<(number | null)[], (number | null)[]> {
  const valid = (v: unknown) => (v === null ? nullable : typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v)));
  return z.custom<(number | null)[]>(
    (column) => {
      if (!Array.isArray(column) || column.length > PANEL.chartDays) return false;
      for (const v of column) if (!valid(v)) return false;
      return true;
    },
    `one value a day${nullable ? ' or null' : ''}, ${integer ? 'a whole number ' : ''}from ${min} to ${max}, at most ${PANEL.chartDays} days`
  );
}

/**
 * The timeline as it travels: each day's figures as columns, one value a day from `from` to `to`
 * (the dates follow from them), instead of five years of objects with a date each. A quarter of
 * the size, and checked column by column with the same bounds at a fraction of the cost.
 */
const timelineWireSchema = z
  .object({
    ...chartDataSchema.shape,
    days: z.object({
      mean: dayColumn(MOOD_MIN, MOOD_MAX, { integer: false, nullable: true }),
      min: dayColumn(MOOD_MIN, MOOD_MAX, { integer: true, nullable: true }),
      max: dayColumn(MOOD_MIN, MOOD_MAX, { integer: true, nullable: true }),
      n: dayColumn(0, Number.MAX_SAFE_INTEGER, { integer: true, nullable: false }),
      dose: dayColumn(0, MG_MAX, { integer: false, nullable: true }),
      taken: dayColumn(0, MG_MAX, { integer: false, nullable: true }),
      /** 1 on a day with only a skipped dose, else 0. */
      skipped: dayColumn(0, 1, { integer: true, nullable: false }),
      planned: dayColumn(0, MG_MAX, { integer: false, nullable: true }),
      median: dayColumn(MOOD_MIN, MOOD_MAX, { integer: false, nullable: true })
    })
  })
  .check(
    z.refine((t) => {
      const length = t.from <= t.to ? daysBetween(t.from, t.to) + 1 : -1;
      return Object.values(t.days).every((column) => column.length === length);
    }, 'every day column has one value for each day from `from` to `to`')
  );

/** Days as the chart code reads them, from the columns checked above. */
function daysFromColumns(from: LocalDate, to: LocalDate, c: z.output<typeof timelineWireSchema>['days']): DashboardTimeline['days'] {
  const dates = datesIn(from, to);
  const days: DashboardTimeline['days'] = new Array(c.n.length);
  for (let i = 0; i < days.length; i++) {
    days[i] = { date: dates[i], mean: c.mean[i], min: c.min[i], max: c.max[i], n: c.n[i], dose: c.dose[i], taken: c.taken[i], skipped: c.skipped[i] === 1, planned: c.planned[i], median: c.median[i] };
  }
  return days;
}

function columnsFromDays(days: DashboardTimeline['days']): z.output<typeof timelineWireSchema>['days'] {
  const column = <K extends keyof DashboardTimeline['days'][number]>(key: K) => days.map((d) => d[key] ?? null);
  return {
    mean: column('mean'),
    min: column('min'),
    max: column('max'),
    n: days.map((d) => d.n),
    dose: column('dose'),
    taken: column('taken'),
    skipped: days.map((d) => (d.skipped ? 1 : 0)),
    planned: column('planned'),
    median: column('median')
  };
}

/** Encoded by the host (dispatch.ts), decoded where the page checks the answer: both sides see the same rules. */
const dashboardTimelineSchema = z.codec(
  timelineWireSchema,
  // Only what encoding needs: the figures themselves are checked in their columns.
  z.custom<DashboardTimeline>((v) => typeof v === 'object' && v !== null && Array.isArray((v as DashboardTimeline).days) && typeof (v as DashboardTimeline).from === 'string'),
  {
    decode: (wire) => ({ ...wire, days: daysFromColumns(wire.from, wire.to, wire.days) }),
    encode: (timeline) => ({ ...timeline, days: columnsFromDays(timeline.days) })
  }
);

/** The dashboard over the whole journal: its first day to today. */
export const dashboardDataSchema = z.object({
  today: date,
  /** The Charts tab's data, with the planned dose and the rolling median on each day (columns on the wire). */
  timeline: dashboardTimelineSchema,
  changes: list(doseChangeSchema, PANEL.chartMarkers),
  steps: list(doseStepViewSchema, PANEL.dashboardSteps),
  associations: list(associationViewSchema, PANEL.associations),
  omitted: omitted('changes', 'steps', 'associations')
});
export type DashboardData = z.infer<typeof dashboardDataSchema>;
/** The dashboard's answer as posted to the page (its timeline's days in columns). */
export type DashboardWire = z.input<typeof dashboardDataSchema>;

const changeDaySchema = z.object({
  /** Days since the change: negative before it. */
  day: int(-CHANGE_DAYS_BEFORE, CHANGE_LAST_DAY),
  date,
  mean: z.nullable(moodValue),
  min: z.nullable(mood),
  max: z.nullable(mood),
  n: count,
  /** Only a skipped dose was logged that day. */
  skipped: z.boolean(),
  /** The dose-day kind: taken, skipped only, or not logged. */
  dose: z.enum(['taken', 'skipped', 'not-logged'])
});

/** One dose change up close: days 0–28 and the 14 days before, each symptom's course in days. */
export const changeDetailSchema = z.object({
  change: doseChangeSchema,
  unit: str(UNIT_MAX),
  endDay: int(0, CHANGE_LAST_DAY),
  endReason: z.enum(['day-28', 'next-change', 'range-end']),
  days: list(changeDaySchema, CHANGE_LAST_DAY + 1),
  before: z.object({ from: date, to: date, days: list(changeDaySchema, CHANGE_DAYS_BEFORE), mood: windowStatSchema, earlierChange: z.nullable(doseChangeSchema) }),
  early: windowStatSchema,
  /** Day 15 on; null when the window stops before day 15. */
  late: z.nullable(windowStatSchema),
  /** The early window's last day: 14, or sooner when the window stops sooner. */
  earlyLastDay: int(0, CHANGE_LAST_DAY),
  symptoms: list(
    z.object({
      key: str(SYMPTOM_KEY_MAX),
      label: str(SYMPTOM_LABEL_MAX),
      /** The highest severity logged on each day 0..endDay; null where none. */
      severities: list(z.nullable(int(1, SEVERITY_MAX)), CHANGE_LAST_DAY + 1),
      onsetDay: int(0, CHANGE_LAST_DAY),
      peakDay: int(0, CHANGE_LAST_DAY),
      peak: int(1, SEVERITY_MAX),
      lastDay: int(0, CHANGE_LAST_DAY),
      daysLogged: int(1, CHANGE_LAST_DAY + 1),
      loggedBefore: z.boolean()
    }),
    PANEL.chartSymptoms
  ),
  omitted: omitted('symptoms')
});
export type ChangeDetailView = z.infer<typeof changeDetailSchema>;

/** The five parts of the dashboard, in order. */
export const DASHBOARD_SECTIONS = ['timeline', 'afterChange', 'steps', 'year', 'associations'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

// ---- What the panel sends ------------------------------------------------------------------

/** A check-in typed into the panel's form; validated in the panel and again in the host. */
export const entryDraftSchema = z.object({
  mood,
  dose: z.nullable(z.object({ mg: num(0, MG_MAX), status: z.enum(DOSE_STATUSES) })),
  symptoms: list(z.object({ key: str(SYMPTOM_KEY_MAX), label: text(SYMPTOM_LABEL_MAX), severity: int(1, SEVERITY_MAX) }), PANEL.draftSymptoms),
  tags: list(text(TAG_MAX), TAGS_MAX),
  energy: z.nullable(mood),
  anxiety: z.nullable(mood),
  sleepHours: z.nullable(num(0, SLEEP_MAX)),
  note: str(NOTE_MAX),
  /** For a missed day: the date and time the entry is about (null: now). */
  date: z.nullable(date),
  time: z.nullable(clock)
});
export type EntryDraft = z.infer<typeof entryDraftSchema>;

const QUESTIONNAIRE_KIND = z.enum(['phq9', 'gad7']);

export const checkupsDataSchema = z.object({
  results: list(z.object({ id, date, time: str(5), kind: QUESTIONNAIRE_KIND, total: int(0, 27), band: str(40), answers: list(int(0, 3), 9), difficulty: z.nullable(int(0, 3)) }), PANEL.checkupResults),
  due: z.object({ phq9: z.boolean(), gad7: z.boolean(), review: z.boolean() }),
  planActive: z.boolean(),
  intervalDays: int(1, 365),
  lastReview: z.nullable(date)
});
export type CheckupsData = z.infer<typeof checkupsDataSchema>;

const stepSchema = z.object({ id, startDate: date, targetMg: num(0, MG_MAX), note: str(STEP_NOTE_MAX) });
const tabletMg = num(0.001, MG_MAX);
const tablets = num(0, TABLETS_MAX);

/** One medication's tablet supply: the count on hand and about how many days it lasts at the dose it assumes. */
export const supplyViewSchema = z.object({
  medicationId: id,
  name: str(MEDICATION_MAX),
  unit: str(UNIT_MAX),
  tabletMg: z.nullable(tabletMg),
  split: z.enum(TABLET_SPLITS),
  /** Null before a refill or count; below zero when more doses are logged than tablets recorded. */
  onHand: z.nullable(num(-Number.MAX_SAFE_INTEGER, TABLETS_MAX * 10)),
  belowZero: z.boolean(),
  dose: z.nullable(z.object({ mg: num(0, MG_MAX), source: z.enum(['plan', 'last']) })),
  perDose: z.nullable(num(0, Number.MAX_SAFE_INTEGER)),
  daysLeft: z.nullable(count),
  wholePieces: z.boolean()
});
export type SupplyView = z.infer<typeof supplyViewSchema>;
const appointmentSchema = z.object({ id, date, time: z.nullable(clock), provider: str(PROVIDER_MAX), questions: list(str(QUESTION_MAX), QUESTIONS_MAX), outcome: z.nullable(str(NOTE_MAX)) });

/** The Plan tab: the agreed taper plan, how the logged doses compare with it, and appointments. */
export const planDataSchema = z.object({
  today: date,
  unit: str(UNIT_MAX),
  medications: list(z.object({ id, name: str(MEDICATION_MAX), unit: str(UNIT_MAX), form: str(FORM_MAX) }), PANEL.medications),
  steps: list(stepSchema, PANEL.taperSteps),
  /** The step in force; `index` and `count` are over every step, shown or not. */
  current: z.nullable(z.object({ step: stepSchema, index: count, count, daysOnStep: count })),
  lastLogged: z.nullable(z.object({ mg: num(0, MG_MAX), date })),
  daysSinceChange: z.nullable(count),
  /** Since the current step began (or the last 30 days without a plan). */
  adherence: z.object({
    from: date,
    to: date,
    planDays: count,
    atPlan: count,
    abovePlan: count,
    belowPlan: count,
    skipped: count,
    notLogged: count,
    differences: list(z.object({ date, loggedMg: num(0, MG_MAX), plannedMg: num(0, MG_MAX) }), PANEL.adherenceDifferences)
  }),
  appointments: list(appointmentSchema, PANEL.appointments),
  /** "Before the journal": medication history as recalled, oldest first, and where periods overlap. */
  history: list(recalledViewSchema, PANEL.recalledPeriods),
  overlaps: list(z.object({ id, message: str(2000) }), PANEL.recalledPeriods),
  supply: list(supplyViewSchema, PANEL.medications),
  omitted: omitted('medications', 'steps', 'appointments', 'history')
});
export type PlanData = z.infer<typeof planDataSchema>;

/** Palette commands the panel may ask the host to run (never arbitrary command ids). */
export const PANEL_COMMANDS = ['checkIn', 'logDose', 'addNote', 'logLifeEvent', 'prepareSummary', 'openDashboard'] as const;

const ITEM_KINDS = ['checkin', 'dose', 'event', 'note'] as const;

/** A change saved: its row, the token that undoes it, and the confirmation the palette shows too. */
const savedSchema = z.object({ id, undoToken: str(64), message: str(2000) });
/** A change the panel words itself: its row and the token that undoes it. */
const writtenSchema = z.object({ id, undoToken: str(64) });

/** Requests: method name → schema of its params and of its result. */
export const methods = {
  'panel/context': { params: z.object({}), result: panelContextSchema },
  'history/page': {
    params: z.object({ filter: historyFilterSchema, offset: int(0, 10_000_000), limit: int(1, 500) }),
    result: z.object({ total: int(0, 10_000_000), items: list(historyItemSchema, 500) })
  },
  'entry/save': { params: z.object({ draft: entryDraftSchema }), result: savedSchema },
  'entry/update': { params: z.object({ id, draft: entryDraftSchema }), result: savedSchema },
  'entry/delete': { params: z.object({ id, kind: z.enum(ITEM_KINDS) }), result: z.object({ undoToken: str(64) }) },
  'entry/undo': { params: z.object({ undoToken: str(64) }), result: z.null() },
  'charts/data': { params: z.object({ range: z.enum(RANGES) }), result: chartDataSchema },
  /** `defaults`: the panel is showing the built-in lines because its context could not load. */
  'support/open': { params: z.object({ index: int(0, SUPPORT_LINES_MAX - 1), defaults: z.optional(z.boolean()) }), result: z.null() },
  'support/dismiss': { params: z.object({}), result: z.null() },
  'checkups/data': { params: z.object({}), result: checkupsDataSchema },
  'checkups/save': {
    params: z.object({ kind: QUESTIONNAIRE_KIND, answers: list(int(0, 3), 9).check(z.minLength(7)), difficulty: z.nullable(int(0, 3)) }),
    result: z.object({ id, total: int(0, 27), band: str(40) })
  },
  'plan/data': { params: z.object({}), result: planDataSchema },
  'plan/saveMedication': {
    params: z.object({ id: z.nullable(id), name: text(MEDICATION_MAX), unit: text(UNIT_MAX), form: str(FORM_MAX) }),
    result: writtenSchema
  },
  'plan/saveStep': { params: z.object({ id: z.nullable(id), startDate: date, targetMg: num(0, MG_MAX), note: str(STEP_NOTE_MAX) }), result: writtenSchema },
  'plan/deleteStep': { params: z.object({ id }), result: z.object({ undoToken: str(64) }) },
  'appointments/save': {
    params: z.object({ id: z.nullable(id), date, time: z.nullable(clock), provider: str(PROVIDER_MAX), questions: list(text(QUESTION_MAX), QUESTIONS_MAX), outcome: z.nullable(str(NOTE_MAX)) }),
    result: writtenSchema
  },
  'appointments/delete': { params: z.object({ id }), result: z.null() },
  'history/save': {
    // The period as the Plan tab shows it; a new one has no id yet, and the name must not be blank.
    params: z.extend(recalledViewSchema, { id: z.nullable(id), medication: text(MEDICATION_MAX) }),
    result: z.object({ id, undoToken: str(64), message: str(2000), overlaps: list(str(2000), PANEL.recalledPeriods) })
  },
  /** Undone with entry/undo and the token. */
  'history/delete': { params: z.object({ id }), result: savedSchema },
  'supply/tablets': { params: z.object({ medicationId: z.nullable(id), tabletMg, split: z.enum(TABLET_SPLITS) }), result: writtenSchema },
  'supply/log': { params: z.object({ medicationId: id, kind: z.enum(SUPPLY_KINDS), tablets }), result: savedSchema },
  'review/save': {
    params: z.object({ symptoms: list(z.object({ key: str(SYMPTOM_KEY_MAX), label: text(SYMPTOM_LABEL_MAX), severity: int(0, SEVERITY_MAX) }), PANEL.reviewSymptoms) }),
    result: z.object({ count: int(0, PANEL.reviewSymptoms) })
  },
  'command/run': { params: z.object({ command: z.enum(PANEL_COMMANDS) }), result: z.null() },
  'dashboard/data': { params: z.object({}), result: dashboardDataSchema },
  /** The change that began on `date` up close; an error if none did. */
  'dashboard/change': { params: z.object({ date }), result: changeDetailSchema },
  /** Everything logged on one day, for the year in pixels. */
  'dashboard/day': { params: z.object({ date }), result: z.object({ date, total: count, items: list(historyItemSchema, PANEL.dayEntries) }) },
  /** Opens a check-in in the sidebar's entry form. */
  'dashboard/edit': { params: z.object({ id }), result: z.null() }
} as const;

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

/** Parts of the panel a command can open. */
export const PANEL_SECTIONS = ['journal', 'charts', 'plan', 'checkups', 'support'] as const;
export type PanelSection = (typeof PANEL_SECTIONS)[number];

export const hostEventSchema = z.discriminatedUnion('kind', [
  /** Rows changed (from the palette, the panel, another window or an undo): reload what is shown. */
  z.object({ kind: z.literal('changed') }),
  /** Settings or the support card changed: ask for the panel context again. */
  z.object({ kind: z.literal('context') }),
  /** A command asked to show a part of the panel. */
  z.object({ kind: z.literal('show'), section: z.enum(PANEL_SECTIONS) }),
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
  z.object({ type: z.literal('error'), id: requestId, ok: z.literal(false), message: str(PANEL.errorMessage) }),
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
  return { type: 'error', id: r.id as number, ok: false, message: message(rejectionReason(error)).slice(0, PANEL.errorMessage) };
}
