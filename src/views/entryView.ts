// Maps journal rows to the shape the panel shows (see EntryView in src/protocol.ts).
import type { Entry } from '../core/entries';
import { clip, PANEL } from '../core/limits';
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
    ...symptomsView(entry)
  };
}

/** The panel takes PANEL.entrySymptoms symptoms per entry; past that, it is told how many more there are. */
function symptomsView(entry: Entry): Pick<EntryView, 'symptoms' | 'symptomsOmitted'> {
  const { items, omitted } = clip(entry.symptoms, PANEL.entrySymptoms);
  const symptoms = items.map((s) => ({ key: s.key, label: s.label, severity: s.severity }));
  return omitted ? { symptoms, symptomsOmitted: omitted } : { symptoms };
}
