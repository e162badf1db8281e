// The mood scale: 1-10, 10 = best. Labels can be replaced in settings; these are the defaults.
import { msg } from './l10nMark';
import { MOOD_MAX, MOOD_MIN } from './limits';

export const DEFAULT_MOOD_LABELS: readonly string[] = [
  msg('Very low'),
  msg('Low'),
  msg('Poor'),
  msg('Below par'),
  msg('So-so'),
  msg('Okay'),
  msg('Good'),
  msg('Very good'),
  msg('Great'),
  msg('Best')
];

/** Label for a mood value; custom labels must be exactly ten, else the defaults are used. */
export function moodLabel(mood: number, labels: readonly string[] = DEFAULT_MOOD_LABELS): string {
  const set = labels.length === MOOD_MAX ? labels : DEFAULT_MOOD_LABELS;
  return set[Math.min(MOOD_MAX, Math.max(MOOD_MIN, Math.round(mood))) - 1];
}

/** Single-key mood entry: digits 1-9 mean themselves and 0 means 10. */
export function moodFromKey(key: string): number | undefined {
  if (!/^[0-9]$/.test(key)) return undefined;
  return key === '0' ? 10 : Number(key);
}
