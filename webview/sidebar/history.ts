// The history: every entry, newest first, grouped by day, with filters and search. Pages are
// fetched from the host as the list scrolls, so years of entries never render at once.
import { symptomName } from '../../src/core/symptoms';
import { html, nothing, type TemplateResult } from 'lit';
import { RANGES, type HistoryFilter, type SidebarContext, type RangeKey } from '../../src/webviews/sidebar/protocol';
import { type HistoryItem } from '../../src/webviews/shared/views';
import { plural, t, wordsLanguage } from '../shared/l10n';
import { formatMg } from '../../src/core/entries';

/** What a row's buttons do; a missing one is not offered (the dashboard's day list has no Delete). */
export interface RowActions {
  edit?(item: HistoryItem & { kind: 'checkin' }): void;
  remove?(item: HistoryItem): void;
}

export interface HistoryView {
  items: HistoryItem[];
  filtersOpen: boolean;
  toggleFilters(): void;
  total: number;
  filter: HistoryFilter;
  context: SidebarContext;
  loading: boolean;
  setFilter(patch: Partial<HistoryFilter>): void;
  loadMore(): void;
  edit(item: HistoryItem & { kind: 'checkin' }): void;
  remove(item: HistoryItem): void;
}

/** The words for a date range, shared by the history filters and the charts. */
export function rangeLabel(range: RangeKey): string {
  return RANGE_LABELS[range]();
}

const RANGE_LABELS: Record<RangeKey, () => string> = {
  '7': () => t('Last 7 days'),
  '30': () => t('Last 30 days'),
  '90': () => t('Last 90 days'),
  '365': () => t('Last year'),
  all: () => t('All time')
};

function severityLabel(n: number): string {
  return n === 3 ? t('severe') : n === 2 ? t('moderate') : n === 1 ? t('mild') : t('none');
}

// Creating a date formatter is costly; one is shared by every day heading.
let dayFormat: Intl.DateTimeFormat | undefined;

function dayLabel(date: string, today: string): string {
  if (date === today) return t('Today');
  dayFormat ??= new Intl.DateTimeFormat(wordsLanguage(), { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return dayFormat.format(new Date(`${date}T12:00:00Z`));
}

function itemDate(item: HistoryItem): { localDate: string; time: string; id: string } {
  return item.kind === 'checkin' ? item.entry : item;
}

// Plain buttons styled like VS Code's action bar: hundreds of rows each with two web components
// would cost far more to render than the rows themselves.
function rowActions(v: RowActions, item: HistoryItem, what: string): TemplateResult {
  const { edit, remove } = v;
  return html`<span class="row-actions">
    ${item.kind === 'checkin' && !item.entry.symptomsOmitted && edit
      ? html`<button type="button" class="action edit codicon codicon-edit" aria-label=${t('Edit {0}', what)} title=${t('Edit')} @click=${() => edit.call(v, item)}></button>`
      : nothing}
    ${remove
      ? html`<button type="button" class="action delete codicon codicon-trash" aria-label=${t('Delete {0}', what)} title=${t('Delete')} @click=${() => remove.call(v, item)}></button>`
      : nothing}
  </span>`;
}

/** One entry of the history as a list item: a check-in, a dose, a life event or a note. */
export function historyRow(v: RowActions, item: HistoryItem): TemplateResult {
  return item.kind === 'checkin' ? checkInRow(v, item) : otherRow(v, item);
}

function checkInRow(v: RowActions, item: HistoryItem & { kind: 'checkin' }): TemplateResult {
  const e = item.entry;
  const dose = e.dose ? (e.dose.status === 'skipped' ? t('{0} {1} skipped', e.dose.mg, e.dose.unit) : t('{0} {1}', formatMg(e.dose.mg), e.dose.unit)) : '';
  const what = t('check-in at {0}', e.time);
  return html`<li class="entry checkin" data-id=${e.id}>
    <span class="when"><time datetime=${e.at}>${e.time}</time></span>
    <span class="mood" aria-label=${t('Mood {0} out of 10', e.mood)}>${t('Mood')} ${e.mood}/10</span>
    ${dose ? html`<span class="dose">${dose}</span>` : nothing}
    ${e.energy !== null ? html`<span class="scale">${t('Energy {0}', e.energy)}</span>` : nothing}
    ${e.anxiety !== null ? html`<span class="scale">${t('Anxiety {0}', e.anxiety)}</span>` : nothing}
    ${e.sleepHours !== null ? html`<span class="scale">${t('Slept {0} h', e.sleepHours)}</span>` : nothing}
    ${rowActions(v, item, what)}
    ${e.symptoms.length
      ? html`<ul class="symptom-list" aria-label=${t('Symptoms')}>
          ${e.symptoms.map((s) => html`<li class="symptom sev-${s.severity}">${symptomName(s.key, s.label, t)} (${severityLabel(s.severity)})</li>`)}
        </ul>`
      : nothing}
    ${e.symptomsOmitted
      ? html`<p class="hint omitted">
          ${plural(e.symptomsOmitted, {
            one: t('{0} more symptom is not shown. An entry with this many cannot be edited here; it is kept as it is.', e.symptomsOmitted),
            other: t('{0} more symptoms are not shown. An entry with this many cannot be edited here; it is kept as it is.', e.symptomsOmitted)
          })}
        </p>`
      : nothing}
    ${e.tags.length ? html`<ul class="tag-list" aria-label=${t('Tags')}>${e.tags.map((tag) => html`<li class="tag">#${tag}</li>`)}</ul>` : nothing}
    ${e.note ? html`<p class="note">${e.note}</p>` : nothing}
  </li>`;
}

function otherRow(v: RowActions, item: Exclude<HistoryItem, { kind: 'checkin' }>): TemplateResult {
  if (item.kind === 'dose') {
    const d = item.dose;
    const change = item.previousMg !== null && item.previousMg !== d.mg && d.status !== 'skipped' ? t('{0} → {1} {2}', item.previousMg, d.mg, d.unit) : t('{0} {1}', formatMg(d.mg), d.unit);
    const status = d.status === 'skipped' ? t('Dose skipped') : d.status === 'changed' ? t('Dose changed') : t('Dose taken');
    return html`<li class="entry dose-row ${d.status}" data-id=${item.id}>
      <span class="when"><time datetime=${item.at}>${item.time}</time></span>
      <span class="codicon codicon-pulse" aria-hidden="true"></span>
      <span class="kind">${status}</span><span class="dose">${change}</span>
      ${rowActions(v, item, t('dose at {0}', item.time))}
    </li>`;
  }
  if (item.kind === 'event') {
    return html`<li class="entry event-row" data-id=${item.id}>
      <span class="when"><time datetime=${item.at}>${item.time}</time></span>
      <span class="codicon codicon-milestone" aria-hidden="true"></span>
      <span class="kind">${t('Life event')}</span><strong class="title">${item.title}</strong>
      ${rowActions(v, item, t('life event {0}', item.title))}
      ${item.note ? html`<p class="note">${item.note}</p>` : nothing}
    </li>`;
  }
  return html`<li class="entry note-row" data-id=${item.id}>
    <span class="when"><time datetime=${item.at}>${item.time}</time></span>
    <span class="codicon codicon-note" aria-hidden="true"></span>
    <span class="kind">${t('Note')}</span>
    ${rowActions(v, item, t('note at {0}', item.time))}
    <p class="note">${item.text}</p>
  </li>`;
}

function activeFilters(v: HistoryView): string {
  const f = v.filter;
  const parts = [rangeLabel(f.range)];
  if (f.tag) parts.push(`#${f.tag}`);
  if (f.symptom) parts.push(symptomName(f.symptom, v.context.symptomCatalog.find((s) => s.key === f.symptom)?.label ?? f.symptom, t));
  return parts.join(' · ');
}

function filters(v: HistoryView): TemplateResult {
  const f = v.filter;
  const change = (patch: Partial<HistoryFilter>) => v.setFilter(patch);
  return html`<div class="filters" role="search" aria-label=${t('Filter the history')}>
    <div class="field grow">
      <vscode-label for="filter-search">${t('Search notes')}</vscode-label>
      <vscode-textfield id="filter-search" type="search" .value=${f.search} @input=${(e: Event) => change({ search: (e.target as HTMLInputElement).value })}>
        <span slot="content-before" class="codicon codicon-search" aria-hidden="true"></span>
      </vscode-textfield>
    </div>
    <button type="button" id="filters-toggle" class="disclosure" aria-expanded=${v.filtersOpen ? 'true' : 'false'} aria-controls="filter-menus" @click=${() => v.toggleFilters()}>
      <span class="codicon ${v.filtersOpen ? 'codicon-chevron-down' : 'codicon-chevron-right'}" aria-hidden="true"></span>${t('Filters')}: ${activeFilters(v)}
    </button>
    ${v.filtersOpen
      ? html`<div class="row" id="filter-menus">
          <div class="field small">
            <label class="label" for="filter-range">${t('Range')}</label>
            <select class="select" id="filter-range" @change=${(e: Event) => change({ range: (e.target as HTMLInputElement).value as RangeKey })}>
              ${RANGES.map((r) => html`<option value=${r} ?selected=${r === f.range}>${rangeLabel(r)}</option>`)}
            </select>
          </div>
          <div class="field small">
            <label class="label" for="filter-tag">${t('Tag')}</label>
            <select class="select" id="filter-tag" @change=${(e: Event) => change({ tag: (e.target as HTMLInputElement).value || null })}>
              <option value="" ?selected=${!f.tag}>${t('Any tag')}</option>
              ${v.context.tags.map((tag) => html`<option value=${tag} ?selected=${tag === f.tag}>${tag}</option>`)}
            </select>
          </div>
          <div class="field small">
            <label class="label" for="filter-symptom">${t('Symptom')}</label>
            <select class="select" id="filter-symptom" @change=${(e: Event) => change({ symptom: (e.target as HTMLInputElement).value || null })}>
              <option value="" ?selected=${!f.symptom}>${t('Any symptom')}</option>
              ${v.context.symptomCatalog.map((s) => html`<option value=${s.key} ?selected=${s.key === f.symptom}>${symptomName(s.key, s.label, t)}</option>`)}
            </select>
          </div>
        </div>`
      : nothing}
  </div>`;
}

export function renderHistory(v: HistoryView): TemplateResult {
  const groups: TemplateResult[] = [];
  let day = '';
  let rows: TemplateResult[] = [];
  const flush = () => {
    if (rows.length) groups.push(html`<li class="day"><h3 class="day-heading">${dayLabel(day, v.context.today)}</h3><ul class="entries">${rows}</ul></li>`);
    rows = [];
  };
  for (const item of v.items) {
    const { localDate } = itemDate(item);
    if (localDate !== day) {
      flush();
      day = localDate;
    }
    rows.push(historyRow(v, item));
  }
  flush();
  const more = v.items.length < v.total;
  return html`<section class="history" aria-labelledby="history-heading">
    <h2 id="history-heading">${t('History')}</h2>
    ${filters(v)}
    <p class="count" aria-live="polite">${plural(v.total, { one: t('{0} of {1} entry shown', v.items.length, v.total), other: t('{0} of {1} entries shown', v.items.length, v.total) })}</p>
    ${v.items.length === 0 && !v.loading ? html`<p class="empty">${t('No entries match. Check in, or change the filters.')}</p>` : nothing}
    <ul class="days" aria-label=${t('Entries by day')}>${groups}</ul>
    ${more ? html`<div class="more"><vscode-button secondary id="load-more" ?disabled=${v.loading} @click=${() => v.loadMore()}>${t('Show older entries')}</vscode-button></div>` : nothing}
  </section>`;
}
