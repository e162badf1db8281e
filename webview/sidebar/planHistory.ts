// The Plan tab's "Before the journal": medication history as the user recalls it. A keyboard-first
// form (Enter saves, Escape cancels), the list with edit and delete (with Undo), and a note for each
// period that overlaps another or the logged doses. Recalled periods are never counted in a figure.
import { html, nothing, type TemplateResult } from 'lit';
import { inputNumber } from '../../src/core/entries';
import { MG_MAX, MOOD_MAX } from '../../src/core/limits';
import type { PlanData } from '../../src/webviews/sidebar/protocol';
import type { RecalledView } from '../../src/webviews/shared/views';
import { dateWords, t } from '../shared/l10n';
import type { PlanSection } from './planSection';

interface Draft {
  id: string | null;
  medication: string;
  startDate: string;
  endDate: string;
  mg: string;
  context: string;
  mood: string;
  certainty: '' | 'roughly' | 'clearly';
}

const MONTH_OR_DAY = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const val = (e: Event) => (e.target as HTMLInputElement).value;
const first = (d: string) => (d.length === 7 ? `${d}-01` : d);
const last = (d: string) => (d.length === 7 ? `${d}-31` : d);

/** "mood 5 of 10, roughly": a recalled mood with how sure the user is of it. */
export function recalledMoodText(p: Pick<RecalledView, 'mood' | 'certainty'>): string {
  if (p.mood === null) return '';
  return p.certainty === 'clearly' ? t('recalled mood {0} of 10, clearly', p.mood) : t('recalled mood about {0} of 10, roughly', p.mood);
}

export class HistorySection {
  private draft: Draft | undefined;
  /** Overlaps of the period just saved: said at once, and kept in the list below. */
  private saidOverlaps: string[] = [];

  constructor(private readonly s: PlanSection) {}

  private open(draft: Draft): void {
    this.draft = draft;
    this.s.redraw();
    this.s.focus('#hist-medication');
  }

  private save(): void {
    const d = this.draft;
    if (!d) return;
    const mg = Number(d.mg.replace(',', '.'));
    if (!d.medication.trim()) return this.s.fail(t('Type the name of the medication.'));
    if (!MONTH_OR_DAY.test(d.startDate.trim())) return this.s.fail(t('Type the start as a month (2025-03) or a day (2025-03-14).'), '#hist-start');
    if (!MONTH_OR_DAY.test(d.endDate.trim())) return this.s.fail(t('Type the end as a month (2025-06) or a day (2025-06-30).'), '#hist-end');
    if (last(d.endDate.trim()) < first(d.startDate.trim())) return this.s.fail(t('The period ends ({0}) before it starts ({1}). Check the two dates.', d.endDate.trim(), d.startDate.trim()), '#hist-end');
    if (!d.mg.trim() || !Number.isFinite(mg) || mg < 0 || mg > MG_MAX) return this.s.fail(t('Type the dose as a number, e.g. 20 or 7.5.'), '#hist-mg');
    const mood = d.mood ? Number(d.mood) : null;
    if (mood !== null && !d.certainty) return this.s.fail(t('Say how sure you are of the recalled mood: roughly or clearly.'), '#hist-certainty');
    const params = { id: d.id, medication: d.medication.trim(), startDate: d.startDate.trim(), endDate: d.endDate.trim(), mg, context: d.context.trim(), mood, certainty: mood === null ? null : d.certainty || null };
    void this.s.run(async () => {
      const saved = await this.s.channel.request('history/save', params);
      this.draft = undefined;
      this.saidOverlaps = saved.overlaps;
      this.s.offerUndo(saved.undoToken, saved.message, t('Change undone.'));
      return [saved.message, ...saved.overlaps].join(' ');
    });
  }

  private remove(p: RecalledView): void {
    void this.s.run(async () => {
      const deleted = await this.s.channel.request('history/delete', { id: p.id });
      this.saidOverlaps = [];
      this.s.offerUndo(deleted.undoToken, deleted.message, t('Recalled period restored.'));
      return deleted.message;
    });
  }

  private form(d: Draft, unit: string): TemplateResult {
    const set = (key: keyof Draft) => (e: Event) => {
      (d as unknown as Record<string, string>)[key] = val(e);
      if (key === 'mood') this.s.redraw();
    };
    return html`<form
      class="inline-form"
      aria-label=${t('A period before the journal, as recalled')}
      @submit=${(e: Event) => (e.preventDefault(), this.save())}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && ((this.draft = undefined), this.s.redraw(), this.s.focus('#add-history'))}
    >
      <label class="grow">${t('Medication')} <input id="hist-medication" .value=${d.medication} @input=${set('medication')} /></label>
      <label>${t('From (month or day)')} <input id="hist-start" placeholder="2025-03" .value=${d.startDate} @input=${set('startDate')} /></label>
      <label>${t('To (month or day)')} <input id="hist-end" placeholder="2025-06" .value=${d.endDate} @input=${set('endDate')} /></label>
      <label>${t('Dose ({0})', unit)} <input id="hist-mg" inputmode="decimal" .value=${d.mg} @input=${set('mg')} /></label>
      <label class="grow">${t('What was going on (optional), e.g. "raised during the divorce"')} <input id="hist-context" .value=${d.context} @input=${set('context')} /></label>
      <label
        >${t('Mood then, as you remember it')}
        <select id="hist-mood" class="select" .value=${d.mood} @change=${set('mood')}>
          <option value="" ?selected=${d.mood === ''}>${t('Not recalled')}</option>
          ${Array.from({ length: MOOD_MAX }, (_, i) => html`<option value=${String(i + 1)} ?selected=${d.mood === String(i + 1)}>${i + 1}</option>`)}
        </select></label
      >
      <label
        >${t('How sure')}
        <select id="hist-certainty" class="select" ?disabled=${!d.mood} .value=${d.certainty} @change=${set('certainty')}>
          <option value="" ?selected=${d.certainty === ''}>${t('Choose…')}</option>
          <option value="roughly" ?selected=${d.certainty === 'roughly'}>${t('Roughly')}</option>
          <option value="clearly" ?selected=${d.certainty === 'clearly'}>${t('Clearly')}</option>
        </select></label
      >
      <div class="actions">
        <button type="submit" class="primary" id="hist-save">${t('Save period')}</button>
        <button type="button" class="secondary" @click=${() => ((this.draft = undefined), this.s.redraw())}>${t('Cancel')}</button>
      </div>
    </form>`;
  }

  render(d: PlanData, medication: string): TemplateResult {
    const draft = this.draft;
    const overlapsOf = (id: string) => d.overlaps.filter((o) => o.id === id);
    const edit = (p: RecalledView) =>
      this.open({ id: p.id, medication: p.medication, startDate: p.startDate, endDate: p.endDate, mg: inputNumber(p.mg), context: p.context, mood: p.mood === null ? '' : String(p.mood), certainty: p.certainty ?? '' });
    return html`<section aria-labelledby="plan-history-title" class="before-journal">
      <h2 id="plan-history-title">${t('Before the journal (as recalled)')}</h2>
      <p class="hint">${t('Periods before you started this journal, as you remember them. They are marked as recalled, shown apart from what you logged, and never counted in a figure or statistic.')}</p>
      ${this.saidOverlaps.length ? html`<ul class="overlaps" role="status">${this.saidOverlaps.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
      ${d.history.length
        ? html`<ul class="history-periods" aria-label=${t('Medication history, as recalled')}>
            ${d.history.map(
              (p) => html`<li class="recalled">
                <span class="recalled-tag">${t('Recalled')}</span>
                <strong>${p.startDate === p.endDate ? dateWords(p.startDate) : t('{0} to {1}', dateWords(p.startDate), dateWords(p.endDate))}</strong> · ${p.medication} ${t('{0} {1}', p.mg, d.unit)}${p.mood !== null ? html` · ${recalledMoodText(p)}` : nothing}${p.context
                  ? html` · <span class="hint">${p.context}</span>`
                  : nothing}
                <button type="button" class="action codicon codicon-edit" aria-label=${t('Edit the recalled period from {0}', dateWords(p.startDate))} @click=${() => edit(p)}></button>
                <button type="button" class="action codicon codicon-trash" aria-label=${t('Delete the recalled period from {0}', dateWords(p.startDate))} @click=${() => this.remove(p)}></button>
                ${overlapsOf(p.id).map((o) => html`<p class="hint overlap"><span class="codicon codicon-warning" aria-hidden="true"></span> ${o.message}</p>`)}
              </li>`
            )}
          </ul>`
        : nothing}
      ${draft
        ? this.form(draft, d.unit)
        : html`<button type="button" class="secondary" id="add-history" @click=${() => this.open({ id: null, medication, startDate: '', endDate: '', mg: '', context: '', mood: '', certainty: '' })}>
            ${t('Add a period before the journal')}
          </button>`}
    </section>`;
  }
}
