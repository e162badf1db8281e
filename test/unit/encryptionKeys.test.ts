// Re-keying and leaving: "Unlock with Recovery Phrase…" (typos named word by word, another
// journal's phrase refused, then a new passphrase that re-wraps the same key), "Change
// Passphrase…", "Turn Off Encryption…", "Export Decrypted Copy…"; and no passphrase, phrase or key
// in any log line or in VS Code's state after all of them.
import { CHEAP_KDF, FakeControl, PASSPHRASE, typing } from './encryptionFakes';
import * as assert from 'assert';
import { toBase64Url } from '../../src/storage/crypto/bytes';
import { createKeyFile, keyFileId, unlockWithPassphrase } from '../../src/storage/crypto/keyFile';
import { checkPhrase } from '../../src/storage/crypto/recoveryPhrase';
import { wordlist } from '@scure/bip39/wordlists/english';
import { changePassphraseCommand, unlockWithRecoveryPhraseCommand } from '../../src/commands/encryptionKeys';
import { exportDecryptedCopyCommand, turnOffEncryptionCommand } from '../../src/commands/encryptionOff';
import { guarded } from '../../src/commands/guarded';
import type { Refusal } from '../../src/services/encryption/ui';
import { DATA_FOLDER, openWindow, type Window } from './encryptionSetup';

const NEW_PASSPHRASE = 'a brand new passphrase 2026';

/** The phrase with its last word replaced so that the checksum fails. */
function badChecksum(phrase: string): string {
  const words = phrase.split(' ');
  for (const w of wordlist) {
    const typed = [...words.slice(0, -1), w].join(' ');
    const check = checkPhrase(typed);
    if (!check.ok && check.problem.kind === 'checksum') return typed;
  }
  throw new Error('unreachable');
}

describe('re-keying, turning off and exporting', function () {
  this.timeout(60_000);

  it('Unlock with Recovery Phrase…: names a typo\'s word, refuses another journal\'s phrase, then sets a new passphrase without re-encrypting', async () => {
    const { control, phrase, dataKey } = await FakeControl.encrypted();
    const other = await createKeyFile('another journal entirely', { kdf: CHEAP_KDF });
    const w = openWindow(control);
    const words = phrase.split(' ');
    const typo = [...words.slice(0, 4), 'zzzz', ...words.slice(5)].join(' ');
    const suggested = [...words.slice(0, 4), 'abanx', ...words.slice(5)].join(' ');
    const refusals: Refusal[] = [];
    w.ui.asks.push(typing([typo, suggested, words.slice(0, 23).join(' '), badChecksum(phrase), other.phrase, `1. ${words.join('\n')}`], refusals));
    w.ui.asks.push(typing([NEW_PASSPHRASE]), typing([NEW_PASSPHRASE]));
    assert.strictEqual(await unlockWithRecoveryPhraseCommand(w.service.flows)(), true);
    assert.deepStrictEqual(
      refusals.map((r) => r.problem),
      [
        'Word 5 ("zzzz") is not in the recovery word list.',
        'Word 5 ("abanx") is not in the recovery word list. Did you mean "abandon"?',
        'That is 23 words; the recovery phrase has 24.',
        'Every word is in the list, but the phrase does not add up: a word is wrong or two are swapped.',
        'This is a valid recovery phrase, but not this journal\'s: perhaps another journal\'s, or one from before encryption was turned on again.'
      ]
    );
    assert.strictEqual(w.ui.prompts[0].password, false, 'the words are shown as typed, so typos can be seen');
    assert.deepStrictEqual(control.calls, ['rewrapKeyFile', 'unlock']);
    assert.strictEqual(control.state(), 'unlocked');
    assert.deepStrictEqual(await unlockWithPassphrase(control.bytes!, NEW_PASSPHRASE), dataKey, 'the same data key: nothing re-encrypted');
    await assert.rejects(unlockWithPassphrase(control.bytes!, PASSPHRASE), { name: 'WrongPassphraseError' });
  });

  it('Change Passphrase…: the current one (with its delay when wrong), a new one twice; the key file re-wrapped', async () => {
    const { control, dataKey } = await FakeControl.encrypted();
    const w = openWindow(control);
    const refusals: Refusal[] = [];
    w.ui.asks.push(typing(['not it at all', PASSPHRASE], refusals), typing([NEW_PASSPHRASE]), typing([NEW_PASSPHRASE]));
    assert.strictEqual(await changePassphraseCommand(w.service.flows)(), true);
    assert.match(refusals[0].problem, /does not unlock/);
    assert.strictEqual(keyFileId(control.bytes!), dataKey.keyId);
    assert.deepStrictEqual(await unlockWithPassphrase(control.bytes!, NEW_PASSPHRASE), dataKey);
    assert.ok(w.ui.shown.some((s) => /The journal was not re-encrypted, and the recovery phrase stays the same/.test(s)));
  });

  it('Turn Off Encryption…: a plain warning, the passphrase, then off; the key remembered on this device is forgotten', async () => {
    const { control, dataKey } = await FakeControl.encrypted();
    const w = openWindow(control);
    await w.secrets.store(`moodDose.dataKey.${dataKey.keyId}`, toBase64Url(dataKey.key));
    w.ui.confirms.push(false);
    assert.strictEqual(await turnOffEncryptionCommand(w.service.flows)(), false);
    assert.ok(!control.calls.includes('turnOff'));
    w.ui.confirms.push(true);
    w.ui.asks.push(typing([PASSPHRASE]));
    assert.strictEqual(await turnOffEncryptionCommand(w.service.flows)(), true);
    assert.match(w.ui.confirmed[0].detail, /readable by anyone who gets the folder/);
    assert.deepStrictEqual(control.calls, ['unlock', 'turnOff']);
    assert.strictEqual(control.state(), 'off');
    assert.strictEqual(w.secrets.values.size, 0);
  });

  it('Export Decrypted Copy…: unlocks first, warns, and never writes inside the journal folder', async () => {
    const { control } = await FakeControl.encrypted();
    const w = openWindow(control);
    w.ui.asks.push(typing([PASSPHRASE]));
    w.ui.chooses.push(() => undefined);
    w.ui.confirms.push(true);
    w.ui.saveTo = `${DATA_FOLDER}/copy.sqlite`;
    assert.strictEqual(await exportDecryptedCopyCommand(w.service.flows)(), false);
    assert.deepStrictEqual(control.exported, []);
    assert.ok(w.ui.shown.some((s) => /outside the journal folder/.test(s)));
    w.ui.confirms.push(true);
    w.ui.saveTo = '/home/me/Desktop/copy.sqlite';
    assert.strictEqual(await exportDecryptedCopyCommand(w.service.flows)(), true);
    assert.deepStrictEqual(control.exported, ['/home/me/Desktop/copy.sqlite']);
    assert.match(w.ui.confirmed[0].detail, /plain SQLite file/);
  });

  it('writes no passphrase, recovery phrase or key to the log or VS Code\'s state, whatever happens', async () => {
    const { control, phrase, dataKey } = await FakeControl.encrypted();
    const windows: Window[] = [];
    const open = () => {
      const w = openWindow(control);
      windows.push(w);
      return w;
    };
    // Wrong and right passphrases, remembered, locked, phrase typos, re-keyed, failed, turned off.
    let w = open();
    w.ui.asks.push(typing(['wrong secret words', PASSPHRASE]));
    w.ui.chooses.push((choices) => choices[1].value);
    await w.service.use(async () => undefined);
    w = open();
    await control.lock();
    w.service.flows.unlocking.lockedByUser();
    w.ui.asks.push(typing([phrase.replace(/^\w+/, 'zzzz'), phrase]), typing([NEW_PASSPHRASE]), typing([NEW_PASSPHRASE]));
    await unlockWithRecoveryPhraseCommand(w.service.flows)();
    control.rewrapKeyFile = async () => {
      throw Object.assign(new Error('disk full while writing journal.key'), { name: 'DiskFullLikeError' });
    };
    w.ui.asks.push(typing([NEW_PASSPHRASE]), typing([PASSPHRASE]), typing([PASSPHRASE]));
    await guarded('moodDose.changePassphrase', changePassphraseCommand(w.service.flows), w.log)();
    w.ui.confirms.push(true);
    w.ui.asks.push(typing([NEW_PASSPHRASE]));
    await turnOffEncryptionCommand(w.service.flows)();
    const logged = windows.flatMap((x) => x.log.lines);
    assert.ok(logged.length >= 4, logged.join('\n'));
    assert.ok(logged.some((l) => l.includes('Command moodDose.changePassphrase failed')), 'the failure was logged');
    const state = JSON.stringify(windows.map((x) => x.state.dump()));
    const words = phrase.split(' ');
    const secrets = [PASSPHRASE, NEW_PASSPHRASE, 'wrong secret words', toBase64Url(dataKey.key), phrase, ...words.slice(0, -2).map((_, i) => words.slice(i, i + 3).join(' '))];
    for (const text of [...logged, state]) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `"${text}" holds a secret`);
    }
  });
});
