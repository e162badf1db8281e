// The Plan tab: the taper plan the user and their prescriber agreed on, how the logged doses line
// up with it (in neutral words: "logged 15 mg, plan 10 mg"), and appointments with the questions to
// bring. The extension records the plan; it never proposes one.
import { html, nothing, type TemplateResult } from 'lit';
import type { Channel } from '../shared/channel';
import { formatMg, inputNumber } from '../../src/core/entries';
import { HHMM, MG_MAX } from '../../src/core/limits';
import type { PlanData } from '../../src/webviews/sidebar/protocol';
import { dateWords, plural, t } from '../shared/l10n';
import { HistorySection } from './planHistory';
import type { PlanSection } from './planSection';
import { SupplySection } from './planSupply';

interface StepDraft {
  id: string | null;
  startDate: string;
  targetMg: string;
  note: string;
}

interface MedicationDraft {
  id: string | null;
  name: string;
  unit: string;
  form: string;
}

interface AppointmentDraft {
  id: string | null;
  date: string;
  time: string;
  provider: string;
  questions: string;
  outcome: string;
}

const val = (e: Event) => (e.target as HTMLInputElement).value;

function daysFrom(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400000);
}

export class PlanTab implements PlanSection {
  private data: PlanData | undefined;
  private step: StepDraft | undefined;
  private appointment: AppointmentDraft | undefined;
  private medication: MedicationDraft | undefined;
  private error = '';
  /** The last change made in this tab that can be undone. */
  private undo: { token: string; what: string; undone: string } | undefined;
  private readonly history = new HistorySection(this);
  private readonly supply = new SupplySection(this);

  constructor(
    readonly channel: Channel,
    readonly redraw: () => void,
    private readonly announce: (message: string) => void
  ) {}

  focus(selector: string): void {
    requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
  }

  fail(message: string, focus?: string): void {
    this.error = message;
    this.redraw();
    if (focus) this.focus(focus);
  }

  offerUndo(token: string, what: string, undone: string): void {
    this.undo = { token, what, undone };
    this.focus('#plan-undo');
  }

  private async undoChange(): Promise<void> {
    const u = this.undo;
    if (!u) return;
    this.undo = undefined;
    await this.run(async () => {
      await this.channel.request('entry/undo', { undoToken: u.token });
      return u.undone;
    });
  }

  /** Runs a change that answers with its undo token, says `done` and offers Undo beside it. */
  undoable(change: () => Promise<{ undoToken: string }>, done: string): Promise<void> {
    return this.run(async () => {
      const { undoToken } = await change();
      this.offerUndo(undoToken, done, t('Change undone.'));
      return done;
    });
  }

  async reload(): Promise<void> {
    try {
      this.data = await this.channel.request('plan/data', {});
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
    this.redraw();
  }

  /** Runs a change; `done` is what to say (or the action returns it). */
  async run(action: () => Promise<unknown>, done?: string): Promise<void> {
    try {
      const said = await action();
      this.error = '';
      this.announce(done ?? String(said));
      await this.reload();
    } catch (e) {
      this.error = (e as Error).message;
      this.redraw();
    }
  }

  private saveStep(): void {
    const d = this.step;
    if (!d) return;
    const mg = Number(d.targetMg.replace(',', '.'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.startDate)) return this.fail(t('Choose the day the step starts.'));
    if (!d.targetMg.trim() || !Number.isFinite(mg) || mg < 0 || mg > MG_MAX) return this.fail(t('Type the agreed dose as a number, e.g. 10 or 7.5.'));
    this.step = undefined;
    void this.undoable(() => this.channel.request('plan/saveStep', { id: d.id, startDate: d.startDate, targetMg: mg, note: d.note }), t('Plan step saved.'));
  }

  private saveAppointment(): void {
    const d = this.appointment;
    if (!d) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return this.fail(t('Choose the day of the appointment.'));
    if (d.time && !HHMM.test(d.time)) return this.fail(t('Use a time such as 10:30, or leave it empty.'));
    this.appointment = undefined;
    const questions = d.questions.split('\n').map((q) => q.trim()).filter(Boolean);
    void this.undoable(
      () => this.channel.request('appointments/save', { id: d.id, date: d.date, time: d.time || null, provider: d.provider, questions, outcome: d.outcome.trim() || null }),
      t('Appointment saved.')
    );
  }

  private saveMedication(): void {
    const d = this.medication;
    if (!d) return;
    if (!d.name.trim()) return this.fail(t('Type the name of the medication.'));
    if (!d.unit.trim()) return this.fail(t('Type the unit, e.g. mg.'));
    this.medication = undefined;
    void this.undoable(() => this.channel.request('plan/saveMedication', { id: d.id, name: d.name, unit: d.unit, form: d.form }), t('Medication saved.'));
  }

  private medications(d: PlanData): TemplateResult {
    const draft = this.medication;
    return html`<section aria-labelledby="plan-meds-title">
      <h2 id="plan-meds-title">${t('Medications')}</h2>
      <ul class="appointments">
        ${d.medications.map(
          (m) => html`<li>
            <strong>${m.name}</strong> · ${m.unit}${m.form ? ` · ${m.form}` : ''}
            <button type="button" class="action codicon codicon-edit" aria-label=${t('Edit {0}', m.name)} @click=${() => ((this.medication = { ...m }), this.redraw())}></button>
          </li>`
        )}
      </ul>
      ${draft
        ? html`<form class="inline-form" aria-label=${t('Medication')} @submit=${(e: Event) => (e.preventDefault(), this.saveMedication())}>
            <label class="grow">${t('Name')} <input id="med-name" .value=${draft.name} @input=${(e: Event) => (draft.name = val(e))} /></label>
            <label>${t('Unit')} <input id="med-unit" .value=${draft.unit} @input=${(e: Event) => (draft.unit = val(e))} /></label>
            <label>${t('Form, e.g. tablet')} <input id="med-form" .value=${draft.form} @input=${(e: Event) => (draft.form = val(e))} /></label>
            <div class="actions">
              <button type="submit" class="primary" id="med-save">${t('Save medication')}</button>
              <button type="button" class="secondary" @click=${() => ((this.medication = undefined), this.redraw())}>${t('Cancel')}</button>
            </div>
          </form>`
        : html`<button type="button" class="secondary" id="add-medication" @click=${() => ((this.medication = { id: null, name: '', unit: d.unit, form: '' }), this.redraw())}>${t('Add a medication')}</button>`}
    </section>`;
  }

  private status(d: PlanData): TemplateResult {
    const a = d.adherence;
    const cur = d.current;
    return html`<section class="plan-status" aria-labelledby="plan-status-title">
      <h2 id="plan-status-title">${t('Where things stand')}</h2>
      ${cur
        ? html`<p>${t('Step {0} of {1}: {2} {3} since {4} (day {5}).', cur.index + 1, cur.count, formatMg(cur.step.targetMg), d.unit, dateWords(cur.step.startDate), cur.daysOnStep)}${cur.step.note ? html` <span class="hint">${cur.step.note}</span>` : nothing}</p>`
        : html`<p class="hint">${t('No taper plan recorded yet. Add the steps you and your prescriber agreed on below.')}</p>`}
      ${d.lastLogged ? html`<p>${t('Last dose logged: {0} {1} on {2}.', d.lastLogged.mg, d.unit, dateWords(d.lastLogged.date))}</p>` : nothing}
      ${d.daysSinceChange !== null ? html`<p>${t('Days since the last logged dose change: {0}.', d.daysSinceChange)}</p>` : nothing}
      ${a.planDays > 0
        ? html`<p>${t(
              'From {0} to {1}: {2}, {3} above, {4} below; {5}, {6} with nothing logged.',
              dateWords(a.from),
              dateWords(a.to),
              plural(a.atPlan, { one: t('{0} day at the plan', a.atPlan), other: t('{0} days at the plan', a.atPlan) }),
              a.abovePlan,
              a.belowPlan,
              plural(a.skipped, { one: t('{0} day with a skipped dose', a.skipped), other: t('{0} days with a skipped dose', a.skipped) }),
              a.notLogged
            )}</p>
            ${a.differences.length
              ? html`<ul class="differences" aria-label=${t('Days the logged dose differed from the plan')}>
                  ${a.differences.slice(-10).map((x) => html`<li>${dateWords(x.date)}: ${t('logged {0} {1}, plan {2} {1}', x.loggedMg, d.unit, x.plannedMg)}</li>`)}
                </ul>`
              : nothing}`
        : nothing}
    </section>`;
  }

  private steps(d: PlanData): TemplateResult {
    const draft = this.step;
    return html`<section aria-labelledby="plan-steps-title">
      <h2 id="plan-steps-title">${t('Taper plan (as agreed with your prescriber)')}</h2>
      ${d.steps.length
        ? html`<table class="scores">
            <thead><tr><th scope="col">${t('From')}</th><th scope="col">${t('Dose')}</th><th scope="col">${t('Note')}</th><th scope="col"><span class="visually-hidden">${t('Actions')}</span></th></tr></thead>
            <tbody>
              ${d.steps.map(
                (s) => html`<tr>
                  <td>${dateWords(s.startDate)}</td><td>${formatMg(s.targetMg)} ${d.unit}</td><td>${s.note}</td>
                  <td>
                    <button type="button" class="action codicon codicon-edit" aria-label=${t('Edit the step from {0}', dateWords(s.startDate))} @click=${() => ((this.step = { id: s.id, startDate: s.startDate, targetMg: inputNumber(s.targetMg), note: s.note }), this.redraw())}></button>
                    <button type="button" class="action codicon codicon-trash" aria-label=${t('Delete the step from {0}', dateWords(s.startDate))} @click=${() => void this.undoable(() => this.channel.request('plan/deleteStep', { id: s.id }), t('Plan step deleted.'))}></button>
                  </td>
                </tr>`
              )}
            </tbody>
          </table>`
        : nothing}
      ${draft
        ? html`<form class="inline-form" aria-label=${t('Plan step')} @submit=${(e: Event) => (e.preventDefault(), this.saveStep())}>
            <label>${t('Starts on')} <input id="step-date" type="date" .value=${draft.startDate} @input=${(e: Event) => (draft.startDate = val(e))} /></label>
            <label>${t('Dose ({0})', d.unit)} <input id="step-mg" inputmode="decimal" .value=${draft.targetMg} @input=${(e: Event) => (draft.targetMg = val(e))} /></label>
            <label class="grow">${t('Note, e.g. "agreed with Dr. X on …"')} <input id="step-note" .value=${draft.note} @input=${(e: Event) => (draft.note = val(e))} /></label>
            <div class="actions">
              <button type="submit" class="primary" id="step-save">${t('Save step')}</button>
              <button type="button" class="secondary" @click=${() => ((this.step = undefined), this.redraw())}>${t('Cancel')}</button>
            </div>
          </form>`
        : html`<button type="button" class="secondary" id="add-step" @click=${() => ((this.step = { id: null, startDate: d.today, targetMg: '', note: '' }), this.redraw())}>${t('Add a step')}</button>`}
    </section>`;
  }

  private appointments(d: PlanData): TemplateResult {
    const draft = this.appointment;
    const when = (date: string) => {
      const n = daysFrom(d.today, date);
      return n === 0 ? t('today') : n > 0 ? plural(n, { one: t('in {0} day', n), other: t('in {0} days', n) }) : plural(-n, { one: t('{0} day ago', -n), other: t('{0} days ago', -n) });
    };
    return html`<section aria-labelledby="plan-appointments-title">
      <h2 id="plan-appointments-title">${t('Appointments')}</h2>
      <ul class="appointments">
        ${d.appointments.map(
          (a) => html`<li>
            <strong>${dateWords(a.date)}${a.time ? ` ${a.time}` : ''}</strong> · ${a.provider || t('Provider not named')} · <span class="hint">${when(a.date)}</span>
            <button type="button" class="action codicon codicon-edit" aria-label=${t('Edit the appointment on {0}', dateWords(a.date))} @click=${() => ((this.appointment = { id: a.id, date: a.date, time: a.time ?? '', provider: a.provider, questions: a.questions.join('\n'), outcome: a.outcome ?? '' }), this.redraw())}></button>
            ${a.questions.length ? html`<ul class="questions" aria-label=${t('Questions for the provider')}>${a.questions.map((q) => html`<li>${q}</li>`)}</ul>` : nothing}
            ${a.outcome ? html`<p class="note">${t('Outcome: {0}', a.outcome)}</p>` : nothing}
          </li>`
        )}
      </ul>
      ${draft
        ? html`<form class="inline-form" aria-label=${t('Appointment')} @submit=${(e: Event) => (e.preventDefault(), this.saveAppointment())}>
            <label>${t('Day')} <input id="appt-date" type="date" .value=${draft.date} @input=${(e: Event) => (draft.date = val(e))} /></label>
            <label>${t('Time')} <input id="appt-time" type="time" .value=${draft.time} @input=${(e: Event) => (draft.time = val(e))} /></label>
            <label class="grow">${t('Provider')} <input id="appt-provider" .value=${draft.provider} @input=${(e: Event) => (draft.provider = val(e))} /></label>
            <label class="grow">${t('Questions for my provider, one per line')} <textarea id="appt-questions" rows="3" .value=${draft.questions} @input=${(e: Event) => (draft.questions = val(e))}></textarea></label>
            <label class="grow">${t('Outcome: what was decided (after the appointment)')} <textarea id="appt-outcome" rows="2" .value=${draft.outcome} @input=${(e: Event) => (draft.outcome = val(e))}></textarea></label>
            <div class="actions">
              <button type="submit" class="primary" id="appt-save">${t('Save appointment')}</button>
              <button type="button" class="secondary" @click=${() => ((this.appointment = undefined), this.redraw())}>${t('Cancel')}</button>
            </div>
          </form>`
        : html`<div class="actions wrap">
            <button type="button" class="secondary" id="add-appointment" @click=${() => ((this.appointment = { id: null, date: d.today, time: '', provider: '', questions: '', outcome: '' }), this.redraw())}>${t('Add an appointment')}</button>
            <button type="button" class="primary" id="prepare-summary" @click=${() => void this.channel.request('command/run', { command: 'prepareSummary' })}>${t('Prepare appointment summary')}</button>
          </div>`}
    </section>`;
  }

  render(): TemplateResult {
    if (!this.data) return html`<p class="empty">${this.error || t('Loading…')}</p>`;
    const o = this.data.omitted;
    const left = o
      ? [
          o.steps ? plural(o.steps, { one: t('{0} plan step far from the current one', o.steps), other: t('{0} plan steps far from the current one', o.steps) }) : '',
          o.appointments ? t('{0} of the oldest appointments', o.appointments) : '',
          o.medications ? plural(o.medications, { one: t('{0} medication', o.medications), other: t('{0} medications', o.medications) }) : ''
        ].filter(Boolean)
      : [];
    const note = left.length ? html`<p class="hint omitted">${t('Not shown here, and kept as they are: {0}.', left.join('; '))}</p>` : nothing;
    const d = this.data;
    const undo = this.undo
      ? html`<div class="undo-bar">
          <span>${this.undo.what}</span>
          <button type="button" class="secondary" id="plan-undo" @click=${() => void this.undoChange()}>${t('Undo')}</button>
        </div>`
      : nothing;
    return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}${undo}${note}${this.status(d)}${this.supply.render(d)}${this.steps(d)}${this.appointments(d)}${this.history.render(d, d.medications[0]?.name ?? '')}${this.medications(d)}`;
  }
}
