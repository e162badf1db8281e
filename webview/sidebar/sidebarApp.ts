// The panel's state and layout: the entry form and history on one tab, charts on the other.
// Everything the user half-typed, and the filters, survive hiding the panel (getState/setState).
// Native <select> elements stand in for vscode-single-select: they are lighter (the whole select
// widget would cost ~45 KB of the 250 KB budget) and fully keyboard and screen-reader accessible.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { html, nothing, render } from 'lit';
import { SIDEBAR_READS, type HistoryFilter, type SidebarContext, type RangeKey } from '../../src/webviews/sidebar/protocol';
import type { HistoryItem } from '../../src/webviews/shared/views';
import type { HostEvent } from '../../src/webviews/protocol';
import { Channel } from '../shared/channel';
import { ChartsTab } from './chartsTab';
import { CheckupsTab } from './checkups';
import { PlanTab } from './plan';
import { emptyFields, fieldsFromEntry, followContext, toDraft, type FieldErrors, type FormFields } from './draft';
import { renderForm } from './form';
import { renderHistory } from './history';
import { HistoryPages } from './historyPages';
import { renderAbout, renderSupport, renderSupportLink } from './support';
import { configureL10n, dateWords, t } from '../shared/l10n';
import { vscodeApi } from '../shared/vscodeApi';

const TABS = ['journal', 'charts', 'plan', 'checkups'] as const;
type Tab = (typeof TABS)[number];

interface Persisted {
  fields: FormFields | null;
  moreOpen: boolean;
  filtersOpen: boolean;
  filter: HistoryFilter;
  tab: Tab;
  chartRange: RangeKey;
}

export class SidebarApp {
  private context: SidebarContext | undefined;
  /** Why the context could not be loaded; the form offers to try again, and help shows the built-in lines. */
  private contextError = '';
  private fields: FormFields | null;
  private errors: FieldErrors = {};
  private busy = false;
  private tab: Persisted['tab'];
  private moreOpen: boolean;
  private filtersOpen: boolean;
  private readonly history: HistoryPages;
  private status = '';
  private alert = '';
  /** The last change that can be undone from the panel: what it was, and what to say once undone. */
  private undo: { token: string; what: string; undone: string } | undefined;
  /** The host runs the extension's tests: report the rows drawn, so a test can see them. */
  private testMode = false;
  private lastReported = '';
  private readonly charts: ChartsTab;
  private readonly checkups: CheckupsTab;
  private readonly plan: PlanTab;
  private supportOpen = false;
  private readonly channel: Channel;

  constructor(
    private readonly root: HTMLElement,
    options: { requestTimeoutMs?: number } = {}
  ) {
    const saved = vscodeApi<Persisted>().getState();
    this.fields = saved?.fields ?? null;
    this.tab = saved?.tab ?? 'journal';
    this.moreOpen = saved?.moreOpen ?? false;
    this.filtersOpen = saved?.filtersOpen ?? false;
    this.channel = new Channel(
      {
        onInit: (bundle, testMode) => {
          configureL10n(bundle);
          this.testMode = testMode;
          void this.start();
        },
        onEvent: (e) => this.onEvent(e)
      },
      options.requestTimeoutMs
    );
    this.history = new HistoryPages(this.channel, saved?.filter ?? { range: 'all', tag: null, symptom: null, search: '' }, {
      draw: () => this.draw(),
      persist: () => this.persist(),
      alert: (message) => {
        this.alert = message;
      },
      clearAlert: (message) => {
        if (this.alert === message) this.alert = '';
      }
    });
    this.charts = new ChartsTab(this.channel, saved?.chartRange ?? '90', () => this.persist(), () => this.draw());
    this.checkups = new CheckupsTab(this.channel, () => this.draw(), (m) => this.announce(m));
    this.plan = new PlanTab(this.channel, () => this.draw(), (m) => this.announce(m));
    this.draw();
    // Coming back to the panel (perhaps the next morning): today's dose may have changed.
    addEventListener('focus', () => this.context && void this.loadContext());
    this.channel.ready();
  }

  private async start(): Promise<void> {
    // Both requests go out at once; the form and the list draw as soon as their data is in.
    await Promise.all([this.loadContext(), this.history.reload()]);
    await this.showTabContent();
  }

  private onEvent(e: HostEvent): void {
    if (e.kind === 'context') {
      void this.loadContext();
      return;
    }
    if (e.kind === 'show') {
      if (e.section === 'support') this.openSupport();
      else this.selectTab(e.section);
      return;
    }
    if (e.kind === 'edit') {
      // The dashboard's Edit: the check-in opens in this form.
      this.selectTab('journal');
      this.edit({ kind: 'checkin', entry: e.entry });
      return;
    }
    // The journal changed: reload only what shows a table the change touched.
    const touched = (part: keyof typeof SIDEBAR_READS) => e.tables.some((t) => SIDEBAR_READS[part].includes(t));
    if (touched('context')) void this.loadContext();
    if (touched('history')) void this.history.refresh();
    if (this.tab === 'charts' && touched('charts')) void this.charts.reload();
    if (this.tab === 'checkups' && touched('checkups')) void this.checkups.reload();
    if (this.tab === 'plan' && touched('plan')) void this.plan.reload();
  }

  private announce(message: string): void {
    this.status = message;
    this.draw();
  }

  private openSupport(): void {
    this.supportOpen = true;
    this.draw();
    requestAnimationFrame(() => this.root.querySelector<HTMLElement>('#support')?.focus());
  }

  private async showTabContent(): Promise<void> {
    if (this.tab === 'charts') await this.charts.show(this.chartsHost());
    else this.charts.hide();
    if (this.tab === 'checkups') await this.checkups.reload();
    if (this.tab === 'plan') await this.plan.reload();
  }

  private async loadContext(): Promise<void> {
    try {
      this.context = await this.channel.request('sidebar/context', {});
      this.fields = followContext(this.fields, this.context);
      this.contextError = '';
    } catch (e) {
      this.contextError = (e as Error).message;
    }
    this.draw();
  }

  private change(patch: Partial<FormFields>): void {
    if (!this.fields) return;
    this.fields = { ...this.fields, ...patch };
    for (const key of Object.keys(patch)) delete this.errors[key as keyof FieldErrors];
    this.persist();
    this.draw();
  }

  private async submit(): Promise<void> {
    if (!this.fields || !this.context || this.busy) return;
    const { draft, errors } = toDraft(this.fields, this.context.today);
    this.errors = errors;
    if (errors.sleep || errors.tags || errors.date || errors.time || errors.symptoms) this.moreOpen = true;
    if (!draft) {
      this.alert = t('The entry was not saved. Please check: {0}', Object.values(errors).join(' '));
      this.draw();
      return;
    }
    this.busy = true;
    this.alert = '';
    this.draw();
    try {
      const editing = this.fields.editingId;
      // The same confirmation as the palette's, with Undo beside it; an edit is undone to the entry as it was.
      const saved = editing ? await this.channel.request('entry/update', { id: editing, draft }) : await this.channel.request('entry/save', { draft });
      this.undo = { token: saved.undoToken, what: saved.message, undone: editing ? t('Change undone. The entry is back as it was.') : t('Undone. The entry is kept in the file marked as deleted, so nothing is lost.') };
      this.status = editing ? t('Changes saved. Undo is available.') : t('Check-in saved.');
      this.fields = emptyFields(null); // the dose then follows the context the "changed" event brings
      this.persist();
      // As after a delete: the form the user was in is gone, so focus goes to Undo.
      if (editing) requestAnimationFrame(() => this.root.querySelector<HTMLElement>('#undo')?.focus());
    } catch (e) {
      this.alert = t('The entry was not saved: {0}', (e as Error).message);
    }
    this.busy = false;
    this.draw();
  }

  private edit(item: HistoryItem & { kind: 'checkin' }): void {
    this.fields = fieldsFromEntry(item.entry);
    this.errors = {};
    const f = this.fields;
    if (f.symptoms.length || f.energy || f.anxiety || f.sleep || f.tags) this.moreOpen = true;
    this.tab = 'journal';
    this.status = t('Editing the check-in of {0} at {1}.', dateWords(item.entry.localDate), item.entry.time);
    this.persist();
    this.draw();
    requestAnimationFrame(() => this.root.querySelector<HTMLElement>('.mood-option[tabindex="0"]')?.focus());
  }

  private async remove(item: HistoryItem): Promise<void> {
    const id = item.kind === 'checkin' ? item.entry.id : item.id;
    try {
      const { undoToken } = await this.channel.request('entry/delete', { id, kind: item.kind });
      this.undo = { token: undoToken, what: t('Entry deleted.'), undone: t('Entry restored.') };
      this.status = t('Entry deleted. Undo is available.');
      this.draw();
      requestAnimationFrame(() => this.root.querySelector<HTMLElement>('#undo')?.focus());
    } catch (e) {
      this.alert = t('Could not delete: {0}', (e as Error).message);
      this.draw();
    }
  }

  private async undoChange(): Promise<void> {
    if (!this.undo) return;
    const { token, undone } = this.undo;
    this.undo = undefined;
    try {
      await this.channel.request('entry/undo', { undoToken: token });
      this.status = undone;
    } catch (e) {
      this.alert = t('Could not undo: {0}', (e as Error).message);
    }
    this.draw();
  }

  private toggle(which: 'moreOpen' | 'filtersOpen'): void {
    this[which] = !this[which];
    this.persist();
    this.draw();
  }

  private selectTab(tab: Tab): void {
    if (this.tab === tab) return;
    this.tab = tab;
    this.persist();
    this.draw();
    void this.showTabContent();
  }

  private chartsHost(): HTMLElement {
    return this.root.querySelector<HTMLElement>('#charts-host')!;
  }

  private persist(): void {
    vscodeApi<Persisted>().setState({
      fields: this.fields,
      moreOpen: this.moreOpen,
      filtersOpen: this.filtersOpen,
      filter: this.history.filter,
      tab: this.tab,
      chartRange: this.charts?.range ?? '90'
    });
  }

  private draw(): void {
    const c = this.context;
    const support = {
      context: c,
      contextFailed: !c && !!this.contextError,
      open: this.supportOpen,
      toggle: () => (this.supportOpen ? ((this.supportOpen = false), this.draw()) : this.openSupport()),
      openResource: (index: number, defaults: boolean) =>
        void this.channel.request('support/open', defaults ? { index, defaults } : { index }).catch((e: Error) => this.announce(e.message)),
      dismissCard: () => void this.channel.request('support/dismiss', {}).then(() => this.loadContext())
    };
    render(
      html`
        ${renderSupportLink(support)}
        <div role="status" aria-live="polite" class="visually-hidden" id="status">${this.status}</div>
        ${renderSupport(support)}
        ${this.alert && this.alert !== this.contextError ? html`<p class="error" role="alert">${this.alert}</p>` : nothing}
        ${this.undo
          ? html`<div class="undo-bar">
              <span>${this.undo.what}</span>
              <vscode-button id="undo" secondary icon="discard" @click=${() => void this.undoChange()}>${t('Undo')}</vscode-button>
            </div>`
          : nothing}
        <!-- vscode-tabs gives headers and panels their ids and ARIA links itself. -->
        <vscode-tabs selected-index=${TABS.indexOf(this.tab)} @vsc-tabs-select=${(e: CustomEvent<{ selectedIndex: number }>) => this.selectTab(TABS[e.detail.selectedIndex] ?? 'journal')}>
          <vscode-tab-header slot="header" data-tab="journal">${t('Journal')}</vscode-tab-header>
          <vscode-tab-panel>
            ${c && this.fields
              ? renderForm({
                  fields: this.fields,
                  moreOpen: this.moreOpen,
                  toggleMore: () => this.toggle('moreOpen'),
                  errors: this.errors,
                  context: c,
                  busy: this.busy,
                  change: (p) => this.change(p),
                  submit: () => void this.submit(),
                  cancelEdit: () => this.change(emptyFields(c.offeredDose))
                })
              : this.contextError
                ? html`<div class="load-failed" role="alert">
                    <p>${t('The journal could not be loaded: {0}', this.contextError)}</p>
                    <vscode-button id="retry-context" secondary icon="refresh" @click=${() => void this.loadContext()}>${t('Try Again')}</vscode-button>
                  </div>`
                : html`<p class="empty">${t('Loading…')}</p>`}
            ${c
              ? renderHistory({
                  items: this.history.items,
                  total: this.history.total,
                  filtersOpen: this.filtersOpen,
                  toggleFilters: () => this.toggle('filtersOpen'),
                  filter: this.history.filter,
                  context: c,
                  loading: this.history.loading,
                  setFilter: (p) => this.history.setFilter(p),
                  loadMore: () => void this.history.loadMore(),
                  edit: (i) => this.edit(i),
                  remove: (i) => void this.remove(i)
                })
              : nothing}
          </vscode-tab-panel>
          <vscode-tab-header slot="header" data-tab="charts">${t('Charts')}</vscode-tab-header>
          <vscode-tab-panel>${this.charts.renderControls()}<div id="charts-host"></div></vscode-tab-panel>
          <vscode-tab-header slot="header" data-tab="plan">${t('Plan')}</vscode-tab-header>
          <vscode-tab-panel>${this.tab === 'plan' ? this.plan.render() : nothing}</vscode-tab-panel>
          <vscode-tab-header slot="header" data-tab="checkups">${t('Check-ups')}</vscode-tab-header>
          <vscode-tab-panel>${this.tab === 'checkups' ? this.checkups.render() : nothing}</vscode-tab-panel>
        </vscode-tabs>
        ${renderAbout()}
      `,
      this.root
    );
    this.root.setAttribute('aria-busy', String(!c));
    if (this.tab === 'checkups') this.checkups.drawChart();
    this.history.watch(this.root);
    this.reportRendered();
  }

  /** In test mode only: tells the host what is on screen, so tests in a real VS Code can check it. */
  private reportRendered(): void {
    if (!this.testMode || !this.context) return;
    const rows = [...this.root.querySelectorAll('li.entry')].slice(0, 200).map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000));
    const key = rows.join('\n');
    if (key === this.lastReported) return;
    this.lastReported = key;
    this.channel.send({ type: 'rendered', rows });
  }
}
