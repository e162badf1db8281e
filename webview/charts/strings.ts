// The charts' one dependency on the outside: how to localise their words. In its own module so
// charts.ts and its parts can all name it without importing each other in a loop.

import type { PluralForms } from '../../src/core/plural';

/** Localisation: t('Mood'), t('{0} mg', 10), plural(n, { one: t('{0} day', n), other: t('{0} days', n) }). The panel passes its own t and plural. */
export interface ChartStrings {
  t(message: string, ...args: (string | number)[]): string;
  plural(count: number, forms: PluralForms): string;
}
