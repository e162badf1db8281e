// The support card through its real service (with the `vscode` stand-in) over a real journal: it is
// offered on the day's first trigger only, stays visible that day until dismissed, and keeps nothing
// in VS Code's state (the days it was shown would tell of a hard day, outside the journal's protection).
import './vscodeStandIn';
import * as assert from 'assert';
import { SafetyService } from '../../src/services/safetyService';
import { safetyTriggersOn } from '../../src/storage/read/journal';
import { fixedClock } from './helpers';
import { testJournal } from './journalFixture';

describe('the support card', () => {
  it('is offered on the day’s first trigger, shown that day until dismissed, and kept nowhere but the journal', async () => {
    const clock = fixedClock('2026-03-10T14:00:00Z', 'UTC');
    const j = await testJournal(clock);
    try {
      const card = new SafetyService(clock, async () => undefined, () => safetyTriggersOn(j.store, clock.today()));
      assert.strictEqual(card.cardVisible(), false, 'no trigger yet');
      await j.actions.checkIn({ mood: 5, dose: null }, 'panel');
      assert.strictEqual(await card.trigger(undefined, 'panel'), false);
      // The lowest mood: the first trigger of the day offers the card.
      await j.actions.checkIn({ mood: 1, dose: null }, 'panel');
      assert.strictEqual(await card.trigger('lowest-mood', 'panel'), true);
      assert.strictEqual(card.cardVisible(), true);
      // A PHQ-9 with item 9 answered above 0 the same day: not offered again that day.
      await j.actions.takeQuestionnaire({ kind: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 1], difficulty: null }, 'panel');
      assert.strictEqual(safetyTriggersOn(j.store, clock.today()), 2);
      assert.strictEqual(await card.trigger('phq9-item9', 'panel'), false, 'at most once a day');
      await card.dismiss();
      assert.strictEqual(card.cardVisible(), false, 'dismissed for the day');
      // The next day: nothing triggered yet, nothing shown; a new trigger offers it again.
      clock.advance(24 * 3600_000);
      const next = new SafetyService(clock, async () => undefined, () => safetyTriggersOn(j.store, clock.today()));
      assert.strictEqual(next.cardVisible(), false);
      await j.actions.checkIn({ mood: 1, dose: null }, 'panel');
      assert.strictEqual(await next.trigger('lowest-mood', 'panel'), true);
      assert.strictEqual(next.cardVisible(), true);
    } finally {
      await j.close();
    }
  });
});
