// "Turn On Encryption…" as a user goes through it: the explanation, a passphrase typed twice, the
// recovery phrase shown once, three of its words typed back (wrong ones named), and only then the
// store turns encryption on. Escape at any step leaves it off with nothing written.
import { FakeControl, PASSPHRASE, escape, typing } from './encryptionFakes';
import * as assert from 'assert';
import type { Refusal } from '../../src/services/encryption/ui';
import { unlockWithPassphrase, unlockWithPhrase } from '../../src/storage/crypto/keyFile';
import { turnOnEncryptionCommand } from '../../src/commands/encryptionOn';
import { openWindow } from './encryptionSetup';

/** The phrase as the dialog lists it ("1. word     2. word …"), in order. */
function wordsOf(detail: string): string[] {
  return [...detail.matchAll(/(\d+)\. ([a-z]+)/g)].sort((a, b) => +a[1] - +b[1]).map((m) => m[2]);
}

/** The positions the check asks for, read from its prompt. */
function positionsOf(prompt: string): number[] {
  const m = /words (\d+), (\d+) and (\d+)/.exec(prompt);
  assert.ok(m, prompt);
  return [+m[1], +m[2], +m[3]];
}

describe('Turn On Encryption…', function () {
  this.timeout(30_000);

  it('explains, takes the passphrase twice, shows the phrase once, refuses wrong check words by position, then turns on', async () => {
    const control = new FakeControl();
    const w = openWindow(control);
    const firstRefusals: Refusal[] = [];
    const secondRefusals: Refusal[] = [];
    const checkRefusals: Refusal[] = [];
    let words: string[] = [];
    w.ui.confirms.push(true); // the explanation
    w.ui.asks.push(typing(['too short', PASSPHRASE], firstRefusals));
    w.ui.asks.push(typing(['correct horse battery stapel', PASSPHRASE], secondRefusals));
    w.ui.confirms.push((_message, detail) => ((words = wordsOf(detail)), true));
    w.ui.asks.push(async (p) => {
      const at = positionsOf(p.prompt);
      const right = at.map((n) => words[n - 1]);
      const wrongWord = (n: number) => (words[n - 1] === 'zoo' ? 'zebra' : 'zoo');
      const tries = [`${wrongWord(at[0])} ${right[1]} ${wrongWord(at[2])}`, `${right[0]} ${right[1]}`, `${right[0]} ${right[1]} ${right[2]}`];
      const ok = await typing(tries, checkRefusals)(p);
      assert.strictEqual(checkRefusals[0].problem, `Words ${at[0]} and ${at[2]} are not right. Look at your copy and try again.`);
      return ok;
    });

    assert.strictEqual(await turnOnEncryptionCommand(w.service.flows)(), true);

    const explanation = w.ui.confirmed[0].detail;
    assert.match(explanation, /older copies that a sync tool, a file history or a backup kept/);
    assert.match(explanation, /If you lose both, the journal is lost/);
    assert.match(firstRefusals[0].problem, /at least 10 characters \(this has 9\)/);
    assert.match(secondRefusals[0].problem, /The two passphrases differ/);
    assert.strictEqual(checkRefusals[1].problem, 'That is 2 words; type 3.');
    assert.strictEqual(words.length, 24);
    assert.strictEqual(w.ui.confirmed.filter((c) => c.message === 'Your recovery phrase').length, 1, 'the phrase is shown once');
    assert.deepStrictEqual(control.calls, ['checkTurnOn', 'turnOn']);
    assert.strictEqual(control.state(), 'unlocked');
    assert.deepStrictEqual(w.contexts.at(-1), 'unlocked', 'the palette\'s when-clauses follow');
    // The key file written opens with the passphrase and with the phrase that was shown, to the same key.
    const byPassphrase = await unlockWithPassphrase(control.bytes!, PASSPHRASE);
    const byPhrase = await unlockWithPhrase(control.bytes!, words.join(' '));
    assert.deepStrictEqual(byPhrase, byPassphrase);
    assert.ok(w.ui.shown.some((s) => /Copies that a sync tool, a file history or a backup kept from before are beyond the extension's reach/.test(s)));
  });

  const steps = ['the explanation', 'the passphrase', 'the passphrase again', 'the recovery phrase', 'the word check'] as const;
  for (const [i, step] of steps.entries()) {
    it(`leaves encryption off and writes nothing when the user presses Escape at ${step}`, async () => {
      const control = new FakeControl();
      const w = openWindow(control);
      const script: (() => void)[] = [
        () => w.ui.confirms.push(true),
        () => w.ui.asks.push(typing([PASSPHRASE])),
        () => w.ui.asks.push(typing([PASSPHRASE])),
        () => w.ui.confirms.push(true),
        () => w.ui.asks.push(escape)
      ];
      for (const answer of script.slice(0, i)) answer();
      if (i === 0 || i === 3) w.ui.confirms.push(false);
      else if (i < 3) w.ui.asks.push(escape);
      else {
        w.ui.asks.push(escape);
        w.ui.confirms.push(false); // "Show the recovery phrase again?" No.
      }
      assert.strictEqual(await turnOnEncryptionCommand(w.service.flows)(), false);
      assert.ok(!control.calls.includes('turnOn'), control.calls.join());
      assert.strictEqual(control.state(), 'off');
      assert.strictEqual(control.bytes, undefined, 'no key file');
      assert.strictEqual(w.secrets.values.size, 0);
    });
  }

  it('shows the phrase again when asked after leaving the check, and then turns on', async () => {
    const control = new FakeControl();
    const w = openWindow(control);
    let words: string[] = [];
    w.ui.confirms.push(true);
    w.ui.asks.push(typing([PASSPHRASE]), typing([PASSPHRASE]), escape);
    w.ui.confirms.push((_m, detail) => ((words = wordsOf(detail)), true), true);
    w.ui.confirms.push((_m, detail) => (assert.deepStrictEqual(wordsOf(detail), words), true));
    w.ui.asks.push((p) => typing([positionsOf(p.prompt).map((n) => words[n - 1]).join(' ')])(p));
    assert.strictEqual(await turnOnEncryptionCommand(w.service.flows)(), true);
    assert.strictEqual(control.state(), 'unlocked');
  });

  it('asks nothing when the store refuses up front (another machine\'s log), and nothing when already on', async () => {
    const control = new FakeControl();
    control.checkTurnOn = async () => {
      throw new Error('Another machine\'s log is in the journal folder (journal.other.log).');
    };
    const w = openWindow(control);
    await assert.rejects(turnOnEncryptionCommand(w.service.flows)(), /journal\.other\.log/);
    assert.strictEqual(w.ui.prompts.length + w.ui.confirmed.length, 0);
    const { control: on } = await FakeControl.encrypted();
    const w2 = openWindow(on);
    assert.strictEqual(await turnOnEncryptionCommand(w2.service.flows)(), false);
    assert.ok(w2.ui.shown.includes('Encryption is already on for this journal.'));
  });
});
