// The Plan tab's tablet supply: per medication, the tablet strength and how tablets are split, the
// count on hand and "about N days left at the current dose (X mg)", stating the dose it assumes.
// Log a refill, correct the count, or record the strength, each in a small keyboard-first form.
// It states an estimate; it never says anything about the dose itself.
import { html, nothing, type TemplateResult } from 'lit';
import { inputNumber } from '../../src/core/entries';
import { MG_MAX } from '../../src/core/limits';
import { parseTablets, tabletWords } from '../../src/core/tablets';
import type { PlanData, SupplyView } from '../../src/webviews/sidebar/protocol';
import { plural, t } from '../shared/l10n';
import type { PlanSection } from './planSection';

type Form = { kind: 'refill' | 'count'; medicationId: string; tablets: string } | { kind: 'tablets'; medicationId: string | null; strength: string; split: SupplyView['split'] };

const val = (e: Event) => (e.target as HTMLInputElement).value;
export class SupplySection {
  private form: Form | undefined;

  constructor(private readonly s: PlanSection) {}

  private open(form: Form): void {
    this.form = form;
    this.s.redraw();
    this.s.focus(form.kind === 'tablets' ? '#supply-strength' : '#supply-tablets');
  }

  private close(): void {
    this.form = undefined;
    this.s.redraw();
  }

  private save(): void {
    const f = this.form;
    if (!f) return;
    if (f.kind === 'tablets') {
      const mg = Number(f.strength.replace(',', '.'));
      if (!f.strength.trim() || !Number.isFinite(mg) || mg <= 0 || mg > MG_MAX) return this.s.fail(t('Type the strength of one tablet as a number above 0, e.g. 20 or 10.'), '#supply-strength');
      void this.s.undoable(async () => {
        const saved = await this.s.channel.request('supply/tablets', { medicationId: f.medicationId, tabletMg: mg, split: f.split });
        this.form = undefined;
        return saved;
      }, t('Tablet strength saved.'));
      return;
    }
    const tablets = parseTablets(f.tablets);
    if (tablets === undefined) return this.s.fail(t('Type a number of tablets, e.g. 30, 12.5 or 12.25.'), '#supply-tablets');
    if (f.kind === 'refill' && tablets === 0) return this.s.fail(t('A refill adds at least a quarter tablet.'), '#supply-tablets');
    void this.s.run(async () => {
      const saved = await this.s.channel.request('supply/log', { medicationId: f.medicationId, kind: f.kind, tablets });
      this.form = undefined;
      this.s.offerUndo(saved.undoToken, saved.message, t('Change undone.'));
      return saved.message;
    });
  }

  private estimate(s: SupplyView): TemplateResult {
    if (s.onHand === null) return html`<p class="hint">${t('No refill or count recorded yet.')}</p>`;
    if (s.belowZero) {
      return html`<p class="supply-estimate warning" role="alert">
        ${plural(-s.onHand, {
          one: t('The count is {0} tablet below zero: more doses are logged than tablets recorded. Count your tablets to correct it.', tabletWords(-s.onHand)),
          other: t('The count is {0} tablets below zero: more doses are logged than tablets recorded. Count your tablets to correct it.', tabletWords(-s.onHand))
        })}
      </p>`;
    }
    const onHand = plural(s.onHand, { one: t('{0} tablet on hand.', tabletWords(s.onHand)), other: t('{0} tablets on hand.', tabletWords(s.onHand)) });
    if (s.daysLeft === null || !s.dose) return html`<p class="supply-estimate">${onHand}</p>`;
    const source = s.dose.source === 'plan' ? t('the plan step in force') : t('the step in force from the doses logged');
    const days = plural(s.daysLeft, { one: t('{0} day', s.daysLeft), other: t('{0} days', s.daysLeft) });
    const pieces = s.perDose ?? 0;
    const perDose = plural(pieces, { one: t('{0} tablet a dose', tabletWords(pieces)), other: t('{0} tablets a dose', tabletWords(pieces)) });
    return html`<p class="supply-estimate">
        ${onHand} ${t('About {0} left at the current dose ({1} {2}, {3}), one dose a day: {4}.', days, s.dose.mg, s.unit, source, perDose)}
      </p>
      ${s.wholePieces || s.tabletMg === null
        ? nothing
        : html`<p class="hint">${t('{0} {1} is {2} of a {3} {1} tablet; the count uses that share.', s.dose.mg, s.unit, tabletWords(s.perDose ?? 0), s.tabletMg)}</p>`}`;
  }

  private formFor(s: SupplyView | undefined, unit: string): TemplateResult | typeof nothing {
    const f = this.form;
    if (!f || f.medicationId !== (s?.medicationId ?? null)) return nothing;
    const keys = (e: KeyboardEvent) => e.key === 'Escape' && this.close();
    if (f.kind === 'tablets') {
      return html`<form class="inline-form" aria-label=${t('Tablet strength')} @submit=${(e: Event) => (e.preventDefault(), this.save())} @keydown=${keys}>
        <label>${t('Strength of one tablet ({0})', s?.unit ?? unit)} <input id="supply-strength" inputmode="decimal" .value=${f.strength} @input=${(e: Event) => (f.strength = val(e))} /></label>
        <label
          >${t('Split')}
          <select id="supply-split" class="select" .value=${f.split} @change=${(e: Event) => (f.split = val(e) as SupplyView['split'])}>
            <option value="none" ?selected=${f.split === 'none'}>${t('Whole tablets')}</option>
            <option value="half" ?selected=${f.split === 'half'}>${t('In half')}</option>
            <option value="quarter" ?selected=${f.split === 'quarter'}>${t('In quarters')}</option>
          </select></label
        >
        <div class="actions">
          <button type="submit" class="primary" id="supply-save">${t('Save')}</button>
          <button type="button" class="secondary" @click=${() => this.close()}>${t('Cancel')}</button>
        </div>
      </form>`;
    }
    const label = f.kind === 'refill' ? t('Tablets in the refill') : t('Tablets on hand now (halves as .5)');
    return html`<form class="inline-form" aria-label=${f.kind === 'refill' ? t('Log a refill') : t('Count tablets')} @submit=${(e: Event) => (e.preventDefault(), this.save())} @keydown=${keys}>
      <label>${label} <input id="supply-tablets" inputmode="decimal" .value=${f.tablets} @input=${(e: Event) => (f.tablets = val(e))} /></label>
      <div class="actions">
        <button type="submit" class="primary" id="supply-save">${f.kind === 'refill' ? t('Add refill') : t('Save count')}</button>
        <button type="button" class="secondary" @click=${() => this.close()}>${t('Cancel')}</button>
      </div>
    </form>`;
  }

  private medication(s: SupplyView): TemplateResult {
    const split = { none: t('whole'), half: t('split in half'), quarter: t('split in quarters') }[s.split];
    const strength = () => this.open({ kind: 'tablets', medicationId: s.medicationId, strength: s.tabletMg === null ? '' : inputNumber(s.tabletMg), split: s.split });
    return html`<div class="supply-medication" role="group" aria-label=${t('Tablets of {0}', s.name)}>
      <p>
        <strong>${s.name}</strong>:
        ${s.tabletMg === null ? t('tablet strength not recorded yet.') : t('{0} {1} tablets, {2}.', s.tabletMg, s.unit, split)}
      </p>
      ${s.tabletMg === null ? nothing : this.estimate(s)}
      <div class="actions wrap">
        ${s.tabletMg === null
          ? html`<button type="button" class="secondary" id="supply-strength-${s.medicationId}" @click=${strength}>${t('Record the tablet strength')}</button>`
          : html`<button type="button" class="secondary" id="supply-refill" @click=${() => this.open({ kind: 'refill', medicationId: s.medicationId, tablets: '' })}>${t('Log refill')}</button>
              <button type="button" class="secondary" id="supply-count" @click=${() => this.open({ kind: 'count', medicationId: s.medicationId, tablets: '' })}>${t('Count tablets')}</button>
              <button type="button" class="secondary" @click=${strength}>${t('Change tablet strength')}</button>`}
      </div>
      ${this.formFor(s, s.unit)}
    </div>`;
  }

  render(d: PlanData): TemplateResult {
    return html`<section aria-labelledby="plan-supply-title" class="supply">
      <h2 id="plan-supply-title">${t('Tablets on hand')}</h2>
      ${d.supply.length
        ? d.supply.map((s) => this.medication(s))
        : html`<p class="hint">${t('Record the strength of your tablets to count them and see about how many days they last.')}</p>
            <button type="button" class="secondary" id="supply-first" @click=${() => this.open({ kind: 'tablets', medicationId: null, strength: '', split: 'none' })}>${t('Record the tablet strength')}</button>
            ${this.formFor(undefined, d.unit)}`}
    </section>`;
  }
}
