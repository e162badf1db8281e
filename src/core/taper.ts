// The taper plan the user and their prescriber agreed on: which step applies on a date, and what
// dose to offer in a check-in. It records the plan; it never proposes one.
import type { TaperStep } from './schemas';
import type { LocalDate } from './time';

/** The step in force on `date`: the latest one that has started. */
export function currentStep(steps: readonly TaperStep[], date: LocalDate): TaperStep | undefined {
  let found: TaperStep | undefined;
  for (const s of steps) {
    if (s.deletedAt || s.startDate > date) continue;
    if (!found || s.startDate > found.startDate || (s.startDate === found.startDate && s.updatedAt > found.updatedAt)) found = s;
  }
  return found;
}

/**
 * The dose to offer on the first check-in of a day: a plan step that started after the last day a
 * dose was taken wins (the user is starting the agreed new step); otherwise `last.mg`, the step in
 * force from the logged doses (see doseOffer.ts; never the last intake alone).
 */
export function offeredDose(last: { localDate: LocalDate; mg: number } | undefined, step: TaperStep | undefined, fallback: number | null): number | null {
  if (step && (!last || step.startDate > last.localDate)) return step.targetMg;
  return last?.mg ?? step?.targetMg ?? fallback;
}
