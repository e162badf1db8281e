// The words of every problem the inbox reports: what is wrong, and a line that would be read. The
// examples are ways of writing, never a dose or a mood to choose: they reuse the user's own date,
// time and words where those were readable, and otherwise show the format with sample values.
import type { Translate } from '../safety';
import type { InboxProblem, ProblemCode } from './types';

/** English as written, with {0}, {1}… filled in. */
export const englishWords: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i])));

/** What each problem says; {0}, {1}… are the arguments the reader found. */
const WHAT: Record<ProblemCode, string> = {
  'no-date': 'There is no date. Start the line with the date and time, or write it under a date heading such as "## {0}".',
  'bad-date': '"{0}" is not a date. Write dates as year-month-day.',
  'no-time': 'The date has no time after it. Write the time in 24-hour form after the date.',
  'bad-time': '"{0}" is not a time. Write times in 24-hour form, 00:00 to 23:59.',
  'twelve-hour': '"{0}" is a 12-hour time. Write times in 24-hour form.',
  'bad-offset': '"{0}" is not a time zone offset. Write it like +01:00, -05:00 or Z, or leave it out for this computer\'s time zone ({1}).',
  future: 'The time {0} is in the future. Check the date and time.',
  'too-early': 'The date {0} is before {1}. Check the year.',
  nothing: 'There is nothing to record after the time.',
  'mood-range': '"{0}" is outside 1–10. Mood is a whole number from 1 to 10.',
  'mood-missing': '"{0}" needs a number from 1 to 10 after it.',
  'mood-twice': 'The line has two moods. A second mood is a second check-in: write it on its own line.',
  'dose-amount': '"{0}" is not a dose. Write a number of {1}, e.g. 10 or 7.5.',
  'dose-unit': '"{0}": doses are recorded in {1}.',
  'dose-twice': 'The line has two doses. Write each intake on its own line, with its own time.',
  'severity-range': '"{0}" is outside 0–3. Severity is 0 (none), 1 (mild), 2 (moderate) or 3 (severe).',
  'severity-missing': '"{0}" needs a severity after it: 0 (none), 1 (mild), 2 (moderate) or 3 (severe).',
  'symptom-twice': '"{0}" is a symptom already on the line.',
  'needs-mood': 'Symptoms and tags are recorded with a check-in, and this line has no mood.',
  'empty-tag': '"#" needs a word after it.',
  'tag-long': 'The tag "{0}" is longer than {1} characters.',
  'note-twice': 'The line has two notes. Write one "note:" per line.',
  'event-twice': 'The line has two life events. Write each event on its own line.',
  'empty-text': '"{0}" needs text after it.',
  'text-long': 'The text after "{0}" is longer than {1} characters.',
  'unknown-word': '"{0}" is not something the inbox reads. It reads mood, dose, symptoms (such as {1}), #tags, "note:" and "event:".',
  'repeated-line': 'This line repeats line {0} exactly, so it is read once. If it is a second entry, give it its own time.',
  'skipped-amount': '"dose skipped" does not say how much, and no dose is on record for {0}. Write the amount skipped.'
};

export const PROBLEM_CODES = Object.keys(WHAT) as readonly ProblemCode[];

/** The English template of a problem (for tests and for l10n extraction). */
export function problemTemplate(code: ProblemCode): string {
  return WHAT[code];
}

export interface ProblemInput {
  line: number;
  code: ProblemCode;
  args: (string | number)[];
  /** A line that would be read. */
  example: string;
  text: string;
  marked: boolean;
}

export function makeProblem(p: ProblemInput, t: Translate = englishWords): InboxProblem {
  const what = t(WHAT[p.code], ...p.args);
  return {
    line: p.line,
    code: p.code,
    what,
    example: p.example,
    message: t('Line {0}: {1} Write it like: {2}', p.line, what, p.example),
    text: p.text,
    marked: p.marked
  };
}
