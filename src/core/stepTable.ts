// The "each dose step side by side" table: one set of columns and cell texts for the prescriber
// summary (plain English) and the dashboard (localised). Pure; `t` fills {0}, {1}… as vscode.l10n.t.
import type { Translate } from './safety';
import { formatMg } from './entries';

/** What a row needs of a dose step (core/doseSteps.ts, or its view in the dashboard's protocol). */
export interface StepCells {
  mg: number | null;
  from: string;
  days: number;
  daysWithCheckIn: number;
  mood: WindowLike;
  mean: number | null;
  sd: number | null;
  early: WindowLike;
  late: WindowLike;
  symptomDays: number;
  skippedDoses: number;
  lifeEvents: number;
}

type WindowLike = { n: number; tooFew: true } | { n: number; tooFew: false; q1: number; median: number; q3: number };

/** English as written: the summary's words, with {0}, {1}… filled in. */
export const plainWords: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i])));

const one = (x: number) => x.toFixed(1);

export function stepHead(t: Translate = plainWords): string[] {
  return [t('Dose'), t('From'), t('Days'), t('Check-in days'), t('Median (IQR)'), t('Mean ± SD (n)'), t('Days 0–14 (n)'), t('Day 15+ (n)'), t('Symptom-days'), t('Skipped'), t('Events')];
}

/** Relative column widths, for the summary's page layouts. */
export const STEP_WIDTHS = [36, 56, 28, 40, 56, 62, 52, 52, 48, 44, 34];

/** One step's cells, in the order of stepHead(). */
export function stepRow(st: StepCells, unit: string, t: Translate = plainWords): string[] {
  // "5.5 (12)" or "too few days (2)": a window's median and its n, short enough for a cell.
  const cell = (w: WindowLike) => (w.tooFew ? t('too few days ({0})', w.n) : t('{0} ({1})', one(w.median), w.n));
  return [
    st.mg === null ? t('none logged') : t('{0} {1}', formatMg(st.mg), unit),
    st.from,
    String(st.days),
    String(st.daysWithCheckIn),
    st.mood.tooFew ? t('too few days') : t('{0} ({1}–{2})', one(st.mood.median), one(st.mood.q1), one(st.mood.q3)),
    st.mean === null ? t('– (0)') : st.sd === null ? t('{0} ({1})', one(st.mean), st.daysWithCheckIn) : t('{0} ± {1} ({2})', one(st.mean), one(st.sd), st.daysWithCheckIn),
    cell(st.early),
    cell(st.late),
    String(st.symptomDays),
    String(st.skippedDoses),
    String(st.lifeEvents)
  ];
}
