// The "each dose step side by side" table: one set of columns and cell texts for the prescriber
// summary (plain English) and the dashboard (localised). Pure; `t` fills {0}, {1}… as vscode.l10n.t.
import type { Translate } from '../safety';
import { fixed, formatMg } from '../entries';

type WindowLike = { n: number; tooFew: true } | { n: number; tooFew: false; q1: number; median: number; q3: number };
type StepWindowLike = { stat: WindowLike; firstDay: number; lastDay: number } | null;

/** What a row needs of a dose step (core/doseSteps.ts, or its view in the dashboard's protocol). */
export interface StepCells {
  mg: number | null;
  from: string;
  days: number;
  /** Day 0 when the log shows it; otherwise the step began on or before `startBy`. */
  startedOn: string | null;
  startBy: string | null;
  daysWithCheckIn: number;
  mood: WindowLike;
  mean: number | null;
  sd: number | null;
  lowestWeek: { median: number; date: string } | null;
  early: StepWindowLike;
  late: StepWindowLike;
  symptomDays: number;
  skippedDays: number;
  notLoggedDays: number;
  lifeEvents: number;
}

/** English as written: the summary's words, with {0}, {1}… filled in. */
export const plainWords: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i])));

const one = (x: number) => fixed(x, 1);

export function stepHead(t: Translate = plainWords): string[] {
  return [
    t('Dose'),
    t('From'),
    t('Days (n)'),
    t('Median (IQR)'),
    t('Mean ± SD'),
    t('Lowest week'),
    t('Days 0–14 (n)'),
    t('Day 15+ (n)'),
    t('Symptom days'),
    t('Skipped / none'),
    t('Events')
  ];
}

/** Relative column widths, for the summary's page layouts. */
export const STEP_WIDTHS = [38, 61, 38, 58, 44, 50, 46, 46, 47, 40, 35];

/** The note under the table: what its columns count, and how a step's day 0 is found. */
export function stepNote(t: Translate = plainWords): string {
  return t(
    'n = check-in days. Day 0: first day at the dose ("by": in force at the first dose). Lowest week: 7-day median. None: not logged.'
  );
}

/** One step's cells, in the order of stepHead(). */
export function stepRow(st: StepCells, unit: string, t: Translate = plainWords): string[] {
  const unknownStart = st.mg !== null && st.startedOn === null;
  // "5.5 (12)", "too few days (2)", "6.0 (9) from day 3" when the range starts after day 0.
  const window = (w: StepWindowLike, lo: number, missing: string): string => {
    if (st.mg === null) return t('–');
    if (unknownStart) return t('n/a');
    if (!w) return missing;
    const value = w.stat.tooFew ? t('too few days ({0})', w.stat.n) : t('{0} ({1})', one(w.stat.median), w.stat.n);
    return w.firstDay > lo ? t('{0} from day {1}', value, w.firstDay) : value;
  };
  return [
    st.mg === null ? t('none logged') : t('{0} {1}', formatMg(st.mg), unit),
    st.startedOn ?? (st.startBy ? t('by {0}', st.startBy) : st.from),
    t('{0} ({1})', st.days, st.daysWithCheckIn),
    st.mood.tooFew ? t('too few days') : t('{0} ({1}–{2})', one(st.mood.median), one(st.mood.q1), one(st.mood.q3)),
    st.mean === null ? t('–') : st.sd === null ? one(st.mean) : t('{0} ± {1}', one(st.mean), one(st.sd)),
    st.lowestWeek ? t('{0} ({1})', one(st.lowestWeek.median), st.lowestWeek.date.slice(5)) : t('–'),
    window(st.early, 0, t('before the range')),
    window(st.late, 15, t('not reached')),
    String(st.symptomDays),
    t('{0} / {1}', st.skippedDays, st.notLoggedDays),
    String(st.lifeEvents)
  ];
}
