// The journal panel. Renders with lit templates, which insert notes and tags as text, never HTML.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { html, render } from 'lit';
import type { EntryView, HostEvent } from '../src/protocol';
import { Channel } from './channel';
import { configureL10n, t } from './l10n';

const RECENT_LIMIT = 50;

class JournalPanel {
  private entries: EntryView[] = [];
  private error = '';
  private loaded = false;
  private readonly channel = new Channel({
    onInit: (bundle) => {
      configureL10n(bundle);
      void this.reload();
    },
    onEvent: (event: HostEvent) => {
      if (event.kind === 'changed') void this.reload();
    }
  });

  constructor(private readonly root: HTMLElement) {
    this.draw();
    this.channel.ready();
  }

  private async reload(): Promise<void> {
    try {
      this.entries = await this.channel.request('entries/recent', { limit: RECENT_LIMIT });
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
    this.loaded = true;
    this.draw();
  }

  private draw(): void {
    render(
      html`
        <header class="toolbar">
          <vscode-button icon="heart" @click=${() => this.channel.request('command/run', { command: 'checkIn' })}>${t('Check in')}</vscode-button>
        </header>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">${t('Latest entries')}</h2>
          ${this.loaded && this.entries.length === 0 ? html`<p class="empty">${t('No entries yet. Use "Check in" to add the first one.')}</p>` : null}
          <ul class="entries" aria-label=${t('Latest entries')}>
            ${this.entries.map((e) => this.row(e))}
          </ul>
        </section>
      `,
      this.root
    );
    this.root.setAttribute('aria-busy', String(!this.loaded));
    if (this.loaded) this.reportRendered();
  }

  private row(e: EntryView) {
    const dose = e.dose ? `${e.dose.mg} ${e.dose.unit}${e.dose.status === 'skipped' ? ` (${t('skipped')})` : ''}` : '';
    return html`<li class="entry" data-id=${e.id}>
      <span class="when"><time datetime=${e.at}>${e.localDate} ${e.time}</time></span>
      <span class="mood" aria-label=${t('Mood {0} out of 10', e.mood)}>${t('Mood')} ${e.mood}/10</span>
      ${dose ? html`<span class="dose">${dose}</span>` : null}
      ${e.note ? html`<p class="note">${e.note}</p>` : null}
    </li>`;
  }

  /** Tells the host what is on screen, so tests in a real VS Code can check it. */
  private reportRendered(): void {
    const rows = [...this.root.querySelectorAll('li.entry')].slice(0, 200).map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000));
    this.channel.send({ type: 'rendered', rows });
  }
}

new JournalPanel(document.getElementById('app')!);
