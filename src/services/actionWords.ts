// The words of the journal actions' confirmations ("Saved: mood 7 (Good) · 10 mg taken"), in the
// language the actions' `t` writes in: its plural rules, its dates. Kept apart from the writing.
import { formatMg, type CheckInInput } from '../core/entries';
import { formatDate } from '../core/dates';
import { moodLabel } from '../core/mood';
import { plural } from '../core/plural';
import type { Translate } from '../core/safety';
import type { DoseStatus } from '../core/schemas';
import type { Settings } from './settings';

export class ActionWords {
  constructor(
    private readonly t: Translate,
    private readonly settings: Pick<Settings, 'unit' | 'moodLabels'>,
    private readonly language = 'en'
  ) {}

  /** A date inside a message, in the language of its words. */
  date(d: string): string {
    return formatDate(d, this.language);
  }

  /** A check-in's mood, its label, and " · dose" and " · symptoms" (or empty), for a confirmation. */
  checkIn(input: CheckInInput): [number, string, string, string] {
    const { t, settings } = this;
    const dose = input.dose ? ` · ${formatMg(input.dose.mg)} ${settings.unit()} ${this.status(input.dose.status)}` : '';
    const count = input.symptoms?.length ?? 0;
    const symptoms = count ? ` · ${plural(count, { one: t('{0} symptom', count), other: t('{0} symptoms', count) }, this.language)}` : '';
    return [input.mood, moodLabel(input.mood, settings.moodLabels()), dose, symptoms];
  }

  status(status: DoseStatus): string {
    if (status === 'skipped') return this.t('skipped');
    if (status === 'changed') return this.t('(changed)');
    return this.t('taken');
  }
}
