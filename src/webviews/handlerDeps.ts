// What the panel's handlers may use: read models, the journal actions, the clock and settings.
// Each tab's handlers take only the parts they need; none imports vscode, so they run in Node tests.
import type { CoreBundles } from '../commands/deps';
import type { DayClock } from '../core/entries';
import type { Translate } from '../core/safety';
import type { EntryView } from './shared/views';
import type { SIDEBAR_COMMANDS } from './sidebar/protocol';
import type { JournalActions } from '../services/journalActions';
import type { Settings } from '../services/settings';
import type { JournalReader } from '../storage/read/reader';

export interface HandlerDeps {
  /** The journal for reading, opened on first use. */
  read: () => Promise<JournalReader>;
  actions: JournalActions;
  clock: DayClock;
  settings: Pick<
    Settings,
    'medicationName' | 'unit' | 'defaultDose' | 'moodLabels' | 'supportResources' | 'checkupIntervalDays' | 'symptomReviewEnabled'
  >;
  t: Translate;
  /** The dashboard's figures, in a bundle of their own loaded on first use (dist/figures.js). */
  figures: () => CoreBundles['figures'];
  /** The calm support card's state for today. */
  support: { cardVisible(): boolean; dismiss(): Promise<void> };
  /** What only VS Code can do: run one of the panel's palette commands, open a support link, open a check-in in the sidebar's form. */
  host: { runCommand(command: (typeof SIDEBAR_COMMANDS)[number]): void; openLink(link: string): Promise<void>; editInSidebar(entry: EntryView): Promise<void> };
}
