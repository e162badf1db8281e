// A recalled period as the panel shows it (Plan tab and charts).
import type { RecalledPeriod } from '../core/schemas';
import type { RecalledView } from '../protocol';

export function toRecalledView(p: RecalledPeriod): RecalledView {
  return { id: p.id, medication: p.medication, startDate: p.startDate, endDate: p.endDate, mg: p.mg, context: p.context, mood: p.mood, certainty: p.certainty };
}
