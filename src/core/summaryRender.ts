// The summary as Markdown and as a self-contained HTML page. Both serialise one list of blocks built
// here, so they say the same thing. Wording is neutral: figures and dates, each with its n; no
// verdicts, no advice. All user text is escaped for the output format.
import { formatMg } from './entries';
import { ATTRIBUTION } from './questionnaires';
import { SEVERITY_MAX } from './limits';
import { changeLabel, type DoseChange, type SymptomOnset } from './stats';
import type { Summary } from './summary';
import { addDays, type LocalDate } from './time';

export interface SummaryStrings {
  title: string;
  overview: string;
  dose: string;
  plan: string;
  moodByDose: string;
  weekly: string;
  symptoms: string;
  lifeEvents: string;
  questionnaires: string;
  questions: string;
  notes: string;
  footer: string;
}

export const DEFAULT_STRINGS: SummaryStrings = {
  title: 'Mood and dose summary',
  overview: 'Overview',
  dose: 'Dose: plan and logged',
  plan: 'Logged dose compared with the plan',
  moodByDose: 'Mood by dose level',
  weekly: 'Mood by week',
  symptoms: 'Symptoms',
  lifeEvents: 'Life events',
  questionnaires: 'Questionnaires',
  questions: 'Questions for the appointment',
  notes: 'Notes chosen by the patient',
  footer: 'Patient-recorded data. This is not medical advice.'
};

type Block =
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'muted'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'table'; head: string[]; rows: string[][] };

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const one = (x: number) => x.toFixed(1);
const DATES_SHOWN = 6;

function dateList(dates: readonly LocalDate[]): string {
  const shown = dates.slice(0, DATES_SHOWN).join(', ');
  return dates.length > DATES_SHOWN ? `${shown} and ${dates.length - DATES_SHOWN} more` : shown;
}

function blocks(s: Summary, t: SummaryStrings): Block[] {
  const unit = s.medication.unit;
  const mg = (x: number | null, none: string) => (x === null ? none : `${formatMg(x)} ${unit}`);
  const chg = (c: DoseChange) => changeLabel(c, unit);
  const basis = { 'since-appointment': ' · since the last appointment', 'default-days': ` · the last ${s.range.days} days`, 'since-first-entry': ' · since the first entry', chosen: '' }[s.range.basis];
  const out: Block[] = [
    { kind: 'h1', text: `${t.title}: ${s.medication.name}` },
    { kind: 'muted', text: `${s.range.from} to ${s.range.to} (${plural(s.range.days, 'day')})${basis} · prepared ${s.today}` },
    { kind: 'p', text: 'Mood is self-rated from 1 to 10 (10 = best). Each figure gives the number of days (n) it rests on.' },
    { kind: 'h2', text: t.overview },
    { kind: 'list', items: overview(s, mg, chg) },
    { kind: 'h2', text: t.dose },
    ...doseBlocks(s, mg, chg),
    { kind: 'h2', text: t.plan },
    { kind: 'list', items: planItems(s, mg) },
    { kind: 'h2', text: t.moodByDose },
    ...moodByDoseBlocks(s, mg),
    { kind: 'h2', text: t.weekly },
    ...weeklyBlocks(s),
    { kind: 'h2', text: t.symptoms },
    s.symptoms.length ? { kind: 'list', items: s.symptoms.map((o) => onsetText(o, chg)) } : { kind: 'p', text: 'No symptoms logged in this range.' }
  ];
  if (s.lifeEvents.length) out.push({ kind: 'h2', text: t.lifeEvents }, { kind: 'list', items: s.lifeEvents.map((e) => `${e.date}: ${e.title}${e.note ? ` (${e.note})` : ''}`) });
  if (s.questionnaires.length)
    out.push(
      { kind: 'h2', text: t.questionnaires },
      { kind: 'table', head: ['Date', 'Questionnaire', 'Total', 'Band'], rows: s.questionnaires.map((q) => [q.date, q.name, `${q.total} of ${q.maxTotal}`, q.band]) }
    );
  if (s.questions?.questions.length) {
    const q = s.questions;
    const when = `${q.date}${q.time ? ` ${q.time}` : ''}${q.provider ? ` with ${q.provider}` : ''}`;
    out.push({ kind: 'h2', text: t.questions }, { kind: 'muted', text: q.upcoming ? `For the appointment on ${when}.` : `From the appointment on ${when}.` }, { kind: 'list', ordered: true, items: q.questions });
  }
  if (s.notes.length) out.push({ kind: 'h2', text: t.notes }, { kind: 'list', items: s.notes.map((n) => `${n.date} ${n.time}: ${n.text}`) });
  return out;
}

function overview(s: Summary, mg: (x: number | null, none: string) => string, chg: (c: DoseChange) => string): string[] {
  const c = s.counts;
  const mood = s.mood.mean === null ? 'no check-ins in this range (n = 0 days)' : `mean ${one(s.mood.mean)} (n = ${plural(s.mood.days, 'day')})`;
  const last = s.current.lastChange;
  const since = s.current.lastLogged && s.current.lastLogged < s.range.to ? ` (last logged ${s.current.lastLogged})` : '';
  const change = last ? `; last change ${chg(last)} on ${last.date}, ${plural(s.current.daysSinceChange ?? 0, 'day')} before` : '; no change logged';
  return [
    `Check-ins: ${c.checkIns} on ${c.daysWithCheckIn} of ${plural(s.range.days, 'day')}.`,
    `Mood: ${mood}.`,
    `Dose logged as of ${s.range.to}: ${mg(s.current.mg, 'none logged')}${since}${change}.`,
    `Entries in range: ${plural(c.doses, 'dose')}, ${plural(c.symptomEntries, 'symptom entry', 'symptom entries')}, ${plural(c.lifeEvents, 'life event')}, ${plural(c.questionnaires, 'questionnaire')}.`
  ];
}

function doseBlocks(s: Summary, mg: (x: number | null, none: string) => string, chg: (c: DoseChange) => string): Block[] {
  const rows = s.dose.segments.map((g) => [g.from === g.to ? g.from : `${g.from} to ${g.to}`, String(g.days), mg(g.level, 'none logged'), mg(g.planned, 'no plan')]);
  const changes = s.dose.changes.map((c) => `${c.date}: ${chg(c)}`);
  return [
    { kind: 'table', head: ['Dates', 'Days', 'Logged', 'Plan'], rows },
    { kind: 'muted', text: 'Logged: the last dose logged on or before that day. Plan: the taper step in force, as recorded.' },
    { kind: 'p', text: changes.length ? `Logged changes: ${changes.join('; ')}.` : 'No change of logged dose in this range.' }
  ];
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
    { kind: 'table', head: ['Dose', 'Mean mood', 'SD', 'Range'], rows },
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
  return [{ kind: 'table', head: ['Week', 'Dates', 'Mean mood'], rows }];
}

/** e.g. "Dizziness first logged 3 days after 20 → 15 mg (peak 3/3, logged on 6 days over 9 days), 2026-03-11 to 2026-03-19." */
export function onsetText(o: SymptomOnset, chg: (c: DoseChange) => string): string {
  const when = !o.change
    ? `on ${o.firstDate}, with no dose change logged before it`
    : o.daysAfterChange === 0
      ? `on the day of ${chg(o.change)}`
      : `${plural(o.daysAfterChange ?? 0, 'day')} after ${chg(o.change)}`;
  const dates = o.change ? `, ${o.firstDate === o.lastDate ? o.firstDate : `${o.firstDate} to ${o.lastDate}`}` : o.lastDate !== o.firstDate ? `, last ${o.lastDate}` : '';
  const later = o.afterLaterChanges.map((l) => ` After ${chg(l.change)} on ${l.change.date}: first logged ${l.daysAfterChange ? `${plural(l.daysAfterChange, 'day')} after` : 'the same day'}.`);
  const before = o.loggedBefore ? ' Also logged before this range.' : '';
  return `${o.label} first logged ${when} (peak ${o.peak}/${SEVERITY_MAX}, logged on ${plural(o.daysLogged, 'day')} over ${plural(o.spanDays, 'day')})${dates}.${later.join('')}${before}`;
}

function footer(s: Summary, t: SummaryStrings): string[] {
  return s.questionnaires.length ? [t.footer, ATTRIBUTION] : [t.footer];
}

// ---- Markdown --------------------------------------------------------------------------------

/**
 * Escapes inline Markdown syntax (emphasis, links, HTML, table pipes, entities) in text that must
 * stay on one line (a heading, an italic line, a table cell): any line break becomes a space, so a
 * provider name or title holding "\n# Heading" cannot start a block of its own.
 */
const mdInline = (text: string) => text.replace(/\s*[\r\n\v\f\u0085\u2028\u2029]+\s*/g, ' ').replace(/[\\`*_[\]<>|~#&]/g, '\\$&');

/** Also escapes what would start a block (list item, setext underline) at the start of a line. */
const mdLine = (line: string) =>
  mdInline(line)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');

const mdLines = (text: string, indent: string) =>
  text
    .split(/\r\n?|[\n\v\f\u0085\u2028\u2029]/)
    .map(mdLine)
    .join(`  \n${indent}`);

export function renderMarkdown(summary: Summary, strings: Partial<SummaryStrings> = {}): string {
  const t = { ...DEFAULT_STRINGS, ...strings };
  const out: string[] = [];
  for (const b of blocks(summary, t)) {
    if (b.kind === 'h1' || b.kind === 'h2') out.push(`${b.kind === 'h1' ? '#' : '##'} ${mdInline(b.text)}`);
    else if (b.kind === 'p') out.push(mdLines(b.text, ''));
    else if (b.kind === 'muted') out.push(`_${mdInline(b.text)}_`);
    else if (b.kind === 'list') out.push(b.items.map((item, i) => (b.ordered ? `${i + 1}. ${mdLines(item, '   ')}` : `- ${mdLines(item, '  ')}`)).join('\n'));
    else {
      const row = (cells: string[]) => `| ${cells.map(mdInline).join(' | ')} |`;
      out.push([row(b.head), `|${b.head.map(() => ' --- |').join('')}`, ...b.rows.map(row)].join('\n'));
    }
  }
  out.push('---', footer(summary, t).map(mdInline).join('\n\n'));
  return out.join('\n\n') + '\n';
}

// ---- HTML ------------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const htmlLines = (text: string) => text.split(/\r?\n/).map(escapeHtml).join('<br>');

const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
.muted { color: #555; font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
ul, ol { padding-left: 1.5rem; margin: .25rem 0; }
footer { margin-top: 2rem; border-top: 1px solid #ccc; padding-top: .5rem; font-size: .85em; color: #444; }
@media print {
  @page { margin: 15mm; }
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, tr, li { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
}`;

/** A complete HTML page with its own styles; no scripts, links or remote resources. */
export function renderHtml(summary: Summary, strings: Partial<SummaryStrings> = {}): string {
  const t = { ...DEFAULT_STRINGS, ...strings };
  const body = blocks(summary, t).map((b) => {
    if (b.kind === 'h1' || b.kind === 'h2') return `<${b.kind}>${escapeHtml(b.text)}</${b.kind}>`;
    if (b.kind === 'p') return `<p>${htmlLines(b.text)}</p>`;
    if (b.kind === 'muted') return `<p class="muted">${htmlLines(b.text)}</p>`;
    if (b.kind === 'list') {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${htmlLines(i)}</li>`).join('')}</${tag}>`;
    }
    const cells = (tag: string, list: string[]) => `<tr>${list.map((c) => `<${tag}>${htmlLines(c)}</${tag}>`).join('')}</tr>`;
    return `<table><thead>${cells('th', b.head)}</thead><tbody>${b.rows.map((r) => cells('td', r)).join('')}</tbody></table>`;
  });
  const title = escapeHtml(`${t.title}: ${summary.medication.name}, ${summary.range.from} to ${summary.range.to}`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    `<footer>${footer(summary, t)
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('')}</footer>`,
    '</body>',
    '</html>',
    ''
  ].join('\n');
}
