// What goes with better days: each tag and symptom with enough days on both sides, as sentences
// (mean on the days with it, and on the other days, each with its n), a small bar for the
// difference, a data table, and one line saying these are associations, not cause and effect.
import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardData } from '../../src/webviews/dashboard/protocol';
import type { SectionContext } from './context';
import { associationDifference, associationName, associationSentence, associationsCaveat, associationsIntro, one, signedOne } from './words';

export class AssociationsSection {
  private tableOpen = false;

  constructor(private readonly c: SectionContext) {}

  render(data: DashboardData): TemplateResult {
    const t = this.c.strings.t.bind(this.c.strings);
    const rows = data.associations;
    // Bars share one scale: the largest difference shown fills half the track.
    const widest = Math.max(0.5, ...rows.map((a) => Math.abs(associationDifference(a))));
    return html`<section class="dash-section" aria-labelledby="better-heading">
      <h2 id="better-heading">${t('What goes with better days')}</h2>
      <p>${associationsIntro(t)}</p>
      ${rows.length === 0
        ? html`<p class="mdc-empty">${t('Not enough days yet: a tag or a symptom shows here once it is logged on at least 3 days with a check-in and not logged on at least 3 others.')}</p>`
        : html`<ul class="dash-assoc">
              ${rows.map((a) => {
                const diff = associationDifference(a);
                return html`<li>
                  <span class="dash-assoc-bar" aria-hidden="true"><span class="dash-assoc-fill ${diff < 0 ? 'below' : 'above'}" data-share=${(Math.abs(diff) / widest).toFixed(3)}></span></span>
                  <span class="dash-assoc-text">${associationSentence(a, t)} <span class="dash-assoc-diff">${t('Difference {0}.', signedOne(diff))}</span></span>
                </li>`;
              })}
            </ul>
            ${data.omitted?.associations ? html`<p class="hint omitted">${t('Not shown: {0} more with smaller differences.', data.omitted.associations)}</p>` : nothing}
            <button type="button" class="mdc-toggle" aria-expanded=${this.tableOpen ? 'true' : 'false'} aria-controls="assoc-table" @click=${() => ((this.tableOpen = !this.tableOpen), this.c.redraw())}>
              ${this.tableOpen ? t('Hide data table') : t('Show data table')}
            </button>
            <div id="assoc-table" class="mdc-table-wrap dash-table-wrap" role="region" tabindex="0" aria-label=${t('Data table')} ?hidden=${!this.tableOpen}>
              ${this.tableOpen
                ? html`<table class="mdc-table">
                    <caption>${t('Mean mood on days with each tag or symptom and on the other days with a check-in')}</caption>
                    <thead><tr><th scope="col">${t('Tag or symptom')}</th><th scope="col">${t('Days with it: mean (n)')}</th><th scope="col">${t('Other days: mean (n)')}</th><th scope="col">${t('Difference')}</th></tr></thead>
                    <tbody>
                      ${rows.map(
                        (a) => html`<tr>
                          <th scope="row">${associationName(a, t)}</th>
                          <td class="mdc-num">${t('{0} ({1})', one(a.withMean), a.withDays)}</td>
                          <td class="mdc-num">${t('{0} ({1})', one(a.otherMean), a.otherDays)}</td>
                          <td class="mdc-num">${signedOne(associationDifference(a))}</td>
                        </tr>`
                      )}
                    </tbody>
                  </table>`
                : nothing}
            </div>`}
      <p class="dash-caveat"><span class="codicon codicon-info" aria-hidden="true"></span> ${associationsCaveat(t)}</p>
    </section>`;
  }

  /** After render: bar widths go in through the style object (the page's CSP allows no style attributes). */
  mount(root: HTMLElement): void {
    for (const fill of root.querySelectorAll<HTMLElement>('.dash-assoc-fill')) fill.style.width = `${(Number(fill.dataset.share) * 50).toFixed(1)}%`;
  }
}
