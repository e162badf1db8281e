// The panel's charts: mood and dose over time (uPlot), mood by dose level, and a symptom heat
// strip, each with a heading and a text alternative. Mount once, then call update() with data.
//   const charts = new MoodDoseCharts(element, { t, plural, date: dateWords });
//   charts.update(chartData); ... charts.dispose();
import type { ChartData } from '../../src/webviews/shared/views';
import { isEmpty, summary } from '../charts/data';
import { el, uid } from '../charts/dom';
import { HeatStrip } from '../charts/heatStrip';
import { renderDataTable, renderDoseTable } from '../charts/tables';
import type { ChartStrings } from '../charts/strings';
import { observeTheme, readTheme, type ChartTheme } from '../charts/theme';
import { Timeline } from '../charts/timeline';

export class MoodDoseCharts {
  private readonly root: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly sections: HTMLElement[] = [];
  private readonly plotHost: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly tableWrap: HTMLElement;
  private readonly doseTable: HTMLElement;
  private readonly strip: HeatStrip;
  private readonly timeline: Timeline;
  private readonly resizeObserver: ResizeObserver;
  private readonly stopThemeObserver: () => void;
  private data: ChartData | undefined;
  private theme: ChartTheme;
  /** The data table is built when opened: nobody sees (or hears) it closed. */
  private tableStale = true;
  private lastWidth = -1;

  constructor(
    container: HTMLElement,
    private readonly strings: ChartStrings
  ) {
    const t = strings.t.bind(strings);
    this.root = el('div', 'mdc-charts', undefined, container);
    this.empty = el('p', 'mdc-empty', t('No mood or dose recorded in this range yet.'), this.root);
    this.empty.hidden = true;

    const timeline = this.section(t('Mood and dose over time'));
    this.plotHost = el('div', 'mdc-timeline', undefined, timeline);
    el(
      'p',
      'mdc-note',
      t('Shaded: lowest to highest mood each day. Dose step: solid on days a dose was taken, dotted on days with only a skipped dose or nothing logged; a short bar: another dose that day. Dashed vertical lines: dose changes. Dotted vertical lines: life events (point at one for details).'),
      timeline
    );
    const tableId = uid('table');
    this.toggle = el('button', 'mdc-toggle', t('Show data table'), timeline);
    this.toggle.type = 'button';
    this.toggle.setAttribute('aria-expanded', 'false');
    this.toggle.setAttribute('aria-controls', tableId);
    this.toggle.addEventListener('click', () => this.setTableOpen(this.toggle.getAttribute('aria-expanded') !== 'true'));
    this.tableWrap = el('div', 'mdc-table-wrap', undefined, timeline);
    this.tableWrap.id = tableId;
    this.tableWrap.hidden = true;
    // A scrolling region must be focusable so keyboard users can scroll it.
    this.tableWrap.tabIndex = 0;
    this.tableWrap.setAttribute('role', 'region');
    this.tableWrap.setAttribute('aria-label', t('Data table'));

    this.doseTable = el('div', 'mdc-dose', undefined, this.section(t('Mood by dose level')));
    this.strip = new HeatStrip(el('div', 'mdc-strips', undefined, this.section(t('Symptoms'))), strings);
    for (const s of this.sections) s.hidden = true;

    this.timeline = new Timeline(this.plotHost, strings);
    this.theme = readTheme();
    this.markTheme();
    this.stopThemeObserver = observeTheme(() => this.onThemeChange());
    this.resizeObserver = new ResizeObserver(() => {
      if (this.plotHost.clientWidth !== this.lastWidth) this.resize();
    });
    this.resizeObserver.observe(this.plotHost);
  }

  /** (Re)draws everything for a new range or changed journal. */
  update(data: ChartData): void {
    this.data = data;
    const empty = isEmpty(data);
    this.empty.hidden = !empty;
    for (const s of this.sections) s.hidden = empty;
    if (empty) {
      this.timeline.destroy();
      this.setTableOpen(false);
      return;
    }
    this.timeline.update(data, this.theme, summary(data, this.strings));
    this.lastWidth = this.plotHost.clientWidth;
    renderDoseTable(this.doseTable, data, this.strings);
    this.strip.render(data);
    this.tableStale = true;
    if (!this.tableWrap.hidden) this.renderTable();
  }

  /** The panel calls this when its width changes (a ResizeObserver covers the rest). */
  resize(): void {
    this.lastWidth = this.plotHost.clientWidth;
    this.timeline.resize();
  }

  dispose(): void {
    this.resizeObserver.disconnect();
    this.stopThemeObserver();
    this.timeline.destroy();
    this.root.remove();
    this.data = undefined;
  }

  private section(title: string): HTMLElement {
    const section = el('section', 'mdc-section', undefined, this.root);
    const heading = el('h3', 'mdc-heading', title, section);
    heading.id = uid('heading');
    section.setAttribute('aria-labelledby', heading.id);
    this.sections.push(section);
    return section;
  }

  private setTableOpen(open: boolean): void {
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.textContent = open ? this.strings.t('Hide data table') : this.strings.t('Show data table');
    this.tableWrap.hidden = !open;
    if (open && this.tableStale) this.renderTable();
  }

  private renderTable(): void {
    if (!this.data) return;
    renderDataTable(this.tableWrap, this.data, this.strings);
    this.tableStale = false;
  }

  /** What the canvas was drawn with, for tests and for anyone inspecting the panel. */
  private markTheme(): void {
    this.root.dataset.moodColor = this.theme.mood;
    this.root.dataset.lineWidth = String(this.theme.lineWidth);
  }

  /** VS Code changed theme: re-read the colours and redraw the canvas if any changed. */
  private onThemeChange(): void {
    const theme = readTheme();
    if (theme.key === this.theme.key) return;
    this.theme = theme;
    this.markTheme();
    if (this.data && !isEmpty(this.data)) this.timeline.update(this.data, theme, summary(this.data, this.strings));
  }
}
