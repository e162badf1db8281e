// The sidebar's own messages: its context (defaults and choices for the entry form), the history,
// the entry form's drafts, the Check-ups and Plan tabs, and the requests it makes. Each is a zod
// schema, checked by the host on the way in and by the page on the way back.
import * as z from 'zod/mini';
import { DOSE_STATUSES, FORM_MAX, MEDICATION_MAX, MG_MAX, MOOD_LABEL_MAX, NOTE_MAX, VIEW, PROVIDER_MAX, QUESTIONS_MAX, QUESTION_MAX, SEVERITY_MAX, SLEEP_MAX, STEP_NOTE_MAX, SUPPORT_CONTACT_MAX, SUPPORT_LINES_MAX, SUPPORT_LINK_MAX, SUPPORT_NAME_MAX, SUPPLY_KINDS, SYMPTOM_KEY_MAX, SYMPTOM_LABEL_MAX, TABLETS_MAX, TABLET_SPLITS, TAGS_MAX, TAG_MAX, UNIT_MAX } from '../../core/limits';
import type { TableName } from '../../core/tableNames';
import { RANGES } from '../../core/ranges';
import { str, text, int, num, date, clock, id, mood, list, count, omitted } from '../shared/schemas';
import { chartDataSchema, historyItemSchema, recalledViewSchema } from '../shared/views';

export { RANGES, RANGE_DAYS, rangeStart, type RangeKey } from '../../core/ranges';

export const historyFilterSchema = z.object({
  range: z.enum(RANGES),
  tag: z.nullable(str(TAG_MAX)),
  symptom: z.nullable(str(SYMPTOM_KEY_MAX)),
  search: str(200)
});
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export const supportResourceSchema = z.object({ name: str(SUPPORT_NAME_MAX), contact: str(SUPPORT_CONTACT_MAX), link: str(SUPPORT_LINK_MAX) });

/** What the entry form needs to know: defaults and choices. */
export const sidebarContextSchema = z.object({
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
  loggedToday: z.optional(list(z.object({ mg: num(0, MG_MAX), status: z.enum(DOSE_STATUSES), time: clock }), VIEW.todayDoses)),
  moodLabels: list(str(MOOD_LABEL_MAX), 10),
  symptomCatalog: list(z.object({ key: str(SYMPTOM_KEY_MAX), label: str(SYMPTOM_LABEL_MAX), group: str(40) }), VIEW.symptomCatalog),
  tags: list(str(TAG_MAX), VIEW.tags)
});
export type SidebarContext = z.infer<typeof sidebarContextSchema>;

// ---- What the panel sends ------------------------------------------------------------------

/** A check-in typed into the panel's form; validated in the panel and again in the host. */
export const entryDraftSchema = z.object({
  mood,
  dose: z.nullable(z.object({ mg: num(0, MG_MAX), status: z.enum(DOSE_STATUSES) })),
  symptoms: list(z.object({ key: str(SYMPTOM_KEY_MAX), label: text(SYMPTOM_LABEL_MAX), severity: int(1, SEVERITY_MAX) }), VIEW.draftSymptoms),
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
  results: list(z.object({ id, date, time: str(5), kind: QUESTIONNAIRE_KIND, total: int(0, 27), band: str(40), answers: list(int(0, 3), 9), difficulty: z.nullable(int(0, 3)) }), VIEW.checkupResults),
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
  medications: list(z.object({ id, name: str(MEDICATION_MAX), unit: str(UNIT_MAX), form: str(FORM_MAX) }), VIEW.medications),
  steps: list(stepSchema, VIEW.taperSteps),
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
    differences: list(z.object({ date, loggedMg: num(0, MG_MAX), plannedMg: num(0, MG_MAX) }), VIEW.adherenceDifferences)
  }),
  appointments: list(appointmentSchema, VIEW.appointments),
  /** "Before the journal": medication history as recalled, oldest first, and where periods overlap. */
  history: list(recalledViewSchema, VIEW.recalledPeriods),
  overlaps: list(z.object({ id, message: str(2000) }), VIEW.recalledPeriods),
  supply: list(supplyViewSchema, VIEW.medications),
  omitted: omitted('medications', 'steps', 'appointments', 'history')
});
export type PlanData = z.infer<typeof planDataSchema>;

/** Palette commands the panel may ask the host to run (never arbitrary command ids). */
export const SIDEBAR_COMMANDS = ['checkIn', 'logDose', 'addNote', 'logLifeEvent', 'prepareSummary', 'openDashboard'] as const;
export type SidebarCommand = (typeof SIDEBAR_COMMANDS)[number];

const ITEM_KINDS = ['checkin', 'dose', 'event', 'note'] as const;

/** A change saved: its row, the token that undoes it, and the confirmation the palette shows too. */
const savedSchema = z.object({ id, undoToken: str(64), message: str(2000) });
/** A change the panel words itself: its row and the token that undoes it. */
const writtenSchema = z.object({ id, undoToken: str(64) });

/** The sidebar's requests: method name → schema of its params and of its result. */
export const sidebarMethods = {
  'sidebar/context': { params: z.object({}), result: sidebarContextSchema },
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
    result: z.object({ id, undoToken: str(64), message: str(2000), overlaps: list(str(2000), VIEW.recalledPeriods) })
  },
  /** Undone with entry/undo and the token. */
  'history/delete': { params: z.object({ id }), result: savedSchema },
  'supply/tablets': { params: z.object({ medicationId: z.nullable(id), tabletMg, split: z.enum(TABLET_SPLITS) }), result: writtenSchema },
  'supply/log': { params: z.object({ medicationId: id, kind: z.enum(SUPPLY_KINDS), tablets }), result: savedSchema },
  'review/save': {
    params: z.object({ symptoms: list(z.object({ key: str(SYMPTOM_KEY_MAX), label: text(SYMPTOM_LABEL_MAX), severity: int(0, SEVERITY_MAX) }), VIEW.reviewSymptoms) }),
    result: z.object({ count: int(0, VIEW.reviewSymptoms) })
  },
  'command/run': { params: z.object({ command: z.enum(SIDEBAR_COMMANDS) }), result: z.null() }
} as const;

/** Parts of the sidebar a command can open. */
export const SIDEBAR_SECTIONS = ['journal', 'charts', 'plan', 'checkups', 'support'] as const;
export type SidebarSection = (typeof SIDEBAR_SECTIONS)[number];

/** The tables each part of the sidebar reads: a change reloads the parts whose tables it touched. */
export const SIDEBAR_READS: Record<'context' | 'history' | 'charts' | 'checkups' | 'plan', readonly TableName[]> = {
  // The form's dose offer and today's doses, recent tags, the user's own symptoms, the support card.
  context: ['checkins', 'doses', 'taper_steps', 'symptoms', 'questionnaires'],
  history: ['checkins', 'doses', 'symptoms', 'life_events', 'notes'],
  charts: ['checkins', 'doses', 'symptoms', 'life_events', 'recalled_periods'],
  checkups: ['questionnaires', 'symptoms', 'taper_steps'],
  plan: ['taper_steps', 'medications', 'doses', 'appointments', 'recalled_periods', 'tablet_supply']
};
