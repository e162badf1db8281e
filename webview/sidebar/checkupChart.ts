// PHQ-9 and GAD-7 totals over time as a small uPlot line chart (the table below it is the text
// alternative). Colours come from the theme, as for the other charts.
import uPlot from 'uplot';
import { QUESTIONNAIRES } from '../../src/core/questionnaires';
import type { CheckupsData } from '../../src/webviews/sidebar/protocol';
import type { ChartStrings } from '../charts/strings';
import { dateOf, dayNumber } from '../charts/data';
import { observeTheme, readTheme } from '../charts/theme';

export class TrendChart {
  private plot: uPlot | undefined;
  private results: CheckupsData['results'] = [];
  private readonly stopObserving: () => void;

  constructor(
    private readonly host: HTMLElement,
    private readonly s: ChartStrings
  ) {
    this.stopObserving = observeTheme(() => this.update(this.results, true));
  }

  isIn(host: HTMLElement): boolean {
    return this.host === host && host.isConnected;
  }

  update(results: CheckupsData['results'], rebuild = false): void {
    this.results = results;
    const days = [...new Set(results.map((r) => dayNumber(r.date)))].sort((a, b) => a - b);
    const seriesOf = (kind: 'phq9' | 'gad7') =>
      days.map((d) => {
        const r = results.find((x) => x.kind === kind && dayNumber(x.date) === d);
        return r ? r.total : null;
      });
    const data: uPlot.AlignedData = [days.map((d) => d * 86400), seriesOf('phq9'), seriesOf('gad7')];
    if (this.plot && !rebuild) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    const theme = readTheme();
    const width = Math.max(200, this.host.clientWidth || 300);
    this.plot = new uPlot(
      {
        width,
        height: 160,
        legend: { show: true },
        cursor: { points: { size: 6 } },
        scales: { x: { time: true }, y: { range: [0, 27] } },
        axes: [
          { stroke: theme.foreground, grid: { stroke: theme.grid }, ticks: { stroke: theme.grid }, font: theme.font },
          { stroke: theme.foreground, grid: { stroke: theme.grid }, ticks: { stroke: theme.grid }, font: theme.font, label: this.s.t('Score') }
        ],
        series: [
          // uPlot names the x series "Time" in its legend, with a clock time, unless told otherwise.
          { label: this.s.t('Date'), value: (_u, v) => (v == null ? '–' : this.s.date(dateOf(Math.round(v / 86400)))) },
          { label: QUESTIONNAIRES.phq9.name, stroke: theme.mood, width: theme.lineWidth, spanGaps: true, points: { show: true } },
          { label: QUESTIONNAIRES.gad7.name, stroke: theme.dose, width: theme.lineWidth, spanGaps: true, points: { show: true }, dash: [6, 3] }
        ]
      },
      data,
      this.host
    );
    const canvas = this.plot.ctx.canvas;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', this.s.t('Questionnaire scores over time; the table below lists them.'));
  }

  destroy(): void {
    this.stopObserving();
    this.plot?.destroy();
  }
}
