// Visible text in the panel goes through t(), fed by the host's l10n bundle for the display language;
// words with a count through plural(), by that language's rules (the page's lang, set by the host).
import * as l10n from '@vscode/l10n';
import { plural as pluralIn, type PluralForms } from '../../src/core/plural';
import { formatDate, type DateStyle } from '../../src/core/dates';
import { formatMg, setNumberLocale } from '../../src/core/entries';

let translated = false;

export function configureL10n(contents: Record<string, string> | null): void {
  if (contents) l10n.config({ contents });
  translated = contents !== null;
  // Numbers ("7,5") follow the page's language when its words do (never French decimals in English words).
  setNumberLocale(wordsLanguage());
}

/** The page's language when the host sent words for it, else English. */
export function wordsLanguage(): string {
  return translated && typeof document !== 'undefined' ? document.documentElement.lang || 'en' : 'en';
}

/** A date inside the page's words, in their language ("Nov 8, 2026", "8 nov 2026"); ISO stays in inputs. */
export function dateWords(date: string, style?: DateStyle): string {
  return formatDate(date, wordsLanguage(), style);
}

/** @vscode/l10n's t; a number with decimals is written in the page's language ("6,5" in Spanish). */
export const t = (message: string, ...args: (string | number | boolean)[]): string =>
  l10n.t(message, ...args.map((a) => (typeof a === 'number' && !Number.isInteger(a) ? formatMg(a) : a)));

/** The form of an already translated message for `count`: plural(n, { one: t('{0} day', n), other: t('{0} days', n) }). */
export function plural(count: number, forms: PluralForms): string {
  return pluralIn(count, forms, (typeof document !== 'undefined' && document.documentElement.lang) || 'en');
}
