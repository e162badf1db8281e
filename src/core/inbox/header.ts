// The header the extension writes at the top of a new inbox: the format in a few short lines, narrow
// enough for a phone held upright. Every line is a heading or a ">" quote, so the reader ignores it;
// the examples, once the "> " is taken off, are lines the reader imports (a test holds both).
import type { Translate } from '../safety';
import type { LocalDate } from '../time';
import { englishWords } from './problems';

/** Longest header line, in characters: fits a phone screen in portrait without wrapping much. */
export const HEADER_WIDTH = 40;

/** The example lines of the header, for `date` (the day the inbox is created). */
export function headerExamples(date: LocalDate, unit: string): string[] {
  return [
    `${date} 08:10 mood 6 dose 10`,
    `${date} 13:00 dizzy 2 m5 #work`,
    `${date} 21:30 m4 note: long day`,
    `${date} 09:00 dose skipped`,
    `${date} 09:05 dose changed 7.5`,
    `${date} 18:00 event: Court date`,
    `${date} 22:00 d2.5 ${unit}`
  ];
}

export function inboxHeader(opts: { date: LocalDate; unit: string; t?: Translate }): string {
  const t = opts.t ?? englishWords;
  const q = (text: string) => `> ${text}`;
  const lines = [
    `# ${t('Mood & Dose inbox')}`,
    q(t('One entry per line: date, time,')),
    q(t('then what to record.')),
    '>',
    ...headerExamples(opts.date, opts.unit).map(q),
    '>',
    q(t('mood 1–10 (or m6)')),
    q(t('dose in {0} (or d10)', opts.unit)),
    q(t('dose skipped, dose changed 7.5')),
    q(t('with a mood: symptoms 0–3')),
    q(t('(dizzy 2, brain zaps 3) and #tags')),
    q(t('note: … and event: … end a line')),
    q(t('Under "## {0}", just a time.', opts.date)),
    '>',
    q(t('Lines are read into the journal,')),
    q(t('then removed from this file.')),
    q(t('A line that cannot be read stays,')),
    q(t('marked "!" with the reason.')),
    ''
  ];
  return lines.join('\n');
}
