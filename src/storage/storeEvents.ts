// What the journal store tells its listeners: which tables changed, rows that could not be read,
// and notices the user should hear once (kept until the first listener when raised while opening).
import { errorForLog } from '../core/logSafely';
import type { BadRowError, TableName } from '../core/schemas';
import { SymlinkError } from './fileErrors';
import type { StoreNotice } from './writeResult';

/**
 * Why the journal changed: 'write', a change made through this store; 'sync', rows merged from
 * other windows' or machines' files; 'restore', a backup restored here; 'open', the journal
 * (re)opened, every table. 'unsaved' (the journal service's own, no table): entries started or
 * stopped waiting for disk space. The service also fires 'open' with no table when the journal is
 * locked or encryption is turned on or off (nothing to read again; its `locked` and `encryption()` say).
 */
export type ChangeReason = 'write' | 'sync' | 'restore' | 'open' | 'unsaved';

/** A change of what the journal holds: the one event every listener hears, from store to views. */
export interface ChangeEvent {
  tables: ReadonlySet<TableName>;
  /** 'local' for changes made through this store, 'external' for another window or a synced file. */
  source: 'local' | 'external';
  reason: ChangeReason;
}

export class StoreEvents {
  private readonly changeListeners = new Set<(e: ChangeEvent) => void>();
  private readonly badRowListeners = new Set<(e: BadRowError) => void>();
  private readonly noticeListeners = new Set<(n: StoreNotice) => void>();
  /** Notices raised before anyone listened (e.g. while opening), delivered to the first listener. */
  private readonly pendingNotices: StoreNotice[] = [];
  /** Links already reported, so each is named once. */
  private readonly toldLinks = new Set<string>();

  constructor(
    private readonly onListenerError: (message: string) => void,
    /** Where a skipped row is logged (its id and the problem, never its values). */
    private readonly logBadRow: (message: string) => void = () => undefined
  ) {}

  onDidChange(listener: (e: ChangeEvent) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onBadRow(listener: (e: BadRowError) => void): () => void {
    this.badRowListeners.add(listener);
    return () => this.badRowListeners.delete(listener);
  }

  onNotice(listener: (n: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    for (const n of this.pendingNotices.splice(0)) listener(n);
    return () => this.noticeListeners.delete(listener);
  }

  emit(e: ChangeEvent): void {
    if (e.tables.size === 0) return;
    for (const l of this.changeListeners) {
      try {
        l(e);
      } catch (err) {
        this.onListenerError(`A journal change listener failed: ${errorForLog(err)}`);
      }
    }
  }

  badRow(e: BadRowError): void {
    this.logBadRow(e.forLog);
    for (const l of this.badRowListeners) l(e);
  }

  notice(n: StoreNotice): void {
    if (this.noticeListeners.size === 0) this.pendingNotices.push(n);
    for (const l of this.noticeListeners) l(n);
  }

  /** A link stopped a write: named to the user once (the service turns it into one message). */
  link(e: unknown): void {
    if (!(e instanceof SymlinkError) || this.toldLinks.has(e.file)) return;
    this.toldLinks.add(e.file);
    this.notice({ kind: 'link', file: e.file, target: e.target });
  }
}
