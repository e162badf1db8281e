// The Journal tab's answers: the form's context (defaults and choices), a page of the history, and
// a check-in to edit in the form, which is refused when the form could not show all its symptoms.
import type { Entry } from '../../core/entries';
import { clip, VIEW } from '../../core/limits';
import { rangeStart } from '../../core/ranges';
import type { Translate } from '../../core/safety';
import { SYMPTOMS } from '../../core/symptoms';
import type { LocalDate } from '../../core/time';
import type { EntryView, HistoryItem } from '../../webviews/shared/views';
import type { HistoryFilter, SidebarContext } from '../../webviews/sidebar/protocol';
import { toEntryView, toHistoryItem } from './entryView';
import { filterOptions, historyPage } from './history';
import { entryById, ownSymptoms, todaysDoseOffer } from './journal';
import type { JournalReader, ViewSettings } from './reader';

type ContextSettings = Pick<ViewSettings, 'defaultDose' | 'medicationName' | 'unit' | 'moodLabels' | 'supportResources'>;

/** What the entry form needs today; `card`: whether the calm support card is showing. */
export function sidebarContext(store: JournalReader, today: LocalDate, settings: ContextSettings, card: boolean): SidebarContext {
  const offer = todaysDoseOffer(store, today, settings.defaultDose());
  const own = ownSymptoms(store).map((o) => ({ ...o, group: 'own' }));
  return {
    support: { resources: settings.supportResources(), card },
    today,
    medication: settings.medicationName(),
    unit: settings.unit(),
    offeredDose: offer.offered,
    lastDose: offer.previous,
    loggedToday: offer.loggedToday.slice(-VIEW.todayDoses),
    moodLabels: [...settings.moodLabels()],
    // Menu choices only: past the limit the least used are left off, and typing a symptom still works.
    symptomCatalog: clip([...SYMPTOMS.map((s) => ({ key: s.key, label: s.label, group: s.group })), ...own], VIEW.symptomCatalog).items,
    tags: clip(filterOptions(store).tags, VIEW.tags).items
  };
}

/** One page of the history, newest first, for a filter whose range ends `today`. */
export function historyItems(store: JournalReader, filter: HistoryFilter, page: { offset: number; limit: number }, today: LocalDate, unit: string): { total: number; items: HistoryItem[] } {
  const since = rangeStart(filter.range, today);
  const found = historyPage(store, { since, tag: filter.tag, symptom: filter.symptom, search: filter.search, offset: page.offset, limit: page.limit });
  return { total: found.total, items: found.rows.map((row) => toHistoryItem(row, unit)) };
}

/** The panel shows VIEW.entrySymptoms symptoms of an entry: saving its draft over one with more would drop the rest. */
function refuseHiddenSymptoms(entry: Entry | undefined, t: Translate): void {
  const shown = entry?.symptoms.length ?? 0;
  if (shown > VIEW.entrySymptoms) {
    throw new Error(t('This entry has {0} symptoms, more than the panel can show ({1}), so it cannot be edited here. It was left as it is.', shown, VIEW.entrySymptoms));
  }
}

/** Before the form's draft is saved over check-in `id`: refused when the form could not show all its symptoms. */
export function checkEditable(store: JournalReader, id: string, t: Translate): void {
  refuseHiddenSymptoms(entryById(store, id), t);
}

/** Check-in `id` as the form edits it; refused when it is gone, or when the form could not show all its symptoms. */
export function entryToEdit(store: JournalReader, id: string, unit: string, t: Translate): EntryView {
  const entry = entryById(store, id);
  if (!entry || entry.checkIn.deletedAt) throw new Error(t('That check-in is no longer in the journal.'));
  refuseHiddenSymptoms(entry, t);
  return toEntryView(entry, unit);
}
