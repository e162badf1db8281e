// A separate process that writes check-ins to a journal and reports each acknowledged id to its
// parent over IPC. Used by the crash (SIGKILL) and two-writer tests. With a key, it opens an
// encrypted journal and turns encryption on and off every `toggleEvery` entries.
import { buildCheckIn } from '../../../src/core/entries';
import { JournalStore } from '../../../src/storage/journalStore';
import { recentEntries } from '../../../src/storage/read/journal';
import { sqlJs } from '../helpers';

interface Options {
  dir: string;
  count: number;
  label: string;
  compactLogBytes: number;
  pauseMs: number;
  /** base64 of the key file, and the data key's id and base64 bytes. */
  key?: { keyFile: string; keyId: string; key: string };
  toggleEvery?: number;
}

async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2]) as Options;
  const clock = { now: () => Date.now(), zone: () => 'UTC' };
  const dataKey = opts.key && { keyId: opts.key.keyId, key: new Uint8Array(Buffer.from(opts.key.key, 'base64')) };
  const store = await JournalStore.open({
    // Used only when the key file is there (or to read what is still sealed when it is not).
    dataKey,
    dir: opts.dir,
    sql: await sqlJs(),
    compactAfterMs: 5,
    compactLogBytes: opts.compactLogBytes,
    today: () => new Date().toISOString().slice(0, 10)
  });
  process.send!({ type: 'open', writer: store.isWriter });
  for (let i = 0; i < opts.count; i++) {
    const { ops, checkIn } = buildCheckIn({ mood: 1 + (i % 10), note: `${opts.label} #${i} ${'x'.repeat(60)}`, dose: { mg: 10, status: 'taken', medication: 'E' } }, clock);
    await store.write(ops);
    process.send!({ type: 'ack', id: checkIn.id });
    if (dataKey && opts.toggleEvery && i % opts.toggleEvery === opts.toggleEvery - 1) {
      // Only the writer window can; the other one is refused (or finds it done) and goes on writing.
      const change = store.encryption === 'on' ? store.turnOffEncryption() : store.turnOnEncryption(new Uint8Array(Buffer.from(opts.key!.keyFile, 'base64')), dataKey);
      await change.catch(() => undefined);
      await store.refresh().catch(() => undefined);
    }
    // Yield to the event loop between writes, as a user's check-ins do, so compaction gets to run.
    await new Promise((r) => (opts.pauseMs ? setTimeout(r, opts.pauseMs) : setImmediate(r)));
  }
  process.send!({ type: 'done' });
  // Two-writer mode: wait until the parent says every writer finished, then report what we see.
  process.on('message', async (m: { type: string }) => {
    if (m.type !== 'verify') return;
    await store.refresh();
    process.send!({ type: 'seen', ids: recentEntries(store, 100_000).map((e) => e.checkIn.id) });
    await store.close();
    process.exit(0);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
