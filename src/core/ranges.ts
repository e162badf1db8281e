// The ranges a page offers (Charts tab, history filter): the last 7, 30, 90 or 365 days, or all.
import { addDays, type LocalDate } from './time';

export const RANGES = ['7', '30', '90', '365', 'all'] as const;
export type RangeKey = (typeof RANGES)[number];

/** Days each range covers, ending today; null for the whole journal. */
export const RANGE_DAYS: Record<RangeKey, number | null> = { '7': 7, '30': 30, '90': 90, '365': 365, all: null };

/** The first day of a range that ends `today`; null for the whole journal. */
export function rangeStart(range: RangeKey, today: LocalDate): LocalDate | null {
  const days = RANGE_DAYS[range];
  return days === null ? null : addDays(today, -(days - 1));
}
