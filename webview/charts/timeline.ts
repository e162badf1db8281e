// Mood (daily mean with its min–max band) and dose (step line) on one time axis, with dose-change
// and life-event markers, and medication history as recalled drawn as a hatched band of its own.
// uPlot draws everything; this file is its options and three small hooks.
import uPlot from 'uplot';
import type { ChartData } from '../../src/protocol';
import type { ChartStrings } from './strings';
import { columns, fixed1, markerGroups, markerText, type MarkerGroup } from './data';
import { el } from './dom';
import { drawRecalled, recalledLegend, recalledSpans, recalledText, type RecalledSpan } from './recalled';
import type { ChartTheme } from './theme';

/** How close (CSS px) the cursor must be to a marker line to show its details. */
const NEAR_PX = 8;
const DASH = { 'dose-change': [6, 4], 'life-event': [1.5, 3] } as const;

export class Timeline {
  private plot: uPlot | undefined;
  private groups: MarkerGroup[] = [];
  private theme: ChartTheme | undefined;
  private key = '';
  private shown: MarkerGroup | RecalledSpan | undefined;
  private readonly tip: HTMLElement;
  private recalled: RecalledSpan[] = [];
  private readonly legend: HTMLElement;

  constructor(
    private readonly host: HTMLElement,
    private readonly s: ChartStrings
  ) {
    this.tip = el('div', 'mdc-tooltip');
    this.tip.hidden = true;
    this.tip.setAttribute('role', 'tooltip');
    this.legend = recalledLegend(s);
  }

  /** Redraws with new data; rebuilds the plot only when the theme or unit changed. */
  update(data: ChartData, theme: ChartTheme, label: string): void {
    const cols = columns(data);
    this.groups = markerGroups(data.markers);
    this.recalled = recalledSpans(data.recalled ?? [], data.unit);
    this.theme = theme;
    // The legend sits under the plot, shown only when a recalled period is in range.
    if (this.host.parentElement && this.legend.previousElementSibling !== this.host) this.host.after(this.legend);
    this.legend.hidden = this.recalled.length === 0;
    this.hideTip();
    const key = `${theme.key}|${data.unit}`;
    if (this.plot && key === this.key) {
      this.plot.setData(cols);
    } else {
      this.plot?.destroy();
      this.plot = new uPlot(this.options(data.unit, theme), cols, this.host);
      this.plot.over.appendChild(this.tip);
      this.plot.over.addEventListener('mouseleave', () => this.hideTip());
      this.key = key;
    }
    const canvas = this.plot.ctx.canvas;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
  }

  resize(): void {
    // A hidden panel measures 0 wide: keep the last size until it shows again.
    if (!this.plot || this.host.clientWidth === 0) return;
    const { width, height } = this.size();
    if (width !== this.plot.width || height !== this.plot.height) this.plot.setSize({ width, height });
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.key = '';
  }

  private size(): { width: number; height: number } {
    // Hidden panels measure 0 wide; draw at a usual sidebar width until the ResizeObserver fires.
    const width = Math.max(120, Math.floor(this.host.clientWidth) || 300);
    return { width, height: Math.round(Math.min(320, Math.max(200, width * 0.75))) };
  }

  private options(unit: string, theme: ChartTheme): uPlot.Options {
    const t = this.s.t.bind(this.s);
    const axis = { stroke: theme.foreground, font: theme.font, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1, size: 4 } };
    const mood = (label: string, width: number, stroke: string): uPlot.Series => ({
      label,
      scale: 'mood',
      stroke,
      width,
      spanGaps: false,
      points: { show: false },
      value: (_u, v) => (v == null ? '–' : fixed1(v))
    });
    return {
      ...this.size(),
      class: 'mdc-uplot',
      fmtDate: localDateFormat,
      cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false } },
      legend: { live: true },
      scales: {
        x: { time: true },
        mood: { range: [0.5, 10.5] },
        // Room for a recalled dose above the logged ones, so its band is never cut off.
        mg: { range: (_u, _min, max) => ((top) => [0, top > 0 ? top * 1.15 : 1])(Math.max(max ?? 0, ...this.recalled.map((r) => r.mg))) }
      },
      series: [
        { label: t('Date'), value: (_u, v) => (v == null ? '–' : isoDate(v)) },
        mood(t('Mood'), theme.lineWidth, theme.mood),
        mood(t('Lowest'), 0, theme.bandFill),
        mood(t('Highest'), 0, theme.bandFill),
        {
          label: t('Dose'),
          scale: 'mg',
          stroke: theme.dose,
          width: theme.lineWidth,
          spanGaps: false,
          points: { show: false },
          paths: uPlot.paths.stepped!({ align: 1 }),
          value: (_u, v) => (v == null ? '–' : t('{0} {1}', v, unit))
        }
      ],
      bands: [{ series: [3, 2], fill: theme.bandFill }],
      axes: [
        { ...axis, space: 60 },
        { ...axis, scale: 'mood', size: 30, splits: () => [1, 4, 7, 10] },
        { ...axis, scale: 'mg', side: 1, size: 56, grid: { show: false }, values: (_u, splits) => splits.map((v) => t('{0} {1}', v, unit)) }
      ],
      hooks: {
        drawAxes: [(u) => this.theme && drawRecalled(u, this.recalled, this.theme), (u) => this.drawMarkers(u)],
        setCursor: [(u) => this.hover(u)]
      }
    };
  }

  /** Marker lines under the series: dashed for dose changes, dotted for life events. */
  private drawMarkers(u: uPlot): void {
    const theme = this.theme;
    if (!theme || this.groups.length === 0) return;
    const { ctx, bbox } = u;
    const ratio = uPlot.pxRatio;
    ctx.save();
    ctx.lineWidth = theme.markerWidth * ratio;
    for (const kind of ['dose-change', 'life-event'] as const) {
      ctx.strokeStyle = kind === 'dose-change' ? theme.doseMarker : theme.eventMarker;
      ctx.setLineDash(DASH[kind].map((d) => d * ratio));
      ctx.beginPath();
      for (const g of this.groups) {
        if (!g.items.some((m) => m.kind === kind)) continue;
        const x = Math.round(u.valToPos(g.x, 'x', true)) + 0.5;
        if (x < bbox.left || x > bbox.left + bbox.width) continue;
        ctx.moveTo(x, bbox.top);
        ctx.lineTo(x, bbox.top + bbox.height);
      }
      ctx.stroke();
    }
    ctx.restore();
  }

  /** Shows the labels of the marker nearest the cursor, if it is within NEAR_PX, else the recalled period under it. */
  private hover(u: uPlot): void {
    const left = u.cursor.left ?? -1;
    const group = left >= 0 ? this.nearest(u, left) : undefined;
    const val = left >= 0 ? u.posToVal(left, 'x') : NaN;
    const period = group ? undefined : this.recalled.find((r) => val >= r.x0 && val < r.x1);
    const shown = group ?? period;
    if (!shown) return this.hideTip();
    if (shown !== this.shown) {
      this.shown = shown;
      this.tip.replaceChildren();
      if (group) {
        el('div', 'mdc-tooltip-date', group.date, this.tip);
        for (const m of group.items) el('div', `mdc-tooltip-item mdc-${m.kind}`, markerText(m, this.s), this.tip);
      } else if (period) for (const line of recalledText(period, this.s)) el('div', 'mdc-tooltip-item mdc-recalled', line, this.tip);
    }
    this.tip.hidden = false;
    const maxLeft = u.over.clientWidth - this.tip.offsetWidth;
    this.tip.style.left = `${Math.max(0, Math.min(left + 10, maxLeft))}px`;
  }

  private nearest(u: uPlot, left: number): MarkerGroup | undefined {
    const groups = this.groups;
    const val = u.posToVal(left, 'x');
    let lo = 0;
    let hi = groups.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (groups[mid].x < val) lo = mid + 1;
      else hi = mid;
    }
    let best: MarkerGroup | undefined;
    let bestPx = NEAR_PX + 1;
    for (const g of [groups[lo - 1], groups[lo]]) {
      const px = g ? Math.abs(u.valToPos(g.x, 'x') - left) : Infinity;
      if (px < bestPx) [best, bestPx] = [g, px];
    }
    return best;
  }

  private hideTip(): void {
    this.tip.hidden = true;
    this.shown = undefined;
  }
}

function isoDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let names: uPlot.DateNames | undefined;

/** uPlot's date templates with month and weekday names in the panel's language. */
function localDateFormat(tpl: string): (date: Date) => string {
  if (!names) {
    const lang = document.documentElement.lang || undefined;
    const fmt = (opts: Intl.DateTimeFormatOptions, dates: Date[]) => {
      const f = new Intl.DateTimeFormat(lang, opts);
      return dates.map((d) => f.format(d));
    };
    const months = Array.from({ length: 12 }, (_, i) => new Date(2024, i, 15));
    const weekdays = Array.from({ length: 7 }, (_, i) => new Date(2024, 0, 7 + i)); // 2024-01-07 was a Sunday
    names = { MMMM: fmt({ month: 'long' }, months), MMM: fmt({ month: 'short' }, months), WWWW: fmt({ weekday: 'long' }, weekdays), WWW: fmt({ weekday: 'short' }, weekdays) };
  }
  return uPlot.fmtDate(tpl, names);
}
