// "Mood & Dose: Need Help Now?": opens the support resources in the journal panel.
import type { Services } from '../services/services';

export function showSupportCommand(s: Services) {
  return async (): Promise<void> => {
    await s.panel.show('support');
  };
}
