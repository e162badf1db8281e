// Page 2 onward of the summary: everything page 1 leaves out or caps, in full. Questions beyond
// three, the dose timeline against the plan, every dose step, the days after each change in words,
// every symptom's onset, adherence, mood by dose and by week, life events (numbered as Figure A
// marks them), every check-up, the notes the user picked, and the daily table.
import { courseText, windowEndText, type PageSelection } from '../figures/afterChange';
import { dayDoseText } from '../stats/doseDays';
import type { SegmentState } from '../stats/doses';
import { formatMg } from '../entries';
import { symptomName } from '../symptoms';
import type { Summary } from './summary';
import { CHECKUP_HEAD, checkupRow, item9Lines, PAGE1, STEP_HEAD, STEP_WIDTHS, stepRows, type Block } from './tables';
import { changeWith, days, mgText, one, onsetText, plural, t, windowText } from './words';
import { addDays, type LocalDate } from '../time';

const DATES_SHOWN = 6;

function dateList(dates: readonly LocalDate[]): string {
  const shown = dates.slice(0, DATES_SHOWN).join(', ');
  return dates.length > DATES_SHOWN ? t('{0} and {1} more', shown, dates.length - DATES_SHOWN) : shown;
}

/** `history`: the medication history as recalled, placed after the questions (summaryHistory.ts). */
export function appendixBlocks(s: Summary, pick: PageSelection, history: readonly Block[] = [], stepsOnPage1: number = PAGE1.steps): Block[] {
  const unit = s.medication.unit;
  const mg = (x: number | null, none: string) => mgText(x, unit, none);
  const chg = changeWith(unit);
  const out: Block[] = [];
  const q = s.questions;
  if (q && (q.questions.length > PAGE1.questions || q.questions.some((x) => x.length > PAGE1.questionChars))) {
    out.push({ kind: 'h2', text: t('Questions for this visit, in full') }, { kind: 'list', ordered: true, items: q.questions });
  }
  out.push(...history);
  out.push({ kind: 'h2', text: t('Dose: plan and logged') }, ...doseBlocks(s, mg, chg));
  if (s.steps.length > stepsOnPage1) out.push({ kind: 'h2', text: t('Each dose step, all steps') }, { kind: 'table', head: STEP_HEAD(), rows: stepRows(s), widths: STEP_WIDTHS });
  out.push({ kind: 'h2', text: t('Symptoms and mood after each dose change') }, ...afterChangeBlocks(s, chg, pick));
  out.push(
    { kind: 'h2', text: t('Symptoms: when each was first logged') },
    s.symptoms.length ? { kind: 'list', items: s.symptoms.map((o) => onsetText(o, chg)) } : { kind: 'p', text: t('No symptoms logged in this range.') },
    ...(s.symptoms.length
      ? [{ kind: 'muted' as const, text: t('A dose change is named only when it was logged in the 28 days before. Logged again after 7 or more days without it: described apart.') }]
      : [])
  );
  out.push({ kind: 'h2', text: t('Logged dose compared with the plan') }, { kind: 'list', items: planItems(s, mg) });
  out.push({ kind: 'h2', text: t('Mood by dose level') }, ...moodByDoseBlocks(s, mg));
  out.push({ kind: 'h2', text: t('Mood by week') }, ...weeklyBlocks(s));
  out.push(
    { kind: 'h2', text: t('Life events') },
    s.lifeEvents.length ? { kind: 'list', items: s.lifeEvents.map((e, i) => `E${i + 1} ${e.date}: ${e.title}${e.note ? ` (${e.note})` : ''}`) } : { kind: 'p', text: t('No life events logged in this range.') }
  );
  if (s.questionnaires.length) {
    out.push({ kind: 'h2', text: t('Questionnaires, every one in range') }, { kind: 'table', head: CHECKUP_HEAD(), rows: s.questionnaires.map(checkupRow), widths: [62, 70, 50, 90, 70] });
    const lines = item9Lines(s.questionnaires);
    if (lines.length) out.push({ kind: 'list', items: lines });
  }
  if (s.notes.length) out.push({ kind: 'h2', text: t('Notes chosen by the patient') }, { kind: 'list', items: s.notes.map((n) => `${n.date} ${n.time}: ${n.text}`) });
  out.push(
    { kind: 'h2', text: t('Daily table') },
    dailyTable(s),
    {
      kind: 'muted',
      text: t('Mood: mean of the day’s check-ins (lowest–highest, n check-ins). Dose: the sum of the doses taken that day (each dose in brackets when there were several); "skipped" when only a skipped dose was logged; "not logged" when nothing was. Symptoms: highest severity logged that day (1 mild, 2 moderate, 3 severe).')
    }
  );
  return out;
}

function loggedCell(state: SegmentState, unit: string): string {
  switch (state.kind) {
    case 'taken':
      return t('{0} {1}', formatMg(state.mg), unit);
    case 'other':
      return dayDoseText(state.day, unit, formatMg);
    case 'skipped':
      return t('skipped');
    case 'not-logged':
      return t('not logged');
    case 'before-first':
      return t('none logged yet');
  }
}

function doseBlocks(s: Summary, mg: (x: number | null, none: string) => string, chg: (c: { fromMg: number; toMg: number }) => string): Block[] {
  const unit = s.medication.unit;
  const rows = s.dose.segments.map((g) => [g.from === g.to ? g.from : t('{0} to {1}', g.from, g.to), String(g.days), loggedCell(g.state, unit), mg(g.level, '–'), mg(g.planned, t('no plan'))]);
  const changes = s.dose.changes.map((c) => `${c.date}: ${chg(c)}${c.recorded ? ` ${t('(recorded as a change)')}` : ''}`);
  return [
    { kind: 'table', head: [t('Dates'), t('Days'), t('Logged'), t('Step'), t('Plan')], rows, widths: [120, 36, 90, 60, 60] },
    {
      kind: 'muted',
      text: t('Logged: the sum of the doses taken each day, "skipped" or "not logged". Step: the dose in force, which changes where a change was recorded, or where a new daily dose was logged on two days in a row; one day at another dose is not a change. Plan: the taper step in force, as recorded.')
    },
    { kind: 'p', text: changes.length ? t('Logged changes: {0}.', changes.join('; ')) : t('No change of logged dose in this range.') }
  ];
}

function afterChangeBlocks(s: Summary, chg: (c: { fromMg: number; toMg: number }) => string, pick: PageSelection): Block[] {
  if (!s.afterChanges.length) return [{ kind: 'p', text: t('No dose change logged in this range.') }];
  const out: Block[] = [];
  if (pick.hiddenChanges || pick.hiddenRows) out.push({ kind: 'muted', text: t('Page 1 shows the latest changes and, for each, the symptoms logged on the most days. Every one is listed here.') });
  for (const w of s.afterChanges) {
    const late = w.late ? ` ${t('From day 15 to the next change or the end of the range: median {0}.', windowText(w.late))}` : '';
    const missed = [
      w.skippedDays.length ? t('Only a skipped dose logged on day {0}.', w.skippedDays.join(', ')) : '',
      w.notLoggedDays.length ? t('No dose logged on day {0}.', w.notLoggedDays.join(', ')) : ''
    ].filter(Boolean);
    const items = [
      `${t('Mood on days 0–{0}: median {1}.', w.earlyLastDay, windowText(w.early))}${late}`,
      ...w.symptoms.map((c) => `${t('{0}: {1}; logged on {2}', symptomName(c.key, c.label, t), courseText(c), days(c.daysLogged))}${c.loggedBefore ? `; ${t('also logged in the 7 days before the change')}` : ''}.`),
      missed.length ? missed.join(' ') : t('A dose was taken on each of these days.')
    ];
    if (!w.symptoms.length) items.splice(1, 0, t('No symptom logged on {0}.', windowEndText(w)));
    out.push({ kind: 'p', text: `${w.change.date}: ${chg(w.change)} (${windowEndText(w)})` }, { kind: 'list', items });
  }
  return out;
}

function planItems(s: Summary, mg: (x: number | null, none: string) => string): string[] {
  const a = s.adherence;
  const diffs = (above: boolean) =>
    a.differences.filter((d) => d.loggedMg > d.plannedMg === above).map((d) => t('{0}: logged {1}, plan {2}', d.date, mg(d.loggedMg, ''), mg(d.plannedMg, '')));
  const withDates = (label: string, n: number, dates: string[]) => `${label}: ${days(n)}${n ? ` (${dateList(dates)})` : ''}.`;
  const items = [
    plural(a.planDays, t('At plan: {0} of {1} day with a plan.', a.atPlan, a.planDays), t('At plan: {0} of {1} days with a plan.', a.atPlan, a.planDays)),
    withDates(t('Above plan'), a.abovePlan, diffs(true)),
    withDates(t('Below plan'), a.belowPlan, diffs(false))
  ];
  if (a.loggedNoPlan) items.push(t('Logged with no plan in force: {0}.', days(a.loggedNoPlan)));
  items.push(withDates(t('Only a skipped dose logged'), a.skipped, a.skippedDates), withDates(t('No dose logged'), a.notLogged, a.notLoggedDates));
  const unit = s.medication.unit;
  const other = s.daily.filter((d) => d.dose.deviation);
  if (other.length) {
    const text = (above: boolean) => other.filter((d) => d.dose.total! > d.dose.level! === above).map((d) => t('{0}: {1}, step {2}', d.date, dayDoseText(d.dose, unit, formatMg), mg(d.dose.level, '')));
    items.push(withDates(t('A different dose for one day, above the step'), a.aboveStep, text(true)), withDates(t('A different dose for one day, below the step'), a.belowStep, text(false)));
  }
  return items;
}

function moodByDoseBlocks(s: Summary, mg: (x: number | null, none: string) => string): Block[] {
  if (!s.moodByDose.length) return [{ kind: 'p', text: t('No days with both a check-in and a dose taken in this range.') }, ...(moodLeftOutText(s) ? [{ kind: 'muted' as const, text: moodLeftOutText(s) }] : [])];
  const rows = s.moodByDose.map((d) => [
    mg(d.mg, ''),
    t('{0} (n = {1})', one(d.mean), days(d.days)),
    d.sd === null ? t('not computed (n < 2)') : one(d.sd),
    t('{0} (n = {1})', d.min === d.max ? d.min : `${d.min}–${d.max}`, plural(d.checkIns, t('{0} check-in', d.checkIns), t('{0} check-ins', d.checkIns)))
  ]);
  const out: Block[] = [
    { kind: 'table', head: [t('Dose'), t('Mean mood'), t('SD'), t('Range')], rows, widths: [50, 90, 70, 110] },
    { kind: 'muted', text: t('Mean and SD of the daily mean mood; range of single check-ins. A day counts at a dose when a dose was taken that day at the step in force.') }
  ];
  const left = moodLeftOutText(s);
  if (left) out.push({ kind: 'muted', text: left });
  return out;
}

/** "n = 29 days; 6 more days with a check-in and no dose logged, 1 at another dose for one day." */
export function moodLeftOutText(s: Summary): string {
  const n = s.moodByDose.reduce((a, d) => a + d.days, 0);
  const l = s.moodDaysLeftOut;
  const more = [
    l.noDose ? plural(l.noDose, t('{0} more day with a check-in and no dose taken (skipped or not logged)', l.noDose), t('{0} more days with a check-in and no dose taken (skipped or not logged)', l.noDose)) : '',
    l.otherDose ? plural(l.otherDose, t('{0} more day at another dose for one day', l.otherDose), t('{0} more days at another dose for one day', l.otherDose)) : '',
    l.beforeFirstDose ? plural(l.beforeFirstDose, t('{0} more day before the first dose was logged', l.beforeFirstDose), t('{0} more days before the first dose was logged', l.beforeFirstDose)) : ''
  ].filter(Boolean);
  return more.length ? t('n = {0}; not counted: {1}.', days(n), more.join('; ')) : '';
}

function weeklyBlocks(s: Summary): Block[] {
  const rows = s.weekly.map((w) => {
    const from = w.start < s.range.from ? s.range.from : w.start;
    const end = addDays(w.start, 6);
    const to = end > s.range.to ? s.range.to : end;
    return [w.week, t('{0} to {1}', from, to), w.mean === null ? t('no check-ins (n = 0 days)') : t('{0} (n = {1})', one(w.mean), days(w.days))];
  });
  return [{ kind: 'table', head: [t('Week'), t('Dates'), t('Mean mood')], rows, widths: [60, 140, 120] }];
}

function doseCell(d: Summary['daily'][number], unit: string): string {
  if (d.dose.kind === 'taken') return `${dayDoseText(d.dose, unit, formatMg)}${d.dose.skippedToo ? `, ${t('one skipped')}` : ''}`;
  if (d.dose.kind === 'skipped') return t('skipped');
  return d.dose.level === null ? '–' : t('not logged');
}

function dailyTable(s: Summary): Block {
  const rows = s.daily.map((d) => [
    d.date,
    d.mean === null ? '–' : `${one(d.mean)} (${d.min === d.max ? d.min : `${d.min}–${d.max}`}, n = ${d.n})`,
    doseCell(d, s.medication.unit),
    d.symptoms.map((x) => `${symptomName(x.key, x.label, t)} ${x.severity}`).join(', ') || '–'
  ]);
  return { kind: 'table', head: [t('Date'), t('Mood'), t('Dose'), t('Symptoms (severity)')], rows, widths: [62, 90, 80, 290] };
}
