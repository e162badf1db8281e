// A language as the summary needs it, and translators over a bundle. Kept apart from
// core/summary/lang.ts so the host picks a summary's language without loading the summary itself.
import type { Translate } from './safety';

export interface SummaryLanguage {
  /** A BCP 47 tag: plural rules, decimal marks and month names. */
  locale: string;
  /** Message → translated message with {0}… filled, as vscode.l10n.t. */
  t: Translate;
}

/** Fills {0}, {1}… from `args`, leaving the message as written: the English summary. */
export const fillIn: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i])));

export const ENGLISH: SummaryLanguage = { locale: 'en', t: fillIn };

/** A translator over a bundle ({ English: translation }), for a language other than the display language. */
export function bundleTranslator(bundle: Readonly<Record<string, string>>): Translate {
  return (message, ...args) => fillIn(bundle[message] ?? message, ...args);
}
