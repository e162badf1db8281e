// Entry of the charts page (chartsPage.ts bundles it for the browser): mounts the charts module
// alone, with English strings, and records CSP violations. inLanguage() mounts them again with a
// bundle's words, dates and numbers, as a page in that language gets them.
import { MoodDoseCharts } from '../../webview/sidebar/moodDoseCharts';
import type { ChartStrings } from '../../webview/charts/strings';
import { formatDate } from '../../src/core/dates';
import { formatMg, setNumberLocale } from '../../src/core/entries';
import { plural } from '../../src/core/plural';

/** Like @vscode/l10n's t: fills {0}, {1}… in the bundle's message (the English one without a bundle). */
function stringsIn(lang: string, bundle: Record<string, string> | null): ChartStrings {
  return {
    t: (message, ...args) =>
      (bundle?.[message] ?? message).replace(/\{(\d+)\}/g, (whole, i: string) => {
        const a = args[+i];
        return a === undefined ? whole : typeof a === 'number' && !Number.isInteger(a) ? formatMg(a) : String(a);
      }),
    plural: (count, forms) => plural(count, forms, lang),
    date: (date, style) => formatDate(date, lang, style)
  };
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI}`));

const app = document.getElementById('app')!;
const english = stringsIn('en', null);
window.mdc = {
  charts: new MoodDoseCharts(app, english),
  create: () => new MoodDoseCharts(app, english),
  inLanguage: (lang, bundle) => {
    window.mdc.charts.dispose();
    document.documentElement.lang = lang;
    setNumberLocale(lang);
    return (window.mdc.charts = new MoodDoseCharts(app, stringsIn(lang, bundle)));
  },
  violations
};
