// Plural forms chosen by the language's own rules (Intl.PluralRules): English says "1 day" and
// "0 days", other languages have other categories. Each form is a whole message, already
// translated, so a translator sees "{0} day…" and "{0} days…" as separate strings.

export interface PluralForms {
  one: string;
  other: string;
  zero?: string;
  two?: string;
  few?: string;
  many?: string;
}

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) {
    try {
      r = new Intl.PluralRules(locale);
    } catch {
      r = new Intl.PluralRules('en'); // a malformed language tag
    }
    rules.set(locale, r);
  }
  return r;
}

/** The form for `count` in `locale` (English unless given); a category without its own form takes "other". */
export function plural(count: number, forms: PluralForms, locale = 'en'): string {
  return forms[rulesFor(locale).select(count) as keyof PluralForms] ?? forms.other;
}
