import * as assert from 'assert';
import { createHash } from 'crypto';
import { InvalidRecoveryPhraseError, KeyFileError, KeyMismatchError, WrongPassphraseError, WrongRecoveryPhraseError } from '../../src/storage/crypto/errors';
import { DEFAULT_KDF } from '../../src/storage/crypto/kdf';
import { changePassphrase, createKeyFile, keyFileId, replacePhrase, unlockWithPassphrase, unlockWithPhrase } from '../../src/storage/crypto/keyFile';
import { generatePhrase } from '../../src/storage/crypto/recoveryPhrase';
import { openLine, sealLine } from '../../src/storage/crypto/sealed';

// The cheapest cost a key file may ask for, so each test derives in milliseconds; one test below
// uses the shipped default.
const CHEAP = { kdf: { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 } };
const PASS = 'correct horse battery staple';

type Json = Record<string, unknown> & { passphrase: Record<string, unknown>; recovery: Record<string, unknown> };
const parse = (bytes: Uint8Array): Json => JSON.parse(new TextDecoder().decode(bytes)) as Json;

/** Writes a changed key file back with its checksum recomputed: what a deliberate attacker would do. */
function forge(bytes: Uint8Array, change: (o: Json) => void): Uint8Array {
  const o = parse(bytes);
  change(o);
  delete o.checksum;
  const checksum = createHash('sha256').update(JSON.stringify(o)).digest('hex');
  return new TextEncoder().encode(JSON.stringify({ ...o, checksum }));
}

/** Changes one character of a base64url field to another base64url character. */
const flipChar = (s: string, at = 5) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);

async function rejectsWith(p: Promise<unknown>, check: (e: unknown) => boolean): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(check(e), `unexpected ${String(e)}`);
    return true;
  });
}

describe('crypto: the key file', function () {
  this.timeout(60_000);

  it('unlocks with the passphrase and with the recovery phrase, to the same data key and key id', async () => {
    const { bytes, phrase, dataKey } = await createKeyFile(PASS, CHEAP);
    assert.strictEqual(dataKey.key.length, 32);
    assert.strictEqual(keyFileId(bytes), dataKey.keyId);
    assert.deepStrictEqual(await unlockWithPassphrase(bytes, PASS), dataKey);
    assert.deepStrictEqual(await unlockWithPhrase(bytes, phrase), dataKey);
    // What either unlock returns opens what the other sealed.
    const unlocked = await unlockWithPhrase(bytes, phrase.toUpperCase());
    assert.strictEqual(openLine(unlocked, sealLine(dataKey, '{"mood":3}')), '{"mood":3}');
  });

  it('never writes the data key, the passphrase or the phrase into the key file', async () => {
    const { bytes, phrase, dataKey } = await createKeyFile(PASS, CHEAP);
    const text = new TextDecoder().decode(bytes);
    assert.ok(!text.includes(PASS) && !text.includes(phrase.split(' ')[0] + ' ' + phrase.split(' ')[1]));
    assert.ok(!text.includes(Buffer.from(dataKey.key).toString('base64url')) && !text.includes(Buffer.from(dataKey.key).toString('hex')));
  });

  it('says a wrong passphrase is wrong, as a typed error, as often as it is tried', async () => {
    const { bytes } = await createKeyFile(PASS, CHEAP);
    for (const wrong of ['', 'correct horse battery stapl', PASS + ' ', PASS.toUpperCase()]) {
      await assert.rejects(unlockWithPassphrase(bytes, wrong), WrongPassphraseError);
    }
    assert.ok(await unlockWithPassphrase(bytes, PASS), 'the right one still works after wrong tries');
    await assert.rejects(createKeyFile('', CHEAP), RangeError);
  });

  it('treats the same passphrase typed in composed and decomposed Unicode as the same', async () => {
    const { bytes, dataKey } = await createKeyFile('café crème', CHEAP);
    assert.deepStrictEqual(await unlockWithPassphrase(bytes, 'cafe\u0301 cre\u0300me'), dataKey);
  });

  it('changes the passphrase by re-wrapping only: same data key and key id, the old passphrase refused, the phrase still works', async () => {
    const { bytes, phrase, dataKey } = await createKeyFile(PASS, CHEAP);
    const sealed = sealLine(dataKey, '{"note":"before the change"}');
    const changed = await changePassphrase(bytes, dataKey, 'a new passphrase', CHEAP);
    await assert.rejects(unlockWithPassphrase(changed, PASS), WrongPassphraseError);
    const byNew = await unlockWithPassphrase(changed, 'a new passphrase');
    assert.deepStrictEqual(byNew, dataKey);
    const byPhrase = await unlockWithPhrase(changed, phrase);
    assert.deepStrictEqual(byPhrase, dataKey);
    assert.strictEqual(openLine(byPhrase, sealed), '{"note":"before the change"}');
    assert.deepStrictEqual(parse(changed).recovery, parse(bytes).recovery, 'the recovery wrap is untouched');
    assert.notStrictEqual(parse(changed).passphrase.salt, parse(bytes).passphrase.salt, 'a fresh salt');
  });

  it('refuses to re-wrap a data key that is not this key file\'s', async () => {
    const a = await createKeyFile(PASS, CHEAP);
    const b = await createKeyFile(PASS, CHEAP);
    await assert.rejects(changePassphrase(a.bytes, b.dataKey, 'x', CHEAP), KeyMismatchError);
    await assert.rejects(changePassphrase(a.bytes, { keyId: a.dataKey.keyId, key: b.dataKey.key }, 'x', CHEAP), KeyMismatchError);
    assert.throws(() => replacePhrase(a.bytes, b.dataKey), KeyMismatchError);
  });

  it('replaces a lost recovery phrase: the new one unlocks, the old one is refused', async () => {
    const { bytes, phrase, dataKey } = await createKeyFile(PASS, CHEAP);
    const replaced = replacePhrase(bytes, dataKey);
    assert.deepStrictEqual(await unlockWithPhrase(replaced.bytes, replaced.phrase), dataKey);
    await assert.rejects(unlockWithPhrase(replaced.bytes, phrase), WrongRecoveryPhraseError);
    assert.deepStrictEqual(await unlockWithPassphrase(replaced.bytes, PASS), dataKey);
  });

  it('tells a mistyped phrase from another journal\'s phrase', async () => {
    const { bytes, phrase } = await createKeyFile(PASS, CHEAP);
    await assert.rejects(unlockWithPhrase(bytes, generatePhrase()), WrongRecoveryPhraseError);
    const typo = phrase.split(' ');
    typo[3] = 'notaword';
    await rejectsWith(unlockWithPhrase(bytes, typo.join(' ')), (e) => e instanceof InvalidRecoveryPhraseError && e.problem.kind === 'unknown-word' && e.problem.position === 4);
  });

  it('detects a changed byte anywhere in the key file (its checksum), without a crash', async () => {
    const { bytes } = await createKeyFile(PASS, CHEAP);
    const text = new TextDecoder().decode(bytes);
    // One character changed inside each value the file holds.
    for (const field of ['keyId', 'keyCommit', 'passphrase.salt', 'passphrase.check', 'passphrase.wrapped', 'recovery.salt', 'recovery.wrapped', 'passphrase.passes']) {
      const [a, b] = field.split('.');
      const o = parse(bytes) as Record<string, Record<string, unknown>>;
      const holder = b ? o[a] : (o as Record<string, unknown>);
      const key = b ?? a;
      holder[key] = typeof holder[key] === 'number' ? (holder[key] as number) + 1 : flipChar(holder[key] as string);
      await rejectsWith(unlockWithPassphrase(new TextEncoder().encode(JSON.stringify(o)), PASS), (e) => e instanceof KeyFileError && e.reason === 'damaged');
    }
    await rejectsWith(unlockWithPassphrase(bytes.subarray(0, bytes.length - 20), PASS), (e) => e instanceof KeyFileError && e.reason === 'unreadable');
    await rejectsWith(unlockWithPassphrase(new TextEncoder().encode(text.replace('"version": 1', '"version": 2')), PASS), (e) => e instanceof KeyFileError && e.reason === 'newer');
    await rejectsWith(unlockWithPassphrase(new TextEncoder().encode('{"hello":1}'), PASS), (e) => e instanceof KeyFileError && e.reason === 'unreadable');
    await rejectsWith(unlockWithPassphrase(Uint8Array.of(0xff, 0xfe, 0x00), PASS), (e) => e instanceof KeyFileError && e.reason === 'unreadable');
  });

  it('detects a forged key file (checksum recomputed) through the authenticated wraps', async () => {
    const { bytes, phrase } = await createKeyFile(PASS, CHEAP);
    const damaged = (e: unknown) => e instanceof KeyFileError && e.reason === 'damaged';
    // A changed key id or commitment: the secret is right, the wrap's associated data is not.
    await rejectsWith(unlockWithPassphrase(forge(bytes, (o) => (o.keyId = flipChar(o.keyId as string))), PASS), damaged);
    await rejectsWith(unlockWithPhrase(forge(bytes, (o) => (o.keyCommit = flipChar(o.keyCommit as string))), phrase), damaged);
    await rejectsWith(unlockWithPassphrase(forge(bytes, (o) => (o.passphrase.wrapped = flipChar(o.passphrase.wrapped as string, 40))), PASS), damaged);
    await rejectsWith(unlockWithPhrase(forge(bytes, (o) => (o.recovery.wrapped = flipChar(o.recovery.wrapped as string, 40))), phrase), damaged);
    // A changed salt or cost derives another key: indistinguishable from a wrong passphrase, and no crash.
    await assert.rejects(unlockWithPassphrase(forge(bytes, (o) => (o.passphrase.salt = flipChar(o.passphrase.salt as string))), PASS), WrongPassphraseError);
  });

  it('refuses KDF costs no key file of ours asks for, before allocating anything', async () => {
    const { bytes } = await createKeyFile(PASS, CHEAP);
    for (const change of [(o: Json) => (o.passphrase.memoryKiB = 4 * 1024 * 1024), (o: Json) => (o.passphrase.passes = 1000), (o: Json) => (o.passphrase.parallelism = 0), (o: Json) => (o.passphrase.kdf = 'scrypt')]) {
      await rejectsWith(unlockWithPassphrase(forge(bytes, change), PASS), (e) => e instanceof KeyFileError && e.reason === 'damaged');
    }
  });

  it('stores the shipped Argon2id parameters (64 MiB, 3 passes, 1 lane, 16-byte salt) and unlocks with them', async () => {
    const { bytes, dataKey } = await createKeyFile(PASS);
    const p = parse(bytes).passphrase;
    assert.deepStrictEqual(
      { kdf: p.kdf, argonVersion: p.argonVersion, memoryKiB: p.memoryKiB, passes: p.passes, parallelism: p.parallelism, saltBytes: Buffer.from(p.salt as string, 'base64url').length },
      { kdf: 'argon2id', argonVersion: 19, memoryKiB: DEFAULT_KDF.memoryKiB, passes: DEFAULT_KDF.passes, parallelism: 1, saltBytes: 16 }
    );
    assert.deepStrictEqual([DEFAULT_KDF.memoryKiB, DEFAULT_KDF.passes], [65536, 3]);
    assert.deepStrictEqual(await unlockWithPassphrase(bytes, PASS), dataKey);
  });
});
