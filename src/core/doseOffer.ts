// What a check-in's dose step offers, read from the dose-day model. The first check-in of a day
// offers the step in force (or a plan step that began after the last dose), so Enter records it
// as taken. Once a dose is logged that day (taken, changed or skipped), it offers nothing: it names
// what was logged, and another intake is the user's explicit choice. It never suggests a dose.
import { doseRecord } from './stats/doseDays';
import type { Dose, DoseStatus, TaperStep } from './schemas';
import { currentStep, offeredDose } from './taper';
import { localTimeOfStamp, type LocalDate } from './time';

/** One dose row logged today, as the dose step names it. */
export interface LoggedIntake {
  mg: number;
  status: DoseStatus;
  /** Local time of the intake, HH:MM. */
  time: string;
}

export interface DoseOffer {
  /** What Enter records as taken; null once today's dose is logged (or when nothing is known). */
  offered: number | null;
  /** The step in force today, for "changed from"; null before any dose was taken. */
  previous: number | null;
  /** Today's dose rows, oldest first; empty on the first check-in of the day. */
  loggedToday: LoggedIntake[];
}

const byTime = (a: Dose, b: Dose) => (a.at === b.at ? (a.createdAt < b.createdAt ? -1 : 1) : a.at < b.at ? -1 : 1);

/**
 * `doses`: every live dose row (the step in force needs the history); `steps`: the taper plan;
 * `fallback`: the dose from the settings, offered before anything is logged or planned.
 */
export function doseOffer(input: { doses: readonly Dose[]; steps: readonly TaperStep[]; today: LocalDate; fallback: number | null }): DoseOffer {
  const { today } = input;
  const live = input.doses.filter((d) => !d.deletedAt);
  const record = doseRecord(live);
  const previous = record.levelOn(today);
  const loggedToday = live
    .filter((d) => d.localDate === today)
    .sort(byTime)
    .map((d) => ({ mg: d.mg, status: d.status, time: localTimeOfStamp(d) }));
  if (loggedToday.length) return { offered: null, previous, loggedToday };
  const last = record.lastTaken === undefined || previous === null ? undefined : { localDate: record.lastTaken, mg: previous };
  return { offered: offeredDose(last, currentStep(input.steps, today), input.fallback), previous, loggedToday };
}
