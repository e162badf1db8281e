// The dashboard's own messages: the whole journal's figures (its timeline travels as columns,
// columns.ts), one dose change up close, one day's entries, and the requests it makes.
import * as z from 'zod/mini';
import type { TableName } from '../../core/tableNames';
import { CHANGE_DAYS_BEFORE, CHANGE_LAST_DAY, MG_MAX, MOOD_MAX, MOOD_MIN, VIEW, SEVERITY_MAX, SYMPTOM_KEY_MAX, SYMPTOM_LABEL_MAX, TAG_MAX, UNIT_MAX } from '../../core/limits';
import { str, int, num, date, id, mood, list, count, omitted, moodValue } from '../shared/schemas';
import { historyItemSchema } from '../shared/views';
import { dashboardTimelineSchema } from './columns';

export type { DashboardTimeline } from './columns';

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


/** The dashboard over the whole journal: its first day to today. */
export const dashboardDataSchema = z.object({
  today: date,
  /** The Charts tab's data, with the planned dose and the rolling median on each day (columns on the wire). */
  timeline: dashboardTimelineSchema,
  changes: list(doseChangeSchema, VIEW.chartMarkers),
  steps: list(doseStepViewSchema, VIEW.dashboardSteps),
  associations: list(associationViewSchema, VIEW.associations),
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
    VIEW.chartSymptoms
  ),
  omitted: omitted('symptoms')
});
export type ChangeDetailView = z.infer<typeof changeDetailSchema>;

/** The five parts of the dashboard, in order. */
export const DASHBOARD_SECTIONS = ['timeline', 'afterChange', 'steps', 'year', 'associations'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

/** The dashboard's requests: method name → schema of its params and of its result. */
export const dashboardMethods = {
  'dashboard/data': { params: z.object({}), result: dashboardDataSchema },
  /** The change that began on `date` up close; an error if none did. */
  'dashboard/change': { params: z.object({ date }), result: changeDetailSchema },
  /** Everything logged on one day, for the year in pixels. */
  'dashboard/day': { params: z.object({ date }), result: z.object({ date, total: count, items: list(historyItemSchema, VIEW.dayEntries) }) },
  /** Opens a check-in in the sidebar's entry form. */
  'dashboard/edit': { params: z.object({ id }), result: z.null() }
} as const;

/** The tables the dashboard reads: a change that touched none of them leaves it as it is. */
export const DASHBOARD_READS: readonly TableName[] = ['checkins', 'doses', 'symptoms', 'life_events', 'taper_steps', 'recalled_periods'];
