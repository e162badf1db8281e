// Numbers of tablets as the user types and reads them: whole tablets, halves and quarters. Pure, so
// the panel bundles it too.
import { formatMg } from './entries';
import { TABLETS_MAX } from './limits';

/** A number of tablets as typed ("30", "12.5", "12,5", "12½"); undefined unless whole, halves or quarters, up to TABLETS_MAX. */
export function parseTablets(text: string): number | undefined {
  const m = /^\s*(\d{1,6})?(?:[.,](\d{1,2}))?\s*(½|¼|¾)?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  const whole = Number(m[1] ?? 0);
  const frac = m[2] !== undefined ? Number(`0.${m[2]}`) : 0;
  const glyph = m[3] === '½' ? 0.5 : m[3] === '¼' ? 0.25 : m[3] === '¾' ? 0.75 : 0;
  const n = whole + frac + glyph;
  return Number.isInteger(n * 4) && n <= TABLETS_MAX ? n : undefined;
}

/** "12", "12.5", "12.25": tablets as digits, in the number language ("12,5" in Spanish). */
export function formatTablets(n: number): string {
  return formatMg(n);
}

const FRACTIONS: Record<number, string> = { 0.25: '¼', 0.5: '½', 0.75: '¾' };

/** Tablets in words: "½", "1½", "2", or "0.67" when not a whole number of quarters. */
export function tabletWords(n: number): string {
  const whole = Math.floor(n + 1e-9);
  const frac = Math.round((n - whole) * 100) / 100;
  if (frac === 0) return String(whole);
  if (FRACTIONS[frac]) return `${whole || ''}${FRACTIONS[frac]}`;
  return formatTablets(n);
}
