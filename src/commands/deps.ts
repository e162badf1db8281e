// What the palette commands may use. Each command takes only the parts it needs.
import type { DayClock } from '../core/entries';
import type { PanelSection } from '../protocol';
import type { JournalActions } from '../services/journalActions';
import type { JournalService } from '../services/journalService';
import type { Settings } from '../services/settings';
import type { JournalReader } from '../storage/reader';
import type { Bundles } from '../shell/lazy';

export interface CommandDeps {
  /** The journal for reading, opened on first use. */
  read: () => Promise<JournalReader>;
  /** The one write path. */
  actions: JournalActions;
  /** Where the journal is, and restoring a backup. */
  journal: Pick<JournalService, 'location' | 'restoreFrom' | 'get'>;
  clock: DayClock;
  settings: Settings;
  panel: { show(section: PanelSection): Promise<void> };
  /** Import/export and the summary live in bundles of their own, loaded on first use. */
  load<K extends 'transfer' | 'summary'>(name: K): Bundles[K];
}
