// The dashboard's timeline as it travels: its days as columns of one value a day, checked column by
// column with the same bounds a day object has, and turned back into days where the page reads it.
import * as z from 'zod/mini';
import { MG_MAX, MOOD_MAX, MOOD_MIN, VIEW } from '../../core/limits';
import { datesIn, daysBetween, type LocalDate } from '../../core/time';
import { chartDataSchema, type ChartData } from '../shared/views';

/** The dashboard's timeline: the Charts tab's data, with the planned dose and the rolling median on each day. */
export type DashboardTimeline = ChartData;

/**
 * One value a day, checked in one loop with the same bounds as the per-day objects: a zod check
 * per value cost more than drawing the chart (five years are 13k values).
 */
function dayColumn(min: number, max: number, kind: { integer: boolean; nullable: true }): z.ZodMiniCustom<(number | null)[], (number | null)[]>;
function dayColumn(min: number, max: number, kind: { integer: boolean; nullable: false }): z.ZodMiniCustom<number[], number[]>;
function dayColumn(min: number, max: number, { integer, nullable }: { integer: boolean; nullable: boolean }): z.ZodMiniCustom<(number | null)[], (number | null)[]> {
  const valid = (v: unknown) => (v === null ? nullable : typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v)));
  return z.custom<(number | null)[]>(
    (column) => {
      if (!Array.isArray(column) || column.length > VIEW.chartDays) return false;
      for (const v of column) if (!valid(v)) return false;
      return true;
    },
    `one value a day${nullable ? ' or null' : ''}, ${integer ? 'a whole number ' : ''}from ${min} to ${max}, at most ${VIEW.chartDays} days`
  );
}

/**
 * The timeline as it travels: each day's figures as columns, one value a day from `from` to `to`
 * (the dates follow from them), instead of five years of objects with a date each. A quarter of
 * the size, and checked column by column with the same bounds at a fraction of the cost.
 */
const timelineWireSchema = z
  .object({
    ...chartDataSchema.shape,
    days: z.object({
      mean: dayColumn(MOOD_MIN, MOOD_MAX, { integer: false, nullable: true }),
      min: dayColumn(MOOD_MIN, MOOD_MAX, { integer: true, nullable: true }),
      max: dayColumn(MOOD_MIN, MOOD_MAX, { integer: true, nullable: true }),
      n: dayColumn(0, Number.MAX_SAFE_INTEGER, { integer: true, nullable: false }),
      dose: dayColumn(0, MG_MAX, { integer: false, nullable: true }),
      taken: dayColumn(0, MG_MAX, { integer: false, nullable: true }),
      /** 1 on a day with only a skipped dose, else 0. */
      skipped: dayColumn(0, 1, { integer: true, nullable: false }),
      planned: dayColumn(0, MG_MAX, { integer: false, nullable: true }),
      median: dayColumn(MOOD_MIN, MOOD_MAX, { integer: false, nullable: true })
    })
  })
  .check(
    z.refine((t) => {
      const length = t.from <= t.to ? daysBetween(t.from, t.to) + 1 : -1;
      return Object.values(t.days).every((column) => column.length === length);
    }, 'every day column has one value for each day from `from` to `to`')
  );

/** Days as the chart code reads them, from the columns checked above. */
function daysFromColumns(from: LocalDate, to: LocalDate, c: z.output<typeof timelineWireSchema>['days']): DashboardTimeline['days'] {
  const dates = datesIn(from, to);
  const days: DashboardTimeline['days'] = new Array(c.n.length);
  for (let i = 0; i < days.length; i++) {
    days[i] = { date: dates[i], mean: c.mean[i], min: c.min[i], max: c.max[i], n: c.n[i], dose: c.dose[i], taken: c.taken[i], skipped: c.skipped[i] === 1, planned: c.planned[i], median: c.median[i] };
  }
  return days;
}

function columnsFromDays(days: DashboardTimeline['days']): z.output<typeof timelineWireSchema>['days'] {
  const column = <K extends keyof DashboardTimeline['days'][number]>(key: K) => days.map((d) => d[key] ?? null);
  return {
    mean: column('mean'),
    min: column('min'),
    max: column('max'),
    n: days.map((d) => d.n),
    dose: column('dose'),
    taken: column('taken'),
    skipped: days.map((d) => (d.skipped ? 1 : 0)),
    planned: column('planned'),
    median: column('median')
  };
}

/** Encoded by the host (dispatch.ts), decoded where the page checks the answer: both sides see the same rules. */
export const dashboardTimelineSchema = z.codec(
  timelineWireSchema,
  // Only what encoding needs: the figures themselves are checked in their columns.
  z.custom<DashboardTimeline>((v) => typeof v === 'object' && v !== null && Array.isArray((v as DashboardTimeline).days) && typeof (v as DashboardTimeline).from === 'string'),
  {
    decode: (wire) => ({ ...wire, days: daysFromColumns(wire.from, wire.to, wire.days) }),
    encode: (timeline) => ({ ...timeline, days: columnsFromDays(timeline.days) })
  }
);
