// Zooming the timeline: drag across the plot (uPlot's own selection), or, with the plot focused,
// + and − to zoom, Left and Right to move, Home and End for the start and the end, 0 for the whole
// range. The view asked for survives new data (a check-in elsewhere), and every change is reported,
// so the page can keep it across reloads.
import type uPlot from 'uplot';
import type { ChartStrings } from './strings';

const DAY = 86_400;
/** The narrowest view the keys zoom to. */
const MIN_SPAN = 3 * DAY;

export class TimelineZoom {
  /** The window asked for; undefined for the whole range. */
  private view: { min: number; max: number } | undefined;
  private quiet = false;

  constructor(
    private readonly s: ChartStrings,
    private readonly plot: () => uPlot | undefined,
    private readonly onRange?: (min: number, max: number, whole: boolean) => void
  ) {}

  /** A new plot: make it reachable from the keyboard and show the view asked for. */
  attach(u: uPlot): void {
    const over = u.over;
    over.tabIndex = 0;
    // The keys below are the widget's own; screen readers pass them through.
    over.setAttribute('role', 'application');
    over.setAttribute('aria-label', this.s.t('Timeline. Plus and minus zoom in and out, left and right arrow keys move, Home and End go to the start and the end, 0 shows the whole range.'));
    over.addEventListener('keydown', (e) => this.onKey(e));
    if (this.view) this.apply();
  }

  /** Runs `change` (new data) without reporting the range it resets, then shows the view again. */
  keepingView(change: () => void): void {
    this.quiet = true;
    try {
      change();
    } finally {
      this.quiet = false;
    }
    if (this.view) this.apply();
    else this.report();
  }

  /** uPlot's setScale hook for x: a drag, a double click, or one of the calls below. */
  scaled(u: uPlot): void {
    if (this.quiet) return;
    const { min, max } = u.scales.x;
    if (min == null || max == null) return;
    const full = this.full();
    this.view = !full || (min <= full.min + 1 && max >= full.max - 1) ? undefined : { min, max };
    this.report();
  }

  setRange(min: number, max: number): void {
    const full = this.full();
    const lo = full ? Math.max(min, full.min) : min;
    const hi = full ? Math.min(max, full.max) : max;
    this.view = full && lo <= full.min && hi >= full.max ? undefined : { min: lo, max: Math.max(hi, lo + DAY) };
    this.apply();
  }

  reset(): void {
    this.view = undefined;
    this.apply();
  }

  zoomBy(factor: number): void {
    const cur = this.current();
    const full = this.full();
    if (!cur || !full) return;
    const mid = (cur.min + cur.max) / 2;
    const span = Math.min(full.max - full.min, Math.max(MIN_SPAN, (cur.max - cur.min) * factor));
    this.moveTo(mid - span / 2, span);
  }

  panBy(share: number): void {
    const cur = this.current();
    if (cur) this.moveTo(cur.min + (cur.max - cur.min) * share, cur.max - cur.min);
  }

  private onKey(e: KeyboardEvent): void {
    const cur = this.current();
    const full = this.full();
    if (!cur || !full) return;
    const span = cur.max - cur.min;
    const actions: Record<string, () => void> = {
      '+': () => this.zoomBy(0.5),
      '=': () => this.zoomBy(0.5),
      '-': () => this.zoomBy(2),
      _: () => this.zoomBy(2),
      ArrowLeft: () => this.panBy(-0.25),
      ArrowRight: () => this.panBy(0.25),
      Home: () => this.moveTo(full.min, span),
      End: () => this.moveTo(full.max - span, span),
      '0': () => this.reset()
    };
    const action = actions[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  }

  /** Shows `span` seconds from `min`, kept inside the data. */
  private moveTo(min: number, span: number): void {
    const full = this.full();
    if (!full) return;
    const lo = Math.max(full.min, Math.min(min, full.max - span));
    this.setRange(lo, lo + span);
  }

  private apply(): void {
    const u = this.plot();
    const range = this.view ?? this.full();
    if (u && range) u.setScale('x', range);
  }

  private current(): { min: number; max: number } | undefined {
    const x = this.plot()?.scales.x;
    return x && x.min != null && x.max != null ? { min: x.min, max: x.max } : undefined;
  }

  /** The data's first and last day, in seconds. */
  private full(): { min: number; max: number } | undefined {
    const xs = this.plot()?.data[0];
    return xs && xs.length ? { min: xs[0], max: xs[xs.length - 1] } : undefined;
  }

  private report(): void {
    const cur = this.current();
    if (cur) this.onRange?.(cur.min, cur.max, this.view === undefined);
  }
}
