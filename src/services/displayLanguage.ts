// The language the host writes in, and the one a summary is written in. VS Code loads
// l10n/bundle.l10n.<language>.json for its display language; with no bundle for it the words are
// English, so numbers and plural rules are English too, never French decimals around English words.
// The summary can be written in another language than the display one (moodDose.summary.language):
// its bundle is then read from the extension's l10n folder.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { formatDate, type DateStyle } from '../core/dates';
import { setNumberLocale } from '../core/entries';
import type { SummaryLanguage } from '../core/translator';

/** The display language when this extension has words for it, else English. */
export function wordsLanguage(): string {
  return vscode.l10n.bundle ? vscode.env.language : 'en';
}

/** A date inside a host sentence, in the words' language ("Nov 8, 2026", "8 nov 2026"). */
export function dateWords(date: string, style?: DateStyle): string {
  return formatDate(date, wordsLanguage(), style);
}

/** Numbers the host writes ("7,5 mg" in Spanish) follow the display language. Called once from activate(). */
export function useDisplayNumbers(): void {
  setNumberLocale(wordsLanguage());
}

export type SummaryLanguageSetting = 'display' | 'en' | 'es';

/**
 * The language a summary is written in for the setting's choice; undefined for English (the summary's
 * own default). Only a type comes from core/summary: the summary itself loads with dist/summary.js.
 */
export function summaryLanguage(choice: SummaryLanguageSetting, extensionPath: string | undefined): SummaryLanguage | undefined {
  const display = wordsLanguage();
  if (choice === 'display') return display === 'en' ? undefined : { locale: display, t: vscode.l10n.t };
  if (choice === 'en') return undefined;
  if (/^es\b/i.test(display)) return { locale: display, t: vscode.l10n.t };
  try {
    const file = path.join(extensionPath ?? '', 'l10n', `bundle.l10n.${choice}.json`);
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    const t = (message: string, ...args: (string | number)[]) => (bundle[message] ?? message).replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i])));
    return { locale: choice, t };
  } catch {
    return undefined; // no bundle shipped for it: the summary stays readable, in English
  }
}
