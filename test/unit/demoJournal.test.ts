// The demo journal that `npm start -- --demo` seeds: never an entry later than the moment it is
// seeded, in the local zone, so the first check-in the user makes is the latest one.
import * as assert from 'assert';
import type { Op } from '../../src/core/schemas';
import { instantOf } from '../../src/core/time';
import { demoJournal } from '../fixtures/demoJournal';

// A zone far from UTC: 07:30 there is already 14:30 in UTC.
const ZONE = 'America/Los_Angeles';
const END = '2026-06-30';

/** When a row happened (`at`) or was written, whichever is later. */
const latest = (op: Op) => {
  const r = op.row as { at?: string; createdAt: string; updatedAt: string };
  return Math.max(Date.parse(r.createdAt), Date.parse(r.updatedAt), r.at ? Date.parse(r.at) : -Infinity);
};
/** A row without its ids, which are new on every run. */
const content = (ops: Op[]) =>
  ops.map((op) => {
    const { id: _id, checkinId: _checkin, medicationId: _medication, ...rest } = op.row as unknown as Record<string, unknown>;
    return `${op.table} ${JSON.stringify(rest)}`;
  });
const checkInsOn = (ops: Op[], date: string) => ops.filter((op) => op.table === 'checkins' && (op.row as { localDate: string }).localDate === date);
const clock = (op: Op) => new Date(Date.parse((op.row as { at: string }).at)).toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });

describe('demo journal (npm start -- --demo)', () => {
  const whole = demoJournal({ end: END, zone: ZONE }).flat();

  it('seeded at 07:30 in the morning, has no entry later than 07:30, and nothing yet today', () => {
    const now = instantOf(END, 7, 30, ZONE);
    assert.ok(checkInsOn(whole, END).some((op) => latest(op) > now), 'unbounded, the demo has a check-in later today');
    const seeded = demoJournal({ end: END, zone: ZONE, now }).flat();
    const later = seeded.filter((op) => latest(op) > now);
    assert.deepStrictEqual(later.map((op) => `${op.table} ${clock(op)}`), [], 'nothing later than 07:30');
    assert.deepStrictEqual(checkInsOn(seeded, END), [], 'no check-in yet today: the status bar asks for one');
    assert.ok(checkInsOn(seeded, '2026-06-29').length > 0, 'yesterday is there');
    assert.deepStrictEqual(content(seeded), content(whole.filter((op) => latest(op) <= now)), 'everything before 07:30 as always');
  });

  it('seeded at 20:00 in the evening, has today’s morning check-in and nothing later than 20:00', () => {
    const now = instantOf(END, 20, 0, ZONE);
    const seeded = demoJournal({ end: END, zone: ZONE, now }).flat();
    assert.deepStrictEqual(seeded.filter((op) => latest(op) > now).map((op) => `${op.table} ${clock(op)}`), [], 'nothing later than 20:00');
    const today = checkInsOn(seeded, END);
    assert.strictEqual(today.length, 1, 'the morning check-in');
    assert.match(clock(today[0]), /^08:[0-4]\d$/);
    assert.ok(seeded.some((op) => op.table === 'doses' && (op.row as { localDate: string }).localDate === END), 'with today’s dose');
    assert.deepStrictEqual(content(seeded), content(whole.filter((op) => latest(op) <= now)));
  });

  it('keeps the appointments it schedules ahead: they are planned, not logged', () => {
    const seeded = demoJournal({ end: END, zone: ZONE, now: instantOf(END, 7, 30, ZONE) }).flat();
    assert.deepStrictEqual(
      seeded.filter((op) => op.table === 'appointments').map((op) => (op.row as { date: string }).date),
      ['2026-04-06', '2026-08-14']
    );
  });
});
