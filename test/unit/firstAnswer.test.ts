import * as assert from 'assert';
import type { DashboardData, Handlers } from '../../src/protocol';
import { startFirstAnswer, type Subscribe } from '../../src/views/firstAnswer';

/** A `dashboard/data` that answers with how many times it has run, and an event to fire by hand. */
function setup(fail = false) {
  let runs = 0;
  const handlers = {
    'dashboard/data': async () => {
      runs++;
      if (fail && runs === 1) throw new Error('The journal is not open yet.');
      return { today: `run ${runs}` } as unknown as DashboardData;
    }
  } as unknown as Handlers;
  const listeners = new Set<() => void>();
  const changed: Subscribe = (listener) => (listeners.add(listener), { dispose: () => listeners.delete(listener) });
  let today = '2026-12-02';
  const first = startFirstAnswer(handlers, 'dashboard/data', {}, { invalidatedBy: [changed], today: () => today });
  return {
    first,
    runs: () => runs,
    fire: () => [...listeners].forEach((l) => l()),
    listening: () => listeners.size,
    nextDay: () => (today = '2026-12-03')
  };
}

describe('the dashboard figures started before the page asks', () => {
  it('answers the first request with the work started when the panel opened, without doing it twice', async () => {
    const s = setup();
    assert.strictEqual(s.runs(), 1, 'started at once, before any request');
    assert.strictEqual((await s.first.handlers['dashboard/data']({})).today, 'run 1');
    assert.strictEqual(s.runs(), 1);
    // Every later request (a change, a retry) reads the journal afresh.
    assert.strictEqual((await s.first.handlers['dashboard/data']({})).today, 'run 2');
    assert.strictEqual(s.listening(), 0, 'stops listening once used');
  });

  it('drops the early answer when the journal or the settings change before the page asks', async () => {
    const s = setup();
    s.fire();
    assert.strictEqual((await s.first.handlers['dashboard/data']({})).today, 'run 2', 'the page sees the journal as it is when it asks');
    assert.strictEqual(s.listening(), 0);
  });

  it('drops it when the date has changed since (a panel restored the next morning)', async () => {
    const s = setup();
    s.nextDay();
    assert.strictEqual((await s.first.handlers['dashboard/data']({})).today, 'run 2');
  });

  it('asks again when the early start failed, and reports that failure nowhere else', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const s = setup(true);
      await new Promise((r) => setTimeout(r, 10));
      assert.strictEqual((await s.first.handlers['dashboard/data']({})).today, 'run 2');
      assert.deepStrictEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('stops listening when the panel closes before its page asked', () => {
    const s = setup();
    assert.strictEqual(s.listening(), 1);
    s.first.dispose();
    assert.strictEqual(s.listening(), 0);
  });
});
