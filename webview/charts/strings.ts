// The charts' one dependency on the outside: how to localise their words. In its own module so
// charts.ts and its parts can all name it without importing each other in a loop.

/** Localisation: t('Mood'), t('{0} mg', 10). The panel passes @vscode/l10n's t. */
export interface ChartStrings {
  t(message: string, ...args: (string | number)[]): string;
}
