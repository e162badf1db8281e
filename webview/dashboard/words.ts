// The dashboard's sentences, made from its figures: numbers, days and dates with their n, and never
// a verdict. Pure (no DOM), so a unit test can render every one of them over a journal and scan it.
import { fixed } from '../../src/core/entries';
import { addDays, firstDayOf, lastDayOf } from '../../src/core/time';
import { isOtherDose } from '../charts/dayDoses';
import type { AssociationView, ChangeDetailView, DashboardData, DoseChangeView, WindowStatView } from '../../src/webviews/dashboard/protocol';
import type { RecalledView } from '../../src/webviews/shared/views';
import { dateWords, plural } from '../shared/l10n';

/** Localisation: the page passes @vscode/l10n's t. */
export type Words = (message: string, ...args: (string | number)[]) => string;

/** One decimal, in the page's language ("6,5" in Spanish). */
export const one = (x: number): string => fixed(x, 1);

/** "+0.9", "−1.4", "0.0" with a real minus sign. */
export function signedOne(x: number): string {
  const v = Math.round(x * 10) / 10;
  return v > 0 ? `+${one(v)}` : v < 0 ? `−${one(-v)}` : one(0);
}

export function changeText(c: DoseChangeView, unit: string, t: Words): string {
  return t('{0} → {1} {2}', formatNumber(c.fromMg), formatNumber(c.toMg), unit);
}

export function severityWord(n: number, t: Words): string {
  return n >= 3 ? t('severe') : n === 2 ? t('moderate') : n === 1 ? t('mild') : t('none');
}

/** "median 5.5 (IQR 4.5–6.0, n = 12)" or "too few days (n = 2)". */
export function windowWords(w: WindowStatView, t: Words): string {
  return w.tooFew ? t('too few days (n = {0})', w.n) : t('median {0} (IQR {1}–{2}, n = {3})', one(w.median), one(w.q1), one(w.q3), w.n);
}

// ---- What goes with better days --------------------------------------------------------------

/** 'Days tagged #exercise: mean 7.1 (n = 14). Other days: 6.2 (n = 60).' */
export function associationSentence(a: AssociationView, t: Words): string {
  const days = a.kind === 'tag' ? t('Days tagged #{0}: mean {1} (n = {2}).', a.label, one(a.withMean), a.withDays) : t('Days with {0} logged: mean {1} (n = {2}).', a.label, one(a.withMean), a.withDays);
  return `${days} ${t('Other days: {0} (n = {1}).', one(a.otherMean), a.otherDays)}`;
}

/** The difference as read from the two rounded means, so what is shown adds up. */
export function associationDifference(a: AssociationView): number {
  return Math.round(a.withMean * 10) / 10 - Math.round(a.otherMean * 10) / 10;
}

export function associationName(a: AssociationView, t: Words): string {
  return a.kind === 'tag' ? `#${a.label}` : t('{0} (symptom)', a.label);
}

export function associationsIntro(t: Words): string {
  return t('Each tag and each symptom logged on at least 3 days with a check-in, and not logged on at least 3: the mean mood on the days with it and on the other days. Largest differences first, either way.');
}

export function associationsCaveat(t: Words): string {
  return t('These are associations in your own records, not cause and effect: other things can differ between these days.');
}

// ---- Each dose step side by side ---------------------------------------------------------------

export function stepsSummary(data: DashboardData, t: Words): string {
  const steps = data.steps.filter((s) => s.mg !== null);
  // An empty journal (or one without doses) still has one step, at no dose: it says so instead.
  if (!steps.length) return t('No dose logged yet.');
  const from = dateWords(steps[0].from);
  const to = dateWords(steps[steps.length - 1].to);
  const head = plural(steps.length, { one: t('{0} dose step from {1} to {2}.', steps.length, from, to), other: t('{0} dose steps from {1} to {2}.', steps.length, from, to) });
  return `${head} ${t(
    'Day 0 of a step is the first day at that dose in the log; "by" a date where the log does not show it. Days 0–14 and day 15 on are counted apart, each with its n; a window with fewer than 3 days with a check-in says "too few days". Skipped / no dose logged: days with only a skipped dose, and days with no dose logged.'
  )}`;
}

// ---- Days after each dose change ---------------------------------------------------------------

/** What day 0 is, how the change shows in the log, and where the window stops. */
export function changeIntro(d: ChangeDetailView, t: Words): string {
  const last = dateWords(d.days[d.days.length - 1]?.date ?? d.change.date);
  const start = d.change.recorded
    ? t('Day 0 is {0}, the first day logged at {1} {2} (from {3} {2}), recorded as a change.', dateWords(d.change.date), formatNumber(d.change.toMg), d.unit, formatNumber(d.change.fromMg))
    : t('Day 0 is {0}, the first day logged at {1} {2} (from {3} {2}); the new dose held on the next logged day.', dateWords(d.change.date), formatNumber(d.change.toMg), d.unit, formatNumber(d.change.fromMg));
  const end =
    d.endReason === 'day-28'
      ? t('Shown to day {0} ({1}).', d.endDay, last)
      : d.endReason === 'next-change'
        ? t('Shown to day {0} ({1}), the day before the next change.', d.endDay, last)
        : t('Shown to day {0} ({1}), the last day so far.', d.endDay, last);
  return `${start} ${end}`;
}

export function changeMoodWords(d: ChangeDetailView, t: Words): string[] {
  // The early window ends at day 14, or where the window stops when that is sooner.
  const out = [d.earlyLastDay === 0 ? t('Mood, day 0: {0}.', windowWords(d.early, t)) : t('Mood, days 0–{0}: {1}.', d.earlyLastDay, windowWords(d.early, t))];
  if (d.late) out.push(t('Mood from day 15 (to the next change or today): {0}.', windowWords(d.late, t)));
  out.push(t('The 14 days before ({0} to {1}): {2}.', dateWords(d.before.from), dateWords(d.before.to), windowWords(d.before.mood, t)));
  if (d.before.earlierChange) out.push(t('Those 14 days include an earlier change, {0} on {1}.', changeText(d.before.earlierChange, d.unit, t), dateWords(d.before.earlierChange.date)));
  const skipped = d.days.filter((x) => x.dose === 'skipped').map((x) => x.day);
  if (skipped.length === 1) out.push(t('Only a skipped dose was logged on day {0}.', skipped[0]));
  else if (skipped.length) out.push(t('Only a skipped dose was logged on days {0}.', skipped.join(', ')));
  const notLogged = d.days.filter((x) => x.dose === 'not-logged').map((x) => x.day);
  if (notLogged.length === 1) out.push(t('No dose was logged on day {0}.', notLogged[0]));
  else if (notLogged.length) out.push(t('No dose was logged on days {0}.', notLogged.join(', ')));
  return out;
}

/** "Dizziness: first logged day 2, peak day 4 (severe), last logged day 11; logged on 7 days." */
export function courseWords(s: ChangeDetailView['symptoms'][number], t: Words): string {
  const parts = [
    t('{0}: first logged day {1}, peak day {2} ({3}), last logged day {4}; logged on {5} of the days shown.', s.label, s.onsetDay, s.peakDay, severityWord(s.peak, t), s.lastDay, s.daysLogged)
  ];
  if (s.loggedBefore) parts.push(t('Also logged in the 7 days before the change.'));
  return parts.join(' ');
}

/** The chart's text alternative. */
export function changeChartLabel(d: ChangeDetailView, t: Words): string {
  const recorded = d.days.filter((x) => x.mean !== null).length;
  return t('Daily mean mood from day −14 to day {0} around the change on {1} ({2}); {3} of the days from day 0 have a check-in. {4}', d.endDay, dateWords(d.change.date), changeText(d.change, d.unit, t), recorded, changeMoodWords(d, t).join(' '));
}

// ---- Year in pixels ------------------------------------------------------------------------------

export function binLabel(bin: number, t: Words): string {
  return [t('1 to under 3'), t('3 to under 5'), t('5 to under 7'), t('7 to under 9'), t('9 to 10')][bin] ?? '';
}

/** "14 March 2026: mean mood 6.5 from 2 check-ins" or "…: no check-in". */
export function dayCellLabel(dateText: string, cell: { mean: number | null; n: number }, t: Words, future: boolean): string {
  if (future) return t('{0}: not yet', dateText);
  if (cell.mean === null) return t('{0}: no check-in', dateText);
  // One check-in has a mood, not a mean: different words, not a plural form.
  if (cell.n === 1) return t('{0}: mood {1} from 1 check-in', dateText, one(cell.mean));
  return plural(cell.n, { one: t('{0}: mean mood {1} from {2} check-in', dateText, one(cell.mean), cell.n), other: t('{0}: mean mood {1} from {2} check-ins', dateText, one(cell.mean), cell.n) });
}

export function yearSummary(year: number, days: number, counts: number[], recorded: number, t: Words): string {
  if (!recorded) return t('{0}: no check-ins this year.', year);
  const bins = counts.map((n, i) => plural(n, { one: t('{0}: {1} day', binLabel(i, t), n), other: t('{0}: {1} days', binLabel(i, t), n) })).join('; ');
  return t('{0}: {1}. Days by mean mood: {2}.', year, checkedIn(recorded, days, t), bins);
}

// ---- Timeline --------------------------------------------------------------------------------------

type TimelineDays = DashboardData['timeline']['days'];

/**
 * The visible range in words: days with a check-in counted from the first logged day (a recalled
 * period is no day without a check-in), the mean of the daily means, the dose steps and the days
 * without a dose taken or at another dose, markers, and the recalled periods apart.
 */
export function rangeSummary(days: TimelineDays, markers: DashboardData['timeline']['markers'], unit: string, t: Words, recalled: readonly RecalledView[] = [], loggedFrom?: string): string {
  if (!days.length) return '';
  const first = days[0].date;
  const last = days[days.length - 1].date;
  const periods = recalled.filter((r) => firstDayOf(r.startDate) <= last && lastDayOf(r.endDate) >= first).length;
  const changes = markers.filter((m) => m.kind === 'dose-change').length;
  const events = markers.length - changes;
  const marked = t(
    '{0} and {1} marked',
    plural(changes, { one: t('{0} dose change', changes), other: t('{0} dose changes', changes) }),
    plural(events, { one: t('{0} life event', events), other: t('{0} life events', events) })
  );
  const recalledWords = periods
    ? plural(periods, { one: t('{0} period of medication history as recalled, hatched and not counted', periods), other: t('{0} periods of medication history as recalled, hatched and not counted', periods) })
    : '';
  const start = loggedFrom ?? first;
  if (start > last) return `${[t('From {0} to {1}: before the first logged day ({2})', dateWords(first), dateWords(last), dateWords(start)), recalledWords].filter(Boolean).join('; ')}.`;
  const logged = start > first ? days.filter((d) => d.date >= start) : days;
  const means = logged.filter((d) => d.mean !== null).map((d) => d.mean!);
  const counted =
    start > first
      ? t('From {0} to {1}: {2} from the first logged day, {3}', dateWords(first), dateWords(last), checkedIn(means.length, logged.length, t), dateWords(start))
      : t('From {0} to {1}: {2}', dateWords(first), dateWords(last), checkedIn(means.length, logged.length, t));
  const parts = [
    counted,
    means.length ? t('mean of the daily means {0}', one(means.reduce((a, b) => a + b, 0) / means.length)) : '',
    doseWords(logged, unit, t),
    marked,
    recalledWords
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}

/** "dose steps: 20 mg, 15 mg; 2 days with only a skipped dose": the steps, never each day's total. */
function doseWords(days: TimelineDays, unit: string, t: Words): string {
  const steps: number[] = [];
  let skipped = 0;
  let notLogged = 0;
  let other = 0;
  for (const d of days) {
    if (d.dose !== null && steps[steps.length - 1] !== d.dose) steps.push(d.dose);
    if (d.taken !== null) {
      if (isOtherDose(d)) other++;
    } else if (d.dose !== null) {
      if (d.skipped) skipped++;
      else notLogged++;
    }
  }
  if (!steps.length) return t('no dose logged');
  return [
    t('dose steps: {0}', steps.map((x) => `${formatNumber(x)} ${unit}`).join(', ')),
    skipped ? plural(skipped, { one: t('{0} day with only a skipped dose', skipped), other: t('{0} days with only a skipped dose', skipped) }) : '',
    notLogged ? plural(notLogged, { one: t('{0} day with no dose logged', notLogged), other: t('{0} days with no dose logged', notLogged) }) : '',
    other ? plural(other, { one: t('{0} day at another dose than the step', other), other: t('{0} days at another dose than the step', other) }) : ''
  ]
    .filter(Boolean)
    .join('; ');
}

/** "12 of 30 days with a check-in": the form follows the number of days. */
export function checkedIn(recorded: number, days: number, t: Words): string {
  return plural(days, { one: t('{0} of {1} day with a check-in', recorded, days), other: t('{0} of {1} days with a check-in', recorded, days) });
}

function formatNumber(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** The first day of the logged journal: the timeline may start earlier, at medication history as recalled. */
export function firstLoggedDay(days: TimelineDays): string | undefined {
  return days.find((d) => d.n > 0 || d.dose !== null || d.taken !== null || d.skipped)?.date;
}

/**
 * Where the logged journal starts on the timeline: its first logged day; with none yet, the day after
 * the last recalled period (nothing logged is no day without a check-in), else the timeline's start.
 */
export function journalStart(timeline: Pick<DashboardData['timeline'], 'days' | 'from' | 'to' | 'recalled'>): string {
  const first = firstLoggedDay(timeline.days);
  if (first) return first;
  const lastRecalled = (timeline.recalled ?? []).reduce<string | undefined>((a, r) => (a === undefined || lastDayOf(r.endDate) > a ? lastDayOf(r.endDate) : a), undefined);
  const after = lastRecalled === undefined ? timeline.from : addDays(lastRecalled, 1);
  return after < timeline.from ? timeline.from : after > timeline.to ? timeline.to : after;
}
