// Page 2 onward of the summary: everything page 1 leaves out or caps, in full. Questions beyond
// three, the dose timeline against the plan, every dose step, the days after each change in words,
// every symptom's onset, adherence, mood by dose and by week, life events (numbered as Figure A
// marks them), every check-up, the notes the user picked, and the daily table.
import { courseText, windowEndText, type PageSelection } from '../figures/afterChange';
import { dayDoseText } from '../stats/doseDays';
import type { SegmentState } from '../stats/doses';
import { formatMg } from '../entries';
import type { Summary } from './summary';
import { CHECKUP_HEAD, checkupRow, item9Lines, PAGE1, STEP_HEAD, STEP_WIDTHS, stepRows, type Block } from './tables';
import { changeWith, mgText, one, onsetText, plural, windowText } from './words';
import { addDays, type LocalDate } from '../time';

const DATES_SHOWN = 6;

function dateList(dates: readonly LocalDate[]): string {
  const shown = dates.slice(0, DATES_SHOWN).join(', ');
  return dates.length > DATES_SHOWN ? `${shown} and ${dates.length - DATES_SHOWN} more` : shown;
}

/** `history`: the medication history as recalled, placed after the questions (summaryHistory.ts). */
export function appendixBlocks(s: Summary, pick: PageSelection, history: readonly Block[] = [], stepsOnPage1: number = PAGE1.steps): Block[] {
  const unit = s.medication.unit;
  const mg = (x: number | null, none: string) => mgText(x, unit, none);
  const chg = changeWith(unit);
  const out: Block[] = [];
  const q = s.questions;
  if (q && (q.questions.length > PAGE1.questions || q.questions.some((x) => x.length > PAGE1.questionChars))) {
    out.push({ kind: 'h2', text: 'Questions for this visit, in full' }, { kind: 'list', ordered: true, items: q.questions });
  }
  out.push(...history);
  out.push({ kind: 'h2', text: 'Dose: plan and logged' }, ...doseBlocks(s, mg, chg));
  if (s.steps.length > stepsOnPage1) out.push({ kind: 'h2', text: 'Each dose step, all steps' }, { kind: 'table', head: STEP_HEAD, rows: stepRows(s), widths: STEP_WIDTHS });
  out.push({ kind: 'h2', text: 'Symptoms and mood after each dose change' }, ...afterChangeBlocks(s, chg, pick));
  out.push(
    { kind: 'h2', text: 'Symptoms: when each was first logged' },
    s.symptoms.length ? { kind: 'list', items: s.symptoms.map((o) => onsetText(o, chg)) } : { kind: 'p', text: 'No symptoms logged in this range.' },
    ...(s.symptoms.length
      ? [{ kind: 'muted' as const, text: 'A dose change is named only when it was logged in the 28 days before. Logged again after 7 or more days without it: described apart.' }]
      : [])
  );
  out.push({ kind: 'h2', text: 'Logged dose compared with the plan' }, { kind: 'list', items: planItems(s, mg) });
  out.push({ kind: 'h2', text: 'Mood by dose level' }, ...moodByDoseBlocks(s, mg));
  out.push({ kind: 'h2', text: 'Mood by week' }, ...weeklyBlocks(s));
  out.push(
    { kind: 'h2', text: 'Life events' },
    s.lifeEvents.length ? { kind: 'list', items: s.lifeEvents.map((e, i) => `E${i + 1} ${e.date}: ${e.title}${e.note ? ` (${e.note})` : ''}`) } : { kind: 'p', text: 'No life events logged in this range.' }
  );
  if (s.questionnaires.length) {
    out.push({ kind: 'h2', text: 'Questionnaires, every one in range' }, { kind: 'table', head: CHECKUP_HEAD, rows: s.questionnaires.map(checkupRow), widths: [62, 70, 50, 90, 70] });
    const lines = item9Lines(s.questionnaires);
    if (lines.length) out.push({ kind: 'list', items: lines });
  }
  if (s.notes.length) out.push({ kind: 'h2', text: 'Notes chosen by the patient' }, { kind: 'list', items: s.notes.map((n) => `${n.date} ${n.time}: ${n.text}`) });
  out.push(
    { kind: 'h2', text: 'Daily table' },
    dailyTable(s),
    {
      kind: 'muted',
      text: 'Mood: mean of the day’s check-ins (lowest–highest, n check-ins). Dose: the sum of the doses taken that day (each dose in brackets when there were several); "skipped" when only a skipped dose was logged; "not logged" when nothing was. Symptoms: highest severity logged that day (1 mild, 2 moderate, 3 severe).'
    }
  );
  return out;
}

function loggedCell(state: SegmentState, unit: string): string {
  switch (state.kind) {
    case 'taken':
      return `${formatMg(state.mg)} ${unit}`;
    case 'other':
      return dayDoseText(state.day, unit, formatMg);
    case 'skipped':
      return 'skipped';
    case 'not-logged':
      return 'not logged';
    case 'before-first':
      return 'none logged yet';
  }
}

function doseBlocks(s: Summary, mg: (x: number | null, none: string) => string, chg: (c: { fromMg: number; toMg: number }) => string): Block[] {
  const unit = s.medication.unit;
  const rows = s.dose.segments.map((g) => [g.from === g.to ? g.from : `${g.from} to ${g.to}`, String(g.days), loggedCell(g.state, unit), mg(g.level, '–'), mg(g.planned, 'no plan')]);
  const changes = s.dose.changes.map((c) => `${c.date}: ${chg(c)}${c.recorded ? ' (recorded as a change)' : ''}`);
  return [
    { kind: 'table', head: ['Dates', 'Days', 'Logged', 'Step', 'Plan'], rows, widths: [120, 36, 90, 60, 60] },
    {
      kind: 'muted',
      text: 'Logged: the sum of the doses taken each day, "skipped" or "not logged". Step: the dose in force, which changes where a change was recorded, or where a new daily dose was logged on two days in a row; one day at another dose is not a change. Plan: the taper step in force, as recorded.'
    },
    { kind: 'p', text: changes.length ? `Logged changes: ${changes.join('; ')}.` : 'No change of logged dose in this range.' }
  ];
}

function afterChangeBlocks(s: Summary, chg: (c: { fromMg: number; toMg: number }) => string, pick: PageSelection): Block[] {
  if (!s.afterChanges.length) return [{ kind: 'p', text: 'No dose change logged in this range.' }];
  const out: Block[] = [];
  if (pick.hiddenChanges || pick.hiddenRows) out.push({ kind: 'muted', text: 'Page 1 shows the latest changes and, for each, the symptoms logged on the most days. Every one is listed here.' });
  for (const w of s.afterChanges) {
    const late = w.late ? ` From day 15 to the next change or the end of the range: median ${windowText(w.late)}.` : '';
    const missed = [
      w.skippedDays.length ? `Only a skipped dose logged on day ${w.skippedDays.join(', ')}.` : '',
      w.notLoggedDays.length ? `No dose logged on day ${w.notLoggedDays.join(', ')}.` : ''
    ].filter(Boolean);
    const items = [
      `Mood on days 0–${w.earlyLastDay}: median ${windowText(w.early)}.${late}`,
      ...w.symptoms.map((c) => `${c.label}: ${courseText(c)}; logged on ${plural(c.daysLogged, 'day')}${c.loggedBefore ? '; also logged in the 7 days before the change' : ''}.`),
      missed.length ? missed.join(' ') : 'A dose was taken on each of these days.'
    ];
    if (!w.symptoms.length) items.splice(1, 0, `No symptom logged on ${windowEndText(w)}.`);
    out.push({ kind: 'p', text: `${w.change.date}: ${chg(w.change)} (${windowEndText(w)})` }, { kind: 'list', items });
  }
  return out;
}

function planItems(s: Summary, mg: (x: number | null, none: string) => string): string[] {
  const a = s.adherence;
  const diffs = (above: boolean) =>
    a.differences.filter((d) => d.loggedMg > d.plannedMg === above).map((d) => `${d.date}: logged ${mg(d.loggedMg, '')}, plan ${mg(d.plannedMg, '')}`);
  const withDates = (label: string, n: number, dates: string[]) => `${label}: ${plural(n, 'day')}${n ? ` (${dateList(dates)})` : ''}.`;
  const items = [
    `At plan: ${a.atPlan} of ${plural(a.planDays, 'day')} with a plan.`,
    withDates('Above plan', a.abovePlan, diffs(true)),
    withDates('Below plan', a.belowPlan, diffs(false))
  ];
  if (a.loggedNoPlan) items.push(`Logged with no plan in force: ${plural(a.loggedNoPlan, 'day')}.`);
  items.push(withDates('Only a skipped dose logged', a.skipped, a.skippedDates), withDates('No dose logged', a.notLogged, a.notLoggedDates));
  const unit = s.medication.unit;
  const other = s.daily.filter((d) => d.dose.deviation);
  if (other.length) {
    const text = (above: boolean) => other.filter((d) => d.dose.total! > d.dose.level! === above).map((d) => `${d.date}: ${dayDoseText(d.dose, unit, formatMg)}, step ${mg(d.dose.level, '')}`);
    items.push(withDates('A different dose for one day, above the step', a.aboveStep, text(true)), withDates('A different dose for one day, below the step', a.belowStep, text(false)));
  }
  return items;
}

function moodByDoseBlocks(s: Summary, mg: (x: number | null, none: string) => string): Block[] {
  if (!s.moodByDose.length) return [{ kind: 'p', text: 'No days with both a check-in and a dose taken in this range.' }, ...(moodLeftOutText(s) ? [{ kind: 'muted' as const, text: moodLeftOutText(s) }] : [])];
  const rows = s.moodByDose.map((d) => [
    mg(d.mg, ''),
    `${one(d.mean)} (n = ${plural(d.days, 'day')})`,
    d.sd === null ? 'not computed (n < 2)' : one(d.sd),
    `${d.min === d.max ? d.min : `${d.min}–${d.max}`} (n = ${plural(d.checkIns, 'check-in')})`
  ]);
  const out: Block[] = [
    { kind: 'table', head: ['Dose', 'Mean mood', 'SD', 'Range'], rows, widths: [50, 90, 70, 110] },
    { kind: 'muted', text: 'Mean and SD of the daily mean mood; range of single check-ins. A day counts at a dose when a dose was taken that day at the step in force.' }
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
    l.noDose ? `${plural(l.noDose, 'more day')} with a check-in and no dose taken (skipped or not logged)` : '',
    l.otherDose ? `${plural(l.otherDose, 'more day')} at another dose for one day` : '',
    l.beforeFirstDose ? `${plural(l.beforeFirstDose, 'more day')} before the first dose was logged` : ''
  ].filter(Boolean);
  return more.length ? `n = ${plural(n, 'day')}; not counted: ${more.join('; ')}.` : '';
}

function weeklyBlocks(s: Summary): Block[] {
  const rows = s.weekly.map((w) => {
    const from = w.start < s.range.from ? s.range.from : w.start;
    const end = addDays(w.start, 6);
    const to = end > s.range.to ? s.range.to : end;
    return [w.week, `${from} to ${to}`, w.mean === null ? 'no check-ins (n = 0 days)' : `${one(w.mean)} (n = ${plural(w.days, 'day')})`];
  });
  return [{ kind: 'table', head: ['Week', 'Dates', 'Mean mood'], rows, widths: [60, 140, 120] }];
}

function doseCell(d: Summary['daily'][number], unit: string): string {
  if (d.dose.kind === 'taken') return `${dayDoseText(d.dose, unit, formatMg)}${d.dose.skippedToo ? ', one skipped' : ''}`;
  if (d.dose.kind === 'skipped') return 'skipped';
  return d.dose.level === null ? '–' : 'not logged';
}

function dailyTable(s: Summary): Block {
  const rows = s.daily.map((d) => [
    d.date,
    d.mean === null ? '–' : `${one(d.mean)} (${d.min === d.max ? d.min : `${d.min}–${d.max}`}, n = ${d.n})`,
    doseCell(d, s.medication.unit),
    d.symptoms.map((x) => `${x.label} ${x.severity}`).join(', ') || '–'
  ]);
  return { kind: 'table', head: ['Date', 'Mood', 'Dose', 'Symptoms (severity)'], rows, widths: [62, 90, 80, 290] };
}
