// Small promise wrappers around QuickPick and InputBox. Each resolves to undefined when the user
// presses Escape, so a flow can stop without saving anything.
import * as vscode from 'vscode';
import { beforeEarliestYear } from '../core/transfer/checks';
import { EARLIEST_YEAR } from '../core/limits';
import { isLocalDate } from '../core/time';

/** What is wrong with a typed YYYY-MM-DD date, or undefined. Before 1900 is refused, as on import. */
export function dateProblem(value: string, example: string): string | undefined {
  const v = value.trim();
  if (!isLocalDate(v)) return vscode.l10n.t('Type the date as YYYY-MM-DD, e.g. {0}', example);
  return beforeEarliestYear(v) ? vscode.l10n.t('Type a date from {0} on', EARLIEST_YEAR) : undefined;
}

export interface PickOptions<T extends vscode.QuickPickItem> {
  title: string;
  placeholder: string;
  items: readonly T[] | ((value: string) => readonly T[]);
  value?: string;
  active?: (items: readonly T[]) => T | undefined;
  /** Accept at once when the typed value alone decides the answer (e.g. one digit). */
  acceptOnValue?: (value: string) => T | undefined;
  canSelectMany?: boolean;
  matchOnDescription?: boolean;
}

export function pick<T extends vscode.QuickPickItem>(opts: PickOptions<T>): Promise<T[] | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<T>();
    qp.title = opts.title;
    qp.placeholder = opts.placeholder;
    qp.canSelectMany = !!opts.canSelectMany;
    qp.matchOnDescription = !!opts.matchOnDescription;
    qp.ignoreFocusOut = false;
    const setItems = (value: string) => {
      qp.items = typeof opts.items === 'function' ? opts.items(value) : opts.items;
      const active = opts.active?.(qp.items);
      if (active) qp.activeItems = [active];
    };
    let done = false;
    const finish = (result: T[] | undefined) => {
      if (done) return;
      done = true;
      resolve(result);
      qp.dispose();
    };
    qp.onDidChangeValue((value) => {
      const decided = opts.acceptOnValue?.(value);
      if (decided) return finish([decided]);
      if (typeof opts.items === 'function') setItems(value);
    });
    qp.onDidAccept(() => finish(qp.canSelectMany ? [...qp.selectedItems] : qp.activeItems.slice(0, 1)));
    qp.onDidHide(() => finish(undefined));
    if (opts.value !== undefined) qp.value = opts.value;
    setItems(qp.value);
    qp.show();
  });
}

export interface InputOptions {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  validate?: (value: string) => string | undefined;
}

export function input(opts: InputOptions): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = opts.title;
    box.prompt = opts.prompt;
    box.placeholder = opts.placeholder;
    box.value = opts.value ?? '';
    let done = false;
    const finish = (value: string | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue((v) => (box.validationMessage = opts.validate?.(v)));
    box.onDidAccept(() => {
      const problem = opts.validate?.(box.value);
      if (problem) box.validationMessage = problem;
      else finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
