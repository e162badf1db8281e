// Entry of the charts page (chartsPage.ts bundles it for the browser): mounts the charts module
// alone, with English strings, and records CSP violations.
import { MoodDoseCharts } from '../../webview/sidebar/moodDoseCharts';
import type { ChartStrings } from '../../webview/charts/strings';
import { plural } from '../../src/core/plural';

/** Like @vscode/l10n's t with no bundle: fills {0}, {1}… in the English message. */
const strings: ChartStrings = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] === undefined ? whole : String(args[+i]))),
  plural: (count, forms) => plural(count, forms)
};

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI}`));

const app = document.getElementById('app')!;
window.mdc = {
  charts: new MoodDoseCharts(app, strings),
  create: () => new MoodDoseCharts(app, strings),
  violations
};
