// The tablet supply in words, for the status bar's tooltip and the palette's confirmations: an
// estimate and the dose it assumes, or the count on hand. Never anything about the dose itself.
import * as vscode from 'vscode';
import { formatMg } from '../core/entries';
import type { SupplyStatus } from '../core/supply';
import { formatTablets } from '../core/tablets';
import { plural } from './plural';

/** "about 24 days left at the current dose (10 mg)", or what can be said instead; undefined before any refill or count. */
export function supplyText(s: SupplyStatus): string | undefined {
  if (s.onHand === null) return undefined;
  if (s.belowZero) return vscode.l10n.t('the tablet count is {0} below zero; count your tablets to correct it', formatTablets(-s.onHand));
  if (s.daysLeft === null || !s.dose) return plural(s.onHand, { one: vscode.l10n.t('{0} tablet on hand', formatTablets(s.onHand)), other: vscode.l10n.t('{0} tablets on hand', formatTablets(s.onHand)) });
  const [days, mg] = [s.daysLeft, formatMg(s.dose.mg)];
  return plural(days, { one: vscode.l10n.t('about {0} day left at the current dose ({1} {2})', days, mg, s.unit), other: vscode.l10n.t('about {0} days left at the current dose ({1} {2})', days, mg, s.unit) });
}

/** The same, naming the medication: "Escitalopram: about 24 days left at the current dose (10 mg)". */
export function supplyLine(s: SupplyStatus): string | undefined {
  const text = supplyText(s);
  return text === undefined ? undefined : vscode.l10n.t('{0}: {1}.', s.name, text);
}

/** The status bar's mention at or below `remindDays`: "about 9 days of tablets left". */
export function supplyMention(s: SupplyStatus, remindDays: number, named: boolean): string | undefined {
  if (s.daysLeft === null || s.daysLeft > remindDays) return undefined;
  const words = plural(s.daysLeft, { one: vscode.l10n.t('about {0} day of tablets left', s.daysLeft), other: vscode.l10n.t('about {0} days of tablets left', s.daysLeft) });
  return named ? `${s.name}: ${words}` : words;
}
