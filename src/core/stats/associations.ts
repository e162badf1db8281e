// What goes with better days: for each tag and each symptom, the mean mood on the days it was
// logged against the mean on the other days. Only days with a check-in count (a day's mood is the
// mean of its check-ins), and only tags and symptoms with at least MIN_DAYS_EACH days on each side,
// as Bearable does. These are associations in the user's own records: nothing here says which way
// anything runs, and the wording that shows them says so.
import type { CheckIn, Symptom } from '../schemas';
import { dailyMood, live, mean } from './mood';
import { symptomLabel } from '../symptoms';
import type { LocalDate } from '../time';

/** Days needed with a tag or symptom, and without it, before a comparison is shown. */
export const MIN_DAYS_EACH = 3;

export interface Association {
  kind: 'tag' | 'symptom';
  /** The tag as written, or the symptom's key. */
  key: string;
  /** The tag, or the symptom's latest label. */
  label: string;
  /** Mean of the daily mean moods on days with it, and how many days. */
  withMean: number;
  withDays: number;
  /** The same over the other days with a check-in. */
  otherMean: number;
  otherDays: number;
  /** withMean − otherMean. */
  difference: number;
}

export interface AssociationInput {
  checkins: readonly CheckIn[];
  symptoms: readonly Symptom[];
}

/**
 * Every tag and symptom with at least MIN_DAYS_EACH days with it and without it, among the days
 * from `from` to `to` with a check-in; the largest differences (either way) first, then by label.
 */
export function associations(input: AssociationInput, from: LocalDate, to: LocalDate): Association[] {
  const moods = new Map<LocalDate, number>();
  for (const d of dailyMood(input.checkins, from, to)) if (d.mean !== null) moods.set(d.date, d.mean);
  const days = new Map<string, { kind: Association['kind']; key: string; label: string; dates: Set<LocalDate> }>();
  const mark = (kind: Association['kind'], key: string, label: string, date: LocalDate) => {
    if (!moods.has(date)) return;
    const id = `${kind}:${key}`;
    const entry = days.get(id) ?? { kind, key, label, dates: new Set<LocalDate>() };
    entry.label = label;
    entry.dates.add(date);
    days.set(id, entry);
  };
  for (const c of [...live(input.checkins)].sort((a, b) => (a.at < b.at ? -1 : 1))) for (const tag of c.tags) mark('tag', tag, tag, c.localDate);
  for (const s of [...live(input.symptoms)].sort((a, b) => (a.at < b.at ? -1 : 1))) {
    if (s.severity > 0) mark('symptom', s.key, s.label.trim() || symptomLabel(s.key) || s.key, s.localDate);
  }
  const out: Association[] = [];
  for (const { kind, key, label, dates } of days.values()) {
    const withMoods: number[] = [];
    const otherMoods: number[] = [];
    for (const [date, m] of moods) (dates.has(date) ? withMoods : otherMoods).push(m);
    if (withMoods.length < MIN_DAYS_EACH || otherMoods.length < MIN_DAYS_EACH) continue;
    const withMean = mean(withMoods)!;
    const otherMean = mean(otherMoods)!;
    out.push({ kind, key, label, withMean, withDays: withMoods.length, otherMean, otherDays: otherMoods.length, difference: withMean - otherMean });
  }
  return out.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.label.localeCompare(b.label) || a.kind.localeCompare(b.kind));
}
