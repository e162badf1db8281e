// Maps journal rows to the shape the panel shows (see EntryView in src/protocol.ts).
import type { Entry } from '../core/entries';
import { localTimeOfStamp } from '../core/time';
import type { EntryView } from '../protocol';

export function toEntryView(entry: Entry, unit: string): EntryView {
  const c = entry.checkIn;
  return {
    id: c.id,
    at: c.at,
    localDate: c.localDate,
    time: localTimeOfStamp(c),
    mood: c.mood,
    energy: c.energy,
    anxiety: c.anxiety,
    sleepHours: c.sleepHours,
    note: c.note,
    tags: c.tags,
    dose: entry.dose ? { mg: entry.dose.mg, unit, status: entry.dose.status, medication: entry.dose.medication } : null,
    symptoms: entry.symptoms.map((s) => ({ key: s.key, label: s.label, severity: s.severity }))
  };
}
