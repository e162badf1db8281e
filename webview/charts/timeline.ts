// Mood (daily mean with its min–max band) and dose (the step line, solid where a dose was taken and
// dotted where none was; doseLine.ts) on one time axis, with dose-change and life-event markers, and
// medication history as recalled drawn as a hatched band of its own;
// where the data carries them (the dashboard), the 7-day rolling median and the planned dose too.
// uPlot draws everything; this file is its options and a few small hooks. The dashboard also turns
// on zooming (drag, or keys on the plot; see timelineZoom.ts) and markers reachable from the
// keyboard (markerKeys.ts). The sidebar and the dashboard share this one module.
import uPlot from 'uplot';
import type { ChartData } from '../../src/webviews/shared/views';
import type { ChartStrings } from './strings';
import { columns, extraLines, fixed1, markerGroups, markerText, type ExtraLines, type MarkerGroup } from './data';
import { el } from './dom';
import { doseSeries } from './doseLine';
import { fitToHost } from './fit';
import type { MarkerKeys } from './markerKeys';
import { drawRecalled, otherMedicationText, recalledAxisMg, recalledLegend, recalledSpans, recalledText, type RecalledSpan } from './recalled';
import { withAlpha, type ChartTheme } from './theme';
import type { TimelineZoom } from './timelineZoom';

/** How close (CSS px) the cursor must be to a marker line to show its details. */
const NEAR_PX = 8;
const DASH = { 'dose-change': [6, 4], 'life-event': [1.5, 3] } as const;

export interface TimelineOptions {
  /**
   * Zoom by dragging across the plot or by keys on it, with setRange() and resetRange(). Passed in
   * (not imported here) so the sidebar's bundle, which does not zoom, carries none of it.
   */
  zoom?: typeof TimelineZoom;
  /** A listbox of the markers in view under the plot, so each can be explained from the keyboard; passed in likewise. */
  markerKeys?: typeof MarkerKeys;
  /** The plot's height for a width (CSS px). */
  height?: (width: number) => number;
  /** After the visible range changes: its first and last instant (seconds), and whether it is the whole range. */
  onRange?: (min: number, max: number, whole: boolean) => void;
}

const sidebarHeight = (width: number) => Math.round(Math.min(320, Math.max(200, width * 0.75)));

export class Timeline {
  private plot: uPlot | undefined;
  private groups: MarkerGroup[] = [];
  private theme: ChartTheme | undefined;
  private key = '';
  private shown: MarkerGroup | RecalledSpan | undefined;
  private readonly tip: HTMLElement;
  private recalled: RecalledSpan[] = [];
  private days: ChartData['days'] = [];
  private readonly legend: HTMLElement;
  /** Names the recalled periods of another medication, which the dose axis leaves out. */
  private readonly otherNote: HTMLElement;
  private readonly zoom: TimelineZoom | undefined;
  private readonly markers: MarkerKeys | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly s: ChartStrings,
    private readonly opts: TimelineOptions = {}
  ) {
    this.tip = el('div', 'mdc-tooltip');
    this.tip.hidden = true;
    this.tip.setAttribute('role', 'tooltip');
    this.legend = recalledLegend(s);
    this.otherNote = el('p', 'mdc-note mdc-recalled-other');
    this.otherNote.hidden = true;
    if (opts.zoom) this.zoom = new opts.zoom(s, () => this.plot, opts.onRange);
    if (opts.markerKeys) {
      this.markers = new opts.markerKeys(
        host,
        s,
        (group, left) => (group ? this.showTip(group, left) : this.hideTip()),
        (group) => this.placeOf(group)
      );
    }
  }

  /** Redraws with new data; rebuilds the plot only when the theme, the unit or the lines drawn changed. */
  update(data: ChartData, theme: ChartTheme, label: string): void {
    const extra = extraLines(data);
    const cols = columns(data, extra);
    this.groups = markerGroups(data.markers);
    this.recalled = recalledSpans(data.recalled ?? [], data.unit);
    this.days = data.days;
    this.theme = theme;
    // The legend sits under the plot, shown only when a recalled period is in range.
    if (this.host.parentElement && this.legend.previousElementSibling !== this.host) this.host.after(this.legend, this.otherNote);
    this.legend.hidden = this.recalled.length === 0;
    this.otherNote.textContent = otherMedicationText(this.recalled, this.s);
    this.otherNote.hidden = !this.otherNote.textContent;
    this.hideTip();
    const key = `${theme.key}|${data.unit}|${extra.median}|${extra.planned}`;
    if (this.plot && key === this.key) {
      this.zoom?.keepingView(() => this.plot!.setData(cols));
    } else {
      this.plot?.destroy();
      this.plot = new uPlot(this.options(data.unit, theme, extra), cols, this.host);
      this.plot.over.appendChild(this.tip);
      this.plot.over.addEventListener('mouseleave', () => this.hideTip());
      // The marker list sits under the plot, after it in the tab order.
      if (this.markers) this.host.appendChild(this.markers.element);
      this.zoom?.attach(this.plot);
      this.key = key;
    }
    const canvas = this.plot.ctx.canvas;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
    this.markers?.update(this.groups);
  }

  /** Shows from `min` to `max` (seconds); needs `zoom`. */
  setRange(min: number, max: number): void {
    this.zoom?.setRange(min, max);
  }

  /** Shows the whole range again; needs `zoom`. */
  resetRange(): void {
    this.zoom?.reset();
  }

  /** Zooms in (factor < 1) or out around the middle of the view; needs `zoom`. */
  zoomBy(factor: number): void {
    this.zoom?.zoomBy(factor);
  }

  /** Moves the view by a share of its width (negative: earlier); needs `zoom`. */
  panBy(share: number): void {
    this.zoom?.panBy(share);
  }

  /** The visible range in seconds, or undefined before the first draw. */
  range(): { min: number; max: number } | undefined {
    const x = this.plot?.scales.x;
    return x && x.min != null && x.max != null ? { min: x.min, max: x.max } : undefined;
  }

  resize(): void {
    fitToHost(this.plot, this.host, () => this.size());
  }

  destroy(): void {
    this.plot?.destroy();
    delete this.host.dataset.doseAxisMax;
    this.plot = undefined;
    this.key = '';
    this.markers?.update([]);
  }

  private size(): { width: number; height: number } {
    // Hidden panels measure 0 wide; draw at a usual sidebar width until the ResizeObserver fires.
    const width = Math.max(120, Math.floor(this.host.clientWidth) || 300);
    return { width, height: (this.opts.height ?? sidebarHeight)(width) };
  }

  private options(unit: string, theme: ChartTheme, extra: ExtraLines): uPlot.Options {
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
    // The plan runs under the dose step, fainter: where they agree, the step's own pattern shows.
    const planned: uPlot.Series = {
      label: t('Planned dose'),
      scale: 'mg',
      stroke: withAlpha(theme.dose, theme.highContrast ? 0.75 : 0.5),
      width: Math.max(1, theme.lineWidth - 1),
      dash: [5, 4],
      spanGaps: false,
      points: { show: false },
      paths: uPlot.paths.stepped!({ align: 1 }),
      value: (_u, v) => (v == null ? '–' : t('{0} {1}', v, unit))
    };
    // Under a rolling median the daily mean is thinner and fainter: the median carries the trend.
    const meanLine = extra.median ? mood(t('Mood'), Math.max(1, theme.lineWidth - 1), theme.moodFaint) : mood(t('Mood'), theme.lineWidth, theme.mood);
    return {
      ...this.size(),
      class: 'mdc-uplot',
      fmtDate: localDateFormat,
      cursor: { drag: this.opts.zoom ? { x: true, y: false, setScale: true } : { x: false, y: false, setScale: false }, points: { show: false } },
      // Each line's key shows its pattern: solid, dotted (no dose taken) or dashed (planned).
      legend: { live: true, markers: { dash: (u, i) => (u.series[i].dash ? (u.series[i].dash![0] < 4 ? 'dotted' : 'dashed') : 'solid') } },
      scales: {
        x: { time: true },
        mood: { range: [0.5, 10.5] },
        // Room for a recalled dose of the logged medication above the logged ones, so its band is
        // never cut off. Another medication's mg is no point on this axis: it is named instead.
        mg: { range: (_u, _min, max) => ((top) => [0, top > 0 ? top * 1.15 : 1])(Math.max(max ?? 0, recalledAxisMg(this.recalled))) }
      },
      series: [
        { label: t('Date'), value: (_u, v) => (v == null ? '–' : this.s.date(isoDate(v))) },
        meanLine,
        mood(t('Lowest'), 0, theme.bandFill),
        mood(t('Highest'), 0, theme.bandFill),
        ...(extra.median ? [mood(t('7-day median'), theme.lineWidth + 1, theme.mood)] : []),
        ...(extra.planned ? [planned] : []),
        ...doseSeries(theme, unit, this.s, () => this.days)
      ],
      bands: [{ series: [3, 2], fill: theme.bandFill }],
      axes: [
        { ...axis, space: 60 },
        { ...axis, scale: 'mood', size: 30, splits: () => [1, 4, 7, 10] },
        { ...axis, scale: 'mg', side: 1, size: 56, grid: { show: false }, values: (_u, splits) => splits.map((v) => t('{0} {1}', v, unit)) }
      ],
      hooks: {
        drawAxes: [(u) => this.theme && drawRecalled(u, this.recalled, this.theme), (u) => this.drawMarkers(u)],
        setCursor: [(u) => this.hover(u)],
        setScale: [(u, key) => (key === 'x' ? this.onScale(u) : key === 'mg' && this.markAxis(u))],
        setSize: [() => this.markers?.layout()]
      }
    };
  }

  /** The dose axis's top, for anyone inspecting the page (and the tests): what the canvas was drawn with. */
  private markAxis(u: uPlot): void {
    const top = u.scales.mg?.max;
    if (top != null) this.host.dataset.doseAxisMax = String(Math.round(top * 1000) / 1000);
  }

  private onScale(u: uPlot): void {
    this.hideTip();
    this.markers?.layout();
    this.zoom?.scaled(u);
  }

  /** A marker's x in CSS px from the plot's left edge (as the list under it lays out), or null out of view. */
  private placeOf(group: MarkerGroup): number | null {
    const u = this.plot;
    if (!u) return null;
    // From uPlot's own plot box rather than the element's: reading the layout here would force one
    // per redraw, while the chart is still being built.
    const x = u.valToPos(group.x, 'x');
    return x < -0.5 || x > u.bbox.width / uPlot.pxRatio + 0.5 ? null : u.bbox.left / uPlot.pxRatio + x;
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
    const shown = group ?? this.recalled.find((r) => val >= r.x0 && val < r.x1);
    if (!shown) {
      // The marker in keyboard focus keeps its tooltip while the mouse is elsewhere.
      if (!this.markers?.element.contains(document.activeElement)) this.hideTip();
      return;
    }
    this.showTip(shown, left + (this.plot?.over.offsetLeft ?? 0));
  }

  /** The tooltip for a marker or a recalled period, beside `left` (CSS px from the plot host's left edge). */
  private showTip(shown: MarkerGroup | RecalledSpan, left: number): void {
    const u = this.plot;
    if (!u) return;
    if (shown !== this.shown) {
      this.shown = shown;
      this.tip.replaceChildren();
      if ('items' in shown) {
        el('div', 'mdc-tooltip-date', this.s.date(shown.date), this.tip);
        for (const m of shown.items) el('div', `mdc-tooltip-item mdc-${m.kind}`, markerText(m, this.s), this.tip);
      } else for (const line of recalledText(shown, this.s)) el('div', 'mdc-tooltip-item mdc-recalled', line, this.tip);
    }
    this.tip.hidden = false;
    const maxLeft = u.over.clientWidth - this.tip.offsetWidth;
    this.tip.style.left = `${Math.max(0, Math.min(left - u.over.offsetLeft + 10, maxLeft))}px`;
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
