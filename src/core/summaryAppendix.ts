// Page 2 onward of the summary: everything page 1 leaves out or caps, in full. Questions beyond
// three, the dose timeline against the plan, every dose step, the days after each change in words,
// every symptom's onset, adherence, mood by dose and by week, life events (numbered as Figure A
// marks them), every check-up, the notes the user picked, and the daily table.
import { courseText, windowEndText, type PageSelection } from './figures/afterChange';
import type { Summary } from './summary';
import { CHECKUP_HEAD, checkupRow, item9Lines, PAGE1, STEP_HEAD, STEP_WIDTHS, stepRows, type Block } from './summaryTables';
import { changeWith, mgText, one, onsetText, plural, windowText } from './summaryWords';
import { addDays, type LocalDate } from './time';

const DATES_SHOWN = 6;

function dateList(dates: readonly LocalDate[]): string {
  const shown = dates.slice(0, DATES_SHOWN).join(', ');
  return dates.length > DATES_SHOWN ? `${shown} and ${dates.length - DATES_SHOWN} more` : shown;
}

/** `history`: the medication history as recalled, placed after the questions (summaryHistory.ts). */
export function appendixBlocks(s: Summary, pick: PageSelection, history: readonly Block[] = []): Block[] {
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
  if (s.steps.length > PAGE1.steps) out.push({ kind: 'h2', text: 'Each dose step, all steps' }, { kind: 'table', head: STEP_HEAD, rows: stepRows(s), widths: STEP_WIDTHS });
  out.push({ kind: 'h2', text: 'Symptoms and mood after each dose change' }, ...afterChangeBlocks(s, chg, pick));
  out.push(
    { kind: 'h2', text: 'Symptoms: first logged, counted from the latest dose change' },
    s.symptoms.length ? { kind: 'list', items: s.symptoms.map((o) => onsetText(o, chg)) } : { kind: 'p', text: 'No symptoms logged in this range.' }
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
  out.push({ kind: 'h2', text: 'Daily table' }, dailyTable(s, mg), { kind: 'muted', text: 'Mood: mean of the day’s check-ins (lowest–highest, n check-ins). Dose: the last dose logged on or before that day. Symptoms: highest severity logged that day (1 mild, 2 moderate, 3 severe).' });
  return out;
}

function doseBlocks(s: Summary, mg: (x: number | null, none: string) => string, chg: (c: { fromMg: number; toMg: number }) => string): Block[] {
  const rows = s.dose.segments.map((g) => [g.from === g.to ? g.from : `${g.from} to ${g.to}`, String(g.days), mg(g.level, 'none logged'), mg(g.planned, 'no plan')]);
  const changes = s.dose.changes.map((c) => `${c.date}: ${chg(c)}`);
  return [
    { kind: 'table', head: ['Dates', 'Days', 'Logged', 'Plan'], rows, widths: [120, 40, 80, 80] },
    { kind: 'muted', text: 'Logged: the last dose logged on or before that day. Plan: the taper step in force, as recorded.' },
    { kind: 'p', text: changes.length ? `Logged changes: ${changes.join('; ')}.` : 'No change of logged dose in this range.' }
  ];
}

function afterChangeBlocks(s: Summary, chg: (c: { fromMg: number; toMg: number }) => string, pick: PageSelection): Block[] {
  if (!s.afterChanges.length) return [{ kind: 'p', text: 'No dose change logged in this range.' }];
  const out: Block[] = [];
  if (pick.hiddenChanges || pick.hiddenRows) out.push({ kind: 'muted', text: 'Page 1 shows the latest changes and, for each, the symptoms logged on the most days. Every one is listed here.' });
  for (const w of s.afterChanges) {
    const items = [
      `Mood on days 0–14: median ${windowText(w.early)}. From day 15 to the next change or the end of the range: median ${windowText(w.late)}.`,
      ...w.symptoms.map((c) => `${c.label}: ${courseText(c)}; logged on ${plural(c.daysLogged, 'day')}${c.loggedBefore ? '; also logged in the 7 days before the change' : ''}.`),
      w.skippedDays.length ? `Dose recorded as skipped on day ${w.skippedDays.join(', ')}.` : 'No dose recorded as skipped in these days.'
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
  items.push(withDates('Dose recorded as skipped', a.skipped, a.skippedDates), withDates('No dose logged', a.notLogged, a.notLoggedDates));
  return items;
}

function moodByDoseBlocks(s: Summary, mg: (x: number | null, none: string) => string): Block[] {
  if (!s.moodByDose.length) return [{ kind: 'p', text: 'No days with both a check-in and a logged dose in this range.' }];
  const rows = s.moodByDose.map((d) => [
    mg(d.mg, ''),
    `${one(d.mean)} (n = ${plural(d.days, 'day')})`,
    d.sd === null ? 'not computed (n < 2)' : one(d.sd),
    `${d.min === d.max ? d.min : `${d.min}–${d.max}`} (n = ${plural(d.checkIns, 'check-in')})`
  ]);
  const out: Block[] = [
    { kind: 'table', head: ['Dose', 'Mean mood', 'SD', 'Range'], rows, widths: [50, 90, 70, 110] },
    { kind: 'muted', text: "Mean and SD of the daily mean mood; range of single check-ins. A day's dose is the last dose logged that day, or the one before when none was logged that day." }
  ];
  const n = s.moodDaysWithoutDose;
  if (n) out.push({ kind: 'muted', text: `${plural(n, 'day')} with a check-in before any dose was logged ${n === 1 ? 'is' : 'are'} not included.` });
  return out;
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

function dailyTable(s: Summary, mg: (x: number | null, none: string) => string): Block {
  const rows = s.daily.map((d) => [
    d.date,
    d.mean === null ? '–' : `${one(d.mean)} (${d.min === d.max ? d.min : `${d.min}–${d.max}`}, n = ${d.n})`,
    `${mg(d.level, '–')}${d.skipped ? ', skipped' : ''}`,
    d.symptoms.map((x) => `${x.label} ${x.severity}`).join(', ') || '–'
  ]);
  return { kind: 'table', head: ['Date', 'Mood', 'Dose', 'Symptoms (severity)'], rows, widths: [62, 90, 70, 300] };
}

