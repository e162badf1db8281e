import * as assert from 'assert';
import fc from 'fast-check';
import { hostMessageSchema } from '../../src/webviews/protocol';
import { checkin, FakeHost } from '../../tools/browser/fakeHost';
import { openSidebar, startBrowser, stopBrowser } from '../../tools/browser/sidebarPage';

/** Arbitrary values, plus near misses: the right shapes with something wrong inside. */
function invalidHostMessages(): fc.Arbitrary<unknown> {
  const nearMiss = fc.oneof(
    fc.record({ type: fc.constant('response'), id: fc.oneof(fc.string(), fc.double(), fc.constant(-1)), ok: fc.constant(true), result: fc.anything() }),
    fc.record({ type: fc.constant('response'), id: fc.integer({ min: 100_000, max: 1_000_000 }), ok: fc.constant(true), result: fc.anything() }),
    fc.record({ type: fc.constant('error'), id: fc.integer({ min: 0, max: 10 }), ok: fc.constant(true), message: fc.string() }),
    fc.record({ type: fc.constant('event'), event: fc.record({ kind: fc.string().filter((k) => k !== 'changed' && k !== 'context') }) }),
    fc.record({ type: fc.constant('init'), l10n: fc.oneof(fc.integer(), fc.array(fc.string()), fc.dictionary(fc.string(), fc.integer())) }),
    fc.record({ type: fc.string().filter((t) => !['init', 'response', 'error', 'event'].includes(t)) })
  );
  return fc.oneof(fc.anything(), nearMiss).filter((m) => !hostMessageSchema.safeParse(m).success);
}

describe('panel under random invalid messages', function () {
  this.timeout(60_000);
  before(startBrowser);
  after(stopBrowser);

  it('rejects 1,000 random invalid messages without crashing, and keeps working', async () => {
    const host = new FakeHost([checkin({ id: 'keep-0000', note: 'still here' })]);
    const panel = await openSidebar(host.handle);
    const p = panel.page;
    await p.waitForSelector('li.entry');
    let rejected = 0;
    p.on('console', (m) => {
      if (m.text().startsWith('[mood-dose] rejected a message from the host')) rejected++;
    });
    const messages = fc.sample(invalidHostMessages(), { numRuns: 1000, seed: 42 });
    assert.strictEqual(messages.length, 1000);
    // Send them in batches straight into the page's message queue, as a hostile host would.
    for (let i = 0; i < messages.length; i += 100) {
      await p.evaluate((batch) => batch.forEach((m) => window.postMessage(m, '*')), JSON.parse(JSON.stringify(messages.slice(i, i + 100), (_k, v) => (v === undefined ? null : v))) as unknown[]);
    }
    await p.waitForFunction(() => true);
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(rejected, 1000, 'every one was rejected (and logged)');
    assert.deepStrictEqual(panel.problems.filter((x) => !x.includes('rejected a message')), [], 'no page errors');
    // Still alive: a real change event reloads the list.
    host.items.unshift(checkin({ id: 'new-00000', note: 'after the storm' }));
    await panel.send({ type: 'event', event: { kind: 'changed', tables: ['checkins', 'doses', 'symptoms'], reason: 'write' } });
    await p.getByText('after the storm').waitFor();
    await panel.close();
  });
});
