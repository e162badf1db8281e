// Requests that belong to no tab: the support lines and card, and the palette commands the panel
// may start (only those in SIDEBAR_COMMANDS: never an arbitrary command id), called straight from
// the extension's command table.
import { DEFAULT_RESOURCES } from '../../../core/safety';
import type { Handlers } from '../../protocol';
import { SIDEBAR_COMMANDS } from '../protocol';
import type { HandlerDeps } from '../../handlerDeps';

export function sidebarHandlers(d: Pick<HandlerDeps, 'settings' | 'support' | 'host' | 'commands' | 't'>): Pick<Handlers, 'support/open' | 'support/dismiss' | 'command/run'> {
  return {
    // Never waits for the journal: the support lines must work even when it cannot open. The panel
    // shows the built-in lines when it could not get its context, and says which it is opening.
    'support/open': async ({ index, defaults }) => {
      const link = (defaults ? DEFAULT_RESOURCES : d.settings.supportResources())[index]?.link;
      if (link) await d.host.openLink(link);
      return null;
    },
    'support/dismiss': async () => {
      await d.support.dismiss();
      return null;
    },
    // The schema lets only SIDEBAR_COMMANDS through; checked again here, as the table holds more.
    // Not awaited: a command may wait on the user (a quick pick) for as long as it likes.
    'command/run': async ({ command }) => {
      const run = SIDEBAR_COMMANDS.includes(command) ? d.commands[`moodDose.${command}`] : undefined;
      if (!run) throw new Error(d.t('The panel cannot run the command {0}.', String(command)));
      void run();
      return null;
    }
  };
}
