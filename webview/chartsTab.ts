// The Charts tab: asks the host for chart data over the chosen range and hands it to the charts
// module. Data is fetched only while the tab is shown.
import { html, type TemplateResult } from 'lit';
import { RANGES, type RangeKey } from '../src/protocol';
import type { Channel } from './channel';
import { MoodDoseCharts } from './charts';
import { rangeLabel } from './history';
import { t } from './l10n';


export class ChartsTab {
  private charts: MoodDoseCharts | undefined;
  private visible = false;
  private error = '';

  constructor(
    private readonly channel: Channel,
    public range: RangeKey,
    private readonly persist: () => void
  ) {}

  async show(host: HTMLElement): Promise<void> {
    this.visible = true;
    this.charts ??= new MoodDoseCharts(host, { t });
    await this.reload();
    this.charts.resize();
  }

  hide(): void {
    this.visible = false;
  }

  async reload(): Promise<void> {
    if (!this.visible || !this.charts) return;
    try {
      this.charts.update(await this.channel.request('charts/data', { range: this.range }));
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
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
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
    </div>`;
  }
}
