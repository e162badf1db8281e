// The entry form: the same fields as the palette check-in, usable from the keyboard alone, with a
// label for every field and errors announced next to the field they belong to.
import { symptomName } from '../../src/core/symptoms';
import { html, nothing, type TemplateResult } from 'lit';
import { loggedTodayText } from '../../src/core/loggedTodayWords';
import type { SidebarContext } from '../../src/webviews/sidebar/protocol';
import type { DoseChoice, FieldErrors, FormFields } from './draft';
import { t } from '../shared/l10n';

export interface FormView {
  fields: FormFields;
  /** Symptoms, scales, tags and the day: shown on demand to keep the everyday form short. */
  moreOpen: boolean;
  toggleMore(): void;
  errors: FieldErrors;
  context: SidebarContext;
  busy: boolean;
  change(patch: Partial<FormFields>): void;
  submit(): void;
  cancelEdit(): void;
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** Mood 1–10 as a radio group: arrows move, digits 1–9 and 0 (for 10) pick directly. */
function moodPicker(v: FormView): TemplateResult {
  const current = v.fields.mood;
  const pickFromKey = (e: KeyboardEvent) => {
    let next: number | null = null;
    if (/^[0-9]$/.test(e.key)) next = e.key === '0' ? 10 : Number(e.key);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = Math.min(10, (current ?? 0) + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = Math.max(1, (current ?? 2) - 1);
    else if (e.key === 'Home') next = 1;
    else if (e.key === 'End') next = 10;
    if (next === null) return;
    e.preventDefault();
    v.change({ mood: next });
    // Keep focus on the newly checked radio (roving tabindex).
    requestAnimationFrame(() => (e.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>(`[data-mood="${next}"]`)?.focus());
  };
  const buttons = [];
  for (let m = 1; m <= 10; m++) {
    const checked = current === m;
    const tabbable = checked || (current === null && m === 1);
    buttons.push(html`<button
      type="button"
      role="radio"
      class="mood-option"
      data-mood=${m}
      aria-checked=${checked ? 'true' : 'false'}
      aria-label=${t('{0}: {1}', m, v.context.moodLabels[m - 1] ?? '')}
      title=${v.context.moodLabels[m - 1] ?? ''}
      tabindex=${tabbable ? 0 : -1}
      @click=${() => v.change({ mood: m })}
    >
      ${m}
    </button>`);
  }
  return html`<div class="field">
    <span class="label" id="mood-label">${t('Mood (10 = best)')}</span>
    <div role="radiogroup" class="mood-group" aria-labelledby="mood-label" aria-describedby=${v.errors.mood ? 'mood-error' : nothing} aria-invalid=${v.errors.mood ? 'true' : 'false'} @keydown=${pickFromKey}>
      ${buttons}
    </div>
    ${current !== null ? html`<span class="hint">${v.context.moodLabels[current - 1]}</span>` : nothing}
    ${error('mood', v.errors.mood)}
  </div>`;
}

function error(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<p class="field-error" id="${id}-error">${message}</p>` : nothing;
}

function doseFields(v: FormView): TemplateResult {
  const f = v.fields;
  // A new check-in once today's dose is logged: say what was, and add nothing unless chosen.
  const logged = f.editingId === null && v.context.loggedToday?.length ? loggedTodayText(v.context.loggedToday, v.context.unit, t) : '';
  const choices: [DoseChoice, string][] = logged
    ? [
        ['none', t('No other dose')],
        ['taken', t('Another dose today')],
        ['changed', t('Changed to')],
        ['skipped', t('Skipped')]
      ]
    : [
        ['taken', t('Taken')],
        ['changed', t('Changed to')],
        ['skipped', t('Skipped')],
        ['none', t('No dose')]
      ];
  return html`<div class="field dose-row">
    <label class="label" for="dose-status">${t('{0} dose', v.context.medication)}</label>
    ${logged ? html`<p class="hint dose-logged" id="dose-logged"><span class="codicon codicon-history" aria-hidden="true"></span> ${logged}</p>` : nothing}
    <select class="select" id="dose-status" aria-describedby=${logged ? 'dose-logged' : nothing} @change=${(e: Event) => v.change({ doseChoice: value(e) as DoseChoice, doseSet: true })}>
      ${choices.map(([c, label]) => html`<option value=${c} ?selected=${c === f.doseChoice}>${label}</option>`)}
    </select>
    ${f.doseChoice === 'none'
      ? nothing
      : html`<vscode-label for="dose-mg" class="inline-label">${t('Amount in {0}', v.context.unit)}</vscode-label>
          <vscode-textfield id="dose-mg" inputmode="decimal" .value=${f.mg} ?invalid=${!!v.errors.mg} @input=${(e: Event) => v.change({ mg: value(e), doseSet: true })}></vscode-textfield>`}
    ${error('mg', v.errors.mg)}
  </div>`;
}

function symptomFields(v: FormView): TemplateResult {
  const f = v.fields;
  const chosen = new Set(f.symptoms.map((s) => s.key));
  const add = (key: string) => {
    const def = v.context.symptomCatalog.find((s) => s.key === key);
    if (def && !chosen.has(key)) v.change({ symptoms: [...f.symptoms, { key, label: def.label, severity: 1 }] });
  };
  const addOwn = (input: HTMLInputElement) => {
    const label = input.value.trim();
    if (!label) return;
    const key = `own:${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 50) || 'symptom'}`;
    if (!chosen.has(key)) v.change({ symptoms: [...f.symptoms, { key, label: label.slice(0, 80), severity: 1 }] });
    input.value = '';
  };
  return html`<fieldset class="field symptoms">
    <legend>${t('Symptoms')}</legend>
    <label class="label" for="symptom-add">${t('Add a symptom')}</label>
    <select class="select" id="symptom-add" @change=${(e: Event) => add(value(e))}>
      <option value="">${t('Choose…')}</option>
      ${v.context.symptomCatalog.filter((s) => !chosen.has(s.key)).map((s) => html`<option value=${s.key}>${symptomName(s.key, s.label, t)}</option>`)}
    </select>
    <vscode-label for="symptom-own">${t('Or name your own')}</vscode-label>
    <vscode-textfield
      id="symptom-own"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          addOwn(e.target as HTMLInputElement);
        }
      }}
    ></vscode-textfield>
    <ul class="chosen-symptoms" aria-label=${t('Chosen symptoms')}>
      ${f.symptoms.map(
        (s, i) => html`<li>
          <span class="symptom-name">${symptomName(s.key, s.label, t)}</span>
          <select class="select"
            aria-label=${t('Severity of {0}', symptomName(s.key, s.label, t))}
            @change=${(e: Event) => v.change({ symptoms: f.symptoms.map((x, j) => (j === i ? { ...x, severity: Number(value(e)) } : x)) })}
          >
            <option value="1" ?selected=${s.severity === 1}>${t('Mild')}</option>
            <option value="2" ?selected=${s.severity === 2}>${t('Moderate')}</option>
            <option value="3" ?selected=${s.severity === 3}>${t('Severe')}</option>
          </select>
          <vscode-button secondary icon="close" aria-label=${t('Remove {0}', symptomName(s.key, s.label, t))} @click=${() => v.change({ symptoms: f.symptoms.filter((_, j) => j !== i) })}></vscode-button>
        </li>`
      )}
    </ul>
  </fieldset>`;
}

function scaleSelect(id: string, label: string, current: string, set: (v: string) => void): TemplateResult {
  const options = ['', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
  return html`<div class="field small">
    <label class="label" for=${id}>${label}</label>
    <select class="select" id=${id} @change=${(e: Event) => set(value(e))}>
      ${options.map((o) => html`<option value=${o} ?selected=${o === current}>${o || '—'}</option>`)}
    </select>
  </div>`;
}

function moreSummary(f: FormFields): string {
  const n = f.symptoms.length + (f.energy ? 1 : 0) + (f.anxiety ? 1 : 0) + (f.sleep ? 1 : 0) + (f.tags.trim() ? 1 : 0) + (f.backdate ? 1 : 0);
  return n ? ` (${n})` : '';
}

function moreFields(v: FormView): TemplateResult {
  const f = v.fields;
  return html`<div id="more-fields" class="more-fields">
    ${symptomFields(v)}
    <div class="row">
      ${scaleSelect('energy', t('Energy'), f.energy, (x) => v.change({ energy: x }))} ${scaleSelect('anxiety', t('Anxiety'), f.anxiety, (x) => v.change({ anxiety: x }))}
      <div class="field small">
        <vscode-label for="sleep">${t('Sleep (hours)')}</vscode-label>
        <vscode-textfield id="sleep" inputmode="decimal" .value=${f.sleep} ?invalid=${!!v.errors.sleep} @input=${(e: Event) => v.change({ sleep: value(e) })}></vscode-textfield>
      </div>
    </div>
    ${error('sleep', v.errors.sleep)}
    <div class="field">
      <vscode-label for="tags">${t('Tags, separated by commas')}</vscode-label>
      <vscode-textfield id="tags" placeholder=${v.context.tags.slice(0, 4).join(', ')} .value=${f.tags} ?invalid=${!!v.errors.tags} @input=${(e: Event) => v.change({ tags: value(e) })}></vscode-textfield>
      ${error('tags', v.errors.tags)}
    </div>
    <div class="field">
      <vscode-checkbox id="backdate" .checked=${f.backdate} @change=${(e: Event) => v.change({ backdate: (e.target as HTMLInputElement).checked, date: f.date || v.context.today })}
        >${f.editingId !== null ? t('Move to another day') : t('For an earlier day')}</vscode-checkbox
      >
      ${f.backdate
        ? html`<div class="row">
            <div class="field small">
              <vscode-label for="entry-date">${t('Day')}</vscode-label>
              <vscode-textfield id="entry-date" type="date" max=${v.context.today} .value=${f.date} ?invalid=${!!v.errors.date} @input=${(e: Event) => v.change({ date: value(e) })}></vscode-textfield>
            </div>
            <div class="field small">
              <vscode-label for="entry-time">${t('Time')}</vscode-label>
              <vscode-textfield id="entry-time" type="time" .value=${f.time} ?invalid=${!!v.errors.time} @input=${(e: Event) => v.change({ time: value(e) })}></vscode-textfield>
            </div>
          </div>
          ${error('date', v.errors.date)} ${error('time', v.errors.time)}`
        : nothing}
    </div>
  </div>`;
}

export function renderForm(v: FormView): TemplateResult {
  const f = v.fields;
  const editing = f.editingId !== null;
  return html`<form
    class="entry-form"
    aria-labelledby="form-heading"
    @submit=${(e: Event) => {
      e.preventDefault();
      v.submit();
    }}
  >
    <h2 id="form-heading">${editing ? t('Edit entry') : t('New check-in')}</h2>
    ${moodPicker(v)} ${doseFields(v)}
    <button type="button" id="more-toggle" class="disclosure" aria-expanded=${v.moreOpen ? 'true' : 'false'} aria-controls="more-fields" @click=${() => v.toggleMore()}>
      <span class="codicon ${v.moreOpen ? 'codicon-chevron-down' : 'codicon-chevron-right'}" aria-hidden="true"></span>${t('Symptoms, energy, sleep, tags, another day')}${moreSummary(f)}
    </button>
    ${v.moreOpen ? moreFields(v) : nothing}
    <div class="field">
      <vscode-label for="note">${t('Note')}</vscode-label>
      <vscode-textarea id="note" rows="3" .value=${f.note} ?invalid=${!!v.errors.note} @input=${(e: Event) => v.change({ note: value(e) })}></vscode-textarea>
      ${error('note', v.errors.note)}
    </div>
    <div class="actions">
      <vscode-button id="save" icon="save" ?disabled=${v.busy} @click=${() => v.submit()}>${editing ? t('Save changes') : t('Save check-in')}</vscode-button>
      ${editing ? html`<vscode-button secondary @click=${() => v.cancelEdit()}>${t('Cancel')}</vscode-button>` : nothing}
    </div>
  </form>`;
}
