// A recalled period as the panel shows it (Plan tab and charts), and which periods a timeline draws.
// Recalled periods never enter a figure: timelines draw them as a band of their own.
import { VIEW } from '../../core/limits';
import { sameMedication } from '../../core/recalled';
import type { RecalledPeriod } from '../../core/schemas';
import { firstDayOf, lastDayOf, type LocalDate } from '../../core/time';
import type { RecalledView, TimelineRecalledView } from '../../webviews/shared/views';

export function toRecalledView(p: RecalledPeriod): RecalledView {
  return { id: p.id, medication: p.medication, startDate: p.startDate, endDate: p.endDate, mg: p.mg, context: p.context, mood: p.mood, certainty: p.certainty };
}

/** Where "All" starts on a timeline: the first entry, or the first recalled period when that is earlier. */
export function timelineStart(firstEntry: LocalDate | undefined, periods: readonly RecalledPeriod[]): LocalDate | undefined {
  const firstRecalled = periods.length ? firstDayOf(periods[0].startDate) : undefined;
  return [firstEntry, firstRecalled].filter((x): x is string => !!x).sort()[0];
}

/**
 * The periods a timeline from..to draws, within the panel's limit; nothing when none touches it.
 * Each says whether it is of `medication`, the one the journal logs: only those share its mg axis.
 */
export function recalledWithin(periods: readonly RecalledPeriod[], from: LocalDate, to: LocalDate, medication: string): { recalled?: TimelineRecalledView[] } {
  const within = periods.filter((p) => lastDayOf(p.endDate) >= from && firstDayOf(p.startDate) <= to).slice(0, VIEW.recalledPeriods);
  return within.length ? { recalled: within.map((p) => ({ ...toRecalledView(p), sameMedication: sameMedication(p.medication, medication) })) } : {};
}
