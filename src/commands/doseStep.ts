// The dose step of a check-in (and of Log Dose). The first check-in of a day starts on the step in
// force, so Enter records it as taken. Once today's dose is logged, Enter adds nothing: the step
// names what was logged, and another intake or a change is an item the user picks on purpose.
import * as vscode from 'vscode';
import type { DoseOffer } from '../core/doseOffer';
import { formatMg, parseMg, type DoseInput } from '../core/entries';
import { intakeList, loggedTodayText } from '../core/loggedTodayWords';
import { input, pick } from './quickInput';

export interface DoseStepOptions extends DoseOffer {
  medication: string;
  unit: string;
  /** A check-in may be saved without a dose; Log Dose may not. */
  allowNone: boolean;
}

type Answer = DoseInput | 'none' | undefined;

interface DoseItem extends vscode.QuickPickItem {
  dose: DoseInput | 'none' | 'invalid' | { ask: 'taken' | 'changed' };
}

// Looked up on each call, so a stand-in's translator (the pseudo-localisation test) is the one used.
const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

export function askDose(title: string, opts: DoseStepOptions): Promise<Answer> {
  return opts.loggedToday.length ? askAfterLogged(title, opts) : askFirst(title, opts);
}

function notADose(value: string, unit: string): DoseItem {
  return { label: `$(warning) ${t('"{0}" is not a dose. Type a number of {1}, e.g. 10 or 7.5', value.trim(), unit)}`, dose: 'invalid', alwaysShow: true };
}

function skippedItem(mg: number | null | undefined, opts: DoseStepOptions): DoseItem[] {
  if (mg === null || mg === undefined) return [];
  return [{ label: `$(circle-slash) ${t('Skipped this dose')}`, description: `${formatMg(mg)} ${opts.unit}`, dose: { mg, status: 'skipped', medication: opts.medication }, alwaysShow: true }];
}

/** Shows the pick until a real answer (not the "not a dose" line) is chosen. */
async function choose(title: string, placeholder: string, value: string, items: (value: string) => DoseItem[]): Promise<Exclude<DoseItem['dose'], 'invalid'> | undefined> {
  for (;;) {
    const picked = await pick<DoseItem>({ title, placeholder, value, items });
    if (!picked) return undefined;
    const dose = picked[0]?.dose;
    if (dose && dose !== 'invalid') return dose;
  }
}

/**
 * Nothing logged today: the input starts on the dose to offer, so Enter records it as taken;
 * typing a different number records "changed to X"; "Skipped" records a missed dose.
 */
async function askFirst(title: string, opts: DoseStepOptions): Promise<Answer> {
  const { offered, previous, medication, unit } = opts;
  const items = (value: string): DoseItem[] => {
    const typed = parseMg(value);
    const list: DoseItem[] = [];
    if (typed !== undefined) {
      const changed = previous !== null && typed !== previous;
      list.push({
        label: changed ? `$(arrow-swap) ${t('Changed to {0} {1}', formatMg(typed), unit)}` : `$(check) ${t('Taken: {0} {1}', formatMg(typed), unit)}`,
        description: changed ? t('from {0} {1}', formatMg(previous!), unit) : medication,
        dose: { mg: typed, status: changed ? 'changed' : 'taken', medication },
        alwaysShow: true
      });
    } else if (value.trim()) list.push(notADose(value, unit));
    list.push(...skippedItem(typed ?? offered, opts));
    if (opts.allowNone) list.push({ label: `$(dash) ${t('No dose to record')}`, dose: 'none', alwaysShow: true });
    return list;
  };
  const dose = await choose(title, t('Enter records the dose shown as taken; type another number if it changed'), offered === null ? '' : formatMg(offered), items);
  return dose === undefined || (dose !== 'none' && 'ask' in dose) ? undefined : dose;
}

/**
 * Today's dose is logged: the first item names it and Enter on it adds nothing. A typed number
 * offers "Another dose today" and "Changed to" as separate items below it, never picked by Enter.
 */
async function askAfterLogged(title: string, opts: DoseStepOptions): Promise<Answer> {
  const { previous, medication, unit, loggedToday } = opts;
  const logged = loggedTodayText(loggedToday, unit, t);
  const items = (value: string): DoseItem[] => {
    const typed = parseMg(value);
    const list: DoseItem[] = [
      { label: `$(history) ${logged}`, description: opts.allowNone ? t('Enter: no other dose') : t('Enter: log nothing'), dose: 'none', alwaysShow: true }
    ];
    if (typed !== undefined) {
      list.push(
        { label: `$(add) ${t('Another dose today: {0} {1}', formatMg(typed), unit)}`, description: t('added to what is logged today'), dose: { mg: typed, status: 'taken', medication }, alwaysShow: true },
        {
          label: `$(arrow-swap) ${t('Changed to {0} {1}', formatMg(typed), unit)}`,
          description: previous === null ? medication : t('from {0} {1}', formatMg(previous), unit),
          dose: { mg: typed, status: 'changed', medication },
          alwaysShow: true
        }
      );
    } else if (value.trim()) list.push(notADose(value, unit));
    else {
      list.push(
        { label: `$(add) ${t('Another dose today…')}`, description: t('then type the amount'), dose: { ask: 'taken' }, alwaysShow: true },
        { label: `$(arrow-swap) ${t('Changed to…')}`, description: t('then type the new dose'), dose: { ask: 'changed' }, alwaysShow: true }
      );
    }
    list.push(...skippedItem(typed ?? previous ?? loggedToday[loggedToday.length - 1].mg, opts));
    return list;
  };
  const dose = await choose(title, t('Today\'s dose is logged: Enter adds nothing. Type a number for another dose or a change'), '', items);
  if (dose === undefined) return undefined;
  if (dose !== 'none' && 'ask' in dose) return askAmount(title, dose.ask, opts);
  return dose;
}

/** The amount of another intake (status 'taken') or of a change, typed after picking it. */
async function askAmount(title: string, status: 'taken' | 'changed', opts: DoseStepOptions): Promise<Answer> {
  const today = intakeList(opts.loggedToday, opts.unit, t);
  const typed = await input({
    title,
    prompt:
      status === 'taken'
        ? t('Another dose today, in {0}. It is added to what is logged today ({1}).', opts.unit, today)
        : t('Changed to how many {0}? Logged today: {1}.', opts.unit, today),
    validate: (v) => {
      if (parseMg(v) !== undefined) return undefined;
      return v.trim() ? t('"{0}" is not a dose. Type a number of {1}, e.g. 10 or 7.5', v.trim(), opts.unit) : t('Type a number of {0}, e.g. 10 or 7.5', opts.unit);
    }
  });
  if (typed === undefined) return undefined;
  return { mg: parseMg(typed)!, status, medication: opts.medication };
}
