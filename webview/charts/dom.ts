// DOM helpers for the charts. Text always goes in through textContent: labels come from the user.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string, parent?: Node): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  parent?.appendChild(e);
  return e;
}

let nextId = 0;

/** A document-unique id, so several chart instances (and the rest of the panel) never collide. */
export function uid(name: string): string {
  return `mdc-${++nextId}-${name}`;
}
