// Mood around one dose change: the daily mean (with its lowest-to-highest band) from day −14 to the
// window's end, the 14 days before as a reference band across the chart (their interquartile range,
// with a dashed line at their median), a line at day 0 and a × on days with a skipped dose. uPlot
// draws it in the theme's colours, like the timeline. Mount once, then update(). The x scale runs
// half a day past the first and last day, so a strip of one cell a day fits under it (daySpan).
import uPlot from 'uplot';
import { fitToHost } from './fit';
import type { ChangeDetailView } from '../../src/webviews/dashboard/protocol';
import type { ChartStrings } from './strings';
import { fixed1 } from './data';
import type { ChartTheme } from './theme';

export class ChangeChart {
  private plot: uPlot | undefined;
  private key = '';
  private detail: ChangeDetailView | undefined;
  private theme: ChartTheme | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly s: ChartStrings
  ) {}

  update(detail: ChangeDetailView, theme: ChartTheme, label: string): void {
    this.detail = detail;
    this.theme = theme;
    const days = [...detail.before.days, ...detail.days];
    const data: uPlot.AlignedData = [days.map((d) => d.day), days.map((d) => d.mean), days.map((d) => d.min), days.map((d) => d.max)];
    if (this.plot && this.key === theme.key) {
      this.plot.setData(data);
    } else {
      this.plot?.destroy();
      this.plot = new uPlot(this.options(theme), data, this.host);
      this.key = theme.key;
    }
    const canvas = this.plot.ctx.canvas;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
  }

  resize(): void {
    fitToHost(this.plot, this.host, () => this.size());
  }

  /**
   * Where days `first` to `last` lie under the plot, in CSS pixels from the host's left edge, one
   * cell a day centred on its day (from uPlot's own plot box and scale, so no layout is read).
   */
  daySpan(first: number, last: number): { left: number; width: number } | undefined {
    const u = this.plot;
    if (!u || u.bbox.width <= 0) return undefined;
    const from = u.valToPos(first - 0.5, 'x');
    return { left: u.bbox.left / uPlot.pxRatio + from, width: u.valToPos(last + 0.5, 'x') - from };
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.key = '';
  }

  private size(): { width: number; height: number } {
    const width = Math.max(240, Math.floor(this.host.clientWidth) || 600);
    return { width, height: Math.round(Math.min(260, Math.max(180, width * 0.3))) };
  }

  private options(theme: ChartTheme): uPlot.Options {
    const t = this.s.t.bind(this.s);
    const axis = { stroke: theme.foreground, font: theme.font, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1, size: 4 } };
    const mood = (label: string, width: number, stroke: string, points: boolean): uPlot.Series => ({
      label,
      stroke,
      width,
      spanGaps: false,
      points: { show: points, size: theme.lineWidth * 2 + 2, fill: theme.mood },
      value: (_u, v) => (v == null ? '–' : fixed1(v))
    });
    return {
      ...this.size(),
      class: 'mdc-uplot',
      cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false } },
      legend: { live: true },
      scales: { x: { time: false, range: (_u, min, max) => [Math.min(min, -14) - 0.5, Math.max(max, 0) + 0.5] }, y: { range: [0.5, 10.5] } },
      series: [
        { label: t('Day'), value: (_u, v) => (v == null ? '–' : String(v)) },
        mood(t('Mood'), theme.lineWidth, theme.mood, true),
        mood(t('Lowest'), 0, theme.bandFill, false),
        mood(t('Highest'), 0, theme.bandFill, false)
      ],
      bands: [{ series: [3, 2], fill: theme.bandFill }],
      axes: [
        { ...axis, space: 40, incrs: [1, 2, 7, 14], values: (_u, splits) => splits.map((v) => String(v)) },
        { ...axis, size: 30, splits: () => [1, 4, 7, 10] }
      ],
      hooks: { drawAxes: [(u) => this.drawReference(u)], draw: [(u) => this.drawSkipped(u)] }
    };
  }

  /** The 14 days before as a band (IQR) with a dashed median, and a line at day 0. */
  private drawReference(u: uPlot): void {
    const d = this.detail;
    const theme = this.theme;
    if (!d || !theme) return;
    const { ctx, bbox } = u;
    const ratio = uPlot.pxRatio;
    ctx.save();
    const ref = d.before.mood;
    if (!ref.tooFew) {
      const top = u.valToPos(ref.q3, 'y', true);
      const bottom = u.valToPos(ref.q1, 'y', true);
      ctx.fillStyle = theme.referenceFill;
      ctx.fillRect(bbox.left, top, bbox.width, Math.max(ratio, bottom - top));
      ctx.strokeStyle = theme.foreground;
      ctx.lineWidth = theme.markerWidth * ratio;
      ctx.setLineDash([4 * ratio, 3 * ratio]);
      const y = Math.round(u.valToPos(ref.median, 'y', true)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(bbox.left, y);
      ctx.lineTo(bbox.left + bbox.width, y);
      ctx.stroke();
    }
    ctx.strokeStyle = theme.doseMarker;
    ctx.lineWidth = theme.markerWidth * ratio;
    ctx.setLineDash([6 * ratio, 4 * ratio]);
    const x = Math.round(u.valToPos(0, 'x', true)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.restore();
  }

  /** A × at the foot of the chart on each day with a skipped dose. */
  private drawSkipped(u: uPlot): void {
    const d = this.detail;
    const theme = this.theme;
    if (!d || !theme) return;
    const { ctx, bbox } = u;
    const ratio = uPlot.pxRatio;
    const size = 4 * ratio;
    ctx.save();
    ctx.strokeStyle = theme.dose;
    ctx.lineWidth = theme.lineWidth * ratio * 0.75;
    ctx.beginPath();
    for (const day of [...d.before.days, ...d.days]) {
      if (!day.skipped) continue;
      const x = u.valToPos(day.day, 'x', true);
      const y = bbox.top + bbox.height - size * 2;
      ctx.moveTo(x - size, y - size);
      ctx.lineTo(x + size, y + size);
      ctx.moveTo(x + size, y - size);
      ctx.lineTo(x - size, y + size);
    }
    ctx.stroke();
    ctx.restore();
  }
}
