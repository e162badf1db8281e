// What a line of the inbox will record, in words: the inbox file's hover and the first import's
// preview say it before anything is written. Plain description of the line, never a judgement.
import { formatMg } from '../entries';
import type { Translate } from '../safety';
import { englishWords } from './problems';
import type { InboxEntry } from './types';

function doseWords(entry: InboxEntry, unit: string, t: Translate): string | undefined {
  const d = entry.dose;
  if (!d) return undefined;
  if (d.status === 'skipped') return d.mg === null ? t('a skipped dose (the dose in force that day)') : t('a skipped dose of {0} {1}', formatMg(d.mg), unit);
  if (d.status === 'changed') return t('a dose change to {0} {1}', formatMg(d.mg ?? 0), unit);
  return t('an intake of {0} {1}, taken', formatMg(d.mg ?? 0), unit);
}

/** One sentence: "2026-12-07 08:10: a check-in with mood 6, an intake of 10 mg, taken, …". */
export function describeEntry(entry: InboxEntry, unit: string, t: Translate = englishWords): string {
  const parts: string[] = [];
  if (entry.mood !== null) parts.push(t('a check-in with mood {0}', entry.mood));
  const dose = doseWords(entry, unit, t);
  if (dose) parts.push(dose);
  for (const s of entry.symptoms) parts.push(t('{0} at severity {1}', s.label, s.severity));
  if (entry.tags.length) parts.push(t('tags {0}', entry.tags.map((x) => `#${x}`).join(' ')));
  if (entry.note) parts.push(entry.mood === null && !entry.event ? t('a note: {0}', entry.note) : t('note: {0}', entry.note));
  if (entry.event) parts.push(t('a life event: {0}', entry.event));
  return t('{0} {1}: {2}', entry.date, entry.time, parts.join('; '));
}
