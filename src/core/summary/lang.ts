// The language the summary is written in, which can differ from the display language (an English
// summary for an English-speaking prescriber from a Spanish VS Code, and the reverse). Core is pure,
// so the caller passes the translator; summaryDoc() sets it for the span of one synchronous call,
// and every phrase of page 1, the appendix and the figures goes through t() and plural() here.
import { setNumberLocale } from '../entries';
import { plural as pluralIn } from '../plural';
import type { Translate } from '../safety';
import type { QuestionnaireKind } from '../questionnaires';
import { questionnaireText, type QuestionnaireText } from '../questionnaireText';
import { ENGLISH, type SummaryLanguage } from '../translator';

export { bundleTranslator, ENGLISH, fillIn, type SummaryLanguage } from '../translator';

let current: SummaryLanguage = ENGLISH;

/** Runs `write` with the summary written in `lang`, numbers included; the language before is put back. */
export function writtenIn<T>(lang: SummaryLanguage, write: () => T): T {
  const before = current;
  const numbers = setNumberLocale(lang.locale);
  current = lang;
  try {
    return write();
  } finally {
    current = before;
    setNumberLocale(numbers);
  }
}

/** The summary's translator: extracted by `npm run l10n` like the host's and the pages'. */
export const t: Translate = (message, ...args) => current.t(message, ...args);

export const summaryLocale = (): string => current.locale;

/** The translated form for `n`: plural(n, t('{0} day', n), t('{0} days', n)). */
export const plural = (n: number, one: string, other: string): string => pluralIn(n, { one, other }, current.locale);

/** "1 day", "3 days": the count the summary gives most. */
export const days = (n: number): string => plural(n, t('{0} day', n), t('{0} days', n));

/** PHQ-9 item 9 and the answer scale in the summary's language (the official Spanish text in Spanish). */
export const phq9Text = (): QuestionnaireText => questionnaireText('phq9', current.locale);

/**
 * The attribution for the questionnaires in range, in the summary's language. The summary shows
 * their scores, never their items, so the GAD-7's English wording needs no note here.
 */
export function attributions(kinds: readonly QuestionnaireKind[]): string[] {
  return kinds.length ? [questionnaireText(kinds.includes('phq9') ? 'phq9' : kinds[0], current.locale).attribution] : [];
}

const months = new Map<string, string[]>();

/** "Jan", "ene": month `m` (1–12) short, in the summary's language, without a closing period. */
export function monthShort(m: number): string {
  let list = months.get(current.locale);
  if (!list) {
    const f = new Intl.DateTimeFormat(current.locale, { month: 'short', timeZone: 'UTC' });
    list = Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2001, i, 15))).replace(/\.$/, ''));
    months.set(current.locale, list);
  }
  return list[m - 1];
}
