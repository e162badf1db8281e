// Year in pixels: a year as an ARIA grid, months as rows and days of the month as columns, each day
// coloured by its mean mood on a five-step orange-to-blue scale from the theme (a scale that stays
// apart for the common kinds of colour blindness; the lowest step is ringed as well), with days
// without a check-in hatched. Arrow keys move by day and month, Home and End to the month's ends
// (Ctrl: the year's), PageUp and PageDown a year; Enter lists that day's entries, whose Edit opens a
// check-in in the sidebar's form.
import { html, nothing, type TemplateResult } from 'lit';
import { MOOD_BINS, moveInYear, yearGrid, yearsBetween, type GridKey, type YearGrid } from '../../src/core/charts/yearGrid';
import type { DashboardData } from '../../src/webviews/dashboard/protocol';
import type { HistoryItem } from '../../src/webviews/shared/views';
import { historyRow } from '../sidebar/history';
import type { SectionContext } from './context';
import { binLabel, dayCellLabel, yearSummary } from './words';
import { plural } from '../shared/l10n';

const KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

let longDate: Intl.DateTimeFormat | undefined;
let monthName: Intl.DateTimeFormat | undefined;

function dateText(date: string): string {
  longDate ??= new Intl.DateTimeFormat(document.documentElement.lang || undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return longDate.format(new Date(`${date}T12:00:00Z`));
}

function monthText(month: number): string {
  monthName ??= new Intl.DateTimeFormat(document.documentElement.lang || undefined, { month: 'short', timeZone: 'UTC' });
  return monthName.format(new Date(Date.UTC(2024, month, 15)));
}

export class YearSection {
  private data: DashboardData | undefined;
  private grid: YearGrid | undefined;
  private entries: { date: string; total: number; items: HistoryItem[] } | undefined;
  private error = '';
  /** Set when a key moved the focus, so the cell is focused once drawn. */
  private focusAfterDraw = false;

  constructor(private readonly c: SectionContext) {}

  update(data: DashboardData): void {
    this.data = data;
    this.grid = undefined;
    // The listed day's entries may have changed (a check-in from elsewhere): fetch them again.
    const listed = this.c.state().listed;
    if (listed) void this.list(listed, false);
  }

  /** The year shown and the day in focus: as kept, else today's. */
  private where(data: DashboardData): { year: number; day: string; years: number[] } {
    const years = yearsBetween(data.timeline.from, data.today);
    const s = this.c.state();
    const year = s.year !== undefined && years.includes(s.year) ? s.year : years[years.length - 1];
    const day = s.day && s.day.startsWith(`${year}-`) ? s.day : data.today.startsWith(`${year}-`) ? data.today : `${year}-01-01`;
    return { year, day, years };
  }

  render(data: DashboardData): TemplateResult {
    const t = this.c.strings.t.bind(this.c.strings);
    const { year, day, years } = this.where(data);
    if (this.grid?.year !== year) this.grid = yearGrid(data.timeline.days, year);
    const grid = this.grid;
    const counts = MOOD_BINS.map((_, i) => grid.months.flat().filter((c) => c.bin === i).length);
    const listed = this.c.state().listed;
    return html`<section class="dash-section" aria-labelledby="year-heading">
      <h2 id="year-heading">${t('Year in pixels')}</h2>
      <div class="dash-toolbar">
        <button type="button" class="dash-tool codicon codicon-chevron-left" aria-label=${t('Previous year')} title=${t('Previous year')} ?disabled=${year <= years[0]} @click=${() => this.showYear(year - 1)}></button>
        <label class="label" for="year-pick">${t('Year')}</label>
        <select class="select" id="year-pick" @change=${(e: Event) => this.showYear(Number((e.target as HTMLSelectElement).value))}>
          ${years.map((y) => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}
        </select>
        <button type="button" class="dash-tool codicon codicon-chevron-right" aria-label=${t('Next year')} title=${t('Next year')} ?disabled=${year >= years[years.length - 1]} @click=${() => this.showYear(year + 1)}></button>
      </div>
      <p id="year-summary">${yearSummary(year, grid.months.flat().length, counts, grid.daysWithCheckIn, t)}</p>
      <ul class="dash-legend mdc-legend" aria-label=${t('Colour key: mean mood that day')}>
        ${MOOD_BINS.map((_, i) => html`<li><span class="ypx-swatch ypx-bin-${i}" aria-hidden="true"></span>${binLabel(i, t)}</li>`)}
        <li><span class="ypx-swatch ypx-none" aria-hidden="true"></span>${t('no check-in')}</li>
      </ul>
      <p class="mdc-note" id="year-help">${t('Arrow keys move by day and by month; Home and End go to the first and last day of the month (with Ctrl, of the year); Page Up and Page Down change the year. Enter lists the day’s entries.')}</p>
      <table class="ypx-grid" role="grid" aria-label=${t('{0}, one cell per day', year)} aria-describedby="year-summary year-help" @keydown=${(e: KeyboardEvent) => this.onKey(e, data)}>
        <thead>
          <tr>
            <td class="ypx-corner"></td>
            ${Array.from({ length: 31 }, (_, i) => html`<th scope="col" class="ypx-col">${i + 1}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${grid.months.map(
            (cells, m) => html`<tr>
              <th scope="row" class="ypx-month">${monthText(m)}</th>
              ${cells.map((cell) => {
                const future = cell.date > data.today;
                const cls = future ? 'ypx-future' : cell.bin === null ? 'ypx-none' : `ypx-bin-${cell.bin}`;
                return html`<td
                  role="gridcell"
                  class="ypx-cell ${cls}"
                  data-date=${cell.date}
                  tabindex=${cell.date === day ? '0' : '-1'}
                  aria-selected=${cell.date === listed ? 'true' : 'false'}
                  aria-label=${dayCellLabel(dateText(cell.date), cell, t, future)}
                  title=${dayCellLabel(cell.date, cell, t, future)}
                  @click=${() => this.choose(cell.date, true)}
                ></td>`;
              })}
              ${Array.from({ length: 31 - cells.length }, () => html`<td class="ypx-void" aria-hidden="true"></td>`)}
            </tr>`
          )}
        </tbody>
      </table>
      <div class="dash-day" aria-live="polite">${this.renderEntries()}</div>
    </section>`;
  }

  mount(root: HTMLElement): void {
    if (!this.focusAfterDraw || !this.data) return;
    this.focusAfterDraw = false;
    root.querySelector<HTMLElement>(`.ypx-cell[data-date="${this.where(this.data).day}"]`)?.focus();
  }

  private renderEntries(): TemplateResult | typeof nothing {
    const t = this.c.strings.t.bind(this.c.strings);
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const e = this.entries;
    if (!e || e.date !== this.c.state().listed) return nothing;
    return html`<h3 class="mdc-heading">${t('Entries on {0}', dateText(e.date))}</h3>
      ${e.items.length === 0 ? html`<p class="mdc-empty">${t('Nothing was logged on this day.')}</p>` : html`<ul class="entries dash-entries">${e.items.map((item) => historyRow({ edit: (i) => void this.edit(i.entry.id) }, item))}</ul>`}
      ${e.total > e.items.length ? html`<p class="hint">${plural(e.total, { one: t('{0} of {1} entry shown.', e.items.length, e.total), other: t('{0} of {1} entries shown.', e.items.length, e.total) })}</p>` : nothing}`;
  }

  private showYear(year: number): void {
    const data = this.data;
    if (!data) return;
    const day = this.where(data).day;
    this.c.setState({ year, day: `${year}${day.slice(4, 7)}-01` });
    this.c.redraw();
  }

  private onKey(e: KeyboardEvent, data: DashboardData): void {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('.ypx-cell');
    if (!cell) return;
    const date = cell.dataset.date!;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.choose(date, true);
      return;
    }
    if (!KEYS.has(e.key)) return;
    e.preventDefault();
    const years = yearsBetween(data.timeline.from, data.today);
    const next = moveInYear(date, e.key as GridKey, { ctrl: e.ctrlKey || e.metaKey, min: `${years[0]}-01-01`, max: `${years[years.length - 1]}-12-31` });
    this.c.setState({ year: Number(next.slice(0, 4)), day: next });
    this.focusAfterDraw = true;
    this.c.redraw();
  }

  /** Focuses a day and lists its entries. */
  private choose(date: string, list: boolean): void {
    this.c.setState({ year: Number(date.slice(0, 4)), day: date });
    if (list) void this.list(date, true);
    else this.c.redraw();
  }

  private async list(date: string, announce: boolean): Promise<void> {
    this.c.setState({ listed: date });
    this.c.redraw();
    try {
      const result = await this.c.channel.request('dashboard/day', { date });
      this.entries = result;
      this.error = '';
      const t = this.c.strings.t.bind(this.c.strings);
      if (announce) this.c.announce(plural(result.total, { one: t('{0} entry on {1}.', result.total, dateText(date)), other: t('{0} entries on {1}.', result.total, dateText(date)) }));
    } catch (err) {
      this.error = (err as Error).message;
    }
    this.c.redraw();
  }

  private async edit(id: string): Promise<void> {
    try {
      await this.c.channel.request('dashboard/edit', { id });
      this.c.announce(this.c.strings.t('The check-in is open in the Journal panel’s form.'));
    } catch (err) {
      this.error = (err as Error).message;
      this.c.redraw();
    }
  }
}
