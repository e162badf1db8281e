// What activate() returns: a small surface for the integration tests that run inside VS Code.
// It exposes state the user can already see (status bar, panel rows, data folder), and lets a test
// move the extension's clock, nothing more.
import type { Services } from './services/services';
import type { JournalViewProvider } from './views/journalViewProvider';

export interface MoodDoseApi {
  statusText(): string;
  statusState(): { text: string; status: string | undefined; warning: boolean; notifications: number };
  dataDir(): string;
  /** The support lines the panel shows (the user's, or the defaults). */
  supportLines(): readonly { name: string; contact: string; link: string }[];
  panelRows(): readonly string[];
  onPanelRender(listener: (rows: string[]) => void): { dispose(): void };
  travelTo(instant: number, zone?: string): void;
  flush(): Promise<void>;
}

export function testApi(s: Services, view: JournalViewProvider): MoodDoseApi {
  return {
    statusText: () => s.status.text,
    statusState: () => ({ text: s.status.text, status: s.status.status, warning: s.status.isWarning, notifications: s.status.notificationsRaised }),
    dataDir: () => s.journal.location().dir,
    supportLines: () => s.settings.supportResources(),
    panelRows: () => view.renderedRows,
    onPanelRender: (listener) => view.onDidRender(listener),
    travelTo: (instant, zone) => {
      s.clock.travelTo(instant, zone);
      s.status.update();
    },
    flush: async () => {
      await s.journal.current?.compact();
    }
  };
}
