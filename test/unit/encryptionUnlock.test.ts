// Unlocking as a user meets it: the passphrase asked when the journal is first needed (a check-in
// then goes on), a wrong one said plainly with a growing delay and never a lock-out or a deletion,
// "Remember on this device" in SecretStorage with the Linux warning, and the idle lock.
import { FakeControl, PASSPHRASE, escape, pickLabel, typing } from './encryptionFakes';
import * as assert from 'assert';
import { toBase64Url } from '../../src/storage/crypto/bytes';
import { keyFileId } from '../../src/storage/crypto/keyFile';
import { lockJournalCommand, unlockJournalCommand } from '../../src/commands/encryptionKeys';
import { REMEMBER_DECLINED_KEY } from '../../src/services/encryption/unlocking';
import { openWindow } from './encryptionSetup';

const lockedError = () => Object.assign(new Error('The journal is encrypted and locked.'), { name: 'JournalLockedError' });

describe('unlocking the journal', function () {
  this.timeout(60_000);

  it('asks for the passphrase when a check-in first needs the journal, then lets the check-in go on; two callers share one question', async () => {
    const { control } = await FakeControl.encrypted();
    const w = openWindow(control);
    w.ui.asks.push(typing([PASSPHRASE]));
    w.ui.chooses.push(pickLabel(/^Only for this window$/));
    const checkIn = async () => {
      assert.strictEqual(control.state(), 'unlocked', 'the check-in reads the journal only once it is unlocked');
      return 'saved';
    };
    const [a, b] = await Promise.all([w.service.use(checkIn), w.service.use(checkIn)]);
    assert.deepStrictEqual([a, b], ['saved', 'saved']);
    assert.strictEqual(w.ui.prompts.length, 1, 'one question for both');
    assert.strictEqual(w.ui.prompts[0].password, true, 'typed hidden');
    assert.deepStrictEqual(w.contexts, ['locked', 'unlocked']);
  });

  it('unlocks and runs again when the store reports locked (its first open finds journal.key)', async () => {
    const { control } = await FakeControl.encrypted();
    const w = openWindow(control);
    let first = true;
    // As the store before its first open: it does not know yet, then finds the key file.
    const state = control.state.bind(control);
    control.state = () => (first ? 'off' : state());
    w.ui.asks.push(typing([PASSPHRASE]));
    w.ui.chooses.push(pickLabel(/^Only for this window$/));
    const result = await w.service.use(async () => {
      if (first) {
        first = false;
        throw lockedError();
      }
      return 'read';
    });
    assert.strictEqual(result, 'read');
  });

  it('says a wrong passphrase plainly, waits 0, 1, 2, 4, 8, 16, 30, 30 s between tries, never locks out and never deletes', async () => {
    const { control } = await FakeControl.encrypted();
    const before = control.bytes!.slice();
    const w = openWindow(control);
    const waits: number[] = [];
    w.ui.asks.push(async (p) => {
      for (let i = 0; i < 8; i++) {
        const r = await p.accept(`wrong passphrase ${i}`);
        assert.ok(r);
        assert.match(r.problem, /That passphrase does not unlock this journal/);
        waits.push(r.waitMs ?? 0);
        if (r.waitMs) {
          assert.match(r.problem, new RegExp(`try again in ${r.waitMs / 1000} seconds?\\.`));
          // Too early, even with the right passphrase: refused without trying, and not counted.
          const early = await p.accept(PASSPHRASE);
          assert.match(early?.problem ?? '', /You can try again in/);
          await w.timers.advance(r.waitMs);
        }
      }
      return (await p.accept(PASSPHRASE)) === undefined;
    });
    w.ui.chooses.push(pickLabel(/^Only for this window$/));
    await w.service.use(async () => undefined);
    assert.deepStrictEqual(waits, [0, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    assert.strictEqual(control.state(), 'unlocked');
    assert.deepStrictEqual(control.bytes, before, 'the key file is untouched');
    assert.deepStrictEqual(control.calls, ['unlock']);
  });

  it('keeps the delay when the user presses Escape and comes back, and starts over after the right passphrase', async () => {
    const { control } = await FakeControl.encrypted();
    const w = openWindow(control);
    w.ui.asks.push(async (p) => {
      for (const wrong of ['wrong one', 'wrong two', 'wrong three']) await w.timers.advance((await p.accept(wrong))?.waitMs ?? 0);
      // A fourth wrong one (4 s to wait), then Escape.
      assert.match((await p.accept('wrong four'))?.problem ?? '', /does not unlock/);
      return false;
    });
    await assert.rejects(w.service.use(async () => undefined), { name: 'UnlockCancelledError' });
    assert.strictEqual(control.state(), 'locked');
    w.ui.asks.push(async (p) => {
      const r = await p.accept(PASSPHRASE);
      assert.strictEqual(r?.waitMs, 4000, 'the fourth wrong try\'s wait still runs');
      assert.match(r?.problem ?? '', /You can try again in 4 seconds/);
      await w.timers.advance(4000);
      return (await p.accept(PASSPHRASE)) === undefined;
    });
    w.ui.chooses.push(() => undefined);
    await w.service.use(async () => undefined);
    await control.lock();
    w.service.flows.unlocking.lockedByUser();
    w.ui.asks.push(async (p) => (await p.accept('wrong again'))?.waitMs === 0 && (await p.accept(PASSPHRASE)) === undefined);
    w.ui.chooses.push(() => undefined);
    await w.service.use(async () => undefined);
    assert.strictEqual(control.state(), 'unlocked');
  });

  it('remembers the key on this device only when chosen, says that Linux without a keyring may protect it weakly, and forgets it on request', async () => {
    const { control, dataKey } = await FakeControl.encrypted();
    const w = openWindow(control, { platform: 'linux' });
    w.ui.asks.push(typing([PASSPHRASE]));
    let detail = '';
    w.ui.chooses.push((choices) => ((detail = choices.find((c) => c.value === 'device')?.detail ?? ''), 'device'));
    await w.service.use(async () => undefined);
    assert.match(detail, /On Linux without a keyring \(such as GNOME Keyring or KWallet\), VS Code may store it with weak protection/);
    assert.deepStrictEqual([...w.secrets.values], [[`moodDose.dataKey.${dataKey.keyId}`, toBase64Url(dataKey.key)]]);
    assert.deepStrictEqual(w.state.dump(), {}, 'nothing in globalState');

    // A new window on this device: unlocked without a question (its scripted user has no answer).
    await control.lock();
    const next = openWindow(control, { secrets: w.secrets });
    await next.service.use(async () => undefined);
    assert.strictEqual(control.state(), 'unlocked');
    assert.strictEqual(next.ui.prompts.length, 0);

    // Lock Journal keeps it unless asked to forget; either way this window asks next time.
    next.ui.chooses.push(pickLabel(/^Lock$/));
    assert.strictEqual(await lockJournalCommand(next.service.flows)(), true);
    assert.strictEqual(next.secrets.values.size, 1);
    next.ui.asks.push(typing([PASSPHRASE]));
    await unlockJournalCommand(next.service.flows)();
    assert.strictEqual(next.ui.prompts.length, 1, 'asked after Lock Journal');
    next.ui.chooses.push(pickLabel(/forget/));
    await lockJournalCommand(next.service.flows)();
    assert.strictEqual(next.secrets.values.size, 0, 'forgotten');

    // Elsewhere than Linux the warning is not shown; "do not offer again" is a flag, never a key.
    const { control: mac } = await FakeControl.encrypted();
    const m = openWindow(mac, { platform: 'darwin' });
    m.ui.asks.push(typing([PASSPHRASE]));
    m.ui.chooses.push((choices) => ((detail = choices.find((c) => c.value === 'device')?.detail ?? ''), 'never'));
    await m.service.use(async () => undefined);
    assert.doesNotMatch(detail, /Linux/);
    assert.deepStrictEqual(m.state.dump(), { [REMEMBER_DECLINED_KEY]: true });
    assert.strictEqual(m.secrets.values.size, 0);
  });

  it('forgets a remembered key that no longer fits the key file and asks instead', async () => {
    const { control } = await FakeControl.encrypted();
    const w = openWindow(control);
    const { dataKey } = await FakeControl.encrypted();
    // Stored under this key file's id, but another journal's key.
    await w.secrets.store(`moodDose.dataKey.${keyFileId(control.bytes!)}`, toBase64Url(dataKey.key));
    w.ui.asks.push(typing([PASSPHRASE]));
    w.ui.chooses.push(() => undefined);
    await w.service.use(async () => undefined);
    assert.strictEqual(control.state(), 'unlocked');
    assert.strictEqual(w.secrets.values.size, 0);
  });

  it('locks after N idle minutes counted from the last use, never with 0, and follows a changed setting', async () => {
    const { control } = await FakeControl.encrypted();
    const w = openWindow(control, { minutes: 15 });
    w.ui.asks.push(typing([PASSPHRASE]));
    w.ui.chooses.push(() => undefined);
    await w.service.use(async () => undefined);
    await w.timers.advance(14 * 60_000);
    assert.strictEqual(control.state(), 'unlocked');
    await w.service.use(async () => undefined); // a page request, a command
    await w.timers.advance(14 * 60_000);
    assert.strictEqual(control.state(), 'unlocked', '14 minutes after the last use');
    await w.timers.advance(60_000);
    assert.strictEqual(control.state(), 'locked', '15 minutes after the last use');
    assert.ok(w.log.lines.includes('Locked the journal after 15 idle minute(s).'), w.log.lines.join('\n'));
    // The next use asks again.
    w.ui.asks.push(typing([PASSPHRASE]));
    w.ui.chooses.push(() => undefined);
    w.setMinutes(0);
    await w.service.use(async () => undefined);
    await w.timers.advance(10 * 3600_000);
    assert.strictEqual(control.state(), 'unlocked', '0 never locks');
    w.setMinutes(1);
    await w.timers.advance(59_000);
    assert.strictEqual(control.state(), 'locked', 'a shorter setting applies at once, counted from the last use');
  });

  it('Escape at the passphrase leaves the journal locked and the command quiet', async () => {
    const { control } = await FakeControl.encrypted();
    const w = openWindow(control);
    w.ui.asks.push(escape);
    await assert.rejects(unlockJournalCommand(w.service.flows)(), { name: 'UnlockCancelledError' });
    assert.strictEqual(control.state(), 'locked');
  });
});
