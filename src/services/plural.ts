// Plural forms on the host, by the language its words are in (the rule itself is in src/core/plural.ts):
// with no bundle for the display language the words are English, so are their plural rules.
import { plural as pluralIn, type PluralForms } from '../core/plural';
import { wordsLanguage } from './displayLanguage';

export const plural = (count: number, forms: PluralForms): string => pluralIn(count, forms, wordsLanguage());
