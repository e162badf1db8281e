// Compaction, the writer window's background job: a while after the last write, or at once when
// this machine's log has grown large, its logs are folded into a new verified snapshot
// (compaction.ts) and the day's backups are written. An import holds it off (compactionTimer.ts).
import type { TableName } from '../core/schemas';
import type { LocalDate } from '../core/time';
import { writeVerifiedSnapshot } from './compaction';
import { CompactionTimer } from './compactionTimer';
import type { DiskSync } from './diskSync';
import type { RestoreParts } from './epochRestore';
import type { DamageGuard } from './snapshotLoad';

export interface CompactorParts extends RestoreParts {
  guard: DamageGuard;
  today?: () => LocalDate;
  afterMs: number;
  logBytes: number;
  /** Open, and the window holding the writer lock. */
  mayCompact(): boolean;
  /** The snapshot or the journal in memory is damaged: nothing is compacted from it. */
  damaged(): boolean;
  /** The snapshot just written holds the journal's id (journalIdentity.ts). */
  identityRecorded(): void;
  /** Rows other windows' files brought in while folding: listeners hear of them. */
  foldedIn(tables: Set<TableName>): void;
}

export class Compactor {
  /** Bytes in this machine's logs not yet folded into the snapshot. */
  unfolded = 0;
  /** Settles once a snapshot trusted by its identity has had its hash checked; compaction waits. */
  trustConfirmed: Promise<void> = Promise.resolve();
  private readonly timer: CompactionTimer;

  constructor(
    private readonly p: CompactorParts,
    private readonly sync: DiskSync,
    /** Runs a compaction in its turn (the store's compact()). */
    run: () => void
  ) {
    this.timer = new CompactionTimer(run, p.afterMs, p.logBytes);
  }

  schedule(delay?: number): void {
    if (!this.p.mayCompact()) return;
    this.timer.schedule(this.unfolded, delay);
  }

  cancel(): void {
    this.timer.cancel();
  }

  /** See JournalStore.holdCompaction. */
  hold(): () => void {
    const release = this.timer.hold();
    return () => {
      if (release() && this.unfolded > 0) this.schedule();
    };
  }

  /**
   * Folds the logs into a new snapshot. The snapshot is verified before it replaces the old one,
   * and logs are deleted only after that; on any failure the old snapshot and every log stay.
   * Call one refresh or compaction at a time. The checker's thread is held for the whole run, so an
   * idle timeout never falls between its checks. True when a new snapshot was written.
   */
  compactNow(): Promise<boolean> {
    return this.p.checker.hold(() => this.compactHeld());
  }

  private async compactHeld(): Promise<boolean> {
    const { p, sync } = this;
    await this.trustConfirmed;
    if (!p.mayCompact() || p.damaged()) return false;
    const started = p.now();
    // Only this machine's logs are folded away; other machines' logs stay until their owner compacts.
    const pending = await p.logs.beginCompaction(`${started}-${process.pid}`);
    const tables = new Set<TableName>();
    await sync.catchUp(tables);
    if (sync.blocked) return false;
    // Confirm the lock right before replacing the snapshot: a window that was asleep past its
    // heartbeat may have been replaced as the writer, and must not overwrite the new writer's work.
    if (!(await p.confirmWriter())) return false;
    const { bytes: snapshot, identity, exportMs } = await writeVerifiedSnapshot(p.files, p.checker, p.dir, p.rows.db, p.sealing).catch((e: unknown) => {
      throw p.guard.translate(e);
    });
    sync.snapshotId = identity;
    p.identityRecorded();
    for (const file of pending) await p.files.remove(file);
    this.unfolded = 0;
    if (tables.size > 0) p.foldedIn(tables);
    if (p.writesBackups && p.today) {
      const written = await p.backups.write(snapshot, p.today());
      if (written.length > 0) p.log('info', `Backup written: ${written.join(', ')}`);
    }
    p.log('info', `Compacted the journal in ${p.now() - started} ms (${snapshot.length} bytes; the export held this thread ${Math.round(exportMs)} ms).`);
    return true;
  }
}
