// Each dose step side by side: the prescriber summary's table (core/doseSteps.ts figures, core/stepTable.ts
// columns and cells), over the whole journal, with what its columns count in words above it.
import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardData } from '../../src/webviews/dashboard/protocol';
import type { SectionContext } from './context';
import { stepHead, stepNote, stepRow } from '../../src/core/charts/stepTable';
import { stepsSummary } from './words';

export class StepsSection {
  constructor(private readonly c: SectionContext) {}

  render(data: DashboardData): TemplateResult {
    const t = this.c.strings.t.bind(this.c.strings);
    const oldest = (n: number) => this.c.strings.plural(n, { one: t('Not shown: the {0} oldest step.', n), other: t('Not shown: the {0} oldest steps.', n) });
    const head = stepHead(t);
    return html`<section class="dash-section" aria-labelledby="steps-heading">
      <h2 id="steps-heading">${t('Each dose step side by side')}</h2>
      <p>${stepsSummary(data, t)}</p>
      ${data.omitted?.steps ? html`<p class="hint omitted">${oldest(data.omitted.steps)}</p>` : nothing}
      ${data.steps.some((s) => s.mg !== null || s.daysWithCheckIn > 0)
        ? html`<div class="dash-table-wrap dash-steps" role="region" tabindex="0" aria-labelledby="steps-heading">
            <table class="mdc-table dash-wide-table">
              <caption>${t('Mood and what was logged at each dose step, oldest first')}</caption>
              <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
              <tbody>
                ${data.steps.map((s) => {
                  const [dose, ...cells] = stepRow(s, data.timeline.unit, t);
                  return html`<tr><th scope="row">${dose}</th>${cells.map((cell) => html`<td class="mdc-num">${cell}</td>`)}</tr>`;
                })}
              </tbody>
            </table>
          </div>
          <p class="mdc-note">${stepNote(t)}</p>`
        : nothing}
    </section>`;
  }
}
