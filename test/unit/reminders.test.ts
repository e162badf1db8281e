import * as assert from 'assert';
import { evaluateNudge, parseReminderTimes, shouldRaiseNotification, type ReminderSettings, type ReminderState } from '../../src/core/reminders';
import { instantOf } from '../../src/core/time';

const MORNING_EVENING: ReminderSettings = { enabled: true, times: [9 * 60, 21 * 60] };
const iso = (t: number) => new Date(t).toISOString();

function at(date: string, hh: number, mm: number, zone: string): number {
  return instantOf(date, hh, mm, zone);
}

describe('reminder schedule', () => {
  for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney']) {
    describe(`in ${zone}`, () => {
      const day = '2026-06-10';
      const ev = (now: number, lastCheckIn?: number, state: ReminderState = {}, settings = MORNING_EVENING) =>
        evaluateNudge({ now, zone, settings, lastCheckIn, state });

      it('is quiet before the reminder time, then due once it passes without a check-in', () => {
        const early = ev(at(day, 7, 30, zone));
        assert.strictEqual(early.status, 'open');
        assert.strictEqual(early.notify, false);
        assert.strictEqual(iso(early.next), iso(at(day, 9, 0, zone)), 'looks again exactly at 09:00');
        const late = ev(at(day, 9, 1, zone));
        assert.strictEqual(late.status, 'due');
        assert.strictEqual(late.notify, true);
        const again = ev(at(day, 9, 30, zone), undefined, { notifiedSlot: late.key });
        assert.strictEqual(again.status, 'due', 'still warning colour');
        assert.strictEqual(again.notify, false, 'but only one notification');
      });

      it('counts a check-in made a little before the reminder, and starts a new window in the afternoon', () => {
        const checkIn = at(day, 8, 55, zone);
        assert.strictEqual(ev(at(day, 9, 5, zone), checkIn).status, 'done');
        assert.strictEqual(ev(at(day, 14, 59, zone), checkIn).status, 'done');
        const afternoon = ev(at(day, 15, 0, zone), checkIn);
        assert.strictEqual(afternoon.status, 'open', 'the evening window has no check-in yet');
        assert.strictEqual(iso(afternoon.next), iso(at(day, 21, 0, zone)));
        assert.strictEqual(ev(at(day, 21, 10, zone), checkIn).status, 'due');
        assert.strictEqual(ev(at(day, 21, 10, zone), at(day, 18, 0, zone)).status, 'done');
      });

      it('snoozes for an hour and then reminds once more', () => {
        const snoozedUntil = at(day, 10, 5, zone);
        const first = ev(at(day, 9, 5, zone), undefined, { snoozedUntil });
        assert.strictEqual(first.status, 'snoozed');
        assert.strictEqual(iso(first.next), iso(snoozedUntil));
        const after = ev(at(day, 10, 6, zone), undefined, { snoozedUntil, notifiedSlot: `${day}@540` });
        assert.strictEqual(after.status, 'due');
        assert.strictEqual(after.notify, true, 'the snooze earns one more reminder');
      });

      it('stays quiet for the rest of a skipped day, and reminds again the next morning', () => {
        const skipped = ev(at(day, 9, 5, zone), undefined, { skippedDate: day });
        assert.strictEqual(skipped.status, 'skipped');
        assert.strictEqual(ev(at(day, 21, 30, zone), undefined, { skippedDate: day }).status, 'skipped');
        assert.strictEqual(ev(at('2026-06-11', 9, 5, zone), undefined, { skippedDate: day }).status, 'due');
      });

      it('does not carry yesterday evening\'s check-in past midnight', () => {
        const lastNight = at(day, 22, 30, zone);
        assert.strictEqual(ev(at(day, 23, 59, zone), lastNight).status, 'done');
        const afterMidnight = ev(at('2026-06-11', 0, 5, zone), lastNight);
        assert.strictEqual(afterMidnight.status, 'open');
      });

      it('handles a machine that slept through the reminder, and a clock set back', () => {
        const beforeSleep = ev(at(day, 8, 0, zone));
        assert.strictEqual(beforeSleep.status, 'open');
        const woke = ev(at(day, 13, 0, zone));
        assert.strictEqual(woke.status, 'due');
        assert.strictEqual(woke.notify, true, 'one reminder on waking, not one per missed minute');
        const setBack = ev(at(day, 8, 50, zone), undefined, { notifiedSlot: woke.key });
        assert.strictEqual(setBack.status, 'open', 'a clock moved back before 09:00 is not overdue');
      });

      it('with reminders off, only says whether today has a check-in', () => {
        const off = { enabled: false, times: [540] };
        assert.strictEqual(ev(at(day, 22, 0, zone), undefined, {}, off).status, 'open');
        assert.strictEqual(ev(at(day, 22, 0, zone), undefined, {}, off).notify, false);
        assert.strictEqual(ev(at(day, 22, 0, zone), at(day, 7, 0, zone), {}, off).status, 'done');
      });
    });
  }

  describe('daylight-saving days', () => {
    const cases = [
      // zone, day the clocks go forward, day they go back
      { zone: 'America/New_York', forward: '2026-03-08', back: '2026-11-01', gap: [2, 30], winterOffset: -5, summerOffset: -4 },
      { zone: 'Europe/Berlin', forward: '2026-03-29', back: '2026-10-25', gap: [2, 30], winterOffset: 1, summerOffset: 2 }
    ];
    for (const c of cases) {
      it(`${c.zone}: reminders land at the right wall-clock time on the day clocks go forward`, () => {
        const [y, m, d] = c.forward.split('-').map(Number);
        const expectedNine = Date.UTC(y, m - 1, d, 9 - c.summerOffset);
        const morning = evaluateNudge({ now: expectedNine - 60_000, zone: c.zone, settings: MORNING_EVENING, state: {} });
        assert.strictEqual(iso(morning.next), iso(expectedNine), '09:00 local in summer time');
        // A reminder set inside the skipped hour fires when the clock jumps past it.
        const inGap = { enabled: true, times: [c.gap[0] * 60 + c.gap[1]] };
        const before = evaluateNudge({ now: at(c.forward, 1, 59, c.zone), zone: c.zone, settings: inGap, state: {} });
        assert.strictEqual(before.status, 'open');
        const jump = evaluateNudge({ now: before.next, zone: c.zone, settings: inGap, state: {} });
        assert.strictEqual(jump.status, 'due');
        assert.strictEqual(iso(before.next), iso(Date.UTC(y, m - 1, d, 3 - c.summerOffset)), 'at the transition instant: 03:00 summer time');
      });

      it(`${c.zone}: one reminder, not two, on the day clocks go back`, () => {
        const oneThirty = { enabled: true, times: [90] };
        const first = evaluateNudge({ now: at(c.back, 1, 31, c.zone), zone: c.zone, settings: oneThirty, state: {} });
        assert.strictEqual(first.status, 'due');
        assert.ok(first.notify);
        // An hour later the wall clock reads 01:31 again; the slot is the same one already notified.
        const repeated = evaluateNudge({ now: at(c.back, 1, 31, c.zone) + 3600_000, zone: c.zone, settings: oneThirty, state: { notifiedSlot: first.key } });
        assert.strictEqual(repeated.notify, false);
        const nine = evaluateNudge({ now: at(c.back, 8, 59, c.zone), zone: c.zone, settings: MORNING_EVENING, state: {} });
        const [y, m, d] = c.back.split('-').map(Number);
        assert.strictEqual(iso(nine.next), iso(Date.UTC(y, m - 1, d, 9 - c.winterOffset)), '09:00 local in winter time');
      });
    }
  });

  it('parses reminder times and reports the invalid ones', () => {
    assert.deepStrictEqual(parseReminderTimes(['21:00', '09:00', '25:00', '9:30', 'noon', 5, '09:00']), { times: [540, 570, 1260], invalid: ['25:00', 'noon', '5'] });
  });

  it('lets only the writer window raise the notification', () => {
    const due = evaluateNudge({ now: at('2026-06-10', 9, 30, 'UTC'), zone: 'UTC', settings: MORNING_EVENING, state: {} });
    assert.strictEqual(shouldRaiseNotification(due, true, true), true);
    assert.strictEqual(shouldRaiseNotification(due, false, true), false);
    assert.strictEqual(shouldRaiseNotification(due, true, false), false);
  });
});
