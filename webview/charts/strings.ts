// The charts' one dependency on the outside: how to localise their words. In its own module so
// charts.ts and its parts can all name it without importing each other in a loop.

import type { DateStyle } from '../../src/core/dates';
import type { PluralForms } from '../../src/core/plural';

/**
 * Localisation: t('Mood'), t('{0} mg', 10), plural(n, { one: t('{0} day', n), other: t('{0} days', n) }),
 * date('2026-11-08') → "Nov 8, 2026" (a recalled month '2026-11' → "Nov 2026"). The panel passes its own.
 */
export interface ChartStrings {
  t(message: string, ...args: (string | number)[]): string;
  plural(count: number, forms: PluralForms): string;
  /** A date inside the words, in their language (the pages pass dateWords). */
  date(date: string, style?: DateStyle): string;
}
