// The prescriber summary as plain data: what was logged over a range, with the n behind every
// figure. It reports; it draws no conclusions. summaryDoc.ts lays it out as page 1 and an appendix.
import { changeWindows, type ChangeWindow } from '../stats/afterChange';
import { doseRecord, type DoseChange, type DoseDay } from '../stats/doseDays';
import { adherence, doseTimeline, moodByDose, type Adherence, type DoseMood, type DoseTimeline, type MoodDaysLeftOut } from '../stats/doses';
import { doseSteps, type DoseStep } from '../stats/steps';
import { symptomOnsets, type SymptomOnset } from '../stats/onsets';
import { rollingMedian, type RollingPoint } from '../stats/quantiles';
import { QUESTIONNAIRES } from '../questionnaires';
import { byStart, overlapsOf, type Overlap } from '../recalled';
import type { CrisisResource } from '../safety';
import type { Appointment, CheckIn, Note, Questionnaire, RecalledPeriod, TaperStep } from '../schemas';
import { dailyMood, live, mean, weeklyMood, type DailyMood, type WeeklyMood } from '../stats/mood';
import { currentStep } from '../taper';
import { addDays, daysBetween, localTimeOfStamp, type LocalDate } from '../time';
import type { RowsByTable } from '../transfer/transfer';

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
  /** Total minus the first total of the same questionnaire in range; null for that first one. */
  changeFromFirst: number | null;
  /** PHQ-9 item 9 as answered (0–3); null for other questionnaires. */
  item9: number | null;
}

export interface ProviderQuestions {
  date: LocalDate;
  time: string | null;
  provider: string;
  /**
   * True when these are the next appointment's own questions. False when they were recorded for
   * another one, which the summary then names ("from" its date): a later appointment, when the next
   * one has none, or with no appointment ahead the latest past one.
   */
  upcoming: boolean;
  questions: string[];
}

/**
 * The questions to bring to the next appointment (today or later). If it has none, those of the
 * first later appointment that has some, so questions never drop out of the summary because an
 * earlier appointment was added. With no appointment ahead, the latest one's.
 */
export function providerQuestions(appointments: readonly Appointment[], today: LocalDate): ProviderQuestions | null {
  const all = [...live(appointments)].sort((a, b) => (a.date === b.date ? ((a.time ?? '') < (b.time ?? '') ? -1 : 1) : a.date < b.date ? -1 : 1));
  const asked = (a: Appointment) => a.questions.map((q) => q.trim()).filter(Boolean);
  const ahead = all.filter((a) => a.date >= today);
  const chosen = ahead.find((a) => asked(a).length > 0) ?? ahead[0] ?? all[all.length - 1];
  if (!chosen) return null;
  return { date: chosen.date, time: chosen.time, provider: chosen.provider, upcoming: chosen === ahead[0], questions: asked(chosen) };
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
  /** The support lines from settings; the footer carries them when PHQ-9 item 9 was answered above 0. */
  support?: readonly CrisisResource[];
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
  /**
   * The step in force on the range's last day, the last day a dose was taken (on or before it), and
   * the latest change up to then. The step is not a dose taken: `lastTaken` says when one last was.
   */
  current: { mg: number | null; lastTaken: LocalDate | null; lastChange: DoseChange | null; daysSinceChange: number | null; startBy: LocalDate | null };
  dose: DoseTimeline;
  moodByDose: DoseMood[];
  /** Days with a check-in that mood by dose leaves out, and why. */
  moodDaysLeftOut: MoodDaysLeftOut;
  weekly: WeeklyMood[];
  symptoms: SymptomOnset[];
  lifeEvents: { date: LocalDate; time: string; title: string; note: string }[];
  questionnaires: QuestionnaireResult[];
  adherence: Adherence;
  questions: ProviderQuestions | null;
  notes: SelectableNote[];
  /** One row per day in range, oldest first: mood, dose level, skipped dose, symptoms. */
  daily: DailyRow[];
  /** Trailing 7-day rolling median of the daily means, one point per day. */
  rolling: RollingPoint[];
  /** Each logged dose level in range, side by side. */
  steps: DoseStep[];
  /** The days after each dose change in range. */
  afterChanges: ChangeWindow[];
  /** The taper step in force on the range's last day, if a plan is recorded. */
  planStep: PlanStepNow | null;
  /** The support lines, only when a PHQ-9 in range has item 9 answered above 0. */
  support: CrisisResource[] | null;
  /**
   * Medication history as recalled by the patient, oldest first, with where each period overlaps
   * another or the logged doses. Kept apart: nothing above reads it.
   */
  recalled: { period: RecalledPeriod; overlaps: Overlap[] }[];
}

export interface DailyRow extends DailyMood {
  /** The dose-day model's reading of the day: taken (with its intakes), skipped only, or not logged. */
  dose: DoseDay;
  planned: number | null;
  /** Symptoms logged above 0 that day, with the highest severity, by label. */
  symptoms: { key: string; label: string; severity: number }[];
}

export interface PlanStepNow {
  /** 1-based position among the plan's steps, by start date. */
  index: number;
  count: number;
  targetMg: number;
  startDate: LocalDate;
  /** The range's last day counted from the step's start (day 0), as every day count on the page is. */
  day: number;
}

function planStepOn(steps: readonly TaperStep[], date: LocalDate): PlanStepNow | null {
  const step = currentStep(steps, date);
  if (!step) return null;
  const ordered = live(steps)
    .filter((x) => x.medicationId === step.medicationId)
    .map((x) => x.startDate)
    .sort();
  const dates = [...new Set(ordered)];
  return { index: dates.indexOf(step.startDate) + 1, count: dates.length, targetMg: step.targetMg, startDate: step.startDate, day: daysBetween(step.startDate, date) };
}

function questionnaireResults(list: readonly Questionnaire[]): QuestionnaireResult[] {
  const first = new Map<string, number>();
  return [...list]
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .map((q) => {
      const base = first.get(q.kind);
      if (base === undefined) first.set(q.kind, q.total);
      return {
        date: q.localDate,
        kind: q.kind,
        name: QUESTIONNAIRES[q.kind].name,
        total: q.total,
        maxTotal: QUESTIONNAIRES[q.kind].maxTotal,
        band: q.band,
        changeFromFirst: base === undefined ? null : q.total - base,
        item9: q.kind === 'phq9' ? (q.answers[8] ?? 0) : null
      };
    });
}

function dailyRows(days: readonly DailyMood[], dose: DoseTimeline, symptoms: readonly { localDate: LocalDate; key: string; label: string; severity: number }[]): DailyRow[] {
  const byDate = new Map<LocalDate, Map<string, { key: string; label: string; severity: number }>>();
  for (const s of symptoms) {
    const day = byDate.get(s.localDate) ?? new Map<string, { key: string; label: string; severity: number }>();
    const prev = day.get(s.key);
    day.set(s.key, { key: s.key, label: s.label.trim() || s.key, severity: Math.max(prev?.severity ?? 0, s.severity) });
    byDate.set(s.localDate, day);
  }
  return days.map((d, i) => {
    const t = dose.days[i];
    return { ...d, dose: t, planned: t.planned, symptoms: [...(byDate.get(d.date)?.values() ?? [])].sort((a, b) => a.label.localeCompare(b.label)) };
  });
}

export function buildSummary(rows: RowsByTable, options: SummaryOptions): Summary {
  const range = resolveRange(rows, options);
  const { from, to } = range;
  const inRange = <T extends { localDate: LocalDate; deletedAt: string | null }>(list: readonly T[] = []) =>
    live(list).filter((r) => r.localDate >= from && r.localDate <= to);
  const checkins = rows.checkins ?? [];
  const doses = rows.doses ?? [];
  const steps = rows.taper_steps ?? [];
  const allDays = dailyMood(checkins, from, to);
  const days = allDays.filter((d) => d.n > 0);
  const candidates = selectableNotes(rows, from, to);
  const picked = new Set(options.includeNoteIds ?? []);
  const notes = candidates.filter((n) => picked.has(n.id));
  const record = doseRecord(doses);
  const lastChange = record.lastChangeOnOrBefore(to) ?? null;
  const symptoms = inRange(rows.symptoms).filter((s) => s.severity > 0);
  const lifeEvents = inRange(rows.life_events)
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .map((e) => ({ date: e.localDate, time: localTimeOfStamp(e), title: e.title, note: e.note }));
  const questionnaires = questionnaireResults(inRange(rows.questionnaires));
  const dose = doseTimeline(doses, steps, from, to);
  const item9 = questionnaires.some((q) => (q.item9 ?? 0) > 0);
  const input = { checkins, doses, symptoms: rows.symptoms ?? [], lifeEvents: rows.life_events ?? [] };
  const mood = moodByDose(checkins, doses, from, to);
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
      mg: record.levelOn(to),
      lastTaken: lastTakenOnOrBefore(record.loggedDates, (d) => record.day(d).kind === 'taken', to),
      lastChange,
      daysSinceChange: lastChange ? daysBetween(lastChange.date, to) : null,
      startBy: stepStartBy(record, to)
    },
    dose,
    moodByDose: mood.levels,
    moodDaysLeftOut: mood.leftOut,
    weekly: weeklyMood(checkins, from, to),
    symptoms: symptomOnsets(rows.symptoms ?? [], doses, from, to, lifeEvents),
    lifeEvents,
    questionnaires,
    adherence: adherence(doses, steps, from, to),
    questions: providerQuestions(rows.appointments ?? [], options.today),
    notes,
    daily: dailyRows(allDays, dose, symptoms),
    rolling: rollingMedian(allDays),
    steps: doseSteps(input, from, to),
    afterChanges: changeWindows(input, from, to),
    planStep: planStepOn(steps, to),
    support: item9 ? [...(options.support ?? [])] : null,
    recalled: recalledHistory(rows.recalled_periods ?? [], doses)
  };
}

/** When the log does not show where the step in force began: the first dose logged, on or before which it did. */
function stepStartBy(record: ReturnType<typeof doseRecord>, date: LocalDate): LocalDate | null {
  const start = record.stepStart(date);
  return start && !start.known ? start.onOrBefore : null;
}

function lastTakenOnOrBefore(dates: readonly LocalDate[], taken: (d: LocalDate) => boolean, to: LocalDate): LocalDate | null {
  for (let i = dates.length - 1; i >= 0; i--) if (dates[i] <= to && taken(dates[i])) return dates[i];
  return null;
}

function recalledHistory(list: readonly RecalledPeriod[], doses: RowsByTable['doses'] = []): Summary['recalled'] {
  const periods = byStart(list);
  return periods.map((period) => ({ period, overlaps: overlapsOf(period, periods, doses) }));
}

/**
 * The range asked for. When it is exactly the default range (as the range picker offers it first),
 * it keeps that range's basis, so the header can say "since the appointment on …".
 */
function resolveRange(rows: RowsByTable, options: SummaryOptions): SummaryRange {
  const def = defaultRange(rows.appointments ?? [], options.today, firstEntryDate(rows));
  if (!options.from && !options.to) return def;
  const to = options.to ?? options.today;
  const from = options.from ?? defaultRange(rows.appointments ?? [], to, firstEntryDate(rows)).from;
  if (from > to) throw new RangeError(`The summary range starts (${from}) after it ends (${to})`);
  if (from === def.from && to === def.to) return def;
  return { from, to, days: daysBetween(from, to) + 1, basis: 'chosen' };
}
