// Maps journal rows to the shape the pages show (EntryView and HistoryItem, src/webviews/shared/views.ts:
// the wire types, imported as types only, so tsc holds these views to the pages' schemas).
import type { Entry } from '../../core/entries';
import { clip, VIEW } from '../../core/limits';
import { localTimeOfStamp } from '../../core/time';
import type { EntryView, HistoryItem } from '../../webviews/shared/views';
import type { HistoryRow } from './history';

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

/** The panel takes VIEW.entrySymptoms symptoms per entry; past that, it is told how many more there are. */
function symptomsView(entry: Entry): Pick<EntryView, 'symptoms' | 'symptomsOmitted'> {
  const { items, omitted } = clip(entry.symptoms, VIEW.entrySymptoms);
  const symptoms = items.map((s) => ({ key: s.key, label: s.label, severity: s.severity }));
  return omitted ? { symptoms, symptomsOmitted: omitted } : { symptoms };
}

/** One row of the history (or of a day on the dashboard) as the panel shows it. */
export function toHistoryItem(row: HistoryRow, unit: string): HistoryItem {
  const moment = (r: { id: string; at: string; localDate: string; utcOffset: number }) => ({ id: r.id, at: r.at, localDate: r.localDate, time: localTimeOfStamp(r) });
  switch (row.kind) {
    case 'checkin':
      return { kind: 'checkin', entry: toEntryView(row.entry, unit) };
    case 'dose':
      return { kind: 'dose', ...moment(row.dose), dose: { mg: row.dose.mg, unit, status: row.dose.status, medication: row.dose.medication }, previousMg: row.previousMg };
    case 'event':
      return { kind: 'event', ...moment(row.event), title: row.event.title, note: row.event.note };
    case 'note':
      return { kind: 'note', ...moment(row.note), text: row.note.text };
  }
}
