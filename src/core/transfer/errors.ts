// The one error an import raises for a file it refuses: it names the file and line, and the reason
// says what to do. Its own module so the readers (CSV, JSON, Daylio) share it without a circle.
// Core is pure, so a reason is kept as words to say in any language: the host says them in its
// display language (ImportError.describe), and `message`/`reason` are the English.
import { setNumberLocale } from '../entries';
import { IMPORT_MAX_ROWS } from '../limits';
import { plural } from '../plural';
import type { Translate } from '../safety';
import { ENGLISH, type SummaryLanguage } from '../translator';

/** A reason in the language of `t` and `locale` (plural rules, digit grouping); fixed() follows it too. */
export type Words = (t: Translate, locale: string) => string;

/** `words` said in `lang`, numbers (fixed(), formatMg()) included. */
export function say(words: Words, lang: SummaryLanguage = ENGLISH): string {
  const before = setNumberLocale(lang.locale);
  try {
    return words(lang.t, lang.locale);
  } finally {
    setNumberLocale(before);
  }
}

export type Where = { file?: string; line?: number; table?: string; rowId?: string };

export class ImportError extends Error {
  /** The reason without where: words, or text already in the user's language. */
  readonly words: Words;

  constructor(
    reason: string | Words,
    readonly where: Where = {}
  ) {
    const words: Words = typeof reason === 'string' ? () => reason : reason;
    super(say(located(words, where)));
    this.words = words;
    this.name = 'ImportError';
  }

  /** The reason, in English. */
  get reason(): string {
    return say(this.words);
  }

  /** "file, line 3: reason" in `lang`, for the user. */
  describe(lang: SummaryLanguage = ENGLISH): string {
    return say(located(this.words, this.where), lang);
  }
}

/** The reason after the file and line it concerns. */
function located(words: Words, { file, line }: Where): Words {
  return (t, locale) => {
    const reason = words(t, locale);
    if (file && line !== undefined) return t('{0}, line {1}: {2}', file, line, reason);
    if (line !== undefined) return t('line {0}: {1}', line, reason);
    return file ? t('{0}: {1}', file, reason) : reason;
  };
}

/** A count with the language's digit grouping ("200,000", "200.000"). */
export const count = (n: number, locale: string): string => n.toLocaleString(locale);

/** Refuses a file with more than IMPORT_MAX_ROWS rows, before any row is checked. */
export function checkRowCount(file: string | undefined, rows: number): void {
  if (rows <= IMPORT_MAX_ROWS) return;
  throw new ImportError((t, locale) => {
    const [n, max] = [count(rows, locale), count(IMPORT_MAX_ROWS, locale)];
    return plural(
      rows,
      {
        one: t('the file holds {0} row; an import takes at most {1} rows per file. Split it into files of at most {1} rows (or export a shorter range of dates), then import them one at a time.', n, max),
        other: t('the file holds {0} rows; an import takes at most {1} rows per file. Split it into files of at most {1} rows (or export a shorter range of dates), then import them one at a time.', n, max)
      },
      locale
    );
  }, { file });
}
