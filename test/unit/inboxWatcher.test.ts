// The inbox watcher: a read that says a line is still being written gets one more read after the
// wait, with no change to the file; reads never overlap.
import * as assert from 'assert';
import * as path from 'path';
import { InboxWatcher, type ReadOutcome } from '../../src/services/inbox/inboxWatcher';
import { tempDir } from './helpers';

describe('the inbox watcher', () => {
  it('reads again after the wait a read asks for, without any change to the file', async () => {
    const dir = await tempDir('mdj-watch-');
    const outcomes: ReadOutcome[] = [{ more: false, recheckInMs: 30 }, { more: false }];
    let reads = 0;
    const watcher = new InboxWatcher(path.join(dir, 'inbox.md'), async () => outcomes[reads++] ?? { more: false }, { pollMs: 60_000, watch: () => ({ close() {} }) });
    watcher.start();
    await watcher.trigger();
    assert.strictEqual(reads, 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(reads, 2, 'the planned read came');
    await new Promise((r) => setTimeout(r, 100));
    assert.strictEqual(reads, 2, 'and no more than asked for');
    watcher.dispose();
  });

  it('a disposed watcher never reads again', async () => {
    const dir = await tempDir('mdj-watch-');
    let reads = 0;
    const watcher = new InboxWatcher(path.join(dir, 'inbox.md'), async () => (reads++, { more: false, recheckInMs: 20 }), { pollMs: 60_000, watch: () => ({ close() {} }) });
    await watcher.trigger();
    watcher.dispose();
    await new Promise((r) => setTimeout(r, 150));
    assert.strictEqual(reads, 1);
  });
});
