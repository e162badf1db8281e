// The Check-ups tab: PHQ-9 and GAD-7 results and what is due, taking one, and the weekly
// symptom review (saved through the journal actions, the same way as from the palette).
import type { Handlers } from '../../protocol';
import { checkupsData } from '../../../storage/read/checkups';
import type { HandlerDeps } from '../../handlerDeps';

export function checkupHandlers(d: Pick<HandlerDeps, 'read' | 'actions' | 'clock' | 'settings'>): Pick<Handlers, 'checkups/data' | 'checkups/save' | 'review/save'> {
  return {
    'checkups/data': async () => checkupsData(await d.read(), d.clock.today(), d.settings),
    'checkups/save': async (params) => {
      const { id, total, band } = await d.actions.takeQuestionnaire(params, 'panel');
      return { id, total, band };
    },
    'review/save': async ({ symptoms }) => ({ count: (await d.actions.reviewSymptoms(symptoms)).ids.length })
  };
}
