// Symptom severity over time: one labelled row per symptom, one cell per day (per few weeks for
// long ranges). Each cell names its symptom, dates and severity in words, not just a shade.
// Rows and cells are kept between updates and only touched where they changed: rebuilding and
// relabelling every cell was most of a redraw's cost.
import type { ChartData } from '../../src/webviews/shared/views';
import type { ChartStrings } from './strings';
import { dateOf, dayNumber } from './data';
import { el, uid } from './dom';

/** Most cells per row: more would be narrower than a pixel in a sidebar, and slow to build. */
const MAX_CELLS = 120;

interface Row {
  row: HTMLElement;
  label: HTMLElement;
  cells: HTMLElement;
  /** What the cells show now: symptom and range, and each cell's severity (-1: not recorded). */
  key: string;
  severity: Int8Array;
}

export class HeatStrip {
  private rows: Row[] = [];
  private readonly list: HTMLElement;
  private readonly axis: HTMLElement;
  private readonly note: HTMLElement;
  private readonly legend: HTMLElement;

  constructor(
    target: HTMLElement,
    private readonly s: ChartStrings
  ) {
    this.note = el('p', 'mdc-note', s.t('No symptoms recorded in this range.'), target);
    this.list = el('div', 'mdc-strip-list', undefined, target);
    this.axis = el('div', 'mdc-strip-axis', undefined, target);
    this.axis.setAttribute('aria-hidden', 'true');
    el('span', undefined, undefined, this.axis);
    el('span', undefined, undefined, this.axis);
    const legend = (this.legend = el('ul', 'mdc-legend', undefined, target));
    legend.setAttribute('aria-label', s.t('Severity'));
    for (const [cls, word] of [...this.words().map((w, i) => [String(i), w]), ['none', s.t('not recorded')]]) {
      const item = el('li', undefined, undefined, legend);
      el('span', `mdc-cell mdc-sev-${cls}`, undefined, item).setAttribute('aria-hidden', 'true');
      item.append(word);
    }
  }

  render(data: ChartData): void {
    const s = this.s;
    const some = data.symptoms.some((sym) => sym.cells.length > 0);
    this.note.hidden = some;
    for (const e of [this.list, this.axis, this.legend]) e.hidden = !some;
    if (!some) {
      for (const gone of this.rows.splice(0)) gone.row.remove();
      return;
    }
    const first = dayNumber(data.from);
    const last = dayNumber(data.to);
    const span = last - first + 1;
    // Whole weeks per cell for long ranges, so cells line up with calendar weeks.
    const per = span <= MAX_CELLS ? 1 : 7 * Math.ceil(span / (7 * MAX_CELLS));
    const count = Math.ceil(span / per);
    const words = this.words();
    const what = [s.t('not recorded'), ...words.map((w) => (per === 1 ? w : s.t('worst {0}', w)))];
    const when = (i: number) => {
      const a = s.date(dateOf(first + i * per));
      return per === 1 ? a : s.t('{0} to {1}', a, s.date(dateOf(Math.min(last, first + i * per + per - 1))));
    };
    data.symptoms.forEach((sym, k) => {
      const worst = new Int8Array(count).fill(-1);
      for (const c of sym.cells) {
        const i = Math.floor((dayNumber(c.date) - first) / per);
        if (i >= 0 && i < count && c.severity > worst[i]) worst[i] = c.severity;
      }
      const row = this.row(k, count);
      const key = `${sym.label}\n${data.from}\n${data.to}`;
      const same = row.key === key && row.severity.length === count;
      if (row.label.textContent !== sym.label) row.label.textContent = sym.label;
      const cells = row.cells.children;
      for (let i = 0; i < count; i++) {
        const w = worst[i];
        if (same && row.severity[i] === w) continue;
        const cell = cells[i];
        const label = s.t('{0}, {1}: {2}', sym.label, when(i), what[w + 1]);
        cell.className = w < 0 ? 'mdc-cell mdc-sev-none' : `mdc-cell mdc-sev-${w}`;
        cell.setAttribute('aria-label', label);
        cell.setAttribute('title', label);
      }
      row.key = key;
      row.severity = worst;
    });
    for (const gone of this.rows.splice(data.symptoms.length)) gone.row.remove();
    this.axis.firstElementChild!.textContent = s.date(data.from);
    this.axis.lastElementChild!.textContent = s.date(data.to);
  }

  private words(): string[] {
    return [this.s.t('none'), this.s.t('mild'), this.s.t('moderate'), this.s.t('severe')];
  }

  /** Row k with exactly `count` cells, made or trimmed as needed. */
  private row(k: number, count: number): Row {
    let row = this.rows[k];
    if (!row) {
      const div = el('div', 'mdc-strip', undefined, this.list);
      const label = el('div', 'mdc-strip-label', undefined, div);
      label.id = uid('symptom');
      const cells = el('div', 'mdc-strip-cells', undefined, div);
      cells.setAttribute('role', 'group');
      cells.setAttribute('aria-labelledby', label.id);
      row = this.rows[k] = { row: div, label, cells, key: '', severity: new Int8Array(0) };
    }
    const frag = document.createDocumentFragment();
    for (let i = row.cells.childElementCount; i < count; i++) el('span', undefined, undefined, frag).setAttribute('role', 'img');
    row.cells.appendChild(frag);
    while (row.cells.childElementCount > count) row.cells.lastElementChild!.remove();
    return row;
  }
}
