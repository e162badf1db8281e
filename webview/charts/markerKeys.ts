// The timeline's markers from the keyboard: a listbox under the plot with one small tick per day
// that has a dose change or a life event in view. Tab reaches it; Left and Right (Home, End) move
// between markers, and the marker in focus is explained in the same tooltip a mouse gets on hover,
// and read out through aria-activedescendant. A click on a tick does the same.
import type { ChartStrings } from './strings';
import { markerText, type MarkerGroup } from './data';
import { el, uid } from './dom';

export class MarkerKeys {
  readonly element: HTMLElement;
  private groups: MarkerGroup[] = [];
  private options: HTMLElement[] = [];
  /** Index into `groups` of the marker in focus, or -1. */
  private active = -1;
  private visible: number[] = [];

  constructor(
    parent: HTMLElement,
    private readonly s: ChartStrings,
    /** Shows (or, with undefined, hides) the tooltip for a marker at a CSS x within the plot. */
    private readonly explain: (group: MarkerGroup | undefined, left: number) => void,
    /** Where a marker falls, in CSS px from the plot's left edge; null when outside the view. */
    private readonly place: (group: MarkerGroup) => number | null
  ) {
    this.element = el('div', 'mdc-marker-keys', undefined, parent);
    this.element.tabIndex = 0;
    this.element.setAttribute('role', 'listbox');
    this.element.setAttribute('aria-label', s.t('Dose changes and life events in view. Left and right arrow keys move between them.'));
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('focus', () => this.activate(this.active >= 0 && this.visible.includes(this.active) ? this.active : this.visible[0] ?? -1));
    this.element.addEventListener('blur', () => this.explain(undefined, 0));
    this.element.addEventListener('click', (e) => {
      const option = (e.target as HTMLElement).closest<HTMLElement>('[role=option]');
      if (option) this.activate(this.options.indexOf(option));
    });
  }

  update(groups: MarkerGroup[]): void {
    this.groups = groups;
    const frag = document.createDocumentFragment();
    this.options = groups.map((g) => {
      const option = el('div', `mdc-marker-tick${g.items.some((m) => m.kind === 'dose-change') ? ' mdc-dose-change' : ' mdc-life-event'}`, undefined, frag);
      option.id = uid('marker');
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.setAttribute('aria-label', this.s.t('{0}: {1}', this.s.date(g.date), g.items.map((m) => markerText(m, this.s)).join('; ')));
      return option;
    });
    this.element.replaceChildren(frag);
    this.active = -1;
    this.element.removeAttribute('aria-activedescendant');
    this.layout();
  }

  /** Moves each tick to its marker's place, and hides those out of view. */
  layout(): void {
    // Every place first, then every write: a read after a style write would force a layout per marker.
    const lefts = this.groups.map((g) => this.place(g));
    this.visible = [];
    lefts.forEach((left, i) => {
      const option = this.options[i];
      option.hidden = left === null;
      if (left === null) return;
      option.style.left = `${left}px`;
      this.visible.push(i);
    });
    this.element.hidden = this.groups.length === 0;
    if (this.active >= 0 && !this.visible.includes(this.active)) this.activate(-1);
    else if (this.active >= 0 && document.activeElement === this.element) this.activate(this.active);
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.visible.length) return;
    const at = this.visible.indexOf(this.active);
    const to: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: this.visible.length - 1 };
    if (!(e.key in to)) return;
    e.preventDefault();
    this.activate(this.visible[Math.max(0, Math.min(this.visible.length - 1, at < 0 ? 0 : to[e.key]))]);
  }

  private activate(index: number): void {
    if (this.active >= 0) this.options[this.active]?.setAttribute('aria-selected', 'false');
    this.active = index;
    const option = this.options[index];
    if (!option) {
      this.element.removeAttribute('aria-activedescendant');
      this.explain(undefined, 0);
      return;
    }
    option.setAttribute('aria-selected', 'true');
    this.element.setAttribute('aria-activedescendant', option.id);
    this.explain(this.groups[index], this.place(this.groups[index]) ?? 0);
  }
}
