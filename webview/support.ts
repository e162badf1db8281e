// "Need help now?" and the calm support card. The link is the first thing in the panel's tab order;
// the card is shown by the host at most once a day, never as a modal, and can be dismissed.
import { html, nothing, type TemplateResult } from 'lit';
import { supportCopy } from '../src/core/safety';
import type { PanelContext } from '../src/protocol';
import { t } from './l10n';

export interface SupportView {
  context: PanelContext | undefined;
  open: boolean;
  toggle(): void;
  openResource(index: number): void;
  dismissCard(): void;
}

function resourceList(v: SupportView, c: PanelContext): TemplateResult {
  return html`<ul class="resources">
    ${c.support.resources.map(
      (r, i) => html`<li>
        <strong>${r.name}</strong>
        ${r.link
          ? html`<button type="button" class="link" @click=${() => v.openResource(i)} aria-label=${t('{0}: {1}', r.name, r.contact)}>${r.contact}</button>`
          : html`<span>${r.contact}</span>`}
      </li>`
    )}
  </ul>`;
}

export function renderSupportLink(v: SupportView): TemplateResult {
  const copy = supportCopy(t);
  return html`<div class="support-bar">
    <button type="button" id="need-help" class="link" aria-expanded=${v.open ? 'true' : 'false'} aria-controls="support" @click=${() => v.toggle()}>
      <span class="codicon codicon-heart" aria-hidden="true"></span>${copy.needHelp}
    </button>
  </div>`;
}

export function renderSupport(v: SupportView): TemplateResult | typeof nothing {
  const c = v.context;
  if (!c) return nothing;
  const copy = supportCopy(t);
  const card = c.support.card
    ? html`<section class="support-card" aria-labelledby="support-card-title">
        <h2 id="support-card-title">${copy.title}</h2>
        <p>${copy.text}</p>
        ${resourceList(v, c)}
        <vscode-button secondary id="dismiss-card" @click=${() => v.dismissCard()}>${copy.dismiss}</vscode-button>
      </section>`
    : nothing;
  const panel = v.open
    ? html`<section id="support" class="support-panel" aria-labelledby="support-title" tabindex="-1">
        <h2 id="support-title">${copy.needHelp}</h2>
        <p>${copy.text}</p>
        ${resourceList(v, c)}
        <p class="hint">${t('You can change these lines for your country in the setting moodDose.support.resources.')}</p>
      </section>`
    : nothing;
  return html`${card}${panel}`;
}

export function renderAbout(): TemplateResult {
  const copy = supportCopy(t);
  return html`<details class="about">
    <summary>${t('About Mood & Dose Journal')}</summary>
    <p>${t('A private journal of your mood, the dose you actually took, your symptoms and what happened, so you can walk into an appointment with a short, honest record.')}</p>
    <p><strong>${copy.notAdvice}</strong> ${t('It never suggests a dose and never diagnoses: decisions about your medication are for you and your prescriber.')}</p>
    <p>${t('Your journal is an SQLite file in this folder (.mood-journal/journal.sqlite), ignored by git and never sent anywhere. There is no telemetry and no network access.')}</p>
  </details>`;
}
