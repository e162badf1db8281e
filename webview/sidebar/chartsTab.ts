// The Charts tab: asks the host for chart data over the chosen range and hands it to the charts
// module. Data is fetched only while the tab is shown.
import { html, type TemplateResult } from 'lit';
import { VIEW } from '../../src/core/limits';
import { RANGES, type RangeKey } from '../../src/webviews/sidebar/protocol';
import { type ChartData } from '../../src/webviews/shared/views';
import type { Channel } from '../shared/channel';
import { MoodDoseCharts } from './moodDoseCharts';
import { rangeLabel } from './history';
import { dateWords, plural, t } from '../shared/l10n';

export class ChartsTab {
  private charts: MoodDoseCharts | undefined;
  private visible = false;
  private error = '';
  private omitted: ChartData['omitted'];

  constructor(
    private readonly channel: Channel,
    public range: RangeKey,
    private readonly persist: () => void,
    /** Redraws the controls, so an error or a note about left-out data shows at once. */
    private readonly redraw: () => void = () => undefined
  ) {}

  async show(host: HTMLElement): Promise<void> {
    this.visible = true;
    this.charts ??= new MoodDoseCharts(host, { t, plural, date: dateWords });
    await this.reload();
    this.charts.resize();
  }

  hide(): void {
    this.visible = false;
  }

  async reload(): Promise<void> {
    if (!this.visible || !this.charts) return;
    try {
      const data = await this.channel.request('charts/data', { range: this.range });
      this.charts.update(data);
      this.omitted = data.omitted;
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
    this.redraw();
  }

  private openDashboard(): void {
    this.channel.request('command/run', { command: 'openDashboard' }).catch((e: Error) => {
      this.error = e.message;
      this.redraw();
    });
  }

  renderControls(): TemplateResult {
    return html`<div class="chart-controls">
      <label class="label" for="chart-range">${t('Range')}</label>
      <select class="select"
        id="chart-range"
        @change=${(e: Event) => {
          this.range = (e.target as HTMLInputElement).value as RangeKey;
          this.persist();
          void this.reload();
        }}
      >
        ${RANGES.map((r) => html`<option value=${r} ?selected=${r === this.range}>${rangeLabel(r)}</option>`)}
      </select>
      <vscode-button id="open-dashboard" secondary icon="dashboard" title=${t('The whole journal in the editor area')} @click=${() => this.openDashboard()}>${t('Open Dashboard')}</vscode-button>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${omittedNote(this.omitted)}
    </div>`;
  }
}

/** What the host left out to stay within the panel's limits, in words. */
function omittedNote(o: ChartData['omitted']): TemplateResult | string {
  if (!o) return '';
  const parts = [
    o.days ? plural(o.days, { one: t('the first {0} day (the charts cover the most recent {1})', o.days, VIEW.chartDays), other: t('the first {0} days (the charts cover the most recent {1})', o.days, VIEW.chartDays) }) : '',
    o.doseLevels ? plural(o.doseLevels, { one: t('{0} dose level with the fewest days', o.doseLevels), other: t('{0} dose levels with the fewest days', o.doseLevels) }) : '',
    o.symptoms ? plural(o.symptoms, { one: t('{0} symptom logged on the fewest days', o.symptoms), other: t('{0} symptoms logged on the fewest days', o.symptoms) }) : '',
    o.markers ? t('{0} of the oldest markers', o.markers) : ''
  ].filter(Boolean);
  return parts.length ? html`<p class="hint omitted">${t('Not shown, to keep the charts readable: {0}.', parts.join('; '))}</p>` : '';
}
