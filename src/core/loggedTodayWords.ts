// "Already logged today: 10 mg at 08:36 and 5 mg at 14:02": what the dose step (palette and
// entry form) says once today's dose is logged. The caller's translate function does the l10n
// (vscode.l10n.t on the host, the page's own t in the webview).
import type { LoggedIntake } from './doseOffer';
import { formatMg } from './entries';
import type { Translate } from './safety';

/** Intakes named one by one; past this many, the first few and how many more. */
const LISTED = 3;

function intakeText(d: LoggedIntake, unit: string, t: Translate): string {
  if (d.status === 'skipped') return t('skipped at {0}', d.time);
  if (d.status === 'changed') return t('changed to {0} {1} at {2}', formatMg(d.mg), unit, d.time);
  return t('{0} {1} at {2}', formatMg(d.mg), unit, d.time);
}

/** "a", "a and b", "a, b and c"; past LISTED: "a, b and 3 more". */
export function intakeList(logged: readonly LoggedIntake[], unit: string, t: Translate): string {
  const all = logged.map((d) => intakeText(d, unit, t));
  if (all.length > LISTED) {
    const rest = all.length - (LISTED - 1);
    const head = all.slice(0, LISTED - 1).reduce((a, b) => t('{0}, {1}', a, b));
    return t('{0} and {1} more', head, rest);
  }
  if (all.length <= 1) return all[0] ?? '';
  return t('{0} and {1}', all.slice(0, -1).reduce((a, b) => t('{0}, {1}', a, b)), all[all.length - 1]);
}

export function loggedTodayText(logged: readonly LoggedIntake[], unit: string, t: Translate): string {
  return t('Already logged today: {0}', intakeList(logged, unit, t));
}
