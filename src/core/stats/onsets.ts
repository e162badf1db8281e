// When each symptom was logged in a range, as episodes: runs of days logged, split where 7 or more
// symptom-free days pass. For each episode, the facts a prescriber weighs beside its first day: a
// dose change in the 28 days before (never one longer ago), the days without a dose taken in the
// 7 days before (NICE NG222 1.4.14 puts missed doses beside the symptom timeline), and the life
// events logged the same day. Facts and days only; nothing here says what they mean.
import { CHANGE_LAST_DAY } from '../limits';
import { doseRecord, untakenBefore, type DoseChange } from './doseDays';
import type { Dose, Symptom } from '../schemas';
import { symptomLabel } from '../symptoms';
import { daysBetween, type LocalDate } from '../time';

/** Symptom-free days that separate two episodes. */
export const EPISODE_GAP = 7;
/** A change is named beside an onset only within this many days before it. */
export const CHANGE_WITHIN = CHANGE_LAST_DAY;
/** Days before an onset checked for skipped or unlogged doses. */
export const MISSED_WITHIN = 7;

export interface SymptomEpisode {
  firstDate: LocalDate;
  lastDate: LocalDate;
  daysLogged: number;
  /** lastDate − firstDate + 1. */
  spanDays: number;
  peak: number;
  /** The latest change on or up to CHANGE_WITHIN days before firstDate; null when none. */
  change: DoseChange | null;
  daysAfterChange: number | null;
  /** Days in the MISSED_WITHIN days before firstDate with only a skipped dose, or nothing logged (after the first dose ever). */
  skippedBefore: LocalDate[];
  notLoggedBefore: LocalDate[];
  /** Indices into the `events` passed in, for the life events logged on firstDate. */
  sameDayEvents: number[];
}

export interface SymptomOnset {
  key: string;
  label: string;
  /** Oldest first; at least one. */
  episodes: SymptomEpisode[];
  /** Also logged (above 0) before the range, so the first episode may have begun earlier. */
  loggedBefore: boolean;
}

/** Symptom rows dated from `from` to `to` (both included), by key, each list in time order. */
export function symptomsByKey(rows: readonly Symptom[], from: LocalDate, to: LocalDate): Map<string, Symptom[]> {
  const byKey = new Map<string, Symptom[]>();
  for (const s of rows) {
    if (s.localDate < from || s.localDate > to) continue;
    const list = byKey.get(s.key) ?? [];
    list.push(s);
    byKey.set(s.key, list);
  }
  for (const list of byKey.values()) list.sort((a, b) => (a.at < b.at ? -1 : 1));
  return byKey;
}

/**
 * Every symptom logged above 0 in the range, by first day, with its episodes. `events`: the life
 * events the summary numbers (E1, E2…), so an onset can say "same day as E3".
 */
export function symptomOnsets(symptoms: readonly Symptom[], doses: readonly Dose[], from: LocalDate, to: LocalDate, events: readonly { date: LocalDate }[] = []): SymptomOnset[] {
  const present = symptoms.filter((s) => !s.deletedAt && s.severity > 0);
  const record = doseRecord(doses);
  const out: SymptomOnset[] = [];
  for (const [key, rows] of symptomsByKey(present, from, to)) {
    const worst = new Map<LocalDate, number>();
    for (const r of rows) worst.set(r.localDate, Math.max(worst.get(r.localDate) ?? 0, r.severity));
    const dates = [...worst.keys()].sort();
    const runs: LocalDate[][] = [];
    for (const d of dates) {
      const run = runs[runs.length - 1];
      if (run && daysBetween(run[run.length - 1], d) - 1 < EPISODE_GAP) run.push(d);
      else runs.push([d]);
    }
    const episodes = runs.map((run): SymptomEpisode => {
      const firstDate = run[0];
      const last = record.lastChangeOnOrBefore(firstDate);
      const change = last && daysBetween(last.date, firstDate) <= CHANGE_WITHIN ? last : null;
      const missed = untakenBefore(record, firstDate, MISSED_WITHIN);
      return {
        firstDate,
        lastDate: run[run.length - 1],
        daysLogged: run.length,
        spanDays: daysBetween(firstDate, run[run.length - 1]) + 1,
        peak: Math.max(...run.map((d) => worst.get(d)!)),
        change,
        daysAfterChange: change ? daysBetween(change.date, firstDate) : null,
        skippedBefore: missed.skipped,
        notLoggedBefore: missed.notLogged,
        sameDayEvents: events.flatMap((e, i) => (e.date === firstDate ? [i] : []))
      };
    });
    out.push({
      key,
      label: rows[rows.length - 1].label.trim() || symptomLabel(key) || key,
      episodes,
      loggedBefore: present.some((s) => s.key === key && s.localDate < from)
    });
  }
  const first = (o: SymptomOnset) => o.episodes[0].firstDate;
  return out.sort((a, b) => (first(a) === first(b) ? a.label.localeCompare(b.label) : first(a) < first(b) ? -1 : 1));
}
