// The summary's medication history as recalled: a one-line pointer on page 1 and a short section in
// the appendix with every period, its dose, context and recalled mood, and where periods overlap
// each other or the logged doses. Always "as recalled by the patient"; never counted in a figure.
import { formatMg } from '../entries';
import { fitText, textWidth } from '../figures/display';
import { sameMedication } from '../figures/recalledInset';
import { PAGE1_BOX } from './page1Fit';
import { periodDates } from '../recalled';
import type { RecalledPeriod } from '../schemas';
import type { Summary } from './summary';
import type { Block } from './tables';
import { firstDayOf, lastDayOf } from '../time';
import { days, plural, t } from './words';

export const HISTORY_HEADING = (): string => t('Medication history (as recalled)');

const dose = (p: RecalledPeriod, unit: string) => t('{0} {1}', formatMg(p.mg), unit);
/** Another medication than the one logged is always named, so its mg is never read as this one's. */
const named = (p: RecalledPeriod, s: Summary) => (sameMedication(p.medication, s.medication.name) ? dose(p, s.medication.unit) : `${p.medication} ${dose(p, s.medication.unit)}`);

/** A recalled mood's certainty ("roughly", "clearly") in the summary's words. */
function certaintyWord(c: string): string {
  const words: Record<string, string> = { roughly: t('roughly'), clearly: t('clearly') };
  return words[c] ?? c;
}

/** Page 1's one line: the periods in short if they fit on one line, else how many and when. */
export function historyPointer(s: Summary): Block[] {
  if (!s.recalled.length) return [];
  const periods = s.recalled.map((r) => r.period);
  const listed = t('Before the journal, as recalled by the patient: {0} (in the appendix).', periods.map((p) => `${named(p, s)} ${periodDates(p, t)}`).join('; '));
  if (textWidth(listed, 9) <= PAGE1_BOX.width) return [{ kind: 'muted', text: listed }];
  const from = periods.reduce((a, p) => (firstDayOf(p.startDate) < firstDayOf(a.startDate) ? p : a)).startDate;
  const to = periods.reduce((a, p) => (lastDayOf(p.endDate) > lastDayOf(a.endDate) ? p : a)).endDate;
  return [{ kind: 'muted', text: fitText(t('Before the journal, as recalled by the patient: {0}, {1} to {2} (medication history in the appendix).', plural(periods.length, t('{0} period', periods.length), t('{0} periods', periods.length)), from, to), PAGE1_BOX.width, 9) }];
}

/** The appendix section: every period in a table, then each overlap in words. */
export function historyBlocks(s: Summary): Block[] {
  if (!s.recalled.length) return [];
  const unit = s.medication.unit;
  const rows = s.recalled.map(({ period: p }) => [
    periodDates(p, t),
    `${p.medication} ${dose(p, unit)}`,
    p.mood === null ? t('not recalled') : t('{0} of 10, {1}', p.mood, certaintyWord(p.certainty ?? 'roughly')),
    p.context || '–'
  ]);
  const overlaps = s.recalled.flatMap(({ period: p, overlaps: list }) =>
    list.flatMap((o) => {
      const name = `${periodDates(p, t)} (${dose(p, unit)})`;
      if (o.kind === 'logged') return [t('{0} overlaps the doses logged from {1} to {2} ({3} with a dose); only the logged doses are counted.', name, o.from, o.to, days(o.days))];
      // Each pair once: from the earlier period.
      return s.recalled.findIndex((r) => r.period.id === o.other.id) > s.recalled.findIndex((r) => r.period.id === p.id)
        ? [t('{0} overlaps {1} ({2}) from {3} to {4}; both as recalled.', name, periodDates(o.other, t), dose(o.other, unit), o.from, o.to)]
        : [];
    })
  );
  return [
    { kind: 'h2', text: HISTORY_HEADING() },
    {
      kind: 'muted',
      text: t('As recalled by the patient, not logged at the time; dates to the month or the day, as remembered. Not counted in any figure, table or statistic of this summary. Figure A shows the periods before the range hatched, apart from the logged data.')
    },
    { kind: 'table', head: [t('Dates'), t('Medication and dose'), t('Mood then, as recalled'), t('Context')], rows, widths: [80, 110, 100, 230] },
    ...(overlaps.length ? [{ kind: 'list' as const, items: overlaps }] : [])
  ];
}
