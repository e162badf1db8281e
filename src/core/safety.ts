// The safety response, as the clinical reference describes it: calm, brief, never blocking, never
// nagging. The resources are data (US defaults, replaceable in settings); the card's wording follows
// safe-messaging norms: "You're not alone", an invitation to reach out, no alarm, no guilt.
import { SUPPORT_CONTACT_MAX, SUPPORT_LINK_MAX, SUPPORT_NAME_MAX } from './limits';
import { msg } from './l10nMark';

export interface CrisisResource {
  name: string;
  /** How to reach it, in words ("Call or text 988"). */
  contact: string;
  /** A tel:, sms: or https: link, or empty. */
  link: string;
}

export const DEFAULT_RESOURCES: readonly CrisisResource[] = [
  { name: msg('988 Suicide & Crisis Lifeline'), contact: msg('Call or text 988'), link: 'tel:988' },
  { name: msg('Veterans Crisis Line'), contact: msg('Dial 988 then press 1, or text 838255'), link: 'sms:838255' },
  { name: msg('In immediate danger'), contact: msg('Call 911'), link: 'tel:911' },
  { name: msg('Outside the US'), contact: msg('Find a helpline at findahelpline.com'), link: 'https://findahelpline.com' }
];

/** A line's words for the reader: a default line translated (in Spanish, 988 says to press 2), the user's own as written. */
export function resourceWords(r: CrisisResource, t: Translate): { name: string; contact: string } {
  const isDefault = DEFAULT_RESOURCES.some((d) => d.name === r.name && d.contact === r.contact && d.link === r.link);
  return isDefault ? { name: t(r.name), contact: t(r.contact) } : { name: r.name, contact: r.contact };
}

/** A translator: vscode.l10n.t in the host, @vscode/l10n's t in the panel, identity in tests. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** The support card's words, in one place so host, panel and tests agree. */
export function supportCopy(t: Translate) {
  return {
    title: t("You're not alone"),
    text: t('If things feel heavy right now, talking to someone can help. These people are there for you, any time of day.'),
    needHelp: t('Need help now?'),
    dismiss: t('Dismiss'),
    notAdvice: t('Mood & Dose Journal records what you enter. It is not medical advice.')
  };
}

/** Words that alarm or pressure; the card and resources text must contain none of them. */
export const ALARMIST_WORDS: readonly string[] = ['emergency!', 'urgent', 'warning', 'danger!', 'alert', 'crisis detected', 'at risk', 'suicidal', 'must', 'immediately!', 'you should', 'failure', 'selfish'];

export type SafetyTrigger = 'phq9-item9' | 'lowest-mood';

/** What calls for the card: PHQ-9 item 9 above 0 (whatever the total), or a mood at the scale minimum. */
export function safetyTrigger(input: { kind: 'checkin'; mood: number; moodMin?: number } | { kind: 'phq9'; answers: readonly number[] }): SafetyTrigger | undefined {
  if (input.kind === 'phq9') return (input.answers[8] ?? 0) > 0 ? 'phq9-item9' : undefined;
  return input.mood <= (input.moodMin ?? 1) ? 'lowest-mood' : undefined;
}

/**
 * Resources from settings: entries that are not {name, contact, link?} objects are dropped (the
 * caller reports them); a link that is not tel:, sms: or https:, or is longer than SUPPORT_LINK_MAX,
 * is left off (never shortened: a cut link would dial or open something else), so the line shows its
 * words without a button. Names and contacts are cut to their limits. An empty or invalid list falls
 * back to the defaults, so help is never blank. The caller limits the count (SUPPORT_LINES_MAX).
 */
export function resourcesFrom(value: unknown): { resources: CrisisResource[]; invalid: number } {
  if (!Array.isArray(value) || value.length === 0) return { resources: [...DEFAULT_RESOURCES], invalid: Array.isArray(value) ? 0 : 1 };
  const resources: CrisisResource[] = [];
  let invalid = 0;
  for (const v of value) {
    const r = v as Partial<CrisisResource>;
    if (r && typeof r.name === 'string' && r.name.trim() && typeof r.contact === 'string' && r.contact.trim()) {
      const link = typeof r.link === 'string' && LINK.test(r.link.trim()) && r.link.trim().length <= SUPPORT_LINK_MAX ? r.link.trim() : '';
      resources.push({ name: r.name.trim().slice(0, SUPPORT_NAME_MAX), contact: r.contact.trim().slice(0, SUPPORT_CONTACT_MAX), link });
    } else invalid++;
  }
  return resources.length ? { resources, invalid } : { resources: [...DEFAULT_RESOURCES], invalid };
}

const LINK = /^(tel:|sms:|https:\/\/)/;

/**
 * What a link leads to, shown beside the label so "Call or text 988" on a link to another number
 * is visible as such: the number for tel: and sms:, the address without https:// for a web link.
 */
export function linkTarget(link: string, t: Translate): string {
  if (!link) return '';
  const rest = link.replace(LINK, '');
  let shown = rest;
  try {
    shown = decodeURIComponent(rest);
  } catch {
    // a malformed escape is shown as written
  }
  // "sms" is a word a reader sees, so it goes through l10n; the number stays as written.
  return link.startsWith('sms:') ? t('sms {0}', shown) : shown;
}
