// The history list's pages: its filter, the rows fetched so far, and the next page when "Show older
// entries" scrolls into view. A reload outdates any page still on its way (generation).
import type { HistoryFilter } from '../../src/webviews/sidebar/protocol';
import type { HistoryItem } from '../../src/webviews/shared/views';
import type { Channel } from '../shared/channel';

const PAGE = 60;

/** What the list asks of the panel: draw, keep its filter, and show or withdraw an alert. */
export interface PagesHost {
  draw(): void;
  persist(): void;
  alert(message: string): void;
  /** The list reads again: withdraw `message` if it is still the alert shown. */
  clearAlert(message: string): void;
}

export class HistoryPages {
  items: HistoryItem[] = [];
  total = 0;
  loading = false;
  private generation = 0;
  /** Why the list could not be read; cleared once it reads again (the journal opened after a question). */
  private loadError = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pager = new IntersectionObserver((seen) => {
    if (seen.some((e) => e.isIntersecting)) void this.loadMore();
  });

  constructor(
    private readonly channel: Channel,
    public filter: HistoryFilter,
    private readonly host: PagesHost
  ) {}

  /** Reloads the list from the top, keeping as many rows as were shown. */
  async reload(count = PAGE): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    this.host.draw();
    try {
      const page = await this.channel.request('history/page', { filter: this.filter, offset: 0, limit: Math.min(500, count) });
      if (generation !== this.generation) return;
      this.items = page.items;
      this.total = page.total;
      if (this.loadError) this.host.clearAlert(this.loadError);
      this.loadError = '';
    } catch (e) {
      this.host.alert((this.loadError = (e as Error).message));
    }
    this.loading = false;
    this.host.draw();
  }

  /** The journal changed: reload, keeping at least as many rows as are shown. */
  refresh(): Promise<void> {
    return this.reload(Math.max(PAGE, this.items.length));
  }

  async loadMore(): Promise<void> {
    if (this.loading || this.items.length >= this.total) return;
    const generation = this.generation;
    this.loading = true;
    this.host.draw();
    try {
      const page = await this.channel.request('history/page', { filter: this.filter, offset: this.items.length, limit: PAGE });
      if (generation === this.generation) {
        this.items = [...this.items, ...page.items];
        this.total = page.total;
      }
    } catch (e) {
      this.host.alert((e as Error).message);
    }
    this.loading = false;
    this.host.draw();
  }

  setFilter(patch: Partial<HistoryFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.host.persist();
    clearTimeout(this.searchTimer);
    // Typing in the search box waits for a pause; the menus apply at once.
    this.searchTimer = setTimeout(() => void this.reload(), 'search' in patch ? 200 : 0);
  }

  /** After each draw: watch the "Show older entries" button, if there is one. */
  watch(root: HTMLElement): void {
    this.pager.disconnect();
    const more = root.querySelector('#load-more');
    if (more) this.pager.observe(more);
  }
}
