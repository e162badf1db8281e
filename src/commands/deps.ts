// What the palette commands may use. Each command takes only the parts it needs.
import type { DayClock } from '../core/entries';
import type { SidebarSection } from '../webviews/sidebar/protocol';
import type { JournalActions } from '../services/journalActions';
import type { EncryptionFlows } from '../services/encryption/service';
import type { JournalService } from '../services/journalService';
import type { Settings } from '../services/settings';
import type { JournalReader } from '../storage/read/reader';
import type * as daylio from '../core/transfer/daylio';
import type * as summary from '../core/summary/summary';
import type * as summaryDoc from '../core/summary/doc';
import type * as summaryRender from '../core/summary/render';
import type * as svg from '../core/figures/svg';
import type * as pdf from '../pdf/summaryPdf';
import type * as transfer from '../core/transfer/transfer';
import type * as changeDetail from '../core/stats/changeDetail';
import type * as dashboard from '../core/charts/dashboard';

/** The bundles of pure core code that commands load on first use (see src/bundles/). */
export interface CoreBundles {
  transfer: Pick<
    typeof transfer,
    'checkImportSize' | 'csvWork' | 'decodeImportText' | 'decodeWork' | 'exportCsv' | 'exportJson' | 'ImportCancelled' | 'ImportError' | 'importCsv' | 'importJson' | 'jsonWork' | 'planImport' | 'planWork' | 'runPaced'
  > &
    Pick<typeof daylio, 'daylioWork' | 'defaultDaylioMapping' | 'moodLabelsIn' | 'moodLabelsWork' | 'parseDaylio'>;
  summary: Pick<typeof summary, 'buildSummary' | 'defaultRange' | 'firstEntryDate' | 'selectableNotes'> &
    Pick<typeof summaryDoc, 'summaryDoc'> &
    Pick<typeof summaryRender, 'htmlOf' | 'markdownOf'> &
    Pick<typeof svg, 'toSvg'>;
  pdf: Pick<typeof pdf, 'summaryPdf' | 'shippedFonts'>;
  figures: Pick<typeof dashboard, 'dashboard' | 'dashboardFrom'> & Pick<typeof changeDetail, 'changeDetail'>;
}

export interface CommandDeps {
  /** The journal for reading, opened on first use. */
  read: () => Promise<JournalReader>;
  /** The one write path. */
  actions: JournalActions;
  /** Where the journal is, restoring a backup, and opening a journal left closed. */
  journal: Pick<JournalService, 'location' | 'restoreFrom' | 'get' | 'backups' | 'openThisJournal'>;
  clock: DayClock;
  settings: Settings;
  sidebar: { show(section: SidebarSection): Promise<void> };
  /** Turning encryption on and off, locking, unlocking, re-keying. */
  encryption: EncryptionFlows;
  /** The phone inbox (services/inbox/inboxService.ts). */
  inbox: { importNow(): Promise<void>; open(): Promise<void> };
  /** Import/export and the summary live in bundles of their own, loaded on first use. */
  load<K extends keyof CoreBundles>(name: K): CoreBundles[K];
}
