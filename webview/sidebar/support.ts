// "Need help now?" and the calm support card. The link is the first thing in the panel's tab order;
// the card is shown by the host at most once a day, never as a modal, and can be dismissed.
import { html, nothing, type TemplateResult } from 'lit';
import { DEFAULT_RESOURCES, linkTarget, resourceWords, supportCopy, type CrisisResource } from '../../src/core/safety';
import type { SidebarContext } from '../../src/webviews/sidebar/protocol';
import { t } from '../shared/l10n';

export interface SupportView {
  context: SidebarContext | undefined;
  /** Set when the panel context could not be loaded: the built-in lines are shown instead. */
  contextFailed: boolean;
  open: boolean;
  toggle(): void;
  openResource(index: number, defaults: boolean): void;
  dismissCard(): void;
}

/** The lines to show: the user's, or the built-in ones when the context failed, so help is never blank. */
function lines(v: SupportView): { resources: readonly CrisisResource[]; defaults: boolean } | undefined {
  if (v.context) return { resources: v.context.support.resources, defaults: false };
  return v.contextFailed ? { resources: DEFAULT_RESOURCES, defaults: true } : undefined;
}

/**
 * Each line shows where its link really leads (the number, or the web address) beside its words,
 * so "Call or text 988" on a link to another number is visible as such.
 */
function resourceList(v: SupportView, resources: readonly CrisisResource[], defaults: boolean): TemplateResult {
  return html`<ul class="resources">
    ${resources.map((r, i) => {
      const target = linkTarget(r.link, t);
      const w = resourceWords(r, t);
      return html`<li>
        <strong>${w.name}</strong>
        ${r.link
          ? html`<span class="resource-contact"
              ><button type="button" class="link" @click=${() => v.openResource(i, defaults)} aria-label=${t('{0}: {1}, opens {2}', w.name, w.contact, target)}>${w.contact}</button>
              <span class="link-target" aria-hidden="true">${target}</span></span
            >`
          : html`<span>${w.contact}</span>`}
      </li>`;
    })}
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
  const shown = lines(v);
  if (!shown) return nothing;
  const copy = supportCopy(t);
  const card = v.context?.support.card
    ? html`<section class="support-card" aria-labelledby="support-card-title">
        <h2 id="support-card-title">${copy.title}</h2>
        <p>${copy.text}</p>
        ${resourceList(v, shown.resources, shown.defaults)}
        <vscode-button secondary id="dismiss-card" @click=${() => v.dismissCard()}>${copy.dismiss}</vscode-button>
      </section>`
    : nothing;
  const panel = v.open
    ? html`<section id="support" class="support-panel" aria-labelledby="support-title" tabindex="-1">
        <h2 id="support-title">${copy.needHelp}</h2>
        <p>${copy.text}</p>
        ${resourceList(v, shown.resources, shown.defaults)}
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
