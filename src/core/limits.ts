// Value ranges shared by the stored rows (schemas.ts), the panel protocol (protocol.ts), the forms
// and the host. The host clips to the panel limits before it posts anything, so data the journal
// allows can never make the panel reject a message.
export const MOOD_MIN = 1;
export const MOOD_MAX = 10;
export const SEVERITY_MAX = 3;
export const NOTE_MAX = 5000;
export const MG_MAX = 10000;
export const TAG_MAX = 40;
export const TAGS_MAX = 30;
export const DOSE_STATUSES = ['taken', 'skipped', 'changed'] as const;
export const SLEEP_MAX = 24;

/** Text lengths of stored fields, shared with the protocol. */
export const MEDICATION_MAX = 80;
export const UNIT_MAX = 12;
export const FORM_MAX = 40;
export const SYMPTOM_KEY_MAX = 60;
export const SYMPTOM_LABEL_MAX = 80;
export const EVENT_TITLE_MAX = 120;
export const PROVIDER_MAX = 120;
export const QUESTION_MAX = 500;
export const QUESTIONS_MAX = 100;
export const STEP_NOTE_MAX = 500;
/** A recalled period's context line ("raised during the divorce"). */
export const RECALLED_CONTEXT_MAX = 200;
/** How sure the user is of a recalled mood. */
export const RECALL_CERTAINTIES = ['roughly', 'clearly'] as const;
/** How tablets are split: the smallest piece a dose is made of. */
export const TABLET_SPLITS = ['none', 'half', 'quarter'] as const;
/** A refill adds tablets; a count says how many are on hand now. */
export const SUPPLY_KINDS = ['refill', 'count'] as const;
/** Tablets in one refill or count (a year of four a day is about 1,500). */
export const TABLETS_MAX = 100_000;
/** The status bar mentions the supply at or below this many days left (setting moodDose.supply.remindDays). */
export const SUPPLY_REMIND_DAYS = 10;
/** A 24-hour time of day as stored, "HH:MM" (appointments, a backdated entry). */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

// ---- Imports ----------------------------------------------------------------------------------

/** Stamps and dates before this year are refused on import (a typo, or a device with no clock). */
export const EARLIEST_YEAR = 1900;
/** Stamps later than now plus this are refused on import: such a row could never be edited here. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
/**
 * Imports larger than this (all chosen files together) are refused before reading. Room for the
 * journal's own JSON export at the row cap: pretty-printed, a row with an everyday note is about
 * 480 bytes, so 200,000 rows are about 95 MB. (It was 50 MB before imports were read in slices.)
 */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;
/**
 * Rows in one imported file (a Daylio export, a JSON export, one table's CSV). A larger file is
 * refused before any row is checked: a million short rows fit under the byte cap.
 */
export const IMPORT_MAX_ROWS = 200_000;
/** Rows per durable change while an import is written: about 10 ms of the host each (150,000 at once take seconds). */
export const IMPORT_WRITE_ROWS = 250;
/** An imported appointment, life event or plan step may lie at most this many years ahead. */
export const IMPORT_PLAN_YEARS = 5;

// ---- Settings ---------------------------------------------------------------------------------

export const SUPPORT_LINES_MAX = 50;
export const SUPPORT_NAME_MAX = 120;
export const SUPPORT_CONTACT_MAX = 200;
/** A longer link is refused, never cut: a shortened link would dial or open something else. */
export const SUPPORT_LINK_MAX = 2048;
export const MOOD_LABEL_MAX = 80;

// ---- What the panel receives ------------------------------------------------------------------

export const VIEW = {
  /** Symptoms shown on one entry; an entry with more is shown clipped and cannot be edited there. */
  entrySymptoms: 200,
  /** Symptoms the panel may send with one check-in (the form's own limit). */
  draftSymptoms: 200,
  reviewSymptoms: 200,
  symptomCatalog: 1000,
  tags: 1000,
  /** Days on the charts (about 110 years): "all" starts no earlier than this many days back. */
  chartDays: 40_000,
  chartMarkers: 10_000,
  markerLabel: 200,
  /** Dose levels on "mood at each dose level": a liquid taper can have hundreds. */
  doseLevels: 2_000,
  chartSymptoms: 500,
  checkupResults: 5_000,
  medications: 500,
  taperSteps: 2_000,
  appointments: 2_000,
  recalledPeriods: 1_000,
  adherenceDifferences: 100,
  errorMessage: 2_000,
  /** Dose steps side by side on the dashboard (the most recent are kept). */
  dashboardSteps: 2_000,
  /** Rows of "what goes with better days" (the largest differences are kept). */
  associations: 500,
  /** Entries listed for one day of the year in pixels. */
  dayEntries: 500,
  /** Dose rows of today the entry form names as already logged (the latest are kept). */
  todayDoses: 100
} as const;

/** The days after a dose change: day 0 (the first day at the new level) to this day. */
export const CHANGE_LAST_DAY = 28;
/** Days before a change shown as its reference. */
export const CHANGE_DAYS_BEFORE = 14;

/** The first `max` items, and how many were left out. */
export function clip<T>(items: readonly T[], max: number): { items: T[]; omitted: number } {
  return items.length > max ? { items: items.slice(0, max), omitted: items.length - max } : { items: [...items], omitted: 0 };
}
