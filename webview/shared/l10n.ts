// Visible text in the panel goes through t(), fed by the host's l10n bundle for the display language.
import * as l10n from '@vscode/l10n';

export function configureL10n(contents: Record<string, string> | null): void {
  if (contents) l10n.config({ contents });
}

export const t = l10n.t;
