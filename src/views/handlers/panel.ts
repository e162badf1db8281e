// Requests that belong to no tab: the support lines and card, and the palette commands the panel
// may start (only those in PANEL_COMMANDS: never an arbitrary command id).
import type { Handlers } from '../../protocol';
import type { HandlerDeps } from './deps';

export function panelWideHandlers(d: Pick<HandlerDeps, 'settings' | 'support' | 'host'>): Pick<Handlers, 'support/open' | 'support/dismiss' | 'command/run'> {
  return {
    'support/open': async ({ index }) => {
      const link = d.settings.supportResources()[index]?.link;
      if (link) await d.host.openLink(link);
      return null;
    },
    'support/dismiss': async () => {
      await d.support.dismiss();
      return null;
    },
    'command/run': async ({ command }) => {
      d.host.runCommand(command);
      return null;
    }
  };
}
