// The Timeline section: the whole journal on the shared timeline chart (webview/charts/timeline.ts,
// the one the Charts tab draws), with range presets, zoom by dragging or by keys, markers reachable
// from the keyboard, the visible range in words and its data table.
import { html, nothing, type TemplateResult } from 'lit';
import { addDays } from '../../src/core/time';
import type { ChartData } from '../../src/webviews/shared/views';
import type { DashboardData } from '../../src/webviews/dashboard/protocol';
import { localSeconds, nearestDate, summary } from '../charts/data';
import { MarkerKeys } from '../charts/markerKeys';
import { renderDataTable } from '../charts/tables';
import { TimelineZoom } from '../charts/timelineZoom';
import { Timeline } from '../charts/timeline';
import { PRESETS, type Preset, type RangeState, type SectionContext } from './context';
import { dateWords } from '../shared/l10n';
import { journalStart, rangeSummary } from './words';

const PRESET_DAYS: Record<Exclude<Preset, 'journal'>, number | null> = { '30': 30, '90': 90, '365': 365, all: null };

export class TimelineSection {
  private timeline: Timeline | undefined;
  private host: HTMLElement | undefined;
  private data: DashboardData | undefined;
  private tableOpen = false;
  private drawnKey = '';

  constructor(private readonly c: SectionContext) {}

  /** New data: drawn now if the section is on screen, else when it is next shown. */
  update(data: DashboardData): void {
    this.data = data;
    this.drawnKey = '';
  }

  render(data: DashboardData): TemplateResult {
    const t = this.c.strings.t.bind(this.c.strings);
    const range = this.c.state().range;
    const presetLabel: Record<Preset, string> = { '30': t('30 days'), '90': t('90 days'), '365': t('1 year'), journal: t('Journal'), all: t('All') };
    const presetTitle: Partial<Record<Preset, string>> = {
      journal: t('The logged journal: its first logged day to today'),
      all: t('Everything on the timeline, with medication history as recalled')
    };
    const view = this.visible(data);
    return html`<section class="dash-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">${t('Timeline')}</h2>
      <div class="dash-toolbar" role="toolbar" aria-label=${t('Timeline range and zoom')}>
        <span class="dash-group" role="group" aria-label=${t('Range')}>
          ${PRESETS.map(
            (p) => html`<button type="button" class="dash-seg" data-preset=${p} title=${presetTitle[p] ?? nothing} aria-pressed=${range.preset === p ? 'true' : 'false'} @click=${() => this.setRange({ preset: p })}>
              ${presetLabel[p]}
            </button>`
          )}
        </span>
        <span class="dash-group" role="group" aria-label=${t('Zoom')}>
          ${this.tool('zoom-in', t('Zoom in'), () => this.timeline?.zoomBy(0.5))}
          ${this.tool('zoom-out', t('Zoom out'), () => this.timeline?.zoomBy(2))}
          ${this.tool('arrow-left', t('Earlier'), () => this.timeline?.panBy(-0.5))}
          ${this.tool('arrow-right', t('Later'), () => this.timeline?.panBy(0.5))}
          ${this.tool('screen-full', t('Show all'), () => this.setRange({ preset: 'all' }), 'reset-zoom')}
        </span>
      </div>
      <p class="dash-range" aria-live="polite">${rangeSummary(view.days, view.markers, data.timeline.unit, t, data.timeline.recalled, journalStart(data.timeline))}</p>
      <div id="timeline-host" class="mdc-timeline dash-timeline"></div>
      <p class="mdc-note">
        ${t('Faint line: each day’s mean mood, shaded from its lowest to its highest check-in. Bold line: the median of the last 7 days (from 3 days with a check-in). Step line: the dose step in force, solid on days a dose was taken and dotted on days with only a skipped dose or nothing logged; a short bar: a day at another dose, at the dose taken; fainter and dashed under it: the dose planned. Dashed vertical lines: dose changes; dotted: life events, explained on hover, or with the arrow keys in the list under the chart.')}
      </p>
      <p class="mdc-note">${t('Zoom: drag across the chart, or focus it and press + or −; the arrow keys move, 0 shows all of it.')}</p>
      <button type="button" class="mdc-toggle" id="timeline-table-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} aria-controls="timeline-table" @click=${() => this.toggleTable()}>
        ${this.tableOpen ? t('Hide data table') : t('Show data table')}
      </button>
      <div id="timeline-table" class="mdc-table-wrap dash-table-wrap" role="region" tabindex="0" aria-label=${t('Data table')} ?hidden=${!this.tableOpen}></div>
    </section>`;
  }

  /** After render: the chart on its host, the view asked for, and the table. */
  mount(root: HTMLElement, retried = false): void {
    const data = this.data;
    const host = root.querySelector<HTMLElement>('#timeline-host');
    if (!data || !host) return;
    // Right after the tabs render, their panel may not be laid out yet and the host is 0 px wide:
    // build the plot a frame later, at its real size, rather than draw it twice.
    if (host !== this.host && host.clientWidth === 0 && !retried) {
      requestAnimationFrame(() => this.mount(root, true));
      return;
    }
    const building = host !== this.host;
    if (building) {
      this.timeline?.destroy();
      this.host = host;
      this.timeline = new Timeline(host, this.c.strings, {
        zoom: TimelineZoom,
        markerKeys: MarkerKeys,
        height: (width) => Math.round(Math.min(380, Math.max(220, width * 0.36))),
        onRange: (min, max, whole) => this.onRange(min, max, whole)
      });
      this.drawnKey = '';
    }
    const key = `${this.c.theme().key}`;
    if (this.drawnKey !== key) {
      this.drawnKey = key;
      this.timeline!.update(data.timeline, this.c.theme(), summary(data.timeline, this.c.strings));
      this.applyRange();
    }
    // A plot just built already has the host's size; measuring again would force a second layout.
    if (!building) this.timeline!.resize();
    if (this.tableOpen) this.fillTable(root);
  }

  /** The theme changed: draw again with its colours. */
  themeChanged(): void {
    this.drawnKey = '';
  }

  resize(): void {
    this.timeline?.resize();
  }

  /** The visible range's first and last day. */
  visibleDates(data: DashboardData): { from: string; to: string } {
    const range = this.c.state().range;
    const { from, to } = data.timeline;
    if (range.preset === null) return { from: range.from < from ? from : range.from, to: range.to > to ? to : range.to };
    if (range.preset === 'journal') return { from: journalStart(data.timeline), to };
    const days = PRESET_DAYS[range.preset];
    const start = days === null ? from : addDays(to, -(days - 1));
    return { from: start < from ? from : start, to };
  }

  private visible(data: DashboardData): Pick<ChartData, 'days' | 'markers'> & { from: string; to: string } {
    const { from, to } = this.visibleDates(data);
    return { from, to, days: data.timeline.days.filter((d) => d.date >= from && d.date <= to), markers: data.timeline.markers.filter((m) => m.date >= from && m.date <= to) };
  }

  private tool(icon: string, label: string, run: () => void, id?: string): TemplateResult {
    return html`<button type="button" class="dash-tool codicon codicon-${icon}" id=${id ?? nothing} aria-label=${label} title=${label} @click=${run}></button>`;
  }

  private setRange(range: RangeState): void {
    this.c.setState({ range });
    this.applyRange();
    this.c.redraw();
  }

  private applyRange(): void {
    const data = this.data;
    if (!data || !this.timeline) return;
    const range = this.c.state().range;
    if (range.preset === 'all') return this.timeline.resetRange();
    const { from, to } = this.visibleDates(data);
    this.timeline.setRange(localSeconds(from), localSeconds(to));
  }

  /** The chart's view changed (a drag, a key, a preset): keep it, unless a preset says the same. */
  private onRange(min: number, max: number, whole: boolean): void {
    const data = this.data;
    if (!data) return;
    const current = this.c.state().range;
    const from = nearestDate(min);
    const to = nearestDate(max);
    const shown = this.visibleDates(data);
    if (shown.from === from && shown.to === to) return;
    this.c.setState({ range: whole ? { preset: 'all' } : { preset: null, from, to } });
    if (current.preset !== null || whole) this.c.announce(whole ? this.c.strings.t('Showing all of the timeline.') : this.c.strings.t('Showing {0} to {1}.', dateWords(from), dateWords(to)));
    this.c.redraw();
  }

  private toggleTable(): void {
    this.tableOpen = !this.tableOpen;
    this.c.redraw();
  }

  private fillTable(root: HTMLElement): void {
    const target = root.querySelector<HTMLElement>('#timeline-table');
    const data = this.data;
    if (!target || !data) return;
    const view = this.visible(data);
    renderDataTable(target, { ...data.timeline, ...view }, this.c.strings);
  }
}
