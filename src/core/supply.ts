// The tablet supply: how many tablets are on hand, and about how many days they last at the current
// dose. Pure arithmetic over rows: a count says how many are on hand, a refill adds to it, and every
// intake logged as taken or changed uses mg / strength tablets (0.5 for a half), however many a
// day. It states an estimate and the dose the estimate assumes; it never suggests a dose.
import { baseRow, type Clock } from './entries';
import type { Dose, Medication, SupplyChange, TabletSplit, TaperStep } from './schemas';
import { doseRecord } from './stats/doseDays';
import { currentStep } from './taper';
import { stampOf, type LocalDate } from './time';

/** The smallest piece of a tablet for each way of splitting it. */
export const PIECE: Record<TabletSplit, number> = { none: 1, half: 0.5, quarter: 0.25 };

/** Sums of mg / strength are kept to this precision, so 0.1 + 0.2 style drift never shows. */
const EPS = 1e-9;
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/** Tablets one dose uses: mg / strength. */
export function tabletsPerDose(mg: number, tabletMg: number): number {
  return mg / tabletMg;
}

/** Whether a dose is made of whole pieces (10 mg from a 20 mg tablet split in half: yes; 15 mg: no). */
export function inWholePieces(mg: number, tabletMg: number, split: TabletSplit): boolean {
  const pieces = tabletsPerDose(mg, tabletMg) / PIECE[split];
  return Math.abs(pieces - Math.round(pieces)) < EPS;
}

/**
 * The doses of this medication: those logged with its id, and those logged by name only (a check-in
 * logs the medication's name from the settings), compared without case.
 */
export function dosesOf(medication: Pick<Medication, 'id' | 'name'>, doses: readonly Dose[]): Dose[] {
  const name = medication.name.trim().toLowerCase();
  return doses.filter((d) => !d.deletedAt && (d.medicationId === medication.id || (d.medicationId === null && d.medication.trim().toLowerCase() === name)));
}

export interface Balance {
  /** Tablets on hand after the last supply row and dose; below zero when more was logged than counted. */
  onHand: number;
  /** The first refill or count: doses before it are not counted. */
  since: string;
  /** Tablets used by doses since the last count (or the first refill). */
  used: number;
}

const time = (at: string) => Date.parse(at);

/**
 * Replays the supply rows and the doses in time order: a count sets the number on hand, a refill adds
 * to it, a dose taken or changed takes mg / strength away. Undefined before the first refill or count.
 * Never clamped: a balance below zero is reported as such, so the count can be corrected.
 */
export function tabletBalance(changes: readonly SupplyChange[], doses: readonly Dose[], tabletMg: number): Balance | undefined {
  const rows = changes.filter((c) => !c.deletedAt).sort((a, b) => time(a.at) - time(b.at) || (a.createdAt < b.createdAt ? -1 : 1));
  if (!rows.length) return undefined;
  const taken = doses
    .filter((d) => !d.deletedAt && d.status !== 'skipped' && time(d.at) >= time(rows[0].at))
    .sort((a, b) => time(a.at) - time(b.at));
  let onHand = 0;
  let used = 0;
  let i = 0;
  // At the same instant a supply row comes first: a count says what is there before the dose.
  for (const c of rows) {
    while (i < taken.length && time(taken[i].at) < time(c.at)) {
      const n = tabletsPerDose(taken[i++].mg, tabletMg);
      onHand -= n;
      used += n;
    }
    if (c.kind === 'count') {
      onHand = c.tablets;
      used = 0;
    } else onHand += c.tablets;
  }
  for (; i < taken.length; i++) {
    const n = tabletsPerDose(taken[i].mg, tabletMg);
    onHand -= n;
    used += n;
  }
  return { onHand: tidy(onHand), since: rows[0].at, used: tidy(used) };
}

/**
 * The dose an estimate assumes: the plan step in force today, else the step in force from the doses
 * logged ('last', see doseDays.ts: a top-up or a one-day deviation is not the daily dose).
 */
export interface DoseBasis {
  mg: number;
  source: 'plan' | 'last';
}

export function doseBasis(steps: readonly TaperStep[], doses: readonly Dose[], today: LocalDate): DoseBasis | undefined {
  const step = currentStep(steps, today);
  if (step) return { mg: step.targetMg, source: 'plan' };
  const level = doseRecord(doses).levelOn(today);
  return level === null ? undefined : { mg: level, source: 'last' };
}

/**
 * Whole days the tablets on hand last at `mg` once a day: floor(onHand / (mg / strength)). Null when
 * it cannot be said: no dose (0 mg), or a count below zero.
 */
export function daysLeft(onHand: number, mg: number, tabletMg: number): number | null {
  if (mg <= 0 || onHand < 0) return null;
  return Math.floor(onHand / tabletsPerDose(mg, tabletMg) + EPS);
}

export interface SupplyStatus {
  medicationId: string;
  name: string;
  unit: string;
  tabletMg: number | null;
  split: TabletSplit;
  /** Null until a refill or count is recorded (or without a tablet strength). */
  onHand: number | null;
  belowZero: boolean;
  dose: DoseBasis | null;
  /** Tablets one dose at `dose` uses. */
  perDose: number | null;
  daysLeft: number | null;
  /** Whether `dose` is a whole number of pieces of a tablet as it is split. */
  wholePieces: boolean;
}

/**
 * Where one medication's supply stands today. `steps` and `doses` are the journal's; the medication's
 * own are picked here (plan steps with its id or with none, doses by id or name).
 */
export function supplyStatus(input: { medication: Medication; changes: readonly SupplyChange[]; doses: readonly Dose[]; steps: readonly TaperStep[]; today: LocalDate }): SupplyStatus {
  const m = input.medication;
  const doses = dosesOf(m, input.doses);
  const steps = input.steps.filter((s) => s.medicationId === m.id || s.medicationId === null);
  const basis = doseBasis(steps, doses, input.today) ?? null;
  const changes = input.changes.filter((c) => c.medicationId === m.id);
  const balance = m.tabletMg ? tabletBalance(changes, doses, m.tabletMg) : undefined;
  const onHand = balance?.onHand ?? null;
  const perDose = basis && m.tabletMg ? tidy(tabletsPerDose(basis.mg, m.tabletMg)) : null;
  return {
    medicationId: m.id,
    name: m.name,
    unit: m.unit,
    tabletMg: m.tabletMg,
    split: m.split,
    onHand,
    belowZero: onHand !== null && onHand < 0,
    dose: basis,
    perDose,
    daysLeft: onHand !== null && basis && m.tabletMg ? daysLeft(onHand, basis.mg, m.tabletMg) : null,
    wholePieces: !basis || !m.tabletMg || inWholePieces(basis.mg, m.tabletMg, m.split)
  };
}

/** A refill or a count, dated now (or at `at`). */
export function buildSupplyChange(input: { medicationId: string; kind: SupplyChange['kind']; tablets: number; at?: number }, clock: Clock): SupplyChange {
  return { ...baseRow(clock.now()), ...stampOf(input.at ?? clock.now(), clock.zone()), medicationId: input.medicationId, kind: input.kind, tablets: input.tablets };
}
