// The prescriber summary as plain data: what was logged over a range, with the n behind every
// figure. It reports; it draws no conclusions. summaryRender.ts turns it into Markdown or HTML.
import { QUESTIONNAIRES } from './questionnaires';
import type { Appointment, CheckIn, Note, Questionnaire } from './schemas';
import {
  adherence,
  dailyMood,
  daysWithoutLevel,
  doseChanges,
  doseTimeline,
  lastChangeOnOrBefore,
  levelsByDay,
  live,
  loggedByDate,
  mean,
  moodByDose,
  symptomOnsets,
  weeklyMood,
  type Adherence,
  type DoseChange,
  type DoseMood,
  type DoseTimeline,
  type SymptomOnset,
  type WeeklyMood
} from './stats';
import { addDays, daysBetween, localTimeOfStamp, type LocalDate } from './time';
import type { RowsByTable } from './transfer';

/** Length of the default range when there is no past appointment. */
export const DEFAULT_RANGE_DAYS = 90;

export type RangeBasis = 'chosen' | 'since-appointment' | 'default-days' | 'since-first-entry';

export interface SummaryRange {
  from: LocalDate;
  to: LocalDate;
  days: number;
  basis: RangeBasis;
}

/**
 * Since the last appointment before today (its day included, since what was logged after the visit
 * that day is new to the prescriber), else the last 90 days, but not before the journal's first
 * entry (`firstEntry`), so the summary does not open on weeks that predate the journal. It ends
 * today. An appointment today is the one being prepared for, so it does not count as past.
 */
export function defaultRange(appointments: readonly Appointment[], today: LocalDate, firstEntry?: LocalDate): SummaryRange {
  const past = live(appointments)
    .filter((a) => a.date < today)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const last = past[past.length - 1];
  const ninety = addDays(today, -(DEFAULT_RANGE_DAYS - 1));
  const clipped = !last && firstEntry !== undefined && firstEntry > ninety && firstEntry <= today;
  const from = last ? last.date : clipped ? firstEntry : ninety;
  const basis: RangeBasis = last ? 'since-appointment' : clipped ? 'since-first-entry' : 'default-days';
  return { from, to: today, days: daysBetween(from, today) + 1, basis };
}

/** The earliest local date of any live entry (check-in, dose, symptom, event, note, questionnaire). */
export function firstEntryDate(rows: RowsByTable): LocalDate | undefined {
  const lists = [rows.checkins, rows.doses, rows.symptoms, rows.life_events, rows.notes, rows.questionnaires];
  let first: LocalDate | undefined;
  for (const list of lists) for (const r of live<{ localDate: LocalDate; deletedAt: string | null }>(list ?? [])) if (!first || r.localDate < first) first = r.localDate;
  return first;
}

export interface SelectableNote {
  id: string;
  source: 'checkin' | 'note';
  date: LocalDate;
  /** Local time HH:MM when written. */
  time: string;
  at: string;
  text: string;
}

/** Check-in notes and Add Note notes in range, oldest first, for the user to pick from. */
export function selectableNotes(rows: RowsByTable, from: LocalDate, to: LocalDate): SelectableNote[] {
  const inRange = (r: { localDate: LocalDate }) => r.localDate >= from && r.localDate <= to;
  const fromCheckIn = (c: CheckIn): SelectableNote => ({ id: c.id, source: 'checkin', date: c.localDate, time: localTimeOfStamp(c), at: c.at, text: c.note.trim() });
  const fromNote = (n: Note): SelectableNote => ({ id: n.id, source: 'note', date: n.localDate, time: localTimeOfStamp(n), at: n.at, text: n.text.trim() });
  return [...live(rows.checkins ?? []).filter(inRange).map(fromCheckIn), ...live(rows.notes ?? []).filter(inRange).map(fromNote)]
    .filter((n) => n.text !== '')
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export interface QuestionnaireResult {
  date: LocalDate;
  kind: Questionnaire['kind'];
  name: string;
  total: number;
  maxTotal: number;
  band: string;
}

export interface ProviderQuestions {
  date: LocalDate;
  time: string | null;
  provider: string;
  /** True for the next appointment from today; false when falling back to the latest past one. */
  upcoming: boolean;
  questions: string[];
}

/** The next appointment (today or later) with its questions, else the latest one. */
export function providerQuestions(appointments: readonly Appointment[], today: LocalDate): ProviderQuestions | null {
  const all = [...live(appointments)].sort((a, b) => (a.date === b.date ? ((a.time ?? '') < (b.time ?? '') ? -1 : 1) : a.date < b.date ? -1 : 1));
  const next = all.find((a) => a.date >= today);
  const chosen = next ?? all[all.length - 1];
  if (!chosen) return null;
  const questions = chosen.questions.map((q) => q.trim()).filter(Boolean);
  return { date: chosen.date, time: chosen.time, provider: chosen.provider, upcoming: Boolean(next), questions };
}

export interface SummaryOptions {
  /** Both default to defaultRange(appointments, today). */
  from?: LocalDate;
  to?: LocalDate;
  today: LocalDate;
  medicationName: string;
  unit: string;
  /** Ids of the check-ins and notes whose text the user chose to include. */
  includeNoteIds?: readonly string[];
}

export interface SummaryCounts {
  checkIns: number;
  daysWithCheckIn: number;
  doses: number;
  symptomEntries: number;
  lifeEvents: number;
  questionnaires: number;
  notesAvailable: number;
  notesIncluded: number;
}

export interface Summary {
  medication: { name: string; unit: string };
  range: SummaryRange;
  today: LocalDate;
  counts: SummaryCounts;
  /** Mean of daily means over the range; days = days with a check-in. */
  mood: { mean: number | null; days: number; checkIns: number };
  /** The level on the range's last day (carried forward from lastLogged) and the latest change up to then. */
  current: { mg: number | null; lastLogged: LocalDate | null; lastChange: DoseChange | null; daysSinceChange: number | null };
  dose: DoseTimeline;
  moodByDose: DoseMood[];
  /** Days with a check-in but no dose logged yet, left out of moodByDose. */
  moodDaysWithoutDose: number;
  weekly: WeeklyMood[];
  symptoms: SymptomOnset[];
  lifeEvents: { date: LocalDate; time: string; title: string; note: string }[];
  questionnaires: QuestionnaireResult[];
  adherence: Adherence;
  questions: ProviderQuestions | null;
  notes: SelectableNote[];
}

export function buildSummary(rows: RowsByTable, options: SummaryOptions): Summary {
  const range = resolveRange(rows, options);
  const { from, to } = range;
  const inRange = <T extends { localDate: LocalDate; deletedAt: string | null }>(list: readonly T[] = []) =>
    live(list).filter((r) => r.localDate >= from && r.localDate <= to);
  const checkins = rows.checkins ?? [];
  const doses = rows.doses ?? [];
  const steps = rows.taper_steps ?? [];
  const days = dailyMood(checkins, from, to).filter((d) => d.n > 0);
  const candidates = selectableNotes(rows, from, to);
  const picked = new Set(options.includeNoteIds ?? []);
  const notes = candidates.filter((n) => picked.has(n.id));
  const lastChange = lastChangeOnOrBefore(doseChanges(doses), to) ?? null;
  const symptoms = inRange(rows.symptoms).filter((s) => s.severity > 0);
  const lifeEvents = inRange(rows.life_events)
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .map((e) => ({ date: e.localDate, time: localTimeOfStamp(e), title: e.title, note: e.note }));
  const questionnaires = inRange(rows.questionnaires)
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .map((q) => ({ date: q.localDate, kind: q.kind, name: QUESTIONNAIRES[q.kind].name, total: q.total, maxTotal: QUESTIONNAIRES[q.kind].maxTotal, band: q.band }));
  return {
    medication: { name: options.medicationName, unit: options.unit },
    range,
    today: options.today,
    counts: {
      checkIns: inRange(checkins).length,
      daysWithCheckIn: days.length,
      doses: inRange(doses).length,
      symptomEntries: symptoms.length,
      lifeEvents: lifeEvents.length,
      questionnaires: questionnaires.length,
      notesAvailable: candidates.length,
      notesIncluded: notes.length
    },
    mood: { mean: mean(days.map((d) => d.mean!)), days: days.length, checkIns: days.reduce((a, d) => a + d.n, 0) },
    current: {
      mg: levelsByDay(doses, to, to).get(to) ?? null,
      lastLogged: [...loggedByDate(doses).keys()].filter((d) => d <= to).sort().pop() ?? null,
      lastChange,
      daysSinceChange: lastChange ? daysBetween(lastChange.date, to) : null
    },
    dose: doseTimeline(doses, steps, from, to),
    moodByDose: moodByDose(checkins, doses, from, to),
    moodDaysWithoutDose: daysWithoutLevel(checkins, doses, from, to),
    weekly: weeklyMood(checkins, from, to),
    symptoms: symptomOnsets(rows.symptoms ?? [], doses, from, to),
    lifeEvents,
    questionnaires,
    adherence: adherence(doses, steps, from, to),
    questions: providerQuestions(rows.appointments ?? [], options.today),
    notes
  };
}

function resolveRange(rows: RowsByTable, options: SummaryOptions): SummaryRange {
  if (!options.from && !options.to) return defaultRange(rows.appointments ?? [], options.today, firstEntryDate(rows));
  const to = options.to ?? options.today;
  const from = options.from ?? defaultRange(rows.appointments ?? [], to, firstEntryDate(rows)).from;
  if (from > to) throw new RangeError(`The summary range starts (${from}) after it ends (${to})`);
  return { from, to, days: daysBetween(from, to) + 1, basis: 'chosen' };
}
