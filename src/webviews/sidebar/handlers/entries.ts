// The Journal tab: the form's context, the history page by page, and saving, editing, deleting
// and undoing entries (through the journal actions).
import type { CheckInInput } from '../../../core/entries';
import { beforeEarliestYear } from '../../../core/transfer/checks';
import { clip, EARLIEST_YEAR, VIEW } from '../../../core/limits';
import { SYMPTOMS } from '../../../core/symptoms';
import { instantOf } from '../../../core/time';
import { rangeStart, type EntryDraft } from '../protocol';
import { type Handlers } from '../../protocol';
import { filterOptions, historyPage } from '../../../storage/read/history';
import { entryById, ownSymptoms, todaysDoseOffer } from '../../../storage/read/journal';
import { toHistoryItem } from '../entryView';
import type { HandlerDeps } from '../../handlerDeps';

type EntryMethods = 'sidebar/context' | 'history/page' | 'entry/save' | 'entry/update' | 'entry/delete' | 'entry/undo';

export function entryHandlers(d: Pick<HandlerDeps, 'read' | 'actions' | 'clock' | 'settings' | 'support' | 't'>): Pick<Handlers, EntryMethods> {
  const { settings, clock, t } = d;

  /** The instant a draft is about: now, or the chosen day and time for a missed day. */
  const instant = (draft: EntryDraft & { date: string }): number => {
    if (draft.date > clock.today()) throw new Error(t('The date {0} is in the future. Choose today or an earlier day.', draft.date));
    if (beforeEarliestYear(draft.date)) throw new Error(t('The date {0} is before {1}. Choose a later day.', draft.date, EARLIEST_YEAR));
    const [h, m] = (draft.time ?? '12:00').split(':').map(Number);
    return instantOf(draft.date, h, m, clock.zone());
  };

  /** The check-in a draft describes; `at` only when a day was chosen (an edit otherwise keeps its moment). */
  const input = (draft: EntryDraft): CheckInInput => ({
    mood: draft.mood,
    energy: draft.energy,
    anxiety: draft.anxiety,
    sleepHours: draft.sleepHours,
    note: draft.note,
    tags: draft.tags,
    dose: draft.dose ? { ...draft.dose, medication: settings.medicationName() } : null,
    symptoms: draft.symptoms,
    ...(draft.date ? { at: instant({ ...draft, date: draft.date }) } : {})
  });

  return {
    'sidebar/context': async () => {
      const store = await d.read();
      const today = clock.today();
      const offer = todaysDoseOffer(store, today, settings.defaultDose());
      const own = ownSymptoms(store).map((o) => ({ ...o, group: 'own' }));
      return {
        support: { resources: settings.supportResources(), card: d.support.cardVisible() },
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
    },
    'history/page': async ({ filter, offset, limit }) => {
      const since = rangeStart(filter.range, clock.today());
      const page = historyPage(await d.read(), { since, tag: filter.tag, symptom: filter.symptom, search: filter.search, offset, limit });
      return { total: page.total, items: page.rows.map((row) => toHistoryItem(row, settings.unit())) };
    },
    'entry/save': ({ draft }) => d.actions.checkIn(input(draft), 'panel'),
    'entry/update': async ({ id, draft }) => {
      // The panel saw only the first VIEW.entrySymptoms symptoms; saving its draft would drop the rest.
      const shown = entryById(await d.read(), id)?.symptoms.length ?? 0;
      if (shown > VIEW.entrySymptoms) {
        throw new Error(t('This entry has {0} symptoms, more than the panel can show ({1}), so it cannot be edited here. It was left as it is.', shown, VIEW.entrySymptoms));
      }
      return d.actions.editCheckIn(id, input(draft));
    },
    'entry/delete': async ({ id, kind }) => ({ undoToken: (await d.actions.deleteEntry(id, kind)).undoToken }),
    'entry/undo': async ({ undoToken }) => {
      if ((await d.actions.undo(undoToken)) === 'unknown') throw new Error(t('Nothing to undo: that change is too old or was already undone.'));
      return null;
    }
  };
}
