// What the panel's handlers may use: read models, the journal actions, the clock, settings and commands.
// Each tab's handlers take only the parts they need; none imports vscode, so they run in Node tests.
import type { CoreBundles } from '../commands/deps';
import type { DayClock } from '../core/entries';
import type { Translate } from '../core/safety';
import type { EntryView } from './shared/views';
import type { SidebarCommand } from './sidebar/protocol';
import type { JournalActions } from '../services/journalActions';
import type { Settings } from '../services/settings';
import type { JournalReader } from '../storage/read/reader';

/** At least the commands a page may run, under their full ids ("moodDose.checkIn"). */
export type PageCommands = Readonly<Record<`moodDose.${SidebarCommand}`, () => Promise<unknown>>> & Readonly<Record<string, (() => Promise<unknown>) | undefined>>;

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
  /** The language `t` writes in (a BCP 47 tag), for its plural rules and the dates in its messages. English by default. */
  language?: string;
  /** The dashboard's figures, in a bundle of their own loaded on first use (dist/figures.js). */
  figures: () => CoreBundles['figures'];
  /** The calm support card's state for today. */
  support: { cardVisible(): boolean; dismiss(): Promise<void> };
  /**
   * The extension's commands by id, called directly (never through VS Code's executeCommand): the
   * journal bundle's table (commands/table.ts) and opening the dashboard. It may hold more than a
   * page may run; command/run runs only those in SIDEBAR_COMMANDS. Each reports its own errors.
   */
  commands: PageCommands;
  /** What only VS Code can do: open a support link, open a check-in in the sidebar's form. */
  host: { openLink(link: string): Promise<void>; editInSidebar(entry: EntryView): Promise<void> };
}
