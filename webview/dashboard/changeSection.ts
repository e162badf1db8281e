// Days after each dose change: pick a change (a native select, so keyboard and mouse both work),
// then mood from 14 days before it to day 28 after it (the days before as a reference band), each
// symptom's severity day by day (each day's cell under that day of the chart) with its onset, peak
// and last day in words, and a data table.
import { html, nothing, type TemplateResult } from 'lit';
import type { ChangeDetailView, DashboardData } from '../../src/webviews/dashboard/protocol';
import { ChangeChart } from '../charts/changeChart';
import { fixed1 } from '../charts/data';
import type { SectionContext } from './context';
import { dateWords } from '../shared/l10n';
import { changeChartLabel, changeIntro, changeMoodWords, changeText, courseWords, severityWord } from './words';

export class ChangeSection {
  private data: DashboardData | undefined;
  private detail: ChangeDetailView | undefined;
  private error = '';
  private loading = '';
  private chart: ChangeChart | undefined;
  private host: HTMLElement | undefined;
  private drawn: ChangeDetailView | undefined;
  private drawnTheme = '';
  private tableOpen = false;

  constructor(private readonly c: SectionContext) {}

  /** New data: the chosen change (or the latest) is fetched again when the section is shown. */
  update(data: DashboardData): void {
    this.data = data;
    this.detail = undefined;
  }

  /** The change shown: the one chosen if it is still in the journal, else the latest. */
  chosen(): string | undefined {
    const changes = this.data?.changes ?? [];
    const wanted = this.c.state().change;
    return changes.some((x) => x.date === wanted) ? wanted : changes[changes.length - 1]?.date;
  }

  render(data: DashboardData): TemplateResult {
    const t = this.c.strings.t.bind(this.c.strings);
    const chosen = this.chosen();
    const d = this.detail;
    return html`<section class="dash-section" aria-labelledby="change-heading">
      <h2 id="change-heading">${t('Days after each dose change')}</h2>
      ${data.changes.length === 0
        ? html`<p class="mdc-empty">${t('No dose change logged yet. When the dose logged changes, the days after it show here, from day 0 (the first day at the new dose) to day 28.')}</p>`
        : html`<div class="dash-toolbar">
              <label class="label" for="change-pick">${t('Dose change')}</label>
              <select class="select" id="change-pick" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
                ${[...data.changes].reverse().map((x) => html`<option value=${x.date} ?selected=${x.date === chosen}>${t('{0}: {1}', dateWords(x.date), changeText(x, data.timeline.unit, t))}</option>`)}
              </select>
            </div>
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            ${d && d.change.date === chosen ? this.renderDetail(d) : html`<p class="mdc-empty" aria-busy="true">${this.loading || t('Loading…')}</p>`}`}
    </section>`;
  }

  /** After render: fetch the change if needed, and draw its chart. */
  mount(root: HTMLElement): void {
    const chosen = this.chosen();
    if (chosen && (!this.detail || this.detail.change.date !== chosen) && this.loading !== chosen) void this.load(chosen);
    const host = root.querySelector<HTMLElement>('#change-chart');
    if (!host || !this.detail) return;
    if (host !== this.host) {
      this.chart?.destroy();
      this.host = host;
      this.chart = new ChangeChart(host, this.c.strings);
      this.drawn = undefined;
    }
    const theme = this.c.theme();
    if (this.drawn !== this.detail || this.drawnTheme !== theme.key) {
      this.chart!.update(this.detail, theme, changeChartLabel(this.detail, this.c.strings.t.bind(this.c.strings)));
      this.drawn = this.detail;
      this.drawnTheme = theme.key;
    }
    this.chart!.resize();
    this.placeStrips();
  }

  resize(): void {
    this.chart?.resize();
    this.placeStrips();
  }

  /** Puts each symptom's cell for day d under day d of the chart (style object: the CSP allows no style attributes). */
  private placeStrips(): void {
    const strips = this.host?.parentElement?.querySelector<HTMLElement>('.dash-days');
    const span = this.detail && this.chart?.daySpan(0, this.detail.endDay);
    if (!strips || !span) return;
    strips.style.setProperty('--day-left', `${span.left}px`);
    strips.style.setProperty('--day-width', `${span.width}px`);
  }

  private pick(date: string): void {
    this.c.setState({ change: date });
    this.c.redraw();
  }

  private async load(date: string): Promise<void> {
    this.loading = date;
    try {
      this.detail = await this.c.channel.request('dashboard/change', { date });
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
    this.loading = '';
    this.c.redraw();
  }

  private omittedSymptoms(n: number): string {
    const s = this.c.strings;
    return s.plural(n, { one: s.t('Not shown: {0} symptom logged on the fewest days.', n), other: s.t('Not shown: {0} symptoms logged on the fewest days.', n) });
  }

  private renderDetail(d: ChangeDetailView): TemplateResult {
    const t = this.c.strings.t.bind(this.c.strings);
    const days = d.days;
    return html`<p>${changeIntro(d, t)}</p>
      <ul class="dash-facts">
        ${changeMoodWords(d, t).map((line) => html`<li>${line}</li>`)}
      </ul>
      <div id="change-chart" class="mdc-timeline dash-change-chart"></div>
      <p class="mdc-note">${t('Dots and line: each day’s mean mood, shaded from its lowest to its highest check-in. Grey band: the middle half of the daily means of the 14 days before (interquartile range), dashed at their median. Dashed vertical line: day 0. ×: a skipped dose.')}</p>
      <h3 class="mdc-heading">${t('Symptoms, day by day')}</h3>
      ${d.symptoms.length === 0
        ? html`<p class="mdc-note">${t('No symptom logged from day 0 to day {0}.', d.endDay)}</p>`
        : html`<div class="dash-days" role="group" aria-label=${t('Symptoms from day 0 to day {0}', d.endDay)}>
              ${d.symptoms.map(
                (s) => html`<div class="dash-day-row">
                  <div class="mdc-strip-label">${s.label}</div>
                  <div class="mdc-strip-cells dash-day-cells" role="group" aria-label=${s.label}>
                    ${s.severities.map((sev, day) => {
                      const label = t('{0}, day {1} ({2}): {3}', s.label, day, dateWords(days[day]?.date ?? ''), sev === null ? t('not logged') : severityWord(sev, t));
                      return html`<span role="img" class="mdc-cell ${sev === null ? 'mdc-sev-none' : `mdc-sev-${sev}`}" aria-label=${label} title=${label}></span>`;
                    })}
                  </div>
                  <p class="dash-course">${courseWords(s, t)}</p>
                </div>`
              )}
              <div class="mdc-strip-axis" aria-hidden="true"><span>${t('day {0}', 0)}</span><span>${t('day {0}', d.endDay)}</span></div>
            </div>`}
      ${d.omitted?.symptoms ? html`<p class="hint omitted">${this.omittedSymptoms(d.omitted.symptoms)}</p>` : nothing}
      <button type="button" class="mdc-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} aria-controls="change-table" @click=${() => ((this.tableOpen = !this.tableOpen), this.c.redraw())}>
        ${this.tableOpen ? t('Hide data table') : t('Show data table')}
      </button>
      <div id="change-table" class="mdc-table-wrap dash-table-wrap" role="region" tabindex="0" aria-label=${t('Data table')} ?hidden=${!this.tableOpen}>
        ${this.tableOpen ? this.renderTable(d) : nothing}
      </div>`;
  }

  private renderTable(d: ChangeDetailView): TemplateResult {
    const t = this.c.strings.t.bind(this.c.strings);
    const rows = [...d.before.days, ...d.days];
    const logged = (day: number) =>
      day < 0
        ? ''
        : d.symptoms
            .filter((s) => s.severities[day] !== null && s.severities[day] !== undefined)
            .map((s) => t('{0} ({1})', s.label, severityWord(s.severities[day]!, t)))
            .join('; ');
    return html`<table class="mdc-table">
      <caption>${t('Each day from the 14 days before the change on {0} to day {1}', dateWords(d.change.date), d.endDay)}</caption>
      <thead><tr><th scope="col">${t('Day')}</th><th scope="col">${t('Date')}</th><th scope="col">${t('Mean mood')}</th><th scope="col">${t('Lowest–highest')}</th><th scope="col">${t('Symptoms logged')}</th><th scope="col">${t('Dose')}</th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            <th scope="row">${r.day}</th>
            <td>${r.date}</td>
            <td class="mdc-num">${r.mean === null ? t('no entry') : fixed1(r.mean)}</td>
            <td class="mdc-num">${r.min === null || r.max === null ? '–' : t('{0}–{1}', r.min, r.max)}</td>
            <td class="mdc-events">${logged(r.day)}</td>
            <td>${r.dose === 'taken' ? t('taken') : r.dose === 'skipped' ? t('skipped') : t('not logged')}</td>
          </tr>`
        )}
      </tbody>
    </table>`;
  }
}
