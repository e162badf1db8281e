// The Check-ups tab: PHQ-9 and GAD-7 as keyboard-friendly radio groups, their scores and bands over
// time (table and trend chart), and the weekly discontinuation-symptom review while a taper plan
// is active. Item wording and bands come from src/core/questionnaires.ts, never from here.
import { html, nothing, type TemplateResult } from 'lit';
import { QUESTIONNAIRES, score, type QuestionnaireKind } from '../../src/core/questionnaires';
import { bandLabel, questionnaireText } from '../../src/core/questionnaireText';
import { completeReview, FINISH_GROUPS, MOST_REPORTED, SEVERITY_LABELS, symptomsInOfferOrder } from '../../src/core/symptoms';
import type { CheckupsData } from '../../src/webviews/sidebar/protocol';
import type { Channel } from '../shared/channel';
import { TrendChart } from './checkupChart';
import { dateWords, plural, t, wordsLanguage } from '../shared/l10n';

type Mode = { kind: 'idle' } | { kind: 'questionnaire'; which: QuestionnaireKind; answers: (number | null)[]; difficulty: number | null; error: string } | { kind: 'review'; severities: Record<string, number> };

export class CheckupsTab {
  private data: CheckupsData | undefined;
  private mode: Mode = { kind: 'idle' };
  private result = '';
  private error = '';
  private chart: TrendChart | undefined;

  constructor(
    private readonly channel: Channel,
    private readonly redraw: () => void,
    private readonly announce: (message: string) => void
  ) {}

  async reload(): Promise<void> {
    try {
      this.data = await this.channel.request('checkups/data', {});
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
    this.redraw();
    this.drawChart();
  }

  start(which: QuestionnaireKind): void {
    this.mode = { kind: 'questionnaire', which, answers: QUESTIONNAIRES[which].items.map(() => null), difficulty: null, error: '' };
    this.result = '';
    this.redraw();
    requestAnimationFrame(() => document.querySelector<HTMLElement>('#q-0 input')?.focus());
  }

  startReview(): void {
    this.mode = { kind: 'review', severities: {} };
    this.result = '';
    this.redraw();
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.review input')?.focus());
  }

  private async submitQuestionnaire(): Promise<void> {
    if (this.mode.kind !== 'questionnaire') return;
    const m = this.mode;
    const missing = m.answers.findIndex((a) => a === null);
    if (missing >= 0) {
      m.error = t('Question {0} has no answer yet.', missing + 1);
      this.redraw();
      document.querySelector<HTMLElement>(`#q-${missing} input`)?.focus();
      return;
    }
    const answers = m.answers as number[];
    const needsDifficulty = QUESTIONNAIRES[m.which].hasDifficulty && answers.some((a) => a > 0);
    try {
      const saved = await this.channel.request('checkups/save', { kind: m.which, answers, difficulty: needsDifficulty ? m.difficulty : null });
      this.result = t('{0} saved: score {1} ({2}).', QUESTIONNAIRES[m.which].name, saved.total, bandLabel(saved.band, t));
      this.announce(this.result);
      this.mode = { kind: 'idle' };
    } catch (e) {
      m.error = t('Not saved: {0}', (e as Error).message);
    }
    this.redraw();
  }

  private async submitReview(): Promise<void> {
    if (this.mode.kind !== 'review') return;
    const sev = this.mode.severities;
    const picked = symptomsInOfferOrder()
      .filter((s) => sev[s.key])
      .map((s) => ({ key: s.key, label: s.label, severity: sev[s.key] }));
    // Every listed symptom is sent, 0 when absent: the palette's review follows the same core rule.
    const symptoms = completeReview(picked);
    try {
      await this.channel.request('review/save', { symptoms });
      const n = symptoms.filter((s) => s.severity > 0).length;
      this.result = plural(n, { one: t('Symptom review saved: {0} symptom this week.', n), other: t('Symptom review saved: {0} symptoms this week.', n) });
      this.announce(this.result);
      this.mode = { kind: 'idle' };
    } catch (e) {
      this.error = t('Not saved: {0}', (e as Error).message);
    }
    this.redraw();
  }

  private questionnaireForm(m: Extract<Mode, { kind: 'questionnaire' }>): TemplateResult {
    const def = QUESTIONNAIRES[m.which];
    // The official Spanish PHQ-9 on a Spanish page; the GAD-7 stays in English with a note why.
    const text = questionnaireText(m.which, wordsLanguage());
    const done = m.answers.every((a) => a !== null);
    const running = done ? score(m.which, m.answers as number[]) : undefined;
    const radios = (name: string, labels: readonly string[], current: number | null, set: (v: number) => void) =>
      html`${labels.map(
        (label, value) => html`<label class="answer"
          ><input type="radio" name=${name} .checked=${current === value} @change=${() => set(value)} />${value} · ${label}</label
        >`
      )}`;
    return html`<form class="questionnaire" aria-labelledby="q-title" @submit=${(e: Event) => (e.preventDefault(), void this.submitQuestionnaire())}>
      <h2 id="q-title">${def.name}</h2>
      ${text.note ? html`<p class="hint" id="q-language">${text.note}</p>` : nothing}
      <p class="stem">${text.stem}</p>
      ${text.items.map(
        (item, i) => html`<fieldset id="q-${i}" class="q-item">
          <legend>${i + 1}. ${item}</legend>
          ${radios(`q${i}`, text.answers, m.answers[i], (v) => ((m.answers[i] = v), (m.error = ''), this.redraw()))}
        </fieldset>`
      )}
      ${def.hasDifficulty && m.answers.some((a) => a !== null && a > 0)
        ? html`<fieldset class="q-item" id="q-difficulty">
            <legend>${text.difficultyQuestion} <span class="hint">(${t('not scored')})</span></legend>
            ${radios('difficulty', text.difficultyAnswers, m.difficulty, (v) => ((m.difficulty = v), this.redraw()))}
          </fieldset>`
        : nothing}
      ${m.error ? html`<p class="field-error" role="alert">${m.error}</p>` : nothing}
      ${running ? html`<p class="hint">${t('Score so far: {0} ({1})', running.total, bandLabel(running.band, t))}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" id="q-submit">${t('Save {0}', def.name)}</button>
        <button type="button" class="secondary" @click=${() => ((this.mode = { kind: 'idle' }), this.redraw())}>${t('Cancel')}</button>
      </div>
      <p class="attribution">${text.attribution}</p>
    </form>`;
  }

  private reviewForm(m: Extract<Mode, { kind: 'review' }>): TemplateResult {
    const offered = symptomsInOfferOrder();
    const row = (key: string, label: string) => html`<fieldset class="review-item">
      <legend>${label}</legend>
      ${SEVERITY_LABELS.map(
        (sl, v) => html`<label class="answer"
          ><input type="radio" name="r-${key}" .checked=${(m.severities[key] ?? 0) === v} @change=${() => ((m.severities[key] = v), this.redraw())} />${v} · ${t(sl)}</label
        >`
      )}
    </fieldset>`;
    const top = offered.filter((s) => MOST_REPORTED.includes(s.key));
    return html`<form class="review" aria-labelledby="review-title" @submit=${(e: Event) => (e.preventDefault(), void this.submitReview())}>
      <h2 id="review-title">${t('Weekly symptom review')}</h2>
      <p class="hint">${t('How much did each of these bother you this week? 0 means not at all.')}</p>
      <h3>${t('Most reported')}</h3>
      ${top.map((s) => row(s.key, t(s.label)))}
      ${FINISH_GROUPS.map((g) => {
        const members = offered.filter((s) => s.group === g.id && !MOST_REPORTED.includes(s.key));
        return members.length ? html`<h3>${t(g.label)}</h3>${members.map((s) => row(s.key, t(s.label)))}` : nothing;
      })}
      <div class="actions">
        <button type="submit" class="primary" id="review-submit">${t('Save review')}</button>
        <button type="button" class="secondary" @click=${() => ((this.mode = { kind: 'idle' }), this.redraw())}>${t('Cancel')}</button>
      </div>
    </form>`;
  }

  private overview(d: CheckupsData): TemplateResult {
    const every = d.intervalDays;
    const dueText = (k: QuestionnaireKind) => (d.due[k] ? t('due now') : plural(every, { one: t('offered every {0} day', every), other: t('offered every {0} days', every) }));
    return html`<div class="checkup-start">
        <p class="hint">
          ${plural(every, {
            one: t('Short questionnaires that prescribers use. They ask about the last two weeks, so they are offered every {0} day.', every),
            other: t('Short questionnaires that prescribers use. They ask about the last two weeks, so they are offered every {0} days.', every)
          })}
        </p>
        <div class="actions wrap">
          <button type="button" class="primary" id="take-phq9" @click=${() => this.start('phq9')}>${t('Take PHQ-9 (mood)')} · ${dueText('phq9')}</button>
          <button type="button" class="primary" id="take-gad7" @click=${() => this.start('gad7')}>${t('Take GAD-7 (anxiety)')} · ${dueText('gad7')}</button>
          ${d.planActive
            ? html`<button type="button" class="secondary" id="take-review" @click=${() => this.startReview()}>
                ${t('Weekly symptom review')} · ${d.due.review ? t('due now') : d.lastReview ? t('last on {0}', dateWords(d.lastReview)) : ''}
              </button>`
            : nothing}
        </div>
      </div>
      <section aria-labelledby="scores-title">
        <h2 id="scores-title">${t('Scores over time')}</h2>
        ${d.results.length === 0
          ? html`<p class="empty">${t('No questionnaires yet.')}</p>`
          : html`<div id="checkup-chart" class="checkup-chart"></div>
              <table class="scores">
                <caption class="visually-hidden">${t('Questionnaire scores, newest first')}</caption>
                <!-- Score and band share a column, so the table fits the side bar's default 300 px. -->
                <thead><tr><th scope="col">${t('Date')}</th><th scope="col">${t('Questionnaire')}</th><th scope="col">${t('Score (band)')}</th></tr></thead>
                <tbody>
                  ${d.results.slice(0, 50).map((r) => html`<tr><td>${dateWords(r.date)}</td><td>${QUESTIONNAIRES[r.kind].name}</td><td>${t('{0}/{1} ({2})', r.total, QUESTIONNAIRES[r.kind].maxTotal, bandLabel(r.band, t))}</td></tr>`)}
                </tbody>
              </table>`}
        <p class="attribution">${questionnaireText('phq9', wordsLanguage()).attribution}</p>
      </section>`;
  }

  render(): TemplateResult {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.data) return html`<p class="empty">${t('Loading…')}</p>`;
    const m = this.mode;
    // Announced through the panel's one live region; shown here as well.
    return html`${this.result ? html`<p class="result">${this.result}</p>` : nothing}
    ${m.kind === 'questionnaire' ? this.questionnaireForm(m) : m.kind === 'review' ? this.reviewForm(m) : this.overview(this.data)}`;
  }

  /** The trend chart lives outside lit's templates (uPlot owns its canvas). */
  drawChart(): void {
    const host = document.querySelector<HTMLElement>('#checkup-chart');
    if (!host || !this.data || this.mode.kind !== 'idle') return;
    if (!this.chart || !this.chart.isIn(host)) {
      this.chart?.destroy();
      this.chart = new TrendChart(host, { t, plural, date: dateWords });
    }
    this.chart.update(this.data.results);
  }
}
