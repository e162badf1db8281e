// The dashboard's page: the whole journal in the editor area, in five sections on tabs like the
// sidebar's (Timeline, Days after each dose change, Each dose step side by side, Year in pixels,
// What goes with better days). It speaks the sidebar's protocol through the same channel and
// validation, keeps its section and view with setState (so VS Code restores them after a reload),
// and reloads its figures whenever the journal changes, from wherever.
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import { html, nothing, render, type TemplateResult } from 'lit';
import { DASHBOARD_READS, DASHBOARD_SECTIONS, type DashboardData, type DashboardSection } from '../../src/webviews/dashboard/protocol';
import { Channel } from '../shared/channel';
import type { ChartStrings } from '../charts/strings';
import { observeTheme, readTheme, type ChartTheme } from '../charts/theme';
import { configureL10n, dateWords, plural, t } from '../shared/l10n';
import { vscodeApi } from '../shared/vscodeApi';
import { AssociationsSection } from './associationsSection';
import { ChangeSection } from './changeSection';
import { DEFAULT_RANGE, keptRange, type DashboardState, type SectionContext } from './context';
import { StepsSection } from './stepsSection';
import { TimelineSection } from './timelineSection';
import { checkedIn, journalStart } from './words';
import { YearSection } from './yearSection';

const DEFAULT_STATE: DashboardState = { section: 'timeline', range: DEFAULT_RANGE };

export class DashboardApp {
  private state: DashboardState;
  private data: DashboardData | undefined;
  private error = '';
  private status = '';
  private testMode = false;
  private lastReported = '';
  private theme: ChartTheme;
  private loads = 0;
  private readonly channel: Channel;
  private readonly timeline: TimelineSection;
  private readonly change: ChangeSection;
  private readonly steps: StepsSection;
  private readonly year: YearSection;
  private readonly associations: AssociationsSection;

  constructor(
    private readonly root: HTMLElement,
    options: { requestTimeoutMs?: number } = {}
  ) {
    const saved = vscodeApi<DashboardState>().getState();
    this.state = saved && DASHBOARD_SECTIONS.includes(saved.section) ? { ...DEFAULT_STATE, ...saved, range: keptRange(saved.range) } : { ...DEFAULT_STATE };
    this.theme = readTheme();
    this.channel = new Channel(
      {
        // The figures are asked for with "ready" (below), not after this answer to it: in VS Code
        // each round trip to the extension host costs tens of milliseconds.
        onInit: (bundle, testMode) => {
          configureL10n(bundle);
          this.testMode = testMode;
          this.draw();
        },
        // Rows changed (a check-in from the palette, the sidebar, another window) or the settings did.
        // Settings (a unit), or a change to a table the dashboard reads: load it again.
        onEvent: (e) => (e.kind === 'context' || (e.kind === 'changed' && e.tables.some((t) => DASHBOARD_READS.includes(t))) ? void this.load() : undefined)
      },
      options.requestTimeoutMs
    );
    const strings: ChartStrings = { t, plural, date: dateWords };
    const context: SectionContext = {
      strings,
      channel: this.channel,
      theme: () => this.theme,
      state: () => this.state,
      setState: (patch) => this.setState(patch),
      redraw: () => this.draw(),
      announce: (message) => {
        this.status = message;
        this.draw();
      }
    };
    this.timeline = new TimelineSection(context);
    this.change = new ChangeSection(context);
    this.steps = new StepsSection(context);
    this.year = new YearSection(context);
    this.associations = new AssociationsSection(context);
    observeTheme(() => {
      const theme = readTheme();
      if (theme.key === this.theme.key) return;
      this.theme = theme;
      this.timeline.themeChanged();
      this.draw();
    });
    new ResizeObserver(() => {
      this.timeline.resize();
      this.change.resize();
    }).observe(this.root);
    this.draw();
    this.channel.ready();
    void this.load();
    // Timing marks only (no data): the dashboard benchmark in VS Code reads them to see where time goes.
    performance.mark('dashboard:ready');
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    try {
      const data = await this.channel.request('dashboard/data', {});
      if (load === 1) performance.mark('dashboard:answer');
      if (load !== this.loads) return;
      this.data = data;
      this.error = '';
      for (const section of [this.timeline, this.change, this.year]) section.update(data);
    } catch (e) {
      if (load === this.loads) this.error = (e as Error).message;
    }
    this.draw();
  }

  private setState(patch: Partial<DashboardState>): void {
    this.state = { ...this.state, ...patch };
    vscodeApi<DashboardState>().setState(this.state);
  }

  private select(section: DashboardSection): void {
    if (section === this.state.section) return;
    this.setState({ section });
    this.draw();
  }

  private draw(): void {
    const data = this.data;
    const index = DASHBOARD_SECTIONS.indexOf(this.state.section);
    const titles: Record<DashboardSection, string> = {
      timeline: t('Timeline'),
      afterChange: t('Days after each dose change'),
      steps: t('Each dose step side by side'),
      year: t('Year in pixels'),
      associations: t('What goes with better days')
    };
    render(
      html`<header class="dash-header">
          <h1>${t('Mood & Dose Dashboard')}</h1>
          ${data ? html`<p class="dash-subtitle">${this.subtitle(data)}</p>` : nothing}
          ${data?.timeline.recalled?.length
            ? html`<p class="dash-subtitle dash-recalled">${t('Before it, medication history as recalled, from {0}: hatched on the timeline, and not counted in any figure.', dateWords(data.timeline.recalled[0].startDate))}</p>`
            : nothing}
        </header>
        <div role="status" aria-live="polite" class="visually-hidden" id="status">${this.status}</div>
        ${this.error
          ? html`<div class="load-failed" role="alert">
              <p class="error">${t('The journal could not be loaded: {0}', this.error)}</p>
              <button type="button" class="mdc-toggle" id="retry" @click=${() => void this.load()}>${t('Try Again')}</button>
            </div>`
          : nothing}
        ${data
          ? html`<vscode-tabs selected-index=${index} @vsc-tabs-select=${(e: CustomEvent<{ selectedIndex: number }>) => this.select(DASHBOARD_SECTIONS[e.detail.selectedIndex] ?? 'timeline')}>
              ${DASHBOARD_SECTIONS.map(
                (s, i) => html`<vscode-tab-header slot="header" data-section=${s}>${titles[s]}</vscode-tab-header>
                  <vscode-tab-panel data-section=${s}>${i === index ? this.section(s, data) : nothing}</vscode-tab-panel>`
              )}
            </vscode-tabs>`
          : this.error
            ? nothing
            : html`<p class="mdc-empty">${t('Loading…')}</p>`}
        <p class="dash-footer">${t('Patient-recorded. Not medical advice. Day counts and means are of what was logged; a day’s mood is the mean of its check-ins.')}</p>`,
      this.root
    );
    this.root.setAttribute('aria-busy', String(!data && !this.error));
    if (data) this.mount(this.state.section);
    this.report();
  }

  private subtitle(data: DashboardData): string {
    // The logged journal only: a timeline that starts at recalled history has empty days before it.
    const first = journalStart(data.timeline);
    const days = data.timeline.days.filter((d) => d.date >= first);
    const recorded = days.filter((d) => d.mean !== null).length;
    const text = t('The whole journal, {0} to {1}: {2}.', dateWords(first), dateWords(data.timeline.to), checkedIn(recorded, days.length, t));
    const left = data.timeline.omitted?.days ?? 0;
    return left ? `${text} ${plural(left, { one: t('The first {0} day is left out.', left), other: t('The first {0} days are left out.', left) })}` : text;
  }

  private section(s: DashboardSection, data: DashboardData): TemplateResult {
    switch (s) {
      case 'timeline':
        return this.timeline.render(data);
      case 'afterChange':
        return this.change.render(data);
      case 'steps':
        return this.steps.render(data);
      case 'year':
        return this.year.render(data);
      case 'associations':
        return this.associations.render(data);
    }
  }

  private mount(s: DashboardSection): void {
    if (s === 'timeline') this.timeline.mount(this.root);
    if (s === 'afterChange') this.change.mount(this.root);
    if (s === 'year') this.year.mount(this.root);
    if (s === 'associations') this.associations.mount(this.root);
  }

  /** In test mode only: tells the host what is on screen, so tests in a real VS Code can check it. */
  private report(): void {
    if (!this.testMode || !this.data) return;
    const days = this.data.timeline.days;
    const withMood = days.filter((d) => d.mean !== null);
    const last = withMood[withMood.length - 1];
    const range = this.state.range;
    const rows = [
      `section: ${this.state.section}`,
      `range: ${range.preset ?? `${range.from} to ${range.to}`}`,
      `check-ins: ${days.reduce((n, d) => n + d.n, 0)}`,
      `days with a check-in: ${withMood.length}`,
      `last day: ${last ? `${last.date} mean ${last.mean!.toFixed(2)} from ${last.n}` : 'none'}`,
      `heading: ${this.root.querySelector('vscode-tab-panel[data-section] h2')?.textContent ?? ''}`
    ];
    const key = rows.join('\n');
    if (key === this.lastReported) return;
    this.lastReported = key;
    this.channel.send({ type: 'rendered', rows });
  }
}
