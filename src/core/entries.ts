// Turning what the user entered into journal rows, and the edits that follow (delete, undo).
// Pure: the clock, the zone and the id source are passed in.
import { newId } from './ids';
import { MG_MAX, TAGS_MAX, TAG_MAX } from './limits';
import { score } from './questionnaires';
import type { CheckIn, Dose, DoseStatus, LifeEvent, Note, Op, Questionnaire, RowTypes, Symptom, TableName } from './schemas';
import { completeReview } from './symptoms';
import { stampOf, type LocalDate, type Stamp } from './time';

export interface Clock {
  now(): number;
  zone(): string;
}

/** A clock that also knows the user's calendar date: "today" where they are now. */
export interface DayClock extends Clock {
  today(): LocalDate;
}

export interface DoseInput {
  mg: number;
  status: DoseStatus;
  medication: string;
  medicationId?: string | null;
}

export interface SymptomInput {
  key: string;
  label: string;
  severity: number;
}

export interface CheckInInput {
  mood: number;
  energy?: number | null;
  anxiety?: number | null;
  sleepHours?: number | null;
  note?: string;
  tags?: string[];
  dose?: DoseInput | null;
  symptoms?: SymptomInput[];
  /** For a backdated entry: the instant it describes (defaults to now). */
  at?: number;
}

/** A check-in with the dose and symptoms recorded with it, as shown in lists. */
export interface Entry {
  checkIn: CheckIn;
  dose: Dose | undefined;
  symptoms: Symptom[];
}

/** A new row's id and stamps. */
export function baseRow(now: number): { id: string; createdAt: string; updatedAt: string; deletedAt: null } {
  const iso = new Date(now).toISOString();
  return { id: newId(), createdAt: iso, updatedAt: iso, deletedAt: null };
}

function stampFor(input: { at?: number }, clock: Clock): Stamp {
  return stampOf(input.at ?? clock.now(), clock.zone());
}

/** What the user entered for a check-in, tidied: absent scales as null, the note trimmed, tags normalised. */
function checkInFields(input: CheckInInput) {
  return {
    mood: input.mood,
    energy: input.energy ?? null,
    anxiety: input.anxiety ?? null,
    sleepHours: input.sleepHours ?? null,
    note: (input.note ?? '').trim(),
    tags: normaliseTags(input.tags ?? [])
  };
}

/** The rows for one check-in: the check-in itself, its dose and its symptoms, written together. */
export function buildCheckIn(input: CheckInInput, clock: Clock): { ops: Op[]; checkIn: CheckIn } {
  const now = clock.now();
  const stamp = stampFor(input, clock);
  const checkIn: CheckIn = { ...baseRow(now), ...stamp, ...checkInFields(input) };
  const ops: Op[] = [{ table: 'checkins', row: checkIn }];
  if (input.dose) ops.push({ table: 'doses', row: buildDose(input.dose, stamp, now, checkIn.id) });
  for (const s of input.symptoms ?? []) {
    ops.push({ table: 'symptoms', row: buildSymptom(s, stamp, now, checkIn.id, 'checkin') });
  }
  return { ops, checkIn };
}

export function buildDose(input: DoseInput, stamp: Stamp, now: number, checkinId: string | null = null): Dose {
  return {
    ...baseRow(now),
    ...stamp,
    medicationId: input.medicationId ?? null,
    medication: input.medication,
    mg: input.mg,
    status: input.status,
    checkinId
  };
}

export function buildSymptom(input: SymptomInput, stamp: Stamp, now: number, checkinId: string | null, source: Symptom['source']): Symptom {
  return { ...baseRow(now), ...stamp, key: input.key, label: input.label, severity: input.severity, checkinId, source };
}

/**
 * Edits a check-in in place. It keeps its id and creation time, and its moment unless `input.at`
 * gives a new one; its dose keeps its id (or is tombstoned when the edit has none); its symptoms
 * are replaced, the old rows tombstoned. One change, written together.
 */
export function editCheckIn(entry: Entry, input: CheckInInput, clock: Clock): Op[] {
  const now = clock.now();
  const iso = new Date(now).toISOString();
  const old = entry.checkIn;
  const stamp: Stamp = input.at === undefined ? { at: old.at, localDate: old.localDate, utcOffset: old.utcOffset } : stampOf(input.at, clock.zone());
  const checkIn: CheckIn = { id: old.id, createdAt: old.createdAt, updatedAt: iso, deletedAt: null, ...stamp, ...checkInFields(input) };
  const ops: Op[] = [{ table: 'checkins', row: checkIn }];
  if (input.dose) {
    const dose = buildDose(input.dose, stamp, now, old.id);
    ops.push({ table: 'doses', row: entry.dose ? { ...dose, id: entry.dose.id, createdAt: entry.dose.createdAt } : dose });
  } else if (entry.dose && !entry.dose.deletedAt) {
    ops.push({ table: 'doses', row: tombstone(entry.dose, now) });
  }
  for (const s of input.symptoms ?? []) ops.push({ table: 'symptoms', row: buildSymptom(s, stamp, now, old.id, 'panel') });
  for (const s of entry.symptoms) if (!s.deletedAt) ops.push({ table: 'symptoms', row: tombstone(s, now) });
  return ops;
}

/** The rows of a weekly symptom review: every listed symptom, 0 when absent (see completeReview). */
export function buildReview(picked: readonly SymptomInput[], clock: Clock): Symptom[] {
  const now = clock.now();
  const stamp = stampOf(now, clock.zone());
  return completeReview(picked).map((s) => buildSymptom(s, stamp, now, null, 'review'));
}

export function buildLifeEvent(input: { title: string; note?: string; at?: number }, clock: Clock): LifeEvent {
  return { ...baseRow(clock.now()), ...stampFor(input, clock), title: input.title.trim(), note: (input.note ?? '').trim() };
}

export function buildNote(input: { text: string; at?: number }, clock: Clock): Note {
  return { ...baseRow(clock.now()), ...stampFor(input, clock), text: input.text.trim() };
}

/** A completed PHQ-9 or GAD-7, with every answer kept alongside the total and band. */
export function buildQuestionnaire(input: { kind: Questionnaire['kind']; answers: number[]; difficulty: number | null; at?: number }, clock: Clock): Questionnaire {
  const { total, band } = score(input.kind, input.answers);
  return { ...baseRow(clock.now()), ...stampFor(input, clock), kind: input.kind, answers: [...input.answers], total, band, difficulty: input.difficulty };
}

export function buildStandaloneDose(input: DoseInput & { at?: number }, clock: Clock): Dose {
  return buildDose(input, stampFor(input, clock), clock.now());
}

/** Marks a row deleted. Nothing is ever removed, so undo is always possible. */
export function tombstone<T extends { deletedAt: string | null; updatedAt: string }>(row: T, now: number): T {
  const iso = new Date(now).toISOString();
  return { ...row, deletedAt: iso, updatedAt: iso };
}

export function restore<T extends { deletedAt: string | null; updatedAt: string }>(row: T, now: number): T {
  return { ...row, deletedAt: null, updatedAt: new Date(now).toISOString() };
}

/** The ops that delete a whole entry (check-in, dose and symptoms) in one undoable change. */
export function deleteEntryOps(entry: Entry, now: number): Op[] {
  return entryRows(entry).map(({ table, row }) => ({ table, row: tombstone(row, now) }) as Op);
}

export function restoreEntryOps(entry: Entry, now: number): Op[] {
  return entryRows(entry).map(({ table, row }) => ({ table, row: restore(row, now) }) as Op);
}

function entryRows(entry: Entry): { table: TableName; row: RowTypes[TableName] }[] {
  return [
    { table: 'checkins', row: entry.checkIn },
    ...(entry.dose ? [{ table: 'doses' as const, row: entry.dose }] : []),
    ...entry.symptoms.map((s) => ({ table: 'symptoms' as const, row: s }))
  ];
}

export function normaliseTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim().replace(/^#/, '').slice(0, TAG_MAX);
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out.slice(0, TAGS_MAX);
}

/** Parses a dose typed by the user ("10", "7.5", "10 mg"); undefined when it is not a dose. */
export function parseMg(text: string): number | undefined {
  const m = /^\s*(\d{1,5}(?:[.,]\d{1,3})?)\s*(mg)?\s*$/i.exec(text);
  if (!m) return undefined;
  const mg = Number(m[1].replace(',', '.'));
  return Number.isFinite(mg) && mg >= 0 && mg <= MG_MAX ? mg : undefined;
}

// The language numbers are written in ("7.5" in English, "7,5" in Spanish): the host sets its display
// language, a page its own lang, the summary the language it is written in.
let numberLocale = 'en';
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Sets the language of formatMg() and fixed(); returns the one it replaces, to put back. */
export function setNumberLocale(locale: string): string {
  const before = numberLocale;
  numberLocale = locale;
  return before;
}

/** `x` with `min`–`max` decimals, no grouping, in the current number language. */
function formatNumber(x: number, min: number, max: number): string {
  const key = `${numberLocale}|${min}|${max}`;
  let f = numberFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(numberLocale, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: false });
    } catch {
      f = new Intl.NumberFormat('en', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: false }); // a malformed tag
    }
    numberFormats.set(key, f);
  }
  return f.format(x);
}

export function formatMg(mg: number): string {
  return formatNumber(Math.round(mg * 100) / 100, 0, 2);
}

/**
 * A number written back into an input the user may save again ("7,5" in Spanish): up to 3 decimals,
 * as parseMg reads them, and no grouping. Not formatMg: its rounding to 2 would turn 2.125 into 2.13 on save.
 */
export function inputNumber(x: number): string {
  return formatNumber(x, 0, 3);
}

/** `x` to exactly `digits` decimals ("5.5", "5,5"). */
export function fixed(x: number, digits = 1): string {
  return formatNumber(x, digits, digits);
}
