import * as assert from 'assert';
import { buildCheckIn, buildStandaloneDose } from '../../src/core/entries';
import { evaluateNudge, shouldRaiseNotification } from '../../src/core/reminders';
import type { TaperStep } from '../../src/core/schemas';
import { currentStep, offeredDose } from '../../src/core/taper';
import { JournalStore } from '../../src/storage/journalStore';
import { fixedClock, sqlJs, tempDir } from './helpers';

function step(startDate: string, targetMg: number): TaperStep {
  const t = '2026-01-01T00:00:00.000Z';
  return { id: `step-${startDate}`, createdAt: t, updatedAt: t, deletedAt: null, medicationId: null, startDate, targetMg, note: '' };
}

describe('dose offered in a check-in', () => {
  const clock = fixedClock('2026-03-10T08:00:00Z');
  const dose = (mg: number, date: string) => buildStandaloneDose({ mg, status: 'taken', medication: 'E', at: Date.parse(`${date}T08:00:00Z`) }, clock);
  const plan = [step('2026-02-01', 20), step('2026-03-01', 15), step('2026-04-01', 10)];

  it('finds the step in force on a date', () => {
    assert.strictEqual(currentStep(plan, '2026-01-15'), undefined);
    assert.strictEqual(currentStep(plan, '2026-03-01')?.targetMg, 15);
    assert.strictEqual(currentStep(plan, '2026-03-31')?.targetMg, 15);
    assert.strictEqual(currentStep(plan, '2026-05-01')?.targetMg, 10);
    assert.strictEqual(currentStep([{ ...plan[1], deletedAt: '2026-01-02T00:00:00.000Z' }], '2026-03-05'), undefined, 'deleted steps do not count');
  });

  it('offers the last dose taken, or a plan step that started since, or the default', () => {
    assert.strictEqual(offeredDose(dose(20, '2026-02-27'), currentStep(plan, '2026-03-02'), null), 15, 'a new step started after the last dose');
    assert.strictEqual(offeredDose(dose(17.5, '2026-03-05'), currentStep(plan, '2026-03-06'), null), 17.5, 'what the user actually takes wins within a step');
    assert.strictEqual(offeredDose(undefined, undefined, 10), 10);
    assert.strictEqual(offeredDose(undefined, undefined, null), null);
  });
});

describe('two windows on one journal', () => {
  it('only one of them raises the reminder notification', async () => {
    const dir = await tempDir();
    const sql = await sqlJs();
    const first = await JournalStore.open({ dir, sql, compactAfterMs: 60_000 });
    const second = await JournalStore.open({ dir, sql, compactAfterMs: 60_000 });
    const clock = fixedClock('2026-06-10T07:00:00Z');
    await first.write(buildCheckIn({ mood: 5 }, clock).ops);
    const nudge = evaluateNudge({ now: Date.parse('2026-06-10T21:30:00Z'), zone: 'UTC', settings: { enabled: true, times: [540, 1260] }, lastCheckIn: clock.now(), state: {} });
    assert.strictEqual(nudge.status, 'due');
    const raised = [first, second].filter((s) => shouldRaiseNotification(nudge, s.isWriter, true));
    assert.strictEqual(raised.length, 1);
    assert.strictEqual(raised[0], first, 'the window that holds the writer lock');
    // When that window closes, the other takes over the lock, and with it the notifications.
    await first.close();
    assert.strictEqual(await second.heartbeat(), true);
    assert.ok(shouldRaiseNotification(nudge, second.isWriter, true));
    await second.close();
  });
});
