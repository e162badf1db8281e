// The Journal tab: the form's context and the history page by page (finished by the read model,
// storage/read/journalTab.ts), and saving, editing, deleting and undoing entries (through the
// journal actions).
import type { CheckInInput } from '../../../core/entries';
import { beforeEarliestYear } from '../../../core/transfer/checks';
import { EARLIEST_YEAR } from '../../../core/limits';
import { instantOf } from '../../../core/time';
import type { EntryDraft } from '../protocol';
import { type Handlers } from '../../protocol';
import { checkEditable, historyItems, sidebarContext } from '../../../storage/read/journalTab';
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
    'sidebar/context': async () => sidebarContext(await d.read(), clock.today(), settings, d.support.cardVisible()),
    'history/page': async ({ filter, offset, limit }) => historyItems(await d.read(), filter, { offset, limit }, clock.today(), settings.unit()),
    'entry/save': ({ draft }) => d.actions.checkIn(input(draft), 'panel'),
    'entry/update': async ({ id, draft }) => {
      checkEditable(await d.read(), id, t);
      return d.actions.editCheckIn(id, input(draft));
    },
    'entry/delete': async ({ id, kind }) => ({ undoToken: (await d.actions.deleteEntry(id, kind)).undoToken }),
    'entry/undo': async ({ undoToken }) => {
      if ((await d.actions.undo(undoToken)) === 'unknown') throw new Error(t('Nothing to undo: that change is too old or was already undone.'));
      return null;
    }
  };
}
